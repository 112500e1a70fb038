// The run's memory on the watch's file system (the only memory that survives the face being restarted).
//
// Both are written whole to a temporary file and renamed over the final name (app/atomic-file.ts), so a crash
// mid-write leaves the old file (or none), never a half one.
//
// CHECKPOINT_FILE ("run.json", JSON): { v: 1, id, startedAt, guard[, endedAt] } of the run in progress, written at the
//   start, every few minutes (see app/run.ts for the budget: at most 20 flash operations an hour), on snooze, on unload,
//   and deleted when the run ends. A missing file means no run; a corrupt one is logged and ignored. `prev`: the
//   summary (encoded) of an earlier run that could not be filed yet, kept here until it can be.
// ENDED_FILE ("ended.json"): the checkpoint renamed when a run ended and neither its summary nor its "ended" mark
//   could be written (storage full: a rename needs no space): the next launch files it, never resumes it.
//
// Completed runs: saveCompletedRun(summary) writes ONE file per run, "run-<id>.txt" (utf-8), holding
//   encodeSummary(summary) from common/watch/summary.ts (decodeSummary reads it back). The id comes from
//   makeRunId(start ms, Math.random()) and never repeats, so the file names never collide. These files are the
//   outbox for the phone sync: it lists them with listCompletedRuns(), sends each, and deletes one only after
//   the phone has acknowledged it. Nothing else writes or deletes them.
import * as fs from "fs";
import { TEMP_FILE, writeAtomically } from "./atomic-file";
export { TEMP_FILE };
import { BREACH_PHASES, CAP_PHASES, GUARD_STATE_VERSION, GuardState, startGuard } from "../common/watch/guard";
import { DEFAULT_PROFILE } from "../common/watch/profile";
import { WrapUpState, startWrapUp } from "../common/watch/wrap-up";
import { RunSummary, decodeSummary, encodeSummary, isRunId } from "../common/watch/summary";

export var CHECKPOINT_FILE = "run.json";
export var ENDED_FILE = "ended.json";

/** The directory the app's relative file names live in, for listing. */
export var DATA_DIR = "/private/data";

export interface Checkpoint {
  v: 1;
  id: string;
  /** Epoch seconds of the run's start. */
  startedAt: number;
  guard: GuardState;
  /** Set (to 1) when the run ended but could not be filed yet: the next launch files it, never resumes it. */
  endedAt?: number;
  /** The encoded summary of an earlier run whose own file could not be written yet. */
  prev?: string;
  /** The wrap-up hint's state (absent when the runner turned the hint off). */
  wrap?: WrapUpState;
}

export function summaryFileName(id: string): string {
  return "run-" + id + ".txt";
}

/** Write the checkpoint; false (logged) when the file system refuses. */
export function saveCheckpoint(cp: Checkpoint): boolean {
  try {
    writeAtomically(CHECKPOINT_FILE, cp, true);
    return true;
  } catch (e) {
    console.warn("Could not checkpoint: " + e);
    return false;
  }
}

/** Same structure as the template: same keys, array lengths and value types, and finite numbers. */
function sameShape(a: any, tpl: any): boolean {
  if (tpl instanceof Array) {
    if (!(a instanceof Array) || a.length !== tpl.length) return false;
  } else if (tpl !== null && typeof tpl === "object") {
    if (a === null || typeof a !== "object") return false;
  } else {
    return typeof a === typeof tpl && (typeof a !== "number" || isFinite(a));
  }
  for (var k in tpl) if (!sameShape(a[k], tpl[k])) return false;
  return true;
}

/**
 * The checkpointed run (in `name`), or null when there is none or it is unusable (then it is logged and removed;
 * `other` says the file may hold something else, a torn write or a summary, and leaves it as it is).
 */
