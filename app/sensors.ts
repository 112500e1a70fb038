// The heart-rate and body-presence sensors, and when they run. Policy (battery, runners' complaint 6):
// during a run the HR sensor runs whatever the display does; idle with the display on it runs (the face shows
// HR); idle with the display off everything stops. Body presence runs only during a run. This file owns that
// policy: it follows the display itself and the run through setRunning(); each reading is pushed to the callback
// given to initSensors (as Fitbit's own sdk-moment hrm.js does), nothing is polled.
import { me } from "appbit";
import { display } from "display";
import { HeartRateSensor } from "heart-rate";
import { BodyPresenceSensor } from "body-presence";
import { HrAccess } from "../common/watch/face-model";

/** A sensor that reported an error stopped; it is started again after this, if still wanted. */
var RESTART_AFTER_ERROR_MS = 5000;

/** bpm 0: no heart rate (none read, off the wrist, or the sensor stopped). atMs: Date.now() of the reading. */
export type HeartRateListener = (bpm: number, atMs: number) => void;

var hr: HeartRateSensor | null = null;
var body: BodyPresenceSensor | null = null;
var access: HrAccess = "missing";
var wrist = true;
var running = false;
var listener: HeartRateListener = function () {};

export function granted(name: PermissionName): boolean {
  try {
    return me.permissions.granted(name);
  } catch (e) {
    return false;
  }
}

/** Start and stop the sensors as the policy says for this moment. */
function apply(): void {
  var wantHr = running || display.on;
  if (hr) {
    if (wantHr && !hr.activated) hr.start();
    else if (!wantHr && hr.activated) {
      hr.stop();
      listener(0, Date.now());
    }
  }
  if (body) {
    if (running && !body.activated) body.start();
    else if (!running && body.activated) {
      body.stop();
      wrist = true;
    }
  }
}

/** Create the sensors the watch has and the runner allowed, and start what the policy wants now. */
export function initSensors(onHeartRate: HeartRateListener): void {
  listener = onHeartRate;
  if (!HeartRateSensor) access = "missing";
  else if (!granted("access_heart_rate")) access = "denied";
  else {
    try {
      var h = new HeartRateSensor({ frequency: 1 });
      h.addEventListener("reading", function () {
        var bpm = h.heartRate;
        listener(bpm !== null && bpm > 0 ? bpm : 0, Date.now());
      });
      h.addEventListener("error", function () {
        console.warn("Heart-rate sensor error");
        listener(0, Date.now());
        setTimeout(apply, RESTART_AFTER_ERROR_MS);
      });
      hr = h;
      access = "ok";
    } catch (e) {
      console.warn("No HR sensor: " + e);
      access = "missing";
    }
  }
  if (BodyPresenceSensor && granted("access_activity")) {
    try {
      var b = new BodyPresenceSensor();
      b.addEventListener("reading", function () {
        wrist = b.present;
        if (!wrist) listener(0, Date.now());
      });
      body = b;
    } catch (e) {
      console.warn("No body presence: " + e);
    }
  }
  display.addEventListener("change", apply);
  apply();
}

/** The run started or ended (or was resumed at launch). */
export function setRunning(isRunning: boolean): void {
  running = isRunning;
  apply();
}

export function hrAccess(): HrAccess {
  return access;
}

/** Whether body presence is being read (false: no sensor, its permission denied, or stopped: onWrist assumes). */
export function presenceKnown(): boolean {
  return body !== null && body.activated;
}

/** On the wrist, as far as the watch can tell (true when it cannot tell). */
export function onWrist(): boolean {
  return body === null || !body.activated || wrist;
}
