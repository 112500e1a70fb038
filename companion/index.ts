// Recovery Guard's phone companion: wiring only. settings-sync.ts sends the settings to the watch, run-intake.ts
// receives finished runs and acknowledges them, history-store.ts keeps them. No internet access is needed.
import { me } from "companion";
import { peerSocket } from "messaging";
import { settingsStorage } from "settings";
import { parseLinkMessage } from "../common/watch/protocol";
import { isSettingsKey, seedDefaults, sendSettings, settingsChanged, storeWatchProfile } from "./settings-sync";
import { acknowledge, startRunIntake } from "./run-intake";

settingsStorage.addEventListener("change", function (event) {
  if (isSettingsKey(event.key)) settingsChanged();
});

peerSocket.addEventListener("open", function () {
  sendSettings(true);
  acknowledge();
});

peerSocket.addEventListener("message", function (event) {
  var parsed = parseLinkMessage(event.data);
  if (parsed.ok && parsed.value.type === "watch-profile") storeWatchProfile(parsed.value.watch);
  else console.warn("Ignored a message from the watch: " + (parsed.ok ? "a " + parsed.value.type + " message" : parsed.reason));
});

seedDefaults();
startRunIntake();
sendSettings(me.launchReasons.peerAppLaunched === true);
