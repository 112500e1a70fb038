// The real companion (companion/index.ts) on the fake phone: settings reach the watch only when valid, runs from
// the watch are stored once, persisted before they are acknowledged, and survive the companion being killed.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ProfileInput, validateProfile } from "../../common/watch/profile";
import {
  connectWatch, filesForWatch, killCompanion, launchCompanion, messageToPhone, messagesFromPhone, resetWorld, sendFileToPhone, userSets, world, localItem, putLocalItem, putSetting, phoneSettings, deliverAllToWatch, freshWorldEachTest,
} from "../../sim/harness/phone";
import { ACK_FILE, MAX_ACK_MESSAGE_IDS, SETTINGS_LINK_FILE, parseLinkText, runFileName } from "../../common/watch/protocol";
import { decodeHistory, decodeRecentRuns } from "../../common/phone/history";
import { RECENT_RUNS_KEY, WATCH_PROFILE_KEY } from "../../common/phone/settings-input";
import { encodeSummary, RunSummary } from "../../common/watch/summary";
import { sampleRun } from "../unit/sample-runs";

const textInput = (s: string) => JSON.stringify({ name: s });
// Seeded by the companion on first launch so the page shows the guard options in force.
const GUARD_DEFAULTS = { maxHrMethod: "age", ceilingPercent: 65, capMinutes: 30, warnBeforeCapMinutes: 5, buzzStrength: "strong", backUnderCue: true, wrapUpHint: true };
const day = (d: number) => Date.UTC(2025, 2, d, 7);
const runs = [sampleRun(day(1), 0.1), sampleRun(day(2), 0.2, { avgHr: 128 }), sampleRun(day(3), 0.3, { secondsAboveCeiling: 400 })];

function settingsSent(): unknown[] {
  return filesForWatch().filter((f) => f.name === SETTINGS_LINK_FILE).map((f) => {
    const m = parseLinkText(f.text);
    return m.ok && m.value.type === "settings" ? m.value.profile : "malformed";
  });
}

function ackedIds(): string[] {
  const acks = filesForWatch().filter((f) => f.name === ACK_FILE);
  expect(acks.length).toBeLessThanOrEqual(1); // a newer ack replaces the pending one
  if (acks.length === 0) return [];
  const m = parseLinkText(acks[0].text);
  return m.ok && m.value.type === "ack" ? m.value.ids : [];
}

function storedRuns(): RunSummary[] {
  return decodeHistory(localItem("runHistory")).history.runs;
}

async function runFromWatch(run: RunSummary): Promise<void> {
  await sendFileToPhone(runFileName(run.id), encodeSummary(run));
}

const warnings = freshWorldEachTest();

describe("settings to the watch", () => {
  it("sends the whole valid settings on every change; a newer file replaces the pending one", async () => {
    await launchCompanion();
    await userSets("age", textInput("34"));
    await userSets("restingHr", textInput("52"));
    expect(settingsSent()).toEqual([{ ...GUARD_DEFAULTS, age: "34", restingHr: "52" }]);
  });

  it("the wrap-up hint's toggle turned off goes to the watch, and the watch's check keeps it off", async () => {
    await launchCompanion();
    await userSets("wrapUpHint", "false");
    const [sent] = settingsSent();
    expect(sent).toEqual({ ...GUARD_DEFAULTS, wrapUpHint: false });
    const applied = validateProfile(sent as ProfileInput);
    expect(applied.ok && applied.profile.wrapUpHint).toBe(false);
  });

  it("never sends invalid settings, and a returning watch gets the last valid ones", async () => {
    await launchCompanion();
    await userSets("age", textInput("34"));
    await userSets("age", textInput("abc"));
    expect(settingsSent()).toEqual([{ ...GUARD_DEFAULTS, age: "34" }]);
    expect(warnings.join("\n")).toMatch(/Settings not sent.*Age must be a number, not "abc"/);
    deliverAllToWatch(); // delivered
    await connectWatch();
    expect(settingsSent()).toEqual([{ ...GUARD_DEFAULTS, age: "34" }]);
  });

  it("sends settings changed while it was not running, and everything when the face launches it", async () => {
    await launchCompanion();
    await userSets("age", textInput("34"));
    killCompanion();
    deliverAllToWatch();
    putSetting("capMinutes", "25"); // changed while the companion was not running
    await launchCompanion({ settingsChanged: true });
    expect(settingsSent()).toEqual([{ ...GUARD_DEFAULTS, age: "34", capMinutes: 25 }]);
    deliverAllToWatch();
    await launchCompanion({ fileTransfer: true }); // unchanged: nothing to send
    expect(settingsSent()).toEqual([]);
    await launchCompanion({ peerAppLaunched: true });
    expect(settingsSent()).toEqual([{ ...GUARD_DEFAULTS, age: "34", capMinutes: 25 }]);
  });

  it("starts even when the settings it last sent are corrupt in local storage: nothing counts as sent", async () => {
    for (const corrupt of ["{oops", "null", "[1,2]"]) {
      resetWorld();
      putSetting("age", textInput("abc")); // invalid: the companion would fall back to the last sent
      putLocalItem("lastSentSettings", corrupt);
      await launchCompanion({ peerAppLaunched: true });
      expect(settingsSent()).toEqual([]);
      expect(warnings.join("\n")).toMatch(/settings last sent are unreadable/);
      await userSets("age", textInput("34"));
      expect(settingsSent()).toEqual([{ ...GUARD_DEFAULTS, age: "34" }]);
      expect(JSON.parse(localItem("lastSentSettings") ?? "null")).toEqual({ ...GUARD_DEFAULTS, age: "34" });
    }
  });

  it("shows the guard options' defaults on first launch, and never overwrites the runner's choices", async () => {
    putSetting("capMinutes", "45");
    await launchCompanion();
    expect(phoneSettings()).toMatchObject({ ceilingPercent: "65", capMinutes: "45", warnBeforeCapMinutes: "5", backUnderCue: "true" });
    expect(JSON.parse(phoneSettings()["buzzStrength"]).values[0].value).toBe("strong");
    expect(phoneSettings()["age"]).toBeUndefined(); // the watch's own age fills it
  });

  it("keeps the watch's own age and resting HR for the settings page", async () => {
    await launchCompanion();
    await messageToPhone({ v: 1, type: "watch-profile", watch: { age: 41, restingHr: 52, maxHr: 188 } });
    expect(JSON.parse(phoneSettings()[WATCH_PROFILE_KEY]).watch).toEqual({ age: 41, restingHr: 52, maxHr: 188 });
    await messageToPhone({ v: 1, type: "launch-missiles" });
    expect(warnings.join("\n")).toMatch(/Ignored a message from the watch: unknown type launch-missiles/);
  });
});

