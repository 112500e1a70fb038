// The run: start on a tap, end on a confirmed second tap, snooze from the face, and a 1-second timer that
// drives the guard. The timer, not the clock's tick events, keeps the guard going: ticks stop while the display
// is off, and the time cap and reminders must not.
//
// File-system budget: at most 20 flash operations an hour during a run. Each save is two (app/atomic-file.ts:
// a write, then a rename). The checkpoint is saved at the start, every CHECKPOINT_EVERY_S (5 saves, 10 operations
// an hour), on snooze when the last save is at least SNOOZE_SAVE_GAP_S old (so snoozes cannot push it past 8
// saves an hour: with the start's, 18 operations in the first hour), on unload; the run's end saves one summary
// file and deletes the checkpoint (3 operations). A crash loses at most CHECKPOINT_EVERY_S of the run.
import { GuardState, cancelSnooze, isAbandoned, snooze, snoozeLeftS, startGuard, step } from "../common/watch/guard";
import { makeRunId, summarize } from "../common/watch/summary";
import { Checkpoint, clearCheckpoint, isSaved, loadCheckpoint, saveCheckpoint, saveCompletedRun } from "./run-store";
import { onWrist, setRunning } from "./sensors";
import { buzzEvents } from "./buzz";
import { currentProfile } from "./profile-source";

export var CHECKPOINT_EVERY_S = 720;
export var SNOOZE_SAVE_GAP_S = 450;
/** The End button's second tap must come within this. */
export var END_CONFIRM_MS = 4000;
/** A checkpoint older than this is a run that was abandoned (the watch died): it is filed, not resumed. */
export var MAX_RESUME_GAP_S = 2 * 3600;
/** A heart-rate reading older than this is not fed to the guard. */
var FRESH_MS = 2500;

var run: Checkpoint | null = null;
/** A finished run whose summary could not be written yet: filed before the next run starts. */
var unfiled: Checkpoint | null = null;
var timer = -1;
var lastSaveS = 0;
/** The heart-rate reading pushed since the last tick (bpm 0: none), used once. */
var reading: { bpm: number; atMs: number } | null = null;
var endArmedUntil = 0;
var changed: () => void = function () {};

/** Seconds on the guard's clock: epoch seconds, so a resumed run carries on where it was. */
export function nowS(): number {
  return Date.now() / 1000;
}

export function activeGuard(): GuardState | null {
  return run ? run.guard : null;
}

export function isRunning(): boolean {
  return run !== null;
}

export function endArmed(): boolean {
  return endArmedUntil > Date.now();
}

function save(t: number): void {
  if (run && saveCheckpoint(run)) lastSaveS = t;
}

function tick(): void {
  if (!run) return;
  var t = nowS();
  var bpm: number | null = null;
  if (reading && reading.bpm > 0 && Date.now() - reading.atMs <= FRESH_MS) bpm = reading.bpm;
  reading = null;
  var events = step(run.guard, { t: t, bpm: bpm, onWrist: onWrist() });
  if (events.length) buzzEvents(events);
  if (isAbandoned(run.guard, t)) {
    console.log("Run " + run.id + " forgotten (off the wrist, or long past its cap): ended");
    endRun();
    return;
  }
  if (t - lastSaveS >= CHECKPOINT_EVERY_S) save(t);
  changed();
}

function begin(): void {
  if (timer < 0) timer = setInterval(tick, 1000);
  setRunning(true);
  changed();
}

/** A heart-rate reading from the sensor (bpm 0: none): the next tick feeds it to the guard, if still fresh. */
export function takeReading(bpm: number, atMs: number): void {
  reading = { bpm: bpm, atMs: atMs };
}

/** File a finished run: its summary file, then no checkpoint. Returns the summary file name (null: not saved). */
function finish(cp: Checkpoint): string | null {
  var name = saveCompletedRun(summarize(cp.guard, cp.id, cp.startedAt));
  unfiled = name === null ? cp : null;
  if (name !== null) clearCheckpoint();
  else if (!cp.endedAt) {
    // Keep the run on file as ended, so the next launch saves its summary instead of resuming it.
    cp.endedAt = Math.round(cp.guard.lastT);
    saveCheckpoint(cp);
  }
  return name;
}

/** Set things up and resume an interrupted run, if the file system holds one. `onChange` redraws. */
export function initRun(onChange: () => void): void {
  changed = onChange;
  var cp = loadCheckpoint();
  if (!cp) return;
  if (isSaved(cp.id)) {
    clearCheckpoint(); // the run ended and was filed; only the checkpoint's deletion did not happen
    return;
  }
  if (cp.endedAt || nowS() - cp.guard.lastT > MAX_RESUME_GAP_S) {
    finish(cp);
    return;
  }
  console.log("Resuming run " + cp.id);
  run = cp;
  lastSaveS = nowS();
  begin();
}

export function startRun(): void {
  if (run) return;
  if (unfiled) finish(unfiled); // its checkpoint is about to be replaced: one more try at saving its summary
  var t = nowS();
  run = { v: 1, id: makeRunId(Date.now(), Math.random()), startedAt: Math.round(t), guard: startGuard(currentProfile(), t) };
  endArmedUntil = 0;
  save(t);
  begin();
}

/** The Snooze button: snoozes, or while snoozed (it reads RESUME) cancels the snooze. */
export function snoozeRun(): void {
  if (!run) return;
  var t = nowS();
  if (snoozeLeftS(run.guard, t) > 0) {
    cancelSnooze(run.guard);
    changed();
    return;
  }
  buzzEvents(snooze(run.guard, t));
  if (t - lastSaveS >= SNOOZE_SAVE_GAP_S) save(t);
  changed();
}

/** The End button: the first tap arms it, a second tap within END_CONFIRM_MS ends the run. */
export function tapEnd(): void {
  if (!run) return;
  if (endArmed()) {
    endRun();
    return;
  }
  endArmedUntil = Date.now() + END_CONFIRM_MS;
  setTimeout(function () {
    if (!endArmed()) changed();
  }, END_CONFIRM_MS + 20);
  changed();
}

/** End the run now: its summary goes to the file system. Returns the summary file name (null: not saved). */
export function endRun(): string | null {
  if (!run) return null;
  var cp = run;
  run = null;
  endArmedUntil = 0;
  if (timer >= 0) clearInterval(timer);
  timer = -1;
  setRunning(false);
  // Bring the totals up to this second; a buzz due right now is moot: the runner just stopped.
  step(cp.guard, { t: nowS(), bpm: null, onWrist: onWrist() });
  var name = finish(cp);
  changed();
  return name;
}

/** The face is going away (me.onunload): keep the run's latest state. */
export function checkpointNow(): void {
  save(nowS());
}
