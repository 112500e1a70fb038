// Settings from the phone: the companion sends the whole current settings as one file (SETTINGS_LINK_FILE in
// common/watch/protocol.ts). Validated again here against the watch's own defaults; a valid one is applied at once
// (profile-source's hook: the face follows without a restart, a run in progress keeps its starting profile) and
// persisted as settings.json; an invalid or foreign one is logged and dropped, and the last valid settings stay.
import * as fs from "fs";
import { parseLinkText } from "../common/watch/protocol";
import { SETTINGS_STORE_FILE, applyProfile } from "./profile-source";
import { writeAtomically } from "./atomic-file";
import { why } from "./incoming";

/** The phone's hint for the idle face ("Resting HR +7: rest or walk?"), "" for none; kept in memory only, as the
 * phone re-sends the settings on every reconnect. */
var idleHint = "";

export function currentHint(): string {
  return idleHint;
}

/** Handle the text of a settings file from the phone (app/incoming.ts took it; null: it was unreadable). */
export function acceptSettings(text: string | null): void {
  if (text === null) return;
  var parsed = parseLinkText(text);
  if (!parsed.ok || parsed.value.type !== "settings") {
    console.warn("Ignored settings: " + why(parsed));
    return;
  }
  // The hint does not depend on the profile being valid: a quiet word, never a block.
  idleHint = parsed.value.hint || "";
  var profile = parsed.value.profile;
  if (!applyProfile(profile).ok) return; // logged by applyProfile; the settings in force stay
  try {
    // The phone re-sends on every reconnect: an unchanged file is not written again (flash wear).
    if (fs.existsSync(SETTINGS_STORE_FILE) && fs.readFileSync(SETTINGS_STORE_FILE, "utf-8") === JSON.stringify(profile)) return;
    writeAtomically(SETTINGS_STORE_FILE, profile, true, "settings.tmp");
  } catch (e) {
    // Applied for now; the phone sends the settings again whenever the watch reconnects.
    console.warn("Could not save " + SETTINGS_STORE_FILE + ": " + e);
  }
}