export function loadCheckpoint(name: string, other?: boolean): Checkpoint | null {
  if (!fs.existsSync(name)) return null;
  var cp: any;
  try {
    cp = fs.readFileSync(name, "json");
  } catch (e) {
    cp = null;
  }
  // A checkpoint must look exactly like one this version writes, so a resumed guard cannot crash or produce NaN.
  var tpl = { v: 1, id: "", startedAt: 0, guard: startGuard(DEFAULT_PROFILE, 0) };
  if (sameShape(cp, tpl) && cp.v === 1 && cp.guard.v === GUARD_STATE_VERSION && isRunId(cp.id) &&
      cp.guard.ceiling > 0 && cp.guard.capS > 0 && BREACH_PHASES.indexOf(cp.guard.phase) >= 0 &&
      CAP_PHASES.indexOf(cp.guard.capPhase) >= 0 && (cp.prev === undefined || typeof cp.prev === "string") &&
      (cp.wrap === undefined || sameShape(cp.wrap, startWrapUp(0)))) {
    return cp as Checkpoint;
  }
  if (other) return null;
  console.warn(name + " corrupt, not resumed");
  remove(name);
  return null;
}

export function remove(name: string): void {
  try {
    if (fs.existsSync(name)) fs.unlinkSync(name);
  } catch (e) {
    console.warn("Could not delete " + name + ": " + e);
  }
}

/** No run on file any more (a leftover temporary file goes too: it could only be an older state). True: done. */
export function clearCheckpoint(): boolean {
  remove(CHECKPOINT_FILE);
  remove(ENDED_FILE);
  remove(TEMP_FILE);
  try {
    return !fs.existsSync(CHECKPOINT_FILE);
  } catch (e) {
    return false;
  }
}

/** Put on flash that this run ended (so no launch resumes it): its checkpoint marked ended, else markEnded. */
export function saveEnded(cp: Checkpoint): boolean {
  cp.endedAt = 1; // (only its presence counts)
  return saveCheckpoint(cp) || markEnded();
}

/**
 * The run ended and nothing could be written: rename its checkpoint (no space needed) so no launch resumes it; when
 * there is none (a failed rename deleted it), its newest state, left in the temporary file. True when no launch can
 * resume it any more.
 */
function markEnded(): boolean {
  try {
    fs.renameSync(CHECKPOINT_FILE, ENDED_FILE);
    remove(TEMP_FILE); // an older state, if any
    return true;
  } catch (e) {
    try {
      fs.renameSync(TEMP_FILE, ENDED_FILE);
    } catch (e) {
      console.warn("Could not mark: " + e); // what is left in TEMP_FILE is the newest state (see initRun)
    }
  }
  try {
    return !fs.existsSync(CHECKPOINT_FILE) && !fs.existsSync(TEMP_FILE);
  } catch (e) {
    return false;
  }
}

/**
 * A summary's write the face did not live to rename (app/atomic-file.ts), or whose rename failed: it goes under its
 * own name, so a relaunch files that run rather than resuming it. (A checkpoint left there: see app/run.ts initRun.)
 */
export function recoverInterruptedWrite(): void {
  try {
    var s = decodeSummary(fs.readFileSync(TEMP_FILE, "utf-8"));
    if (s && !fs.existsSync(summaryFileName(s.id))) fs.renameSync(TEMP_FILE, summaryFileName(s.id));
  } catch (e) {
    // none, or torn: the next write overwrites it
  }
}

/**
 * Persist a completed run's summary as its own file, summaryFileName(summary.id). Returns the file name, or
 * null (logged) when the file system refused.
 */
export function saveCompletedRun(summary: RunSummary): string | null {
  var name = summaryFileName(summary.id);
  try {
    writeAtomically(name, encodeSummary(summary), false);
    return name;
  } catch (e) {
    console.warn("Could not save " + name + ": " + e);
    return null;
  }
}

/** Whether this run's summary is on the watch, whole: the file exists and decodes to this run. */
export function isSaved(id: string): boolean {
  var name = summaryFileName(id);
  try {
    var summary = decodeSummary(fs.readFileSync(name, "utf-8"));
    return summary !== null && summary.id === id;
  } catch (e) {
    return false; // none
  }
}

/** Names of the completed-run files waiting on the watch (oldest id first: ids start with the start time). */
export function listCompletedRuns(): string[] {
  var out: string[] = [];
  try {
    var it = fs.listDirSync(DATA_DIR);
    for (var r = it.next(); !r.done; r = it.next()) {
      // Only a completed run's file: summaryFileName of a valid run id.
      var name = r.value;
      if (name && name.indexOf("run-") === 0 && name.slice(-4) === ".txt" && isRunId(name.slice(4, -4))) out.push(name);
    }
  } catch (e) {
    console.warn("Could not list " + DATA_DIR + ": " + e);
  }
  return out.sort();
}
