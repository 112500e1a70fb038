// The runner's profile: what the settings say, validated into numbers the guard can trust.
// ES5-safe (runs on the watch's JerryScript): no ES2015 library calls.
import { fillMessage, shownValue } from "./format";

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
  /** The wrap-up hint when the heart rate drifts up at a steady effort (common/watch/wrap-up.ts). */
  wrapUpHint: boolean;
}

/** The range of each numeric settings key, looked up by the key being read (one object, not a top-level name each,
 * on the watch). */
var RANGES: { [key: string]: { min: number; max: number } } = {
  age: { min: 10, max: 100 },
  restingHr: { min: 30, max: 120 },
  measuredMaxHr: { min: 100, max: 230 },
  watchMaxHr: { min: 100, max: 230 },
  ceilingPercent: { min: 50, max: 75 },
  ceilingFraction: { min: 0.5, max: 0.75 },
  capMinutes: { min: 10, max: 90 },
  warnBeforeCapMinutes: { min: 0, max: 30 },
};

/** The same ranges by field, for the settings page's sliders and the phone. */
export var LIMITS = {
  age: RANGES.age,
  restingHr: RANGES.restingHr,
  maxHr: RANGES.measuredMaxHr,
  ceilingPercent: RANGES.ceilingPercent,
  capMinutes: RANGES.capMinutes,
  warnBeforeCapMinutes: RANGES.warnBeforeCapMinutes,
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
  wrapUpHint: true,
};

export var MAX_HR_METHODS: MaxHrMethod[] = ["age", "tanaka", "watch", "measured"];

/** Raw input: numbers, numeric strings, or anything else a settings page or a file might hold. */
export type ProfileInput = { [key: string]: unknown };

export type ProfileResult =
  | { ok: true; profile: Profile }
  | { ok: false; errors: string[] };

/**
 * What is wrong, without words: the watch only needs to know whether settings are usable, and its JavaScript
 * budget is tight, so the human messages live in validateProfile (phone, tools), which the watch never imports.
 */
export type ProblemKind =
  | "not-object" | "not-number" | "not-whole" | "out-of-range" | "unknown-choice"
  | "measured-max-missing" | "warning-not-before-cap" | "rest-not-below-max";

export interface ProfileProblem {
  field: string;
  kind: ProblemKind;
  value?: unknown;
}

export type ProfileCheck =
  | { ok: true; profile: Profile }
  | { ok: false; problems: ProfileProblem[]; profile: Profile };

function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return parseFloat(value);
  return NaN;
}

function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || raw === "";
}

function readRanged(
  input: ProfileInput, key: string, fallback: number, problems: ProfileProblem[], integer: boolean,
): number {
  var raw = input[key];
  var range = RANGES[key];
  if (isBlank(raw)) return fallback;
  var n = toNumber(raw);
  var kind: ProblemKind | null = null;
  if (!(n === n && n !== Infinity && n !== -Infinity)) kind = "not-number"; // NaN or infinite (n is a number)
  else if (integer && Math.round(n) !== n) kind = "not-whole";
  else if (n < range.min || n > range.max) kind = "out-of-range";
  if (kind === null) return n;
  problems.push({ field: key, kind: kind, value: raw });
  return fallback;
}

function readChoice<T>(input: ProfileInput, key: string, choices: unknown[], fallback: T, problems: ProfileProblem[]): T {
  var raw = input[key];
  if (isBlank(raw)) return fallback;
  if (choices.indexOf(raw) >= 0) return raw as T;
  problems.push({ field: key, kind: "unknown-choice", value: raw });
  return fallback;
}

/** Max HR for a profile, by its method; NaN-free: falls back to 220 - age when the chosen source is missing. */
export function maxHrOf(p: Profile): number {
  if (p.maxHrMethod === "tanaka") return 208 - 0.7 * p.age;
  if (p.maxHrMethod === "watch" && p.watchMaxHr > 0) return p.watchMaxHr;
  if (p.maxHrMethod === "measured" && p.measuredMaxHr > 0) return p.measuredMaxHr;
  return 220 - p.age;
}

/** An on/off setting: true/false or "true"/"false"; blank keeps the base's. */
function readSwitch(input: ProfileInput, field: string, base: boolean, problems: ProfileProblem[]): boolean {
  var v = readChoice<unknown>(input, field, [true, "true", false, "false"], base, problems);
  return v === true || v === "true";
}

/**
 * Check raw settings. Missing fields take the base's values (the defaults when no base is given). The profile
 * is usable only when ok; otherwise `problems` says which fields are wrong and how.
 * Keys: age, restingHr, maxHrMethod, measuredMaxHr, watchMaxHr, ceilingPercent (50-75) or ceilingFraction,
 * capMinutes, warnBeforeCapMinutes, buzzStrength, backUnderCue and wrapUpHint ("true"/"false" too).
 */
