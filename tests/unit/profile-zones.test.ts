import { describe, expect, it } from "vitest";
import { validateProfile, DEFAULT_PROFILE, maxHrOf, Profile, profileFromWatchValues } from "../../common/watch/profile";
import { ceilingDisplayBpm, ceilingOf, zoneOf, zoneBoundsBpm } from "../../common/watch/zones";

function profile(input: Record<string, unknown>): Profile {
  const r = validateProfile(input);
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.profile;
}

describe("the ceiling (Karvonen)", () => {
  it("matches the source's worked example: age 23, resting 50 -> 145.55 bpm; 145 is fine, 146 is over", () => {
    const p = profile({ age: 23, restingHr: 50 });
    expect(maxHrOf(p)).toBe(197);
    expect(ceilingOf(p)).toBeCloseTo(145.55, 2);
    expect(145 > ceilingOf(p)).toBe(false);
    expect(146 > ceilingOf(p)).toBe(true);
  });

  it("shows the ceiling as the highest whole bpm that is not over it", () => {
    expect(ceilingDisplayBpm(145.55)).toBe(145);
    expect(ceilingDisplayBpm(145.6)).toBe(145);
    expect(ceilingDisplayBpm(150)).toBe(150); // 150 is not over 150
    expect(ceilingDisplayBpm(149.99)).toBe(149);
  });

  it("uses each max-HR method", () => {
    expect(maxHrOf(profile({ age: 40, maxHrMethod: "tanaka" }))).toBeCloseTo(180, 5);
    expect(maxHrOf(profile({ age: 40, maxHrMethod: "watch", watchMaxHr: 191 }))).toBe(191);
    expect(maxHrOf(profile({ age: 40, maxHrMethod: "measured", measuredMaxHr: 195 }))).toBe(195);
    // The watch may not know its max yet: 220 - age stands in rather than NaN.
    expect(maxHrOf(profile({ age: 40, maxHrMethod: "watch" }))).toBe(180);
  });

  it("moves with the ceiling percentage", () => {
    const p = profile({ age: 30, restingHr: 60, ceilingPercent: 70 });
    expect(ceilingOf(p)).toBeCloseTo(60 + 0.7 * 130, 5);
  });
});

describe("zones by % of heart-rate reserve", () => {
  const p = profile({ age: 23, restingHr: 50 }); // HRR 147
  it("puts the default ceiling in low zone 2", () => {
    expect(zoneOf(ceilingOf(p), p.restingHr, maxHrOf(p))).toBe(2);
  });
  it("has six bands from below zone 1 to zone 5", () => {
    expect(zoneOf(100, 50, 197)).toBe(0); // 34% HRR
    expect(zoneOf(130, 50, 197)).toBe(1); // 54%
    expect(zoneOf(160, 50, 197)).toBe(3); // 75%
    expect(zoneOf(185, 50, 197)).toBe(5); // 92%
    expect(zoneBoundsBpm(p).map((b) => Math.round(b * 10) / 10)).toEqual([123.5, 138.2, 152.9, 167.6, 182.3, 197]);
  });
});

describe("profile validation", () => {
  it("gives the defaults for empty settings", () => {
    expect(profile({})).toEqual(DEFAULT_PROFILE);
  });
  it("accepts numeric strings as the settings page stores them", () => {
    expect(profile({ age: "41", restingHr: " 55 ", capMinutes: "25" })).toMatchObject({ age: 41, restingHr: 55, capMinutes: 25 });
  });
  it.each([
    [{ age: 5 }, /Age must be between 10 and 100/],
    [{ age: "abc" }, /Age must be a number, not "abc"/],
    [{ age: 30.5 }, /Age must be a whole number/],
    [{ restingHr: 150 }, /Resting heart rate must be between 30 and 120/],
    [{ age: 95, restingHr: 110 }, /Resting heart rate \(110\) must be well below max heart rate \(125\)/],
    [{ maxHrMethod: "guess" }, /Max heart rate method must be one of/],
    [{ maxHrMethod: "measured" }, /Enter your measured max heart rate/],
    [{ ceilingPercent: 90 }, /Ceiling must be between 50 and 75/],
    [{ capMinutes: 5 }, /Time cap must be between 10 and 90/],
    [{ capMinutes: 10, warnBeforeCapMinutes: 10 }, /warning before the cap \(10 min\) must be shorter than the time cap/],
    [{ buzzStrength: "loud" }, /Buzz strength must be gentle or strong/],
  ])("rejects %j with a clear message", (input, message) => {
    const r = validateProfile(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join("\n")).toMatch(message);
  });
  it("lists every problem at once, never NaN, never a throw", () => {
    const r = validateProfile({ age: "NaN", restingHr: Infinity, capMinutes: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toHaveLength(3);
    expect(validateProfile(null as never)).toEqual({ ok: false, errors: ["Settings must be an object of fields."] });
  });
});

describe("the profile from the watch's own values", () => {
  it("uses what the watch knows and falls back for the rest", () => {
    expect(profileFromWatchValues(41, 52, 183)).toMatchObject({ age: 41, restingHr: 52, watchMaxHr: 183 });
    expect(profileFromWatchValues(undefined, null, undefined)).toEqual(DEFAULT_PROFILE);
  });
  it("drops one odd value without losing the others", () => {
    // A resting HR of 0 or 150 (not learned yet, or nonsense) must not cost the age.
    expect(profileFromWatchValues(41, 150, undefined)).toMatchObject({ age: 41, restingHr: DEFAULT_PROFILE.restingHr });
  });
});

it("validation never throws on hostile values", () => {
  const r = validateProfile({ age: { toString: false } });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.errors[0]).toBe('Age must be a number, not "(object)".');
});
