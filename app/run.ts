// The run: start on a tap, end on a confirmed second tap, snooze from the face, and a 1-second timer that
// drives the guard. The timer, not the clock's tick events, keeps the guard going: ticks stop while the display
// is off, and the time cap and reminders must not.
//
// File-system budget: at most 20 flash operations an hour during a run. Each save is two (app/atomic-file.ts:
// a write, then a rename). The checkpoint is saved at the start, every CHECKPOINT_EVERY_S (5 saves, 10 operations
// an hour), on snooze when the last save is at least SNOOZE_SAVE_GAP_S old (so snoozes cannot push it past 6
// saves an hour), at the cap's warning and at the cap (once a run each: with the start's, at most 18 operations in
// the first hour), on unload; the run's end saves one summary file and deletes the checkpoint (3 operations). A
// crash loses at most CHECKPOINT_EVERY_S of the run. Only when filing a run fails are there more attempts (a
// failing operation writes nothing).
import { GuardEvent, GuardState, cancelSnooze, currentBpm, isAbandoned, rebaseClock, snooze, snoozeLeftS, startGuard, step } from "../common/watch/guard";
import { RunSummary, decodeSummary, encodeSummary, makeRunId, summarize } from "../common/watch/summary";
import {
  CHECKPOINT_FILE, Checkpoint, ENDED_FILE, TEMP_FILE, clearCheckpoint, isSaved, loadCheckpoint, recoverInterruptedWrite,
  remove, saveCheckpoint, saveCompletedRun, saveEnded,
} from "./run-store";
import { onWrist, presenceKnown, setRunning } from "./sensors";
import { startWrapUp, stepWrapUp } from "../common/watch/wrap-up";
import { buzzEvents } from "./buzz";
import { currentProfile } from "./profile-source";

export var CHECKPOINT_EVERY_S = 720;
export var SNOOZE_SAVE_GAP_S = 600;
/** The End button's second tap must come within this. */
export var END_CONFIRM_MS = 4000;
/** A checkpoint older than this is a run that was abandoned (the watch died): it is filed, not resumed. */
export var MAX_RESUME_GAP_S = 2 * 3600;
/** A heart-rate reading older than this is not fed to the guard. */
var FRESH_MS = 2500;
/** A step of the wall clock between two looks at it that is negative or longer than this is the clock being set. */
var CLOCK_CHANGE_S = 10;

var run: Checkpoint | null = null;
/** A finished run whose summary could not be written yet: filed before the next run starts. */
var unfiled: Checkpoint | null = null;
/** The pending retry at filing `unfiled` (timer -1: none), and its gap, doubled each time. */
var retry = { timer: -1, gapS: 5 };
var timer = -1;
var lastSaveS = 0;
/** The wall clock at the last look (runNow). */
var wallS = 0;
/** The heart-rate reading pushed since the last tick (bpm 0: none), used once. */
var reading: { bpm: number; atMs: number } | null = null;
var endArmedUntil = 0;
/** The shell's hooks: redraw, and a run just ended (its summary, and whether it is on flash yet). */
var on = {
  change: function () {} as () => void,
  end: function (s: RunSummary, saved: boolean) {} as (s: RunSummary, saved: boolean) => void,
};

/** Seconds on the guard's clock: epoch seconds, so a resumed run carries on where it was. */
export function nowS(): number {
  return Date.now() / 1000;
}

/**
 * The run's clock: the wall clock, except that when the wall clock is set (a step back, or one far longer than the
 * 1-second timer's) the run's times move with it, so the run goes on by one timer period: a clock change neither
 * ends the run nor freezes it. A relaunch after a real gap is not a step seen here (begin() starts the look anew).
 */
export function runNow(): number {
  var t = nowS();
  var d = t - wallS;
  wallS = t;
  if (run && (d < 0 || d > CLOCK_CHANGE_S)) {
    rebaseClock(run.guard, d - 1);
    lastSaveS += d - 1;
    // The hint's start too, beside the last save's: fed the guard's elapsed time instead, the hint would need no
    // start of its own, but that measured a 2 KB step over the engine's budget (terser copies its fresh state into
    // both callers once startWrapUp takes no argument).
    if (run.wrap) run.wrap.t0 += d - 1;
  }
  return t;
}