export function checkProfile(input: ProfileInput, base?: Profile): ProfileCheck {
  var d = base || DEFAULT_PROFILE;
  var problems: ProfileProblem[] = [];
  if (input === null || typeof input !== "object") {
    return { ok: false, problems: [{ field: "", kind: "not-object" }], profile: d };
  }
  var age = readRanged(input, "age", d.age, problems, true);
  var restingHr = readRanged(input, "restingHr", d.restingHr, problems, true);
  var method = readChoice(input, "maxHrMethod", MAX_HR_METHODS, d.maxHrMethod, problems);
  var measuredMaxHr = readRanged(input, "measuredMaxHr", method === "measured" ? 0 : d.measuredMaxHr, problems, true);
  var watchMaxHr = readRanged(input, "watchMaxHr", d.watchMaxHr, problems, true);
  if (method === "measured" && !(measuredMaxHr > 0) && isBlank(input["measuredMaxHr"])) {
    problems.push({ field: "measuredMaxHr", kind: "measured-max-missing" });
  }
  var ceilingFraction = d.ceilingFraction;
  if (!isBlank(input["ceilingPercent"])) {
    ceilingFraction = readRanged(input, "ceilingPercent", d.ceilingFraction * 100, problems, false) / 100;
  } else if (input["ceilingFraction"] !== undefined) {
    ceilingFraction = readRanged(input, "ceilingFraction", d.ceilingFraction, problems, false);
  }
  var capMinutes = readRanged(input, "capMinutes", d.capMinutes, problems, true);
  var warnBeforeCapMinutes = readRanged(input, "warnBeforeCapMinutes", d.warnBeforeCapMinutes, problems, true);
  if (problems.length === 0 && warnBeforeCapMinutes >= capMinutes) {
    problems.push({ field: "warnBeforeCapMinutes", kind: "warning-not-before-cap", value: [warnBeforeCapMinutes, capMinutes] });
  }
  var buzzStrength = readChoice(input, "buzzStrength", ["gentle", "strong"], d.buzzStrength, problems);
  var backUnderCue = readSwitch(input, "backUnderCue", d.backUnderCue, problems);
  var wrapUpHint = readSwitch(input, "wrapUpHint", d.wrapUpHint, problems);

  var profile: Profile = {
    age: age, restingHr: restingHr, maxHrMethod: method, measuredMaxHr: measuredMaxHr, watchMaxHr: watchMaxHr,
    ceilingFraction: ceilingFraction, capMinutes: capMinutes, warnBeforeCapMinutes: warnBeforeCapMinutes,
    buzzStrength: buzzStrength, backUnderCue: backUnderCue, wrapUpHint: wrapUpHint,
  };
  // The watch's max may be unknown yet: not an error, 220 - age stands in (maxHrOf) and the phone says so.
  if (problems.length === 0 && restingHr >= maxHrOf(profile) - 20) {
    problems.push({ field: "restingHr", kind: "rest-not-below-max" });
  }
  if (problems.length > 0) return { ok: false, problems: problems, profile: d };
  return { ok: true, profile: profile };
}

// The problems' words, by message id: English here (tools, the companion's log), in the runner's language on the
// settings page through the translator it passes (settings/i18n/*.po; tests/unit/translations.test.ts checks the
// English there is this).
export var PROBLEM_WORDS: { [id: string]: string } = {
  problem_field_age: "Age",
  problem_unit_years: "years",
  problem_field_resting: "Resting heart rate",
  problem_unit_bpm: "bpm",
  problem_field_measured: "Measured max heart rate",
  problem_field_watch_max: "The watch's max heart rate",
  problem_field_ceiling: "Ceiling",
  problem_unit_reserve: "% of heart-rate reserve",
  problem_field_fraction: "Ceiling fraction",
  problem_field_cap: "Time cap",
  problem_unit_minutes: "minutes",
  problem_field_warning: "Warning before the cap",
  problem_not_object: "Settings must be an object of fields.",
  problem_not_number: "{field} must be a number, not \"{value}\".",
  problem_not_whole_unit: "{field} must be a whole number of {unit}.",
  problem_not_whole: "{field} must be a whole number.",
  problem_range_unit: "{field} must be between {min} and {max} {unit} (got {got}).",
  problem_range: "{field} must be between {min} and {max} (got {got}).",
  problem_choice_method: "Max heart rate method must be one of 220 - age (age), Tanaka (tanaka), the watch's value (watch) or measured (measured).",
  problem_choice_strength: "Buzz strength must be gentle or strong.",
  problem_choice_cue: "The back-under cue must be on or off.",
  problem_measured_missing: "Enter your measured max heart rate, or choose another max heart rate method.",
  problem_warning_cap: "The warning before the cap ({warn} min) must be shorter than the time cap ({cap} min).",
  problem_invalid: "{field} is not valid.",
  problem_rest_max: "Resting heart rate ({rest}) must be well below max heart rate ({max}): check both.",
};

