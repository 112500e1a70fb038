// What the clock face shows, decided in one pure function so the watch shell only copies strings to the screen
// and the tests (and the browser preview) can check the face without a device. ES5-safe, no Fitbit imports.
// Allocation-light: the caller passes the same output object every time; only the few short strings that
// actually change are new.
import { GuardState, currentBpm, faceStateOf, isOverNow, snoozeLeftS } from "./guard";
import { formatClock, pad2 } from "./format";
import { ceilingDisplayBpm } from "./zones";

/** "idle" is the face between runs; the others follow the guard (common/watch/guard.ts faceStateOf). */
export type FaceStateClass = "idle" | "below" | "near" | "above" | "over" | "snoozed" | "off-wrist" | "no-signal" | "cap" | "no-hr";

/** Whether the watch can read heart rate at all: "denied" = permission refused, "missing" = no sensor. */
export type HrAccess = "ok" | "denied" | "missing";

export interface FaceInput {
  /** The running guard, or null when idle. */
  guard: GuardState | null;
  /** Now, on the guard's clock (epoch seconds on the watch). */
  nowS: number;
  /** Today's ceiling from the current profile (shown when idle; a run shows its own frozen ceiling). */
  ceilingBpm: number;
  /** Wall clock for the "HH:MM" time. */
  hours: number;
  minutes: number;
  /** Idle only: the latest heart-rate reading, 0 when there is none. */
  idleBpm: number;
  /** From body presence; true when unknown. */
  onWrist: boolean;
  hr: HrAccess;
  /** The End button was tapped once and waits for its confirming second tap. */
  endArmed: boolean;
  /** The run's heart rate has drifted up at a steady effort (common/watch/wrap-up.ts): time to wrap up. */
  wrapUp: boolean;
  /** The phone's quiet hint for the idle face ("Resting HR +7: rest or walk?"), "" for none. */
  hint: string;
  /** The watch's language: English text (the .po msgid) to shown text; the shell passes i18n's gettext. Absent:
   * English. Every string the face writes goes through it, pieces of composed ones each on their own. */
  t?: (msgid: string) => string;
}

export interface Face {
  running: boolean;
  /** "HH:MM", 24 h. */
  time: string;
  /** The big number: bpm, or "--" without a reading. */
  hr: string;
  /** "ceiling 145 bpm": the highest whole bpm that is not over (146 is over 145.55). */
  ceiling: string;
  /** The state in words, so the face never relies on colour alone. */
  label: string;
  /** The state as a class name for styles (colour and shape). */
  stateClass: FaceStateClass;
  /** Elapsed run time "m:ss" (or "h:mm:ss"); "" when idle. */
  elapsed: string;
  /** Progress to the time cap, 0..1 (0 when idle). */
  progress: number;
  /** The End button's text: "END", then "TAP AGAIN" while armed. */
  endLabel: string;
  /** The Snooze button's text: "SNOOZE", or "RESUME" while snoozed (a second tap cancels the snooze). */
  snoozeLabel: string;
  /** The heart rate is over the ceiling now: the number says so even when the words say something else (the cap). */
  hrOver: boolean;
  /** The idle face's hint line (a hint, never a block: the run still starts); "" during a run. */
  hint: string;
}

export var LABELS = {
  idle: "Tap to start",
  below: "EASY",
  near: "NEAR CEILING",
  above: "ABOVE CEILING",
  over: "OVER: EASE OFF",
  snoozed: "SNOOZED",
  "off-wrist": "OFF WRIST",
  "no-signal": "NO SIGNAL",
  cap: "TIME TO STOP",
  wrapUp: "EASY: WRAP UP",
  denied: "HR NOT ALLOWED",
  missing: "NO HR SENSOR",
};

export function newFace(): Face {
  return { running: false, time: "", hr: "--", ceiling: "", label: "", stateClass: "idle", elapsed: "", progress: 0, endLabel: "END", snoozeLabel: "SNOOZE", hrOver: false, hint: "" };
}

/** The ceiling as the highest whole bpm that is not over it, with its unit: 145.55 -> "ceiling 145 bpm" (146 is
 * over), 150 -> "ceiling 150 bpm". `t` as in FaceInput. */
export function ceilingText(ceilingBpm: number, t?: (msgid: string) => string): string {
  var c = ceilingDisplayBpm(ceilingBpm);
  var tr = t || String; // String(s) is s: no function of our own to keep on the watch's heap
  return tr("ceiling") + " " + (c > 0 ? c : "--") + " " + tr("bpm");
}

/** Fill `out` (or a new Face) with what the face shows for this input. */
export function faceModel(input: FaceInput, out?: Face): Face {
  var f = out || newFace();
  var g = input.guard;
  // English without a translator: String(s) is s, and no function of our own to keep on the watch's heap.
  var t = input.t || String;
  f.time = pad2(input.hours) + ":" + pad2(input.minutes);
  f.endLabel = t(input.endArmed ? "TAP AGAIN" : "END");
  f.snoozeLabel = t("SNOOZE");
  f.hrOver = false;
  f.hint = g === null ? input.hint : "";
  // Idle: today's ceiling; a run shows its own frozen one.
  f.ceiling = ceilingText(g === null ? input.ceilingBpm : g.ceiling, t);
  if (g === null) {
    f.running = false;
    f.elapsed = "";
    f.progress = 0;
    if (input.hr !== "ok") {
      f.hr = "--";
      f.label = t(LABELS[input.hr]);
      f.stateClass = "no-hr";
    } else {
      f.hr = input.idleBpm > 0 ? String(Math.round(input.idleBpm)) : "--";
      f.label = t(LABELS.idle);
      f.stateClass = "idle";
    }
    return f;
  }
  f.running = true;
  var elapsed = input.nowS - g.startT;
  if (!(elapsed > 0)) elapsed = 0;
  f.elapsed = formatClock(elapsed);
  var p = g.capS > 0 ? elapsed / g.capS : 0;
  f.progress = p > 1 ? 1 : p;
  var bpm = currentBpm(g, input.nowS);
  f.hr = bpm > 0 ? String(bpm) : "--";
  var state = faceStateOf(g, input.nowS);
  var snoozeLeft = snoozeLeftS(g, input.nowS);
  if (snoozeLeft > 0) f.snoozeLabel = t("RESUME");
  f.hrOver = input.hr === "ok" && isOverNow(g, input.nowS);
  if (input.hr !== "ok") {
    // The run still times itself and buzzes at the cap; it just cannot see the heart.
    f.stateClass = g.totals.capReached ? "cap" : "no-hr";
    f.label = t(g.totals.capReached ? LABELS.cap : LABELS[input.hr]);
  } else if (state === "no-signal") {
    if (!input.onWrist) {
      f.stateClass = "off-wrist";
      f.label = t(LABELS["off-wrist"]);
    } else if (g.totals.capReached) {
      f.stateClass = "cap";
      f.label = t(LABELS.cap);
    } else {
      f.stateClass = "no-signal";
      f.label = t(LABELS["no-signal"]);
    }
  } else if (state === "snoozed") {
    // Says what the tap did and how long it lasts, over the ceiling or not.
    f.stateClass = "snoozed";
    f.label = t(LABELS.snoozed) + " " + formatClock(Math.ceil(snoozeLeft));
  } else {
    f.stateClass = state;
    // The wrap-up hint (issue 12), once it came, while the run is easy: over the ceiling or at the cap, those win.
    f.label = t(input.wrapUp && (state === "below" || state === "near") ? LABELS.wrapUp : LABELS[state]);
  }
  return f;
}