export function activeGuard(): GuardState | null {
  return run ? run.guard : null;
}

/** The wrap-up hint came this run (shown in words while the run is easy). */
export function wrapUpDue(): boolean {
  return run !== null && run.wrap !== undefined && run.wrap.firedT >= 0;
}

export function isRunning(): boolean {
  return run !== null;
}

export function endArmed(): boolean {
  return endArmedUntil > Date.now();
}

function save(t: number): void {
  if (!run) return;
  filePrev(run);
  if (saveCheckpoint(run)) {
    lastSaveS = t;
    remove(ENDED_FILE); // an earlier run's, now filed or carried in prev
  }
}

function tick(): void {
  if (!run) return;
  var t = runNow();
  var bpm: number | null = null;
  if (reading && reading.bpm > 0 && Date.now() - reading.atMs <= FRESH_MS) bpm = reading.bpm;
  reading = null;
  var events = step(run.guard, { t: t, bpm: bpm, onWrist: onWrist(), presenceKnown: presenceKnown() });
  // The wrap-up hint watches the level the guard believes (not raw readings: an artefact is no drift); the face
  // reads its firedT.
  if (run.wrap) stepWrapUp(run.wrap, t, currentBpm(run.guard, t) || null);
  // The cap's warning and the cap are saved (once a run each) before they buzz, so a relaunch does not buzz
  // them again, and a face that dies saving never gave them.
  if (t - lastSaveS >= CHECKPOINT_EVERY_S || capNews(events)) save(t);
  if (events.length) buzzEvents(events);
  if (isAbandoned(run.guard, t)) {
    console.log("Run " + run.id + " forgotten");
    endRun();
    return;
  }
  on.change();
}

function capNews(events: GuardEvent[]): boolean {
  for (var i = 0; i < events.length; i++) if (events[i].type === "cap" || events[i].type === "cap-warning") return true;
  return false;
}

function begin(): void {
  wallS = nowS();
  if (timer < 0) timer = setInterval(tick, 1000);
  setRunning(true);
  on.change();
}

/** A heart-rate reading from the sensor (bpm 0: none): the next tick feeds it to the guard, if still fresh. */
export function takeReading(bpm: number, atMs: number): void {
  reading = { bpm: bpm, atMs: atMs };
}

/** File the summary of an earlier run a checkpoint carries (prev); true when none is left unfiled. */
function filePrev(cp: Checkpoint): boolean {
  var p = decodeSummary(cp.prev);
  if (!p || saveCompletedRun(p)) delete cp.prev;
  return !cp.prev;
}

/**
 * File a finished run: its summary file (and any earlier run's it carries), then no checkpoint. What could not be
 * filed stays on file as an ended checkpoint (or, when even that cannot be written, ENDED_FILE), so no launch
 * resumes it.
 */
function finish(cp: Checkpoint, shown?: boolean): void {
  var summary = summarize(cp.guard, cp.id, cp.startedAt);
  var name = saveCompletedRun(summary);
  if (shown) on.end(summary, name !== null);
  unfiled = null;
  if (filePrev(cp) && name !== null) {
    if (clearCheckpoint()) {
      retry.gapS = 5;
      return;
    }
  } else unfiled = cp;
  if (!saveEnded(cp)) unfiled = cp;
  if (unfiled) retryFiling();
}

/**
 * Try again to file a run that could not be (storage full, writes failing): after 5 s, then twice as long each time
 * up to every 16 minutes. Soon, because until something on flash says the run ended a relaunch would resume it. A
 * failing operation writes nothing, so the retries do not wear the flash; a new run's start takes it over.
 */
function retryFiling(): void {
  if (retry.timer >= 0) return;
  retry.timer = setTimeout(function () {
    retry.timer = -1;
    if (!unfiled || run) return;
    retry.gapS = Math.min(retry.gapS * 2, 960);
    finish(unfiled, true);
  }, retry.gapS * 1000);
}

