// The run's memory on the watch's file system (the only memory that survives the face being restarted).
//
// CHECKPOINT_FILE ("run.json", JSON): { v: 1, id, startedAt, guard[, endedAt] } of the run in progress, written at the
//   start, every few minutes (see app/run.ts for the budget: at most 20 writes an hour), on snooze, on unload,
//   and deleted when the run ends. A missing file means no run; a corrupt one is logged and ignored.
//
// Completed runs: saveCompletedRun(summary) writes ONE file per run, "run-<id>.txt" (utf-8), holding
//   encodeSummary(summary) from common/summary.ts (decodeSummary reads it back). The id comes from
//   makeRunId(start ms, Math.random()) and never repeats, so the file names never collide. These files are the
//   outbox for the phone sync: it lists them with listCompletedRuns(), sends each, and deletes one only after
//   the phone has acknowledged it. Nothing else writes or deletes them.
import * as fs from "fs";
import { GuardState } from "../common/guard";
import { RunSummary, encodeSummary } from "../common/summary";

export var CHECKPOINT_FILE = "run.json";
/** The directory the app's relative file names live in, for listing. */
export var DATA_DIR = "/private/data";
export var SUMMARY_FILE_RE = /^run-[0-9a-z]{1,12}-[0-9a-z]{4}\.txt$/;

export interface Checkpoint {
  v: 1;
  id: string;
  /** Epoch seconds of the run's start. */
  startedAt: number;
  guard: GuardState;
  /** Set when the run ended but its summary could not be saved yet: the next launch saves it, not resumes it. */
  endedAt?: number;
}

export function summaryFileName(id: string): string {
  return "run-" + id + ".txt";
}

/** Write the checkpoint; false (logged) when the file system refuses. */
export function saveCheckpoint(cp: Checkpoint): boolean {
  try {
    fs.writeFileSync(CHECKPOINT_FILE, cp, "json");
    return true;
  } catch (e) {
    console.warn("Could not checkpoint the run: " + e);
    return false;
  }
}

function isNum(x: unknown): boolean {
  return typeof x === "number" && x === x && x !== Infinity && x !== -Infinity;
}

function isNumArray(x: unknown, length: number): boolean {
  if (!(x instanceof Array) || x.length !== length) return false;
  for (var i = 0; i < length; i++) if (!isNum(x[i])) return false;
  return true;
}

/** Enough of a check that a resumed guard cannot crash or produce NaN. */
function isGuardState(g: any): g is GuardState {
  if (!g || typeof g !== "object" || g.v !== 1) return false;
  var nums = ["startT", "lastT", "ceiling", "maxHr", "restingHr", "capS", "warnS", "level", "levelT", "jumpSinceT",
    "implausibleSinceT", "aboveS", "excess", "belowSinceT", "lastBreachBuzzT", "reminders", "snoozeUntil", "lastCapBuzzT"];
  for (var i = 0; i < nums.length; i++) if (!isNum(g[nums[i]])) return false;
  var t = g.totals;
  if (!t || typeof t !== "object" || !isNumArray(t.zoneSeconds, 6)) return false;
  var tn = ["durationS", "movingS", "hrWeightedSum", "maxHr", "secondsAboveCeiling", "breaches", "buzzes"];
  for (var j = 0; j < tn.length; j++) if (!isNum(t[tn[j]])) return false;
  var rl = g.recentT instanceof Array ? g.recentT.length : 0;
  var hl = g.historyT instanceof Array ? g.historyT.length : 0;
  return rl > 0 && hl > 0 && isNumArray(g.recentT, rl) && isNumArray(g.recentBpm, rl) &&
    isNumArray(g.historyT, hl) && isNumArray(g.historyLevel, hl) && g.ceiling > 0 && g.capS > 0;
}

/** The checkpointed run, or null when there is none or it is unusable (then it is logged and removed). */
export function loadCheckpoint(): Checkpoint | null {
  if (!fs.existsSync(CHECKPOINT_FILE)) return null;
  var cp: any;
  try {
    cp = fs.readFileSync(CHECKPOINT_FILE, "json");
  } catch (e) {
    cp = null;
  }
  if (cp && cp.v === 1 && typeof cp.id === "string" && /^[0-9a-z]{1,12}-[0-9a-z]{4}$/.test(cp.id) &&
      isNum(cp.startedAt) && isGuardState(cp.guard)) {
    return cp as Checkpoint;
  }
  console.warn(CHECKPOINT_FILE + " is corrupt: the interrupted run cannot be resumed");
  clearCheckpoint();
  return null;
}

export function clearCheckpoint(): void {
  try {
    if (fs.existsSync(CHECKPOINT_FILE)) fs.unlinkSync(CHECKPOINT_FILE);
  } catch (e) {
    console.warn("Could not delete " + CHECKPOINT_FILE + ": " + e);
  }
}

/**
 * Persist a completed run's summary as its own file, summaryFileName(summary.id). Returns the file name, or
 * null (logged) when the file system refused.
 */
export function saveCompletedRun(summary: RunSummary): string | null {
  var name = summaryFileName(summary.id);
  try {
    fs.writeFileSync(name, encodeSummary(summary), "utf-8");
    return name;
  } catch (e) {
    console.warn("Could not save the run summary " + name + ": " + e);
    return null;
  }
}

/** Whether this run's summary file is on the watch. */
export function isSaved(id: string): boolean {
  return fs.existsSync(summaryFileName(id));
}

/** Names of the completed-run files waiting on the watch (oldest id first: ids start with the start time). */
export function listCompletedRuns(): string[] {
  var out: string[] = [];
  try {
    var it = fs.listDirSync(DATA_DIR);
    for (var r = it.next(); !r.done; r = it.next()) {
      if (r.value && SUMMARY_FILE_RE.test(r.value)) out.push(r.value);
    }
  } catch (e) {
    console.warn("Could not list " + DATA_DIR + ": " + e);
  }
  return out.sort();
}
