// The shipped guard (common/watch/guard.ts) under random runs: whatever the sensor says, in whatever order and
// with whatever holes, the guard keeps its promises to the runner.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GuardEvent, GuardState, Sample, TUNING, faceStateOf, snooze, startGuard, step } from "../../common/watch/guard";
import { DEFAULT_PROFILE, Profile } from "../../common/watch/profile";

const profileArb: fc.Arbitrary<Profile> = fc.record({
  age: fc.integer({ min: 18, max: 80 }),
  restingHr: fc.integer({ min: 40, max: 80 }),
  ceilingPercent: fc.integer({ min: 50, max: 75 }),
  capMinutes: fc.integer({ min: 10, max: 90 }),
  warnBeforeCapMinutes: fc.integer({ min: 0, max: 5 }),
  strong: fc.boolean(),
}).map((r) => ({ ...DEFAULT_PROFILE, age: r.age, restingHr: r.restingHr, ceilingFraction: r.ceilingPercent / 100, capMinutes: r.capMinutes,
  warnBeforeCapMinutes: r.warnBeforeCapMinutes, buzzStrength: r.strong ? "strong" : "gentle" }));

/** A run: stretches of HR around a level (easy, near, well over, artefacts), holes, off-wrist spells, snoozes. */
const stretchArb = fc.record({
  seconds: fc.integer({ min: 1, max: 400 }),
  level: fc.oneof(fc.integer({ min: 90, max: 140 }), fc.integer({ min: 140, max: 200 }), fc.constant(0), fc.integer({ min: 200, max: 255 })),
  noise: fc.integer({ min: 0, max: 8 }),
  every: fc.integer({ min: 1, max: 6 }),
  onWrist: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  snoozeAt: fc.option(fc.integer({ min: 0, max: 399 }), { nil: null }),
});

interface Fed { sample: Sample; events: GuardEvent[]; fresh: boolean }
type Stretch = typeof stretchArb extends fc.Arbitrary<infer T> ? T : never;

function feed(g: GuardState, stretches: Stretch[]): Fed[] {
  const out: Fed[] = [];
  let t = 1_000;
  for (const s of stretches) {
    for (let i = 0; i < s.seconds; i++, t++) {
      if (s.snoozeAt === i) snooze(g, t);
      const reading = i % s.every === 0 && s.level > 0 ? s.level + ((i * 7919) % (2 * s.noise + 1)) - s.noise : null;
      const sample: Sample = { t, bpm: reading, onWrist: s.onWrist };
      const events = step(g, sample);
      out.push({ sample, events: events.slice(), fresh: faceStateOf(g, t) !== "no-signal" });
    }
  }
  return out;
}

describe("the guard under random runs", () => {
  it("never buzzes about heart rate off the wrist or without a fresh reading, reminds no faster than it should, and keeps its totals sane", () => {
    fc.assert(fc.property(profileArb, fc.array(stretchArb, { minLength: 1, maxLength: 12 }), (profile, stretches) => {
      const g = startGuard(profile, 1_000);
      const fed = feed(g, stretches);
      let lastBreachBuzz = -Infinity;
      for (const f of fed) {
        for (const e of f.events) {
          expect(e.t).toBe(f.sample.t);
          const hrBuzz = e.pattern !== null && (e.type === "breach" || e.type === "breach-reminder" || e.type === "back-under");
          if (hrBuzz) {
            expect(f.sample.onWrist).toBe(true);
            expect(f.fresh).toBe(true);
          }
          // Within one breach (no back-under between them), buzzes come no closer than the reminder interval.
          if (e.type === "back-under") lastBreachBuzz = -Infinity;
          if (e.pattern !== null && (e.type === "breach" || e.type === "breach-reminder")) {
            expect(e.t - lastBreachBuzz).toBeGreaterThanOrEqual(Math.min(TUNING.reminderS, TUNING.marginalReminderS));
            lastBreachBuzz = e.t;
          }
        }
      }
      const tot = g.totals;
      const text = JSON.stringify(tot);
      expect(text).not.toMatch(/NaN|null|Infinity/);
      expect(tot.durationS).toBe(fed[fed.length - 1].sample.t - 1_000);
      expect(tot.movingS).toBeLessThanOrEqual(tot.durationS + 1e-9);
      expect(tot.secondsAboveCeiling).toBeLessThanOrEqual(tot.movingS + 1e-9);
      expect(tot.zoneSeconds.reduce((a, b) => a + b, 0)).toBeCloseTo(tot.movingS, 6);
      expect(tot.maxHr).toBeLessThan(260);
    }), { numRuns: 1000 });
  });

  it("a checkpointed state (JSON, as run.json holds it) carries on exactly like the live one", () => {
    fc.assert(fc.property(profileArb, fc.array(stretchArb, { minLength: 2, maxLength: 8 }), fc.integer({ min: 1, max: 7 }), (profile, stretches, cut) => {
      const at = Math.min(cut, stretches.length - 1);
      const live = startGuard(profile, 1_000);
      feed(live, stretches.slice(0, at));
      const resumed = JSON.parse(JSON.stringify(live)) as GuardState;
      const a = feed(live, stretches.slice(at));
      const b = feed(resumed, stretches.slice(at));
      expect(b.map((f) => f.events)).toEqual(a.map((f) => f.events));
      expect(resumed.totals).toEqual(live.totals);
    }), { numRuns: 500 });
  });
});
