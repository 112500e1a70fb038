// The phone's run history in local storage (bounded: common/phone/history.ts MAX_HISTORY_RUNS), plus a copy of the
// newest runs in settings storage, which is all the settings page can read.
import { localStorage } from "local-storage";
import { settingsStorage } from "settings";
import { History, decodeHistory, encodeHistory, encodeRecentRuns } from "../common/phone/history";
import { RECENT_RUNS_KEY } from "../common/phone/settings-input";

var HISTORY_KEY = "runHistory";
/** Enough for the page's list and this week's count. */
var RUNS_SHOWN = 30;

export function loadHistory(): History {
  var text: string | null = null;
  try {
    text = localStorage.getItem(HISTORY_KEY);
  } catch (e) {
    console.warn("Could not read the run history: " + e);
  }
  var loaded = decodeHistory(text);
  if (loaded.skipped > 0) console.warn("Run history: skipped " + loaded.skipped + " unreadable entries");
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
