// The settings page stores every value as a string (JSON for TextInput and Select, "true"/"false" for Toggle,
// a number for Slider). This turns those strings into the ProfileInput the watch validates, with each error
// placed next to the field it belongs to. Shared by the companion (what to send) and the settings page (what to
// show), so both agree. Pure and ES5-safe; never throws, whatever the storage holds.
import { shownValue } from "../watch/format";
import { DEFAULT_PROFILE, Profile, ProfileInput, ProfileResult, validateProfile, profileFromWatchValues } from "../watch/profile";
import { WatchProfile, parseLinkMessage } from "../watch/protocol";
import { DEFAULT_READINESS_MARGIN_BPM, READINESS_MARGIN_KEY } from "./readiness";

/** Settings-storage keys of the profile fields the runner sets (validateProfile's field names). */
export var PROFILE_KEYS = [
  "age", "restingHr", "maxHrMethod", "measuredMaxHr", "ceilingPercent",
  "capMinutes", "warnBeforeCapMinutes", "buzzStrength", "backUnderCue", "wrapUpHint",
];
/** Toggle: "true" means the watch's own resting HR (Fitbit updates it daily) instead of the typed one. */
export var USE_WATCH_RESTING_KEY = "useWatchRestingHr";
/** Written by the companion, read by the settings page. */
export var WATCH_PROFILE_KEY = "watchProfile";
export var RECENT_RUNS_KEY = "recentRuns";

export type StorageReader = (key: string) => string | null | undefined;

export interface SelectOption { name: string; value: string; }

export var MAX_HR_METHOD_OPTIONS: SelectOption[] = [
  { name: "220 - age", value: "age" },
  { name: "Tanaka (208 - 0.7 x age)", value: "tanaka" },
  { name: "The watch's max heart rate", value: "watch" },
  { name: "Measured (type it in)", value: "measured" },
];
export var BUZZ_STRENGTH_OPTIONS: SelectOption[] = [
  { name: "Strong", value: "strong" },
  { name: "Gentle", value: "gentle" },
];

function selectStored(options: SelectOption[], value: string): string {
  for (var i = 0; i < options.length; i++) {
    if (options[i].value === value) return JSON.stringify({ selected: [i], values: [options[i]] });
  }
  return "";
}

/**
 * The guard options' defaults as the settings page stores them, for the keys that hold nothing yet. Seeded by
 * the companion so sliders, selects and toggles show the values in force (with nothing stored, a Slider shows
 * its minimum and a Toggle shows off). Age and resting HR stay empty: the watch's own values fill them.
 */
export function missingDefaults(get: StorageReader): string[][] {
  var d = DEFAULT_PROFILE;
  var all = [
    ["maxHrMethod", selectStored(MAX_HR_METHOD_OPTIONS, d.maxHrMethod)],
    ["ceilingPercent", String(Math.round(d.ceilingFraction * 100))],
    ["capMinutes", String(d.capMinutes)],
    ["warnBeforeCapMinutes", String(d.warnBeforeCapMinutes)],
    ["buzzStrength", selectStored(BUZZ_STRENGTH_OPTIONS, d.buzzStrength)],
    ["backUnderCue", d.backUnderCue ? "true" : "false"],
    ["wrapUpHint", d.wrapUpHint ? "true" : "false"],
    [READINESS_MARGIN_KEY, String(DEFAULT_READINESS_MARGIN_BPM)],
  ];
  var missing: string[][] = [];
  for (var i = 0; i < all.length; i++) {
    var current: string | null | undefined = null;
    try { current = get(all[i][0]); } catch (e) { current = null; }
    if (current === null || current === undefined || current === "") missing.push(all[i]);
  }
  return missing;
}

export interface SettingsReading {
  /** Only the fields the runner set: the watch fills the rest from its own base profile. */
  input: ProfileInput;
  /** Field key -> message, for the fields whose own value is wrong. */
  fieldErrors: { [key: string]: string };
  /** Messages about how fields combine (e.g. resting HR too close to max HR). */
  otherErrors: string[];
  result: ProfileResult;
}

/** One stored string -> the raw value it stands for; undefined when unset. Unknown shapes stay as text. */
export function storedValue(raw: string | null | undefined): unknown {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw !== "string") return shownValue(raw, 40);
  var trimmed = raw.replace(/^\s+|\s+$/g, "");
  if (trimmed === "") return undefined;
  var parsed: unknown;
  try { parsed = JSON.parse(trimmed); } catch (e) { return trimmed; }
  if (typeof parsed === "string") return parsed === "" ? undefined : parsed;
  if (typeof parsed === "number" || typeof parsed === "boolean") return parsed;
  if (parsed !== null && typeof parsed === "object" && !(parsed instanceof Array)) {
    var o = parsed as { [key: string]: unknown };
    // Select: {"selected":[i],"values":[{"name":..,"value":..}]}
    var values = o["values"];
    if (values instanceof Array && values.length > 0 && values[0] !== null && typeof values[0] === "object") {
      var first = values[0] as { [key: string]: unknown };
      var v = first["value"] !== undefined ? first["value"] : first["name"];
      if (typeof v === "string" || typeof v === "number") return v === "" ? undefined : v;
    }
    // TextInput: {"name":"34"}
    var name = o["name"];
    if (typeof name === "string") return name.replace(/^\s+|\s+$/g, "") === "" ? undefined : name;
    if (typeof name === "number") return name;
  }
  // Anything else is shown back to the runner as text in the field's error message.
  return trimmed.slice(0, 40);
}

