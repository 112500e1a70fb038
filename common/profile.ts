// The runner's profile: what the settings say, validated into numbers the guard can trust.
// ES5-safe (runs on the watch's JerryScript): no ES2015 library calls.

export type MaxHrMethod = "age" | "tanaka" | "watch" | "measured";
export type BuzzStrength = "gentle" | "strong";

export interface Profile {
  age: number;
  restingHr: number;
  maxHrMethod: MaxHrMethod;
  /** Used when maxHrMethod is "measured"; 0 otherwise. */
  measuredMaxHr: number;
  /** Used when maxHrMethod is "watch": the watch's user.maxHeartRate; 0 when unknown. */
  watchMaxHr: number;
  /** Ceiling as a fraction of heart-rate reserve. */
  ceilingFraction: number;
  capMinutes: number;
  warnBeforeCapMinutes: number;
  buzzStrength: BuzzStrength;
  backUnderCue: boolean;
}

export var LIMITS = {
  age: { min: 10, max: 100 },
  restingHr: { min: 30, max: 120 },
  maxHr: { min: 100, max: 230 },
  ceilingPercent: { min: 50, max: 75 },
  capMinutes: { min: 10, max: 90 },
  warnBeforeCapMinutes: { min: 0, max: 30 },
};

/** Used when neither settings nor the watch know the runner: a 35-year-old with a resting HR of 60. */
export var FALLBACK_AGE = 35;
export var FALLBACK_RESTING_HR = 60;

export var DEFAULT_PROFILE: Profile = {
  age: FALLBACK_AGE,
  restingHr: FALLBACK_RESTING_HR,
  maxHrMethod: "age",
  measuredMaxHr: 0,
  watchMaxHr: 0,
  ceilingFraction: 0.65,
  capMinutes: 30,
  warnBeforeCapMinutes: 5,
  buzzStrength: "strong",
  backUnderCue: true,
};

export var MAX_HR_METHODS: MaxHrMethod[] = ["age", "tanaka", "watch", "measured"];

/** Raw input: numbers, numeric strings, or anything else a settings page or a file might hold. */
export type ProfileInput = { [key: string]: unknown };

export type ProfileResult =
  | { ok: true; profile: Profile }
  | { ok: false; errors: string[] };

function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return parseFloat(value);
  return NaN;
}

function isFiniteNumber(n: number): boolean {
  return typeof n === "number" && n === n && n !== Infinity && n !== -Infinity;
}

function readRanged(
  input: ProfileInput, key: string, label: string, unit: string,
  range: { min: number; max: number }, fallback: number, errors: string[], integer: boolean,
): number {
  var raw = input[key];
  if (raw === undefined || raw === null || raw === "") return fallback;
  var n = toNumber(raw);
  if (!isFiniteNumber(n)) {
    errors.push(label + " must be a number, not \"" + String(raw).slice(0, 20) + "\".");
    return fallback;
  }
  if (integer && Math.round(n) !== n) {
    errors.push(label + " must be a whole number" + (unit ? " of " + unit : "") + ".");
    return fallback;
  }
  if (n < range.min || n > range.max) {
    errors.push(label + " must be between " + range.min + " and " + range.max + (unit ? " " + unit : "") + " (got " + n + ").");
    return fallback;
  }
  return n;
}

/** Max HR for a profile, by its method; NaN-free: falls back to 220 - age when the chosen source is missing. */
export function maxHrOf(p: Profile): number {
  if (p.maxHrMethod === "tanaka") return 208 - 0.7 * p.age;
  if (p.maxHrMethod === "watch" && p.watchMaxHr > 0) return p.watchMaxHr;
  if (p.maxHrMethod === "measured" && p.measuredMaxHr > 0) return p.measuredMaxHr;
  return 220 - p.age;
}

/**
 * Validate raw settings into a profile. Missing fields take the defaults; wrong ones give a clear message each.
 * Keys: age, restingHr, maxHrMethod, measuredMaxHr, watchMaxHr, ceilingPercent (50-75) or ceilingFraction,
 * capMinutes, warnBeforeCapMinutes, buzzStrength, backUnderCue.
 */