describe("runs from the watch", () => {
  it("stores runs that arrive late, out of order and twice exactly once, newest first, and acknowledges them", async () => {
    await launchCompanion({ fileTransfer: true });
    await runFromWatch(runs[1]);
    await runFromWatch(runs[0]);
    await runFromWatch(runs[1]);
    await runFromWatch(runs[2]);
    expect(storedRuns()).toEqual([runs[2], runs[1], runs[0]]);
    expect(ackedIds().sort()).toEqual(runs.map((r) => r.id).sort());
    expect(decodeRecentRuns(phoneSettings()[RECENT_RUNS_KEY])).toEqual([runs[2], runs[1], runs[0]]);
  });

  it("drains runs that were waiting in the inbox when it was launched", async () => {
    for (const r of runs) await sendFileToPhone(runFileName(r.id), encodeSummary(r)); // the companion is not running yet
    await launchCompanion({ fileTransfer: true });
    expect(storedRuns()).toEqual([runs[2], runs[1], runs[0]]);
  });

  it("acknowledges nothing it could not save; the watch's re-send is stored then", async () => {
    await launchCompanion();
    world().faults.failPhoneStorage("setItem");
    await runFromWatch(runs[0]);
    expect(storedRuns()).toEqual([]);
    expect(ackedIds()).toEqual([]);
    expect(warnings.join("\n")).toMatch(/Could not save the run history/);
    await runFromWatch(runs[0]);
    expect(storedRuns()).toEqual([runs[0]]);
    expect(ackedIds()).toEqual([runs[0].id]);
  });

  it("keeps the history across a kill and relaunch, and a re-sent run is not stored twice", async () => {
    await launchCompanion();
    await runFromWatch(runs[0]);
    killCompanion();
    await launchCompanion({ fileTransfer: true });
    await runFromWatch(runs[0]);
    await runFromWatch(runs[1]);
    expect(storedRuns()).toEqual([runs[1], runs[0]]);
  });

  it("re-acknowledges when the watch reconnects (its earlier ack may be lost), also by message", async () => {
    await launchCompanion();
    await runFromWatch(runs[0]);
    deliverAllToWatch(); // the ack file got lost
    await connectWatch();
    expect(ackedIds()).toEqual([runs[0].id]);
    expect(messagesFromPhone()).toContainEqual({ v: 1, type: "ack", ids: [runs[0].id] });
  });

  it("still acknowledges by message with more runs stored than one message holds; the ack file lists them all", async () => {
    const many = Array.from({ length: 80 }, (_, i) => sampleRun(day(1) + i * 3600_000, 0.5));
    await launchCompanion({ fileTransfer: true });
    for (const run of many) await runFromWatch(run);
    expect(storedRuns().length).toBe(80);
    expect(ackedIds().length).toBe(80);
    deliverAllToWatch();
    await connectWatch(); // re-acknowledges, now also by message
    expect(ackedIds().length).toBe(80);
    const acks = messagesFromPhone().filter((m) => m.type === "ack");
    expect(acks.length).toBe(1);
    expect(acks[0].ids).toEqual(many.slice().reverse().slice(0, MAX_ACK_MESSAGE_IDS).map((r) => r.id)); // the newest
    expect(warnings.join("\n")).not.toMatch(/Could not message the watch/);
  });

  it("ignores malformed and foreign files with a log line, and the history stays intact", async () => {
    await launchCompanion();
    await runFromWatch(runs[0]);
    await sendFileToPhone(runFileName(runs[1].id), encodeSummary(runs[2])); // name and content disagree
    await sendFileToPhone(runFileName(runs[1].id), "[1,");
    await sendFileToPhone("photo.jpg", "\u0000\u0001");
    expect(storedRuns()).toEqual([runs[0]]);
    expect(warnings.join("\n")).toMatch(/holds run/);
    expect(warnings.join("\n")).toMatch(/malformed run summary/);
    expect(warnings.join("\n")).toMatch(/not a run file name: photo.jpg/);
  });

  it("survives a corrupted history store: unreadable entries are dropped, the rest kept", async () => {
    putLocalItem("runHistory", JSON.stringify({ format: 1, runs: [JSON.parse(encodeSummary(runs[0])), [1, "x"]], recentIds: [] }));
    await launchCompanion();
    await runFromWatch(runs[1]);
    expect(storedRuns()).toEqual([runs[1], runs[0]]);
    expect(warnings.join("\n")).toMatch(/skipped 1 unreadable/);
  });
});
