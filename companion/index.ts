// Recovery Guard's phone companion: wiring only. settings-sync.ts sends the settings to the watch, run-intake.ts
// receives finished runs and acknowledges them, history-store.ts keeps them. No internet access is needed.
import { me } from "companion";
import { peerSocket } from "messaging";
import { settingsStorage } from "settings";
import { parseLinkMessage } from "../common/watch/protocol";
import { isSettingsKey, seedDefaults, sendSettings, settingsChanged, storeWatchProfile } from "./settings-sync";
import { acknowledge, startRunIntake } from "./run-intake";
import { recordRestingHr, showRestingHistory, hintChanged } from "./resting-store";
import { READINESS_MARGIN_KEY } from "../common/phone/readiness";

settingsStorage.addEventListener("change", function (event) {
  if (isSettingsKey(event.key)) settingsChanged();
  // A new readiness margin can start or end the idle face's hint: the watch gets it with the settings.
  if (event.key === READINESS_MARGIN_KEY && hintChanged()) sendSettings(true);
});

peerSocket.addEventListener("open", function () {
  sendSettings(true);
  acknowledge();
});

peerSocket.addEventListener("message", function (event) {
  var parsed = parseLinkMessage(event.data);
  if (parsed.ok && parsed.value.type === "watch-profile") {
    var hintNew = recordRestingHr(parsed.value.watch.restingHr);
    storeWatchProfile(parsed.value.watch);
    if (hintNew) sendSettings(true); // the readiness hint rides in the settings file
  } else console.warn("Ignored a message from the watch: " + (parsed.ok ? "a " + parsed.value.type + " message" : parsed.reason));
});

seedDefaults();
showRestingHistory();
startRunIntake();
sendSettings(me.launchReasons.peerAppLaunched === true);
