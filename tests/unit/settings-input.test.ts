import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readSettings, storedValue, baseProfileOf, PROFILE_KEYS, USE_WATCH_RESTING_KEY } from "../../common/phone/settings-input";
import { ceilingOf } from "../../common/watch/zones";
import { maxHrOf } from "../../common/watch/profile";

// What the Fitbit settings components store: TextInput and Select as JSON, Slider as a number, Toggle as a boolean.
const textInput = (s: string) => JSON.stringify({ name: s });
const select = (name: string, value: string) => JSON.stringify({ selected: [0], values: [{ name, value }] });
const reader = (stored: Record<string, string>) => (key: string) => (key in stored ? stored[key] : null);

describe("reading the settings page's stored strings", () => {
  it("unwraps each component's format", () => {
    expect(storedValue(textInput("34"))).toBe("34");
    expect(storedValue(select("Tanaka", "tanaka"))).toBe("tanaka");
    expect(storedValue("65")).toBe(65);
    expect(storedValue("true")).toBe(true);
    expect(storedValue(textInput("  "))).toBeUndefined();
    expect(storedValue(null)).toBeUndefined();
  });

  it("gives the source's worked example ceiling from typed age and resting HR", () => {
    const r = readSettings(reader({ age: textInput("23"), restingHr: textInput("50") }), null);
    expect(r.result.ok).toBe(true);
    if (r.result.ok) expect(ceilingOf(r.result.profile)).toBeCloseTo(145.55, 2);
    expect(r.input).toEqual({ age: "23", restingHr: "50" });
  });

  it("puts a clear message next to the wrong field and keeps the rest", () => {
    const r = readSettings(reader({ age: textInput("abc"), restingHr: textInput("50"), capMinutes: "30" }), null);
    expect(r.result.ok).toBe(false);
    expect(r.fieldErrors.age).toMatch(/Age must be a number/);
    expect(Object.keys(r.fieldErrors)).toEqual(["age"]);
    expect(r.input).toEqual({ restingHr: "50", capMinutes: 30 });
  });

  it("reports fields that only fail together apart from the fields", () => {
    const r = readSettings(reader({ age: textInput("90"), restingHr: textInput("115") }), null);
    expect(r.fieldErrors).toEqual({});
    expect(r.otherErrors.join(" ")).toMatch(/Resting heart rate \(115\) must be well below max heart rate \(130\)/);
    const cap = readSettings(reader({ capMinutes: "10", warnBeforeCapMinutes: "15" }), null);
    expect(cap.otherErrors.join(" ")).toMatch(/warning before the cap/);
  });

  it("asks for the measured max next to its field once 'measured' is chosen, and ignores it otherwise", () => {
    const missing = readSettings(reader({ maxHrMethod: select("Measured", "measured") }), null);
    expect(missing.fieldErrors.measuredMaxHr).toMatch(/Enter your measured max heart rate/);
    expect(missing.otherErrors).toEqual([]);
    const stale = readSettings(reader({ maxHrMethod: select("220 - age", "age"), measuredMaxHr: textInput("9999") }), null);
    expect(stale.result.ok).toBe(true);
    const given = readSettings(reader({ age: textInput("40"), maxHrMethod: select("Measured", "measured"), measuredMaxHr: textInput("195") }), null);
    expect(given.result.ok && maxHrOf(given.result.profile)).toBe(195);
  });

  it("uses the watch's own resting HR and max HR when chosen, as the watch will", () => {
    const watch = { age: 41, restingHr: 52, maxHr: 188 };
    const r = readSettings(reader({ [USE_WATCH_RESTING_KEY]: "true", restingHr: textInput("70"), maxHrMethod: select("Watch", "watch") }), watch);
    expect(r.input.restingHr).toBeUndefined();
    expect(r.result.ok).toBe(true);
    if (r.result.ok) {
      expect(r.result.profile.restingHr).toBe(52);
      expect(r.result.profile.age).toBe(41);
      expect(maxHrOf(r.result.profile)).toBe(188);
    }
    // Without the toggle the typed value wins.
    const typed = readSettings(reader({ restingHr: textInput("70") }), watch);
    expect(typed.result.ok && typed.result.profile.restingHr).toBe(70);
  });

  it("keeps the watch's values that are in range when one is not", () => {
    const base = baseProfileOf({ age: 41, restingHr: 250, maxHr: null });
    expect(base.age).toBe(41);
    expect(base.restingHr).toBe(60);
  });
});

describe("settings parser fuzz", () => {
  const storedString = fc.oneof(
    fc.string(),
    fc.json(),
    fc.integer({ min: -1000, max: 1000 }).map(String),
    fc.string().map(textInput),
    fc.tuple(fc.string(), fc.string()).map(([n, v]) => select(n, v)),
    fc.constantFrom("true", "false", "null", "[]", "{}", '{"name":null}', '{"values":[null]}', "NaN", "1e400"),
  );
  const storage = fc.dictionary(fc.constantFrom(...PROFILE_KEYS, USE_WATCH_RESTING_KEY), storedString);
  const watch = fc.option(fc.record({
    age: fc.option(fc.integer({ min: -5, max: 150 })),
    restingHr: fc.option(fc.integer({ min: 0, max: 300 })),
    maxHr: fc.option(fc.integer({ min: 0, max: 300 })),
  }));

  it("always gives a valid profile or clear messages, never an exception or NaN", () => {
    fc.assert(fc.property(storage, watch, (stored, w) => {
      const r = readSettings(reader(stored), w);
      if (r.result.ok) {
        const p = r.result.profile;
        expect(Number.isFinite(ceilingOf(p))).toBe(true);
        expect(ceilingOf(p)).toBeGreaterThan(p.restingHr);
        expect(ceilingOf(p)).toBeLessThan(maxHrOf(p));
        expect(Object.keys(r.fieldErrors)).toEqual([]);
      } else {
        expect(r.result.errors.length).toBeGreaterThan(0);
        for (const e of r.result.errors) expect(e).toMatch(/^[A-Z].{10,}[.)]$/s);
      }
      // Nothing that failed on its own is ever sent.
      for (const key of Object.keys(r.fieldErrors)) expect(r.input[key]).toBeUndefined();
    }), { numRuns: 3000 });
  });
});
