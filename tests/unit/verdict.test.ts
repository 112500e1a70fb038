import { describe, expect, it } from "vitest";
import { gettext } from "../../sim/phone/i18n";
import { verdictOf, weekCount, weekStartOf } from "../../common/phone/verdict";
import { sampleRun } from "./sample-runs";

const start = Date.UTC(2026, 2, 4, 7); // a Wednesday

describe("the verdict on a run", () => {
  it("says a run under the ceiling and within the cap stayed easy", () => {
    const v = verdictOf(sampleRun(start, 0.1, { secondsAboveCeiling: 0 }), gettext);
    expect(v).toEqual({ easy: true, reasons: [], text: "Stayed easy." });
  });

  it("forgives a brief hill but mentions it", () => {
    expect(verdictOf(sampleRun(start, 0.1, { secondsAboveCeiling: 45 }), gettext).text).toBe("Stayed easy (45 s briefly over 145 bpm).");
  });

  it("calls a run with minutes above the ceiling too hard, and says how long", () => {
    const v = verdictOf(sampleRun(start, 0.1, { secondsAboveCeiling: 400, movingS: 1700 }), gettext);
    expect(v.easy).toBe(false);
    expect(v.text).toBe("Too hard for a recovery run: 6 min 40 s above your 145 bpm ceiling.");
  });

  it("gives every reason: average over the ceiling, and well past the cap", () => {
    const v = verdictOf(sampleRun(start, 0.1, { secondsAboveCeiling: 2000, avgHr: 151, durationS: 3000, movingS: 2900, capMinutes: 30 }), gettext);
    expect(v.text).toBe("Too hard for a recovery run: 33 min 20 s above your 145 bpm ceiling, averaged 151 bpm, ran 20 min past the 30-min cap.");
  });

  it("names the ceiling as the highest whole bpm not over it, as the watch shows it", () => {
    expect(verdictOf(sampleRun(start, 0.1, { ceilingBpm: 145.6, secondsAboveCeiling: 400 }), gettext).text).toMatch(/your 145 bpm ceiling/);
    expect(verdictOf(sampleRun(start, 0.1, { ceilingBpm: 150, secondsAboveCeiling: 400 }), gettext).text).toMatch(/your 150 bpm ceiling/);
  });

  it("lets a run end a few minutes after the cap buzz", () => {
    expect(verdictOf(sampleRun(start, 0.1, { durationS: 30 * 60 + 240, secondsAboveCeiling: 0 }), gettext).easy).toBe(true);
  });
});

describe("recovery runs this week", () => {
  it("starts the week on Monday at local midnight", () => {
    // Wednesday 2026-03-04 07:00 UTC in UTC+1 (offset -60): Monday 2026-03-02 00:00 local = 2026-03-01 23:00 UTC.
    expect(weekStartOf(start, -60)).toBe(Date.UTC(2026, 2, 1, 23) / 1000);
    expect(weekStartOf(start, 0)).toBe(Date.UTC(2026, 2, 2) / 1000);
    // A Monday morning belongs to its own week, a Sunday night to the one before.
    expect(weekStartOf(Date.UTC(2026, 2, 2, 0, 30), 0)).toBe(Date.UTC(2026, 2, 2) / 1000);
    expect(weekStartOf(Date.UTC(2026, 2, 1, 23, 30), 0)).toBe(Date.UTC(2026, 1, 23) / 1000);
  });

  it("counts this week's runs and how many stayed easy", () => {
    const runs = [
      sampleRun(Date.UTC(2026, 2, 4, 7), 0.1),
      sampleRun(Date.UTC(2026, 2, 2, 7), 0.2, { secondsAboveCeiling: 600 }),
      sampleRun(Date.UTC(2026, 2, 1, 7), 0.3), // last Sunday
    ];
    expect(weekCount(runs, weekStartOf(start, 0))).toEqual({ runs: 2, easy: 1 });
  });
});
