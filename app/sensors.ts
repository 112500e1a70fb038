// The heart-rate and body-presence sensors, and when they run. Policy (battery, runners' complaint 6):
// during a run the HR sensor runs whatever the display does; idle with the display on it runs (the face shows
// HR); idle with the display off everything stops. Body presence runs only during a run.
import { me } from "appbit";
import { HeartRateSensor } from "heart-rate";
import { BodyPresenceSensor } from "body-presence";
import { HrAccess } from "../common/face-model";

export interface HrReading {
  /** The latest bpm, 0 when none yet. */
  bpm: number;
  /** Date.now() when it arrived. */
  atMs: number;
  /** Readings so far: the run loop uses each one once. */
  count: number;
}

export var latest: HrReading = { bpm: 0, atMs: 0, count: 0 };

var hr: HeartRateSensor | null = null;
var body: BodyPresenceSensor | null = null;
var access: HrAccess = "missing";
var wrist = true;
var onHr: (() => void) | null = null;

function granted(name: "access_heart_rate" | "access_activity"): boolean {
  try {
    return me.permissions.granted(name);
  } catch (e) {
    return false;
  }
}

/** Create the sensors the watch has and the runner allowed. `onReading` runs after each HR reading. */
export function initSensors(onReading: () => void): void {
  onHr = onReading;
  if (!HeartRateSensor) access = "missing";
  else if (!granted("access_heart_rate")) access = "denied";
  else {
    try {
      var h = new HeartRateSensor({ frequency: 1 });
      h.addEventListener("reading", function () {
        var bpm = h.heartRate;
        latest.bpm = bpm !== null && bpm > 0 ? bpm : 0;
        latest.atMs = Date.now();
        latest.count++;
        if (onHr) onHr();
      });
      hr = h;
      access = "ok";
    } catch (e) {
      console.warn("Heart-rate sensor unavailable: " + e);
      access = "missing";
    }
  }
  if (BodyPresenceSensor && granted("access_activity")) {
    try {
      var b = new BodyPresenceSensor();
      b.addEventListener("reading", function () {
        wrist = b.present;
        if (!wrist) latest.bpm = 0;
      });
      body = b;
    } catch (e) {
      console.warn("Body-presence sensor unavailable: " + e);
    }
  }
}

export function hrAccess(): HrAccess {
  return access;
}

/** On the wrist, as far as the watch can tell (true when it cannot tell). */
export function onWrist(): boolean {
  return body === null || !body.activated || wrist;
}

/** Apply the sensor policy for this moment. */
export function updateSensors(running: boolean, displayOn: boolean): void {
  var wantHr = running || displayOn;
  if (hr) {
    if (wantHr && !hr.activated) hr.start();
    else if (!wantHr && hr.activated) {
      hr.stop();
      latest.bpm = 0;
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
