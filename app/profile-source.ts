// Where the runner's profile comes from, in order:
//   1. the settings file on the watch, SETTINGS_FILE ("settings.json"): a JSON object of ProfileInput fields
//      (see common/profile.ts checkProfile), written when settings arrive from the phone;
//   2. for every field the settings leave out: the watch's own user profile (age, resting HR, max HR as
//      watchMaxHr), when the watch knows them and access_user_profile is granted;
//   3. otherwise the documented fallback, DEFAULT_PROFILE in common/profile.ts (a 35-year-old, resting 60).
// A missing settings file is normal; a corrupt or invalid one is logged and ignored (the fallback applies).
// The phone side calls applyProfile(input) (or reloadProfile() after writing the file) and the face follows
// without a restart. A run in progress keeps the profile it started with: the guard froze it at the start.
import * as fs from "fs";
import { me } from "appbit";
import { user } from "user-profile";
import { DEFAULT_PROFILE, Profile, ProfileInput, ProfileCheck, checkProfile } from "../common/profile";

export var SETTINGS_FILE = "settings.json";

var current: Profile = DEFAULT_PROFILE;
var listeners: Array<(p: Profile) => void> = [];

function positive(n: number | undefined): number | undefined {
  return typeof n === "number" && n > 0 ? Math.round(n) : undefined;
}

/** The watch's own idea of the runner, on top of the fallback. Fields it does not know stay at the fallback. */
export function watchDefaults(): Profile {
  var granted = false;
  try {
    granted = me.permissions.granted("access_user_profile");
  } catch (e) {
    granted = false;
  }
  if (!granted || !user) return DEFAULT_PROFILE;
  var input: ProfileInput = {};
  try {
    input.age = positive(user.age);
    input.restingHr = positive(user.restingHeartRate);
    input.watchMaxHr = positive(user.maxHeartRate);
  } catch (e) {
    return DEFAULT_PROFILE;
  }
  var r = checkProfile(input);
  if (r.ok) return r.profile;
  // One odd value (say a resting HR the watch has not learned yet) must not cost the others: try them singly.
  var p = DEFAULT_PROFILE;
  var keys = ["age", "restingHr", "watchMaxHr"];
  for (var i = 0; i < keys.length; i++) {
    var one: ProfileInput = {};
    one[keys[i]] = input[keys[i]];
    var r1 = checkProfile(one, p);
    if (r1.ok) p = r1.profile;
  }
  return p;
}

function readSettingsFile(): ProfileInput | null {
  if (!fs.existsSync(SETTINGS_FILE)) return null;
  var data: any = null;
  try {
    data = fs.readFileSync(SETTINGS_FILE, "json");
  } catch (e) {
    data = e;
  }
  if (data !== null && typeof data === "object" && !(data instanceof Array) && !(data instanceof Error)) return data;
  console.warn(SETTINGS_FILE + " ignored (" + data + "): using the watch's defaults");
  return null;
}

function set(p: Profile): void {
  current = p;
  for (var i = 0; i < listeners.length; i++) listeners[i](p);
}

/**
 * Use these settings now (fields left out come from the watch's defaults). Returns the check: when it is not
 * ok, the problems are logged (field and kind; the phone shows the sentences) and the profile in force stays.
 */
export function applyProfile(input: ProfileInput | null): ProfileCheck {
  var base = watchDefaults();
  if (input === null) {
    set(base);
    return { ok: true, profile: base };
  }
  var r = checkProfile(input, base);
  if (r.ok) set(r.profile);
  else for (var i = 0; i < r.problems.length; i++) console.warn("Settings rejected: " + r.problems[i].field + " " + r.problems[i].kind);
  return r;
}

/** Read SETTINGS_FILE again and apply it; a missing, corrupt or invalid one gives the watch's defaults. */
export function reloadProfile(): Profile {
  var input = readSettingsFile();
  if (input === null || !applyProfile(input).ok) set(watchDefaults());
  return current;
}

export function currentProfile(): Profile {
  return current;
}

/** Called with the new profile whenever it changes. */
export function onProfileChange(listener: (p: Profile) => void): void {
  listeners.push(listener);
}