/** The watch's own profile as the companion stored it (a watch-profile message's JSON), or null. */
export function watchProfileFromStorage(text: string | null | undefined): WatchProfile | null {
  if (typeof text !== "string") return null;
  var data: unknown;
  try { data = JSON.parse(text); } catch (e) { return null; }
  var parsed = parseLinkMessage(data);
  return parsed.ok && parsed.value.type === "watch-profile" ? parsed.value.watch : null;
}

/** The base the watch validates against: its user profile where known, the documented fallback otherwise. */
export function baseProfileOf(watch: WatchProfile | null): Profile {
  return watch === null ? DEFAULT_PROFILE : profileFromWatchValues(watch.age, watch.restingHr, watch.maxHr);
}

// A base under which no field combination check can fire, so a field validated alone reports only its own
// problems (youngest age, lowest resting HR, longest cap, no warning).
var ISOLATION_BASE: Profile = {
  age: 10, restingHr: 30, maxHrMethod: "age", measuredMaxHr: 200, watchMaxHr: 0, ceilingFraction: 0.65,
  capMinutes: 90, warnBeforeCapMinutes: 0, buzzStrength: "strong", backUnderCue: true, wrapUpHint: true,
};

function fieldErrorOf(key: string, value: unknown, t?: (id: string) => string): string | null {
  var alone: ProfileInput = {};
  alone[key] = value;
  if (key === "measuredMaxHr") alone["maxHrMethod"] = "measured";
  if (key === "maxHrMethod") alone["measuredMaxHr"] = ISOLATION_BASE.measuredMaxHr;
  var r = validateProfile(alone, ISOLATION_BASE, t);
  return r.ok ? null : r.errors[0];
}

/**
 * Reads every profile field from settings storage and validates the whole against the watch's base; the problems
 * in the runner's language when `t` is given (the settings page), else in English (the companion's log).
 */
export function readSettings(get: StorageReader, watch: WatchProfile | null, t?: (id: string) => string): SettingsReading {
  var input: ProfileInput = {};
  var fieldErrors: { [key: string]: string } = {};
  var useWatchResting = storedValue(safeGet(get, USE_WATCH_RESTING_KEY)) === true && watch !== null && watch.restingHr !== null;
  var method = storedValue(safeGet(get, "maxHrMethod"));
  for (var i = 0; i < PROFILE_KEYS.length; i++) {
    var key = PROFILE_KEYS[i];
    if (key === "restingHr" && useWatchResting) continue;
    // A measured max only matters when it is the chosen method; a stale typo elsewhere must not block saving.
    if (key === "measuredMaxHr" && method !== "measured") continue;
    var value = storedValue(safeGet(get, key));
    // An unset field takes the base value, except a measured max once "measured" is chosen: that one is needed.
    if (value === undefined && key !== "measuredMaxHr") continue;
    var error = fieldErrorOf(key, value, t);
    if (error !== null) fieldErrors[key] = error;
    else input[key] = value;
  }
  var otherErrors: string[] = [];
  var result: ProfileResult;
  var hasFieldErrors = false;
  for (var k in fieldErrors) if (Object.prototype.hasOwnProperty.call(fieldErrors, k)) hasFieldErrors = true;
  var whole = validateProfile(input, baseProfileOf(watch), t);
  if (!whole.ok) {
    for (var e = 0; e < whole.errors.length; e++) if (!isFieldError(fieldErrors, whole.errors[e])) otherErrors.push(whole.errors[e]);
  }
  if (hasFieldErrors) {
    var all: string[] = [];
    for (var f in fieldErrors) if (Object.prototype.hasOwnProperty.call(fieldErrors, f)) all.push(fieldErrors[f]);
    result = { ok: false, errors: all.concat(otherErrors) };
  } else {
    result = whole;
  }
  return { input: input, fieldErrors: fieldErrors, otherErrors: otherErrors, result: result };
}

function isFieldError(fieldErrors: { [key: string]: string }, message: string): boolean {
  for (var key in fieldErrors) if (fieldErrors[key] === message) return true;
  return false;
}

function safeGet(get: StorageReader, key: string): string | null | undefined {
  try { return get(key); } catch (e) { return undefined; }
}