function newer(a: Checkpoint | null, b: Checkpoint | null): Checkpoint | null {
  return !a || (b && b.guard.lastT >= a.guard.lastT) ? b : a;
}

/**
 * Set things up and resume an interrupted run, if the file system holds one. `onChange` redraws; `onEnd` hears of
 * each run the runner (or the watch, a forgotten one) ends, and again when a retry gets its summary on flash.
 */
export function initRun(onChange: () => void, onEnd?: (s: RunSummary, saved: boolean) => void): void {
  on.change = onChange;
  if (onEnd) on.end = onEnd;
  recoverInterruptedWrite();
  // ENDED_FILE first: when run.json is there too, it is that run's older state (a running run's save removes it).
  var cp = loadCheckpoint(ENDED_FILE);
  if (cp) cp.endedAt = 1;
  // A checkpoint left in the temporary file is one whose rename failed (or did not happen): newer than run.json.
  else cp = newer(loadCheckpoint(CHECKPOINT_FILE), loadCheckpoint(TEMP_FILE, true));
  if (!cp) return;
  if (isSaved(cp.id) && filePrev(cp)) {
    // The run ended and was filed; only the checkpoint's deletion did not happen. When it fails again, the
    // checkpoint says the run ended: once the phone has the summary (and the watch deletes it) nothing else would.
    if (!clearCheckpoint()) saveEnded(cp);
    return;
  }
  if (cp.endedAt || nowS() - cp.guard.lastT > MAX_RESUME_GAP_S) {
    finish(cp);
    return;
  }
  console.log("Resuming run " + cp.id);
  filePrev(cp);
  run = cp;
  lastSaveS = nowS();
  begin();
}

export function startRun(): void {
  if (run) return;
  if (unfiled) finish(unfiled); // its checkpoint is about to be replaced: one more try at saving its summary
  var t = nowS();
  var profile = currentProfile();
  run = { v: 1, id: makeRunId(Date.now(), Math.random()), startedAt: Math.round(t), guard: startGuard(profile, t) };
  if (profile.wrapUpHint) run.wrap = startWrapUp(t);
  if (unfiled) {
    // Still not filed: its summary goes along in this run's checkpoint until it can be.
    // (An earlier run it carried itself would be lost here: three failed runs in a row; the log says so.)
    console.warn("Run " + unfiled.id + " kept in " + run.id + (unfiled.prev ? "; lost " + unfiled.prev : ""));
    run.prev = encodeSummary(summarize(unfiled.guard, unfiled.id, unfiled.startedAt));
    unfiled = null;
  }
  endArmedUntil = 0;
  save(t);
  begin();
}

/** The Snooze button: snoozes, or while snoozed (it reads RESUME) cancels the snooze. */
export function snoozeRun(): void {
  if (!run) return;
  var t = runNow();
  if (snoozeLeftS(run.guard, t) > 0) {
    cancelSnooze(run.guard);
    on.change();
    return;
  }
  buzzEvents(snooze(run.guard, t));
  if (t - lastSaveS >= SNOOZE_SAVE_GAP_S) save(t);
  on.change();
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
    if (!endArmed()) on.change();
  }, END_CONFIRM_MS + 20);
  on.change();
}

/** End the run now: its summary goes to the file system. */
export function endRun(): void {
  if (!run) return;
  var t = runNow();
  var cp = run;
  run = null;
  endArmedUntil = 0;
  if (timer >= 0) clearInterval(timer);
  timer = -1;
  setRunning(false);
  // Bring the totals up to this second; a buzz due right now is moot: the runner just stopped.
  step(cp.guard, { t: t, bpm: null, onWrist: onWrist(), presenceKnown: presenceKnown() });
  finish(cp, true);
  on.change();
}

/** The face is going away (me.onunload): keep the run's latest state. */
export function checkpointNow(): void {
  save(runNow());
}
