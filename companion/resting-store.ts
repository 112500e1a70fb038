// The phone's daily resting-heart-rate history (common/phone/readiness.ts), for "should I run today?": the watch's
// restingHeartRate from each watch-profile message, one a day, kept in local storage (bounded: RESTING_HISTORY_DAYS)
// and mirrored into settings storage, which is all the settings page can read. The readiness hint for the idle face
// goes to the watch inside the settings file (watchHint, read by settings-sync.ts).
//
// Issue 10's rule: a local-storage read that throws, or returns something this code did not write, never leads to
// a write over it. The history then lives in memory only (the page still shows it), and the reason is logged.
import { gettext } from "i18n";
import { localStorage } from "local-storage";
import { settingsStorage } from "settings";
import {
  RESTING_HISTORY_KEY, READINESS_MARGIN_KEY, RestingDay, addRestingHr, dayKeyOf, encodeRestingHistory, readinessMarginFrom,
  readinessFace, readinessOf, restingHistoryFrom, trimRestingHistory,
} from "../common/phone/readiness";

var LOCAL_KEY = "restingHistory";

var history: RestingDay[] | null = null;
/** False once local storage could not be read, or held what this code cannot read back: never write over it. */
var writable = true;

/** A JSON list whose every entry is a day this code reads back (a longer list, from a larger bound, is fine). */
function everyEntryReadable(text: string): boolean {
  var data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return false;
  }
  if (!(data instanceof Array)) return false;
  for (var i = 0; i < data.length; i++) if (restingHistoryFrom([data[i]]).length !== 1) return false;
  return true;
}

function load(): RestingDay[] {
  if (history !== null) return history;
  var text: string | null = null;
  try {
    text = localStorage.getItem(LOCAL_KEY);
  } catch (e) {
    writable = false;
    console.warn("Could not read the resting-HR history: it is kept in memory only, nothing is written over it: " + e);
  }
  var loaded = restingHistoryFrom(text);
  if (text !== null && text !== undefined && !everyEntryReadable(text)) {
    writable = false;
    console.warn("The resting-HR history in local storage is unreadable (" + loaded.length + " days read): it is kept, " +
      "and new days stay in memory only");
  }
  history = loaded;
  return loaded;
}

function now(): { ms: number; tz: number } {
  var d = new Date();
  return { ms: d.getTime(), tz: d.getTimezoneOffset() };
}

/** The page's copy (the settings page cannot read local storage). */
function mirror(h: RestingDay[]): void {
  try {
    settingsStorage.setItem(RESTING_HISTORY_KEY, encodeRestingHistory(h));
  } catch (e) {
    console.warn("Could not update the resting-HR history for the settings page: " + e);
  }
}

/** Companion start: the page gets the stored history (it may have been cleared, or be from an older version). */
export function showRestingHistory(): void {
  mirror(load());
}

/**
 * Today's resting HR from the watch (null: it does not know it): stored as today's value, replacing an earlier
 * one of the same day. True when the idle-face hint is now different from the one last sent to the watch.
 */
export function recordRestingHr(bpm: number | null): boolean {
  if (bpm === null) return hintChanged();
  var t = now();
  var today = dayKeyOf(t.ms, t.tz);
  var before = load();
  var h = trimRestingHistory(addRestingHr(before, today, bpm), today);
  if (encodeRestingHistory(h) !== encodeRestingHistory(before)) {
    history = h;
    if (writable) {
      try {
        localStorage.setItem(LOCAL_KEY, encodeRestingHistory(h));
      } catch (e) {
        console.warn("Could not save the resting-HR history: " + e);
      }
    }
  }
  mirror(h);
  return hintChanged();
}

/** The idle face's hint now, in the phone's language (companion/i18n/*.po: "Resting HR +7: rest or walk?"), or ""
 * when there is none. */
export function currentHint(): string {
  var t = now();
  var r = readinessOf(load(), dayKeyOf(t.ms, t.tz), readinessMarginFrom(settingsStorage.getItem(READINESS_MARGIN_KEY)));
  return readinessFace(r, gettext) || "";
}

var lastSentHint: string | null = null;

/** For the settings file: the hint now, remembered as sent. */
export function watchHint(): string {
  lastSentHint = currentHint();
  return lastSentHint;
}

/** Whether the hint differs from the one last put in a settings file by this companion (none yet: changed). */
export function hintChanged(): boolean {
  return currentHint() !== lastSentHint;
}