var FIELD_TEXT: { [field: string]: [string, string] } = {
  age: ["problem_field_age", "problem_unit_years"],
  restingHr: ["problem_field_resting", "problem_unit_bpm"],
  measuredMaxHr: ["problem_field_measured", "problem_unit_bpm"],
  watchMaxHr: ["problem_field_watch_max", "problem_unit_bpm"],
  ceilingPercent: ["problem_field_ceiling", "problem_unit_reserve"],
  ceilingFraction: ["problem_field_fraction", ""],
  capMinutes: ["problem_field_cap", "problem_unit_minutes"],
  warnBeforeCapMinutes: ["problem_field_warning", "problem_unit_minutes"],
};

function english(id: string): string {
  return PROBLEM_WORDS[id] || id;
}

/** One clear sentence per problem: in the runner's language through `t` (the settings page), else English. */
export function describeProblem(p: ProfileProblem, t?: (id: string) => string): string {
  var tr = t || english;
  var text = FIELD_TEXT[p.field] || [p.field, ""];
  var v: { [name: string]: string | number } = { field: text[0] ? tr(text[0]) : p.field, unit: text[1] ? tr(text[1]) : "" };
  var range = RANGES[p.field];
  switch (p.kind) {
    case "not-object": return tr("problem_not_object");
    case "not-number":
      v.value = shownValue(p.value, 20);
      return fillMessage(tr, "problem_not_number", v);
    case "not-whole": return fillMessage(tr, text[1] ? "problem_not_whole_unit" : "problem_not_whole", v);
    case "out-of-range":
      v.min = range.min;
      v.max = range.max;
      v.got = toNumber(p.value);
      return fillMessage(tr, text[1] ? "problem_range_unit" : "problem_range", v);
    case "unknown-choice":
      if (p.field === "maxHrMethod") return tr("problem_choice_method");
      if (p.field === "buzzStrength") return tr("problem_choice_strength");
      return tr("problem_choice_cue");
    case "measured-max-missing": return tr("problem_measured_missing");
    case "warning-not-before-cap":
      var warnAndCap = p.value as number[];
      return fillMessage(tr, "problem_warning_cap", { warn: warnAndCap[0], cap: warnAndCap[1] });
    case "rest-not-below-max": return "";
  }
  return fillMessage(tr, "problem_invalid", v);
}

/** checkProfile with a clear, human message for every problem (never NaN, never a throw), through `t` if given. */
export function validateProfile(input: ProfileInput, base?: Profile, t?: (id: string) => string): ProfileResult {
  var c = checkProfile(input, base);
  if (c.ok) return c;
  var errors: string[] = [];
  for (var i = 0; i < c.problems.length; i++) {
    var p = c.problems[i];
    if (p.kind === "rest-not-below-max") {
      var attempted = checkRestAgainstMax(input, base);
      errors.push(fillMessage(t || english, "problem_rest_max", { rest: attempted[0], max: attempted[1] }));
    } else {
      errors.push(describeProblem(p, t));
    }
  }
  return { ok: false, errors: errors };
}

/** The resting and max HR the input asked for, for the message (checkProfile returns the base on failure). */
function checkRestAgainstMax(input: ProfileInput, base?: Profile): [number, number] {
  var relaxed: ProfileInput = {};
  for (var k in input) if (k !== "restingHr") relaxed[k] = input[k];
  var c = checkProfile(relaxed, base);
  var rest = isBlank(input["restingHr"]) ? (base || DEFAULT_PROFILE).restingHr : toNumber(input["restingHr"]);
  return [rest, Math.round(maxHrOf(c.profile))];
}

/**
 * The profile from what the watch knows of the runner (user-profile's age, resting and max HR; any may be
 * unknown), on top of the fallback. A value out of range is dropped alone, so one odd value (say a resting HR
 * the watch has not learned yet) does not cost the others. Used by the watch and by the phone, which learns
 * these values from the watch.
 */
/** A value the watch reports, as a whole number; null when it does not know it (missing, not a number, or 0). One
 * rule for the watch's defaults here and for what app/sync.ts tells the phone. */
export function watchValue(n: number | null | undefined): number | null {
  return typeof n === "number" && n > 0 ? Math.round(n) : null;
}

export function profileFromWatchValues(age: number | null | undefined, restingHr: number | null | undefined, maxHr: number | null | undefined): Profile {
  var known: ProfileInput = {};
  var v = watchValue(age);
  if (v !== null) known["age"] = v;
  if ((v = watchValue(restingHr)) !== null) known["restingHr"] = v;
  if ((v = watchValue(maxHr)) !== null) known["watchMaxHr"] = v;
  var all = checkProfile(known);
  if (all.ok) return all.profile;
  var p = DEFAULT_PROFILE;
  for (var key in known) {
    var one: ProfileInput = {};
    one[key] = known[key];
    var single = checkProfile(one, p);
    if (single.ok) p = single.profile;
  }
  return p;
}
