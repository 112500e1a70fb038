// The phone's run history in local storage (bounded: common/phone/history.ts MAX_HISTORY_RUNS), plus a copy of the
// newest runs in settings storage, which is all the settings page can read.
import { localStorage } from "local-storage";
import { settingsStorage } from "settings";
import { History, decodeHistory, encodeHistory, encodeRecentRuns } from "../common/phone/history";
import { RECENT_RUNS_KEY } from "../common/phone/settings-input";

var HISTORY_KEY = "runHistory";
/** Enough for the page's list and this week's count. */
var RUNS_SHOWN = 30;

/**
 * The stored history, or null when it cannot be read now (the storage threw): then nothing may be written over it.
 * A stored history that is corrupt, of an unknown format or has unreadable entries is first copied aside (under
 * HISTORY_KEY + ".unreadable." + the time), so the next save does not overwrite the only copy; null if even that fails.
 */
export function loadHistory(): History | null {
  var text: string | null = null;
  try {
    text = localStorage.getItem(HISTORY_KEY);
  } catch (e) {
    console.warn("Could not read the run history: " + e);
    return null;
  }
  var loaded = decodeHistory(text);
  if (loaded.skipped > 0) {
    var aside = HISTORY_KEY + ".unreadable." + Date.now();
    try {
      localStorage.setItem(aside, String(text));
    } catch (e) {
      console.warn("Run history has unreadable entries and could not be copied aside: not changed: " + e);
      return null;
    }
    console.warn("Run history: skipped " + loaded.skipped + " unreadable entries; the stored text is kept as " + aside);
  }
  return loaded.history;
}

/** False (logged) when the storage refused: then nothing may be acknowledged. */
export function saveHistory(h: History): boolean {
  try {
    localStorage.setItem(HISTORY_KEY, encodeHistory(h));
  } catch (e) {
    console.warn("Could not save the run history: " + e);
    return false;
  }
  showRuns(h);
  return true;
}

export function showRuns(h: History): void {
  try {
    settingsStorage.setItem(RECENT_RUNS_KEY, encodeRecentRuns(h, RUNS_SHOWN));
  } catch (e) {
    console.warn("Could not update the recent runs for the settings page: " + e);
  }
}