export function validateProfile(input: ProfileInput, base?: Profile): ProfileResult {
  var d = base || DEFAULT_PROFILE;
  var errors: string[] = [];
  if (input === null || typeof input !== "object") {
    return { ok: false, errors: ["Settings must be an object of fields."] };
  }
  var age = readRanged(input, "age", "Age", "years", LIMITS.age, d.age, errors, true);
  var restingHr = readRanged(input, "restingHr", "Resting heart rate", "bpm", LIMITS.restingHr, d.restingHr, errors, true);

  var method = d.maxHrMethod;
  var rawMethod = input["maxHrMethod"];
  if (rawMethod !== undefined && rawMethod !== null && rawMethod !== "") {
    if (typeof rawMethod === "string" && MAX_HR_METHODS.indexOf(rawMethod as MaxHrMethod) >= 0) {
      method = rawMethod as MaxHrMethod;
    } else {
      errors.push("Max heart rate method must be one of 220 - age (age), Tanaka (tanaka), the watch's value (watch) or measured (measured).");
    }
  }
  var measuredMaxHr = readRanged(input, "measuredMaxHr", "Measured max heart rate", "bpm", LIMITS.maxHr, method === "measured" ? 0 : d.measuredMaxHr, errors, true);
  var watchMaxHr = readRanged(input, "watchMaxHr", "The watch's max heart rate", "bpm", LIMITS.maxHr, d.watchMaxHr, errors, true);
  if (method === "measured" && !(measuredMaxHr > 0)) errors.push("Enter your measured max heart rate, or choose another max heart rate method.");

  var ceilingFraction = d.ceilingFraction;
  if (input["ceilingPercent"] !== undefined && input["ceilingPercent"] !== null && input["ceilingPercent"] !== "") {
    ceilingFraction = readRanged(input, "ceilingPercent", "Ceiling", "% of heart-rate reserve", LIMITS.ceilingPercent, d.ceilingFraction * 100, errors, false) / 100;
  } else if (input["ceilingFraction"] !== undefined) {
    ceilingFraction = readRanged(input, "ceilingFraction", "Ceiling fraction", "", { min: 0.5, max: 0.75 }, d.ceilingFraction, errors, false);
  }
  var capMinutes = readRanged(input, "capMinutes", "Time cap", "minutes", LIMITS.capMinutes, d.capMinutes, errors, true);
  var warnBeforeCapMinutes = readRanged(input, "warnBeforeCapMinutes", "Warning before the cap", "minutes", LIMITS.warnBeforeCapMinutes, d.warnBeforeCapMinutes, errors, true);
  if (errors.length === 0 && warnBeforeCapMinutes >= capMinutes) {
    errors.push("The warning before the cap (" + warnBeforeCapMinutes + " min) must be shorter than the time cap (" + capMinutes + " min).");
  }

  var buzzStrength = d.buzzStrength;
  var rawStrength = input["buzzStrength"];
  if (rawStrength !== undefined && rawStrength !== null && rawStrength !== "") {
    if (rawStrength === "gentle" || rawStrength === "strong") buzzStrength = rawStrength;
    else errors.push("Buzz strength must be gentle or strong.");
  }
  var backUnderCue = d.backUnderCue;
  var rawCue = input["backUnderCue"];
  if (rawCue !== undefined && rawCue !== null && rawCue !== "") {
    if (rawCue === true || rawCue === "true") backUnderCue = true;
    else if (rawCue === false || rawCue === "false") backUnderCue = false;
    else errors.push("The back-under cue must be on or off.");
  }

  var profile: Profile = {
    age: age, restingHr: restingHr, maxHrMethod: method, measuredMaxHr: measuredMaxHr, watchMaxHr: watchMaxHr,
    ceilingFraction: ceilingFraction, capMinutes: capMinutes, warnBeforeCapMinutes: warnBeforeCapMinutes,
    buzzStrength: buzzStrength, backUnderCue: backUnderCue,
  };
  if (errors.length === 0) {
    var max = maxHrOf(profile);
    if (method === "watch" && !(watchMaxHr > 0)) {
      // Not an error: the watch may not know yet; 220 - age stands in, and the settings page says so.
    }
    if (restingHr >= max - 20) {
      errors.push("Resting heart rate (" + restingHr + ") must be well below max heart rate (" + Math.round(max) + "): check both.");
    }
  }
  if (errors.length > 0) return { ok: false, errors: errors };
  return { ok: true, profile: profile };
}
