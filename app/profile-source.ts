// Where the runner's profile comes from, in order:
//   1. the settings file stored on the watch, SETTINGS_STORE_FILE ("settings.json"): a JSON object of ProfileInput fields
//      (see common/watch/profile.ts checkProfile), written when settings arrive from the phone;
//   2. for every field the settings leave out: the watch's own user profile (age, resting HR, max HR as
//      watchMaxHr), when the watch knows them and access_user_profile is granted;
//   3. otherwise the documented fallback, DEFAULT_PROFILE in common/watch/profile.ts (a 35-year-old, resting 60).
// A missing settings file is normal; a corrupt or invalid one is logged and ignored (the fallback applies).
// The phone side calls applyProfile(input) (or reloadProfile() after writing the file) and the face follows
// without a restart. A run in progress keeps the profile it started with: the guard froze it at the start.
import * as fs from "fs";
import { user } from "user-profile";
import { DEFAULT_PROFILE, Profile, ProfileInput, ProfileCheck, checkProfile, profileFromWatchValues } from "../common/watch/profile";
import { granted } from "./sensors";

/** The settings as stored on the watch (not the file on the link: common/watch/protocol.ts SETTINGS_LINK_FILE). */
export var SETTINGS_STORE_FILE = "settings.json";

var current: Profile = DEFAULT_PROFILE;
/** The one listener (the face; onProfileChange): a list would cost the watch's heap for nothing. */
var changed: ((p: Profile) => void) | undefined;

/** The watch's own idea of the runner, on top of the fallback. Fields it does not know stay at the fallback. */
export function watchDefaults(): Profile {
  try {
    if (!granted("access_user_profile") || !user) return DEFAULT_PROFILE;
    return profileFromWatchValues(user.age, user.restingHeartRate, user.maxHeartRate);
  } catch (e) {
    return DEFAULT_PROFILE;
  }
}

function set(p: Profile): void {
  current = p;
  if (changed) changed(p);
}

/**
 * Use these settings now (fields left out come from the watch's defaults). Returns the check: when it is not
 * ok, the problems are logged (field and kind; the phone shows the sentences) and the profile in force stays.
 */
export function applyProfile(input: ProfileInput | null): ProfileCheck {
  var base = watchDefaults();
  var r: ProfileCheck = input === null ? { ok: true, profile: base } : checkProfile(input, base);
  if (r.ok) set(r.profile);
  else for (var i = 0; i < r.problems.length; i++) console.warn("Settings rejected: " + r.problems[i].field + " " + r.problems[i].kind);
  return r;
}

/** Read SETTINGS_STORE_FILE again and apply it; a missing, corrupt or invalid one gives the watch's defaults. */
export function reloadProfile(): Profile {
  var input: any = null;
  if (fs.existsSync(SETTINGS_STORE_FILE)) {
    try {
      input = fs.readFileSync(SETTINGS_STORE_FILE, "json");
    } catch (e) {
      input = e; // logged below, as any other content that is not settings
    }
    if (input === null || typeof input !== "object" || input instanceof Array || input instanceof Error) {
      console.warn(SETTINGS_STORE_FILE + " ignored: " + input);
      input = null;
    }
  }
  // No settings (null) applies the watch's defaults.
  if (!applyProfile(input).ok) set(watchDefaults());
  return current;
}

export function currentProfile(): Profile {
  return current;
}

/** Called with the new profile whenever it changes (one listener: a second replaces the first). */
export function onProfileChange(listener: (p: Profile) => void): void {
  changed = listener;
}
