import { describe, expect, it } from "vitest";
import { gettext } from "../../sim/phone/i18n";
import {
  addRestingHr, dayKeyOf, dayNumber, encodeRestingHistory, readinessFace, readinessMarginFrom, readinessOf, readinessPage, restingHistoryFrom,
  RestingDay, RESTING_HISTORY_DAYS, trimRestingHistory,
} from "../../common/phone/readiness";

/** Resting HR for consecutive days ending the day before `today`, oldest first. */
function daysBefore(today: string, bpms: number[]): RestingDay[] {
  const t = dayNumber(today);
  let h: RestingDay[] = [];
  bpms.forEach((bpm, i) => {
    h = addRestingHr(h, dayKeyOf((t - bpms.length + i) * 86400000, 0), bpm);
  });
  return h;
}

const TODAY = "2026-03-10";

describe("the resting-HR history", () => {
  it("keys days by the phone's local calendar day", () => {
    // 23:30 UTC on the 9th is already the 10th in UTC+1 (offset -60).
    expect(dayKeyOf(Date.UTC(2026, 2, 9, 23, 30), -60)).toBe("2026-03-10");
    expect(dayKeyOf(Date.UTC(2026, 2, 9, 23, 30), 0)).toBe("2026-03-09");
    expect(dayNumber("2026-02-30")).toBeNaN();
    expect(dayNumber("2026-3-1")).toBeNaN();
  });

  it("replaces a day's value when the watch reports again, and keeps days in order", () => {
    let h = addRestingHr([], "2026-03-02", 52);
    h = addRestingHr(h, "2026-03-01", 50);
    h = addRestingHr(h, "2026-03-02", 54);
    expect(h).toEqual([{ day: "2026-03-01", bpm: 50 }, { day: "2026-03-02", bpm: 54 }]);
  });

  it("ignores an impossible value instead of storing it", () => {
    const h = addRestingHr([], "2026-03-02", 52);
    expect(addRestingHr(h, "2026-03-03", 0)).toBe(h);
    expect(addRestingHr(h, "2026-03-03", 52.5)).toBe(h);
    expect(addRestingHr(h, "yesterday", 52)).toBe(h);
  });

  it("is bounded: at most 90 days, the newest kept, and trimmed to the days ending today", () => {
    let h: RestingDay[] = [];
    for (let d = 0; d < 200; d++) h = addRestingHr(h, dayKeyOf(d * 86400000, 0), 50 + (d % 5));
    expect(h.length).toBe(RESTING_HISTORY_DAYS);
    expect(RESTING_HISTORY_DAYS).toBeGreaterThanOrEqual(60);
    expect(h[h.length - 1].day).toBe(dayKeyOf(199 * 86400000, 0));
    const trimmed = trimRestingHistory(h, dayKeyOf(150 * 86400000, 0), 30);
    expect(trimmed.length).toBe(30);
    expect(trimmed[trimmed.length - 1].day).toBe(dayKeyOf(150 * 86400000, 0)); // later (future) days dropped
  });

  it("round-trips through storage and survives whatever storage holds, without throwing", () => {
    const h = daysBefore(TODAY, [50, 51, 52]);
    expect(restingHistoryFrom(encodeRestingHistory(h))).toEqual(h);
    for (const junk of [null, undefined, "", "{", "null", 42, {}, "[1,2]", [["2026-03-01"]], [["2026-13-01", 50]], [[1, 2, 3]]]) {
      expect(restingHistoryFrom(junk)).toEqual([]);
    }
    // Good entries survive next to bad ones; a repeated day keeps the later value.
    expect(restingHistoryFrom([["2026-03-01", 50], "x", ["2026-03-02", 999], ["2026-03-01", 53]])).toEqual([{ day: "2026-03-01", bpm: 53 }]);
  });
});

describe("should I run today?", () => {
  const usual = [52, 51, 53, 52, 50, 52, 54, 51, 52, 53, 52, 51, 52, 52]; // median 52

  it("hints when today's resting HR is 7 over the median of the previous 14 days", () => {
    const h = addRestingHr(daysBefore(TODAY, usual), TODAY, 59);
    const r = readinessOf(h, TODAY, 5);
    expect(r.kind).toBe("hint");
    expect(readinessFace(r, gettext)).toBe("Resting HR +7: rest or walk?");
    expect(readinessPage(r, gettext)).toMatch(/^Resting HR today is 59 bpm, 7 above your usual 52 bpm \(the median of 14 of the last 14 days\)/);
  });

  it("says nothing on the face at +4 with the default margin of 5, and hints at +4 when the margin is 4", () => {
    const h = addRestingHr(daysBefore(TODAY, usual), TODAY, 56);
    expect(readinessOf(h, TODAY).kind).toBe("usual");
    expect(readinessFace(readinessOf(h, TODAY), gettext)).toBeNull();
    expect(readinessPage(readinessOf(h, TODAY), gettext)).toMatch(/no sign you need a rest day \(the hint shows at \+5\)/);
    expect(readinessFace(readinessOf(h, TODAY, 4), gettext)).toBe("Resting HR +4: rest or walk?");
  });

  it("one odd day in the baseline does not move it (a median, not a mean)", () => {
    const withFever = usual.slice(0, 13).concat([75]);
    const h = addRestingHr(daysBefore(TODAY, withFever), TODAY, 58);
    expect(readinessOf(h, TODAY).baselineBpm).toBe(52);
    expect(readinessOf(h, TODAY).kind).toBe("hint");
  });

  it("needs 7 known days among the previous 14, and says how many it has", () => {
    const h = addRestingHr(daysBefore(TODAY, [52, 52, 52, 52, 52, 52]), TODAY, 70);
    const r = readinessOf(h, TODAY);
    expect(r.kind).toBe("needs-history");
    expect(readinessFace(r, gettext)).toBeNull();
    expect(readinessPage(r, gettext)).toBe("The resting-HR hint needs 7 days of resting HR in the last 14 (have 6).");
  });

  it("does not count days older than the 14 before today", () => {
    const h = addRestingHr(daysBefore("2026-02-20", usual), TODAY, 70);
    expect(readinessOf(h, TODAY).knownDays).toBe(0);
  });

  it("waits for today's value rather than judging yesterday's", () => {
    const r = readinessOf(daysBefore(TODAY, usual), TODAY);
    expect(r.kind).toBe("no-today");
    expect(readinessFace(r, gettext)).toBeNull();
    expect(readinessPage(r, gettext)).toMatch(/not reported today's resting heart rate yet; usual is 52 bpm/);
  });

  it("reads the margin setting as a Slider stores it, falling back to 5", () => {
    expect(readinessMarginFrom("7")).toBe(7);
    expect(readinessMarginFrom(8)).toBe(8);
    for (const bad of [null, "", "x", "2", "40", "5.5", {}]) expect(readinessMarginFrom(bad)).toBe(5);
  });
});
