// Settings from the phone: the companion sends the whole current settings as one file (SETTINGS_FILE in
// common/protocol.ts). Validated again here against the watch's own defaults; a valid one is applied at once
// (profile-source's hook: the face follows without a restart, a run in progress keeps its starting profile) and
// persisted as settings.json; an invalid or foreign one is logged and dropped, and the last valid settings stay.
import * as fs from "fs";
import { parseLinkText } from "../common/protocol";
import { SETTINGS_FILE, applyProfile } from "./profile-source";

/** Handle a settings file the file-transfer inbox has just moved into the app's data folder. */
export function acceptSettingsFile(name: string): void {
  var text: string | null = null;
  try {
    text = fs.readFileSync(name, "utf-8");
  } catch (e) {
    console.warn("Settings file " + name + " is unreadable: " + e);
  }
  try {
    fs.unlinkSync(name);
  } catch (e) {
    console.warn("Could not delete the incoming " + name + ": " + e);
  }
  if (text === null) return;
  var parsed = parseLinkText(text);
  if (!parsed.ok || parsed.value.type !== "settings") {
    console.warn("Ignored settings file: " + (parsed.ok ? "a " + parsed.value.type + " message" : parsed.reason));
    return;
  }
  var profile = parsed.value.profile;
  if (!applyProfile(profile).ok) return; // logged by applyProfile; the settings in force stay
  try {
    // The phone re-sends on every reconnect: an unchanged file is not written again (flash wear).
    if (fs.existsSync(SETTINGS_FILE) && fs.readFileSync(SETTINGS_FILE, "utf-8") === JSON.stringify(profile)) return;
    fs.writeFileSync(SETTINGS_FILE, profile, "json");
  } catch (e) {
    // Applied for now; the phone sends the settings again whenever the watch reconnects.
    console.warn("Could not save " + SETTINGS_FILE + ": " + e);
  }
}
