// Settings to the watch: on every valid change, and whenever the watch comes back, the whole current settings go
// as one file (common/watch/protocol.ts SETTINGS_LINK_FILE). Invalid settings are never sent: the settings page shows why,
// and the last valid ones (kept in local storage) stay in force on the watch and are what a returning watch gets.
import { localStorage } from "local-storage";
import { settingsStorage } from "settings";
import { ProfileInput } from "../common/watch/profile";
import { SETTINGS_LINK_FILE, WatchProfile, settingsMessage, watchProfileMessage } from "../common/watch/protocol";
import { PROFILE_KEYS, USE_WATCH_RESTING_KEY, WATCH_PROFILE_KEY, missingDefaults, readSettings, watchProfileFromStorage } from "../common/phone/settings-input";
import { sendFile } from "./link";
import { watchHint } from "./resting-store";

var LAST_SENT_KEY = "lastSentSettings";

export function isSettingsKey(key: string | null): boolean {
  return key === null || key === USE_WATCH_RESTING_KEY || PROFILE_KEYS.indexOf(key) >= 0;
}

function storedWatchProfile(): WatchProfile | null {
  return watchProfileFromStorage(settingsStorage.getItem(WATCH_PROFILE_KEY));
}

/** The watch told us its own age, resting and max HR: the settings page computes the ceiling from them too. */
export function storeWatchProfile(watch: WatchProfile): void {
  settingsStorage.setItem(WATCH_PROFILE_KEY, JSON.stringify(watchProfileMessage(watch)));
  // "Use the watch's resting HR" only takes effect once the watch has said what it is.
  sendSettings(false);
}

/** First launch (or a cleared page): store the guard options' defaults so the page shows the values in force. */
export function seedDefaults(): void {
  var missing = missingDefaults(function (key) { return settingsStorage.getItem(key); });
  for (var i = 0; i < missing.length; i++) settingsStorage.setItem(missing[i][0], missing[i][1]);
}

function validSettings(): ProfileInput | null {
  var reading = readSettings(function (key) { return settingsStorage.getItem(key); }, storedWatchProfile());
  if (reading.result.ok) return reading.input;
  console.warn("Settings not sent, the watch keeps the last valid ones: " + reading.result.errors.join(" "));
  return null;
}

/** The settings last sent, as stored text; null when none (or unreadable: then nothing counts as sent). */
function lastSent(): string | null {
  var text: string | null = null;
  try {
    text = localStorage.getItem(LAST_SENT_KEY);
  } catch (e) {
    return null;
  }
  return lastSentInput(text) !== null ? text : null;
}

function lastSentInput(text: string | null): ProfileInput | null {
  if (text === null || text === undefined) return null;
  var data: unknown = null;
  try {
    data = JSON.parse(text);
  } catch (e) {
    data = null;
  }
  if (data !== null && typeof data === "object" && !(data instanceof Array)) return data as ProfileInput;
  console.warn("The settings last sent are unreadable in local storage: treated as nothing sent");
  return null;
}

/** Only settings actually queued count as sent: a rejected enqueue is sent again at the next launch or change. */
function send(input: ProfileInput): void {
  // With the idle face's readiness hint, if any; counted as sent only once the enqueue has resolved.
  sendFile(SETTINGS_LINK_FILE, settingsMessage(input, watchHint())).then(function (queued) {
    if (!queued) return;
    try {
      localStorage.setItem(LAST_SENT_KEY, JSON.stringify(input));
    } catch (e) {
      console.warn("Could not remember the settings sent: " + e);
    }
  });
}

/** A field changed on the settings page. */
export function settingsChanged(): void {
  var input = validSettings();
  if (input !== null) send(input);
}

/**
 * The companion started or the watch came back. `always`: the watch may have missed earlier files, send even
 * if unchanged; otherwise only settings that changed while the companion was not running.
 */
export function sendSettings(always: boolean): void {
  var sent = lastSent();
  var input = validSettings();
  if (input === null) input = lastSentInput(sent);
  if (input === null) return;
  if (always || JSON.stringify(input) !== sent) send(input);
}
