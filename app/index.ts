// Recovery Guard, the clock face: wiring only. What each part does lives in its own file:
// view.ts (the screen), sensors.ts (HR and body presence), run.ts (the run and the guard's timer),
// run-store.ts (the file system), profile-source.ts (settings and the watch's defaults), buzz.ts (haptics),
// sync.ts (finished runs to the phone, settings from it), card.ts (the summary card after a run).
import clock from "clock";
import { display } from "display";
import { me } from "appbit";
import { gettext } from "i18n";
import { FaceInput, faceModel, newFace } from "../common/watch/face-model";
import { ceilingOf } from "../common/watch/zones";
import { bindTaps, draw, initView } from "./view";
import { hrAccess, initSensors, onWrist } from "./sensors";
import { activeGuard, checkpointNow, endArmed, wrapUpDue, initRun, isRunning, runNow, snoozeRun, startRun, takeReading, tapEnd } from "./run";
import { onProfileChange, reloadProfile } from "./profile-source";
import { sendNewRuns, startSync } from "./sync";
import { currentHint } from "./settings-inbox";
import { cardOnPhone, showCard } from "./card";

var face = newFace();
/** Every field is set before the first draw (ceilingBpm below, the rest in render). */
var input = {} as FaceInput;
// input.idleBpm, the latest heart rate for the idle face (0: none), is kept in place by the sensor callback: no
// top-level variable of its own (each costs the watch's JS heap a name and a slot).
input.idleBpm = 0;
input.t = gettext; // the face in the watch's language (app/i18n/*.po)

function render(): void {
  if (!display.on) return; // nothing to see: write when it comes back on
  // The local time afresh at each draw: a cached minute froze after the clock was set back (issue 10).
  var d = new Date();
  input.hours = d.getHours();
  input.minutes = d.getMinutes();
  input.guard = activeGuard();
  input.nowS = runNow(); // the run's clock: re-anchored if the wall clock was just set
  input.onWrist = onWrist();
  input.hr = hrAccess();
  input.endArmed = endArmed();
  input.wrapUp = wrapUpDue();
  input.hint = currentHint();
  draw(faceModel(input, face));
}

initView();
input.ceilingBpm = ceilingOf(reloadProfile());
onProfileChange(function (p) {
  input.ceilingBpm = ceilingOf(p);
  render();
});
initSensors(function (bpm, atMs) {
  input.idleBpm = bpm;
  takeReading(bpm, atMs);
  if (!isRunning()) render(); // during a run the 1-second timer redraws
});
bindTaps({
  start: startRun,
  snooze: snoozeRun,
  end: function () {
    tapEnd();
    if (!isRunning()) sendNewRuns(); // that was the confirming tap: the summary file is on disk, send it now
  },
});
// Before the sync starts: a run filed at launch goes out with the first scan.
initRun(render, function (summary, saved) {
  showCard(summary, saved ? 1 : 0);
});
clock.granularity = "minutes";
clock.ontick = render; // the tick event is not needed: render reads the time itself
display.addEventListener("change", render);
me.onunload = checkpointNow;
render();
startSync(cardOnPhone);
