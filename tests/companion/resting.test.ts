// The phone's daily resting-HR history (companion/resting-store.ts on the sim's phone): built from the watch's
// watch-profile messages, kept in local storage and mirrored for the settings page, never written over what could
// not be read (issue 10's rule), and the readiness hint goes to the watch in the settings file.
import { describe, expect, it } from "vitest";
import {
  connectWatch, filesForWatch, launchCompanion, localItem, messageToPhone, phoneSettings, putLocalItem, userSets, world, freshWorldEachTest,
  deliverAllToWatch,
} from "../../sim/harness/phone";
import { SETTINGS_LINK_FILE, parseLinkText, watchProfileMessage } from "../../common/watch/protocol";
import { setLanguage } from "../../sim/phone/i18n";
import {
  RESTING_HISTORY_DAYS, RESTING_HISTORY_KEY, RestingDay, dayKeyOf, encodeRestingHistory, restingHistoryFrom,
} from "../../common/phone/readiness";

const warnings = freshWorldEachTest();
const DAY_MS = 86400_000;

function today(offsetDays = 0): string {
  const now = Date.now() + offsetDays * DAY_MS; // the world's clock: the companion's Date is the same
  return dayKeyOf(now, new Date(now).getTimezoneOffset());
}

/** `n` days of `bpm` ending yesterday, as the companion stores them. */
function pastDays(n: number, bpm: number): string {
  const days: RestingDay[] = [];
  for (let i = n; i >= 1; i--) days.push({ day: today(-i), bpm });
  return encodeRestingHistory(days);
}

async function watchSays(restingHr: number | null): Promise<void> {
  await messageToPhone(watchProfileMessage({ age: 30, restingHr, maxHr: null }));
}

/** The hint in the newest settings file queued for the watch (undefined: none), or "no file". */
function hintSent(): string | undefined {
  const files = filesForWatch().filter((f) => f.name === SETTINGS_LINK_FILE);
  if (files.length === 0) return "no file";
  const m = parseLinkText(files[files.length - 1].text);
  return m.ok && m.value.type === "settings" ? m.value.hint : "malformed";
}

describe("the resting-HR history on the phone", () => {
  it("keeps one value a day from the watch, the latest of the day, in local storage and for the page", async () => {
    await launchCompanion();
    await watchSays(52);
    await watchSays(54); // later the same day: replaces the earlier one
    expect(restingHistoryFrom(localItem("restingHistory"))).toEqual([{ day: today(), bpm: 54 }]);
    world().clock.jump(DAY_MS);
    await watchSays(50);
    expect(restingHistoryFrom(localItem("restingHistory"))).toEqual([{ day: today(-1), bpm: 54 }, { day: today(), bpm: 50 }]);
    expect(phoneSettings()[RESTING_HISTORY_KEY]).toBe(localItem("restingHistory"));
    await watchSays(null); // the watch does not know it today: nothing changes
    expect(restingHistoryFrom(localItem("restingHistory"))).toHaveLength(2);
  });

  it("is bounded: days older than RESTING_HISTORY_DAYS are dropped", async () => {
    putLocalItem("restingHistory", pastDays(RESTING_HISTORY_DAYS + 20, 50));
    await launchCompanion();
    await watchSays(51);
    const kept = restingHistoryFrom(localItem("restingHistory"));
    expect(kept).toHaveLength(RESTING_HISTORY_DAYS);
    expect(kept[kept.length - 1]).toEqual({ day: today(), bpm: 51 });
    expect(kept[0].day).toBe(today(-(RESTING_HISTORY_DAYS - 1)));
  });

  it("shows the stored history to the page when the companion starts", async () => {
    putLocalItem("restingHistory", pastDays(3, 50));
    await launchCompanion();
    expect(phoneSettings()[RESTING_HISTORY_KEY]).toBe(pastDays(3, 50));
  });

  it("a localStorage.getItem that throws never leads to a write over the history it could not read", async () => {
    const stored = pastDays(10, 50);
    putLocalItem("restingHistory", stored);
    world().faults.failPhoneStorage("getItem", 1); // the first read, the resting history's at launch
    await launchCompanion();
    expect(world().faults.injected["phone-getItem"]).toBe(1);
    await watchSays(58);
    expect(localItem("restingHistory")).toBe(stored); // not written over
    expect(warnings.join("\n")).toMatch(/Could not read the resting-HR history/);
    // The page still gets today's value (from memory).
    expect(restingHistoryFrom(phoneSettings()[RESTING_HISTORY_KEY])).toEqual([{ day: today(), bpm: 58 }]);
  });

  it("stored text it cannot read back is kept, not written over, and says so", async () => {
    for (const junk of ["{oops", "[[\"2026-02-30\",50]]", "{\"days\":[]}", pastDays(3, 50).replace("]]", "],[\"x\",1]]")]) {
      putLocalItem("restingHistory", junk);
      await launchCompanion();
      await watchSays(52);
      expect(localItem("restingHistory")).toBe(junk);
      expect(warnings.join("\n")).toMatch(/resting-HR history in local storage is unreadable/);
    }
  });

  it("a setItem that throws is logged; the history goes on in memory and reaches the page", async () => {
    await launchCompanion();
    world().faults.failPhoneStorage("setItem", 1);
    await watchSays(52);
    expect(localItem("restingHistory")).toBeNull();
    expect(warnings.join("\n")).toMatch(/Could not save the resting-HR history/);
    expect(restingHistoryFrom(phoneSettings()[RESTING_HISTORY_KEY])).toEqual([{ day: today(), bpm: 52 }]);
  });
});

describe("the readiness hint to the watch's idle face", () => {
  it("rides in the settings file when today's resting HR is raised, and goes when the margin is raised past it", async () => {
    putLocalItem("restingHistory", pastDays(8, 48));
    await launchCompanion();
    await connectWatch();
    deliverAllToWatch();
    await watchSays(55);
    expect(hintSent()).toBe("Resting HR +7: rest or walk?");
    deliverAllToWatch();
    await userSets("readinessMarginBpm", "8");
    expect(hintSent()).toBeUndefined(); // the settings again, without a hint
    deliverAllToWatch();
    await userSets("readinessMarginBpm", "7");
    expect(hintSent()).toBe("Resting HR +7: rest or walk?");
  });

  it("is worded in the phone's language, and follows a change of it", async () => {
    setLanguage("es-MX");
    putLocalItem("restingHistory", pastDays(8, 48));
    await launchCompanion();
    await connectWatch();
    await watchSays(60);
    expect(hintSent()).toBe("FC en reposo +12: ¿descansar o caminar?");
    setLanguage("de-DE");
    deliverAllToWatch();
    await userSets("readinessMarginBpm", "6"); // the next settings file, in the new language
    expect(hintSent()).toBe("Ruhepuls +12: Pause oder gehen?");
  });

  it("is left out without 7 known days, or when today is usual", async () => {
    putLocalItem("restingHistory", pastDays(6, 48));
    await launchCompanion({ peerAppLaunched: true });
    await watchSays(60);
    expect(hintSent()).toBeUndefined();
    putLocalItem("restingHistory", pastDays(8, 52));
    await launchCompanion({ peerAppLaunched: true });
    deliverAllToWatch();
    await watchSays(53);
    expect(hintSent()).toBe("no file"); // nothing changed for the watch: no new file
  });
});
