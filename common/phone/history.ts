// The phone's run history, as a pure state machine: runs received from the watch are stored once by id (a
// duplicate delivery changes nothing but is acknowledged again), kept newest first and bounded. Persisted as
// compact text; loading validates every entry, so a corrupted store loses only the corrupted entries.
// ES5-safe.
import { RunSummary, encodeSummary, isRunId, summaryFromArray } from "../watch/summary";
import { MAX_PENDING_RUNS } from "../watch/outbox";
import { parseRunFile } from "../watch/protocol";

export interface History {
  /** Newest first (by start time, then id); at most MAX_HISTORY_RUNS. */
  runs: RunSummary[];
  /** Ids received most recently first (duplicates too): what the next acknowledgement carries. */
  recentIds: string[];
}

/** Bound on the phone: 250 runs (~150 bytes each, ~40 KB of local storage): more than the 200 promised. */
export var MAX_HISTORY_RUNS = 250;
/**
 * Ids per acknowledgement. Larger than the watch's outbox, so every run the watch still holds and the phone has
 * received is in the latest acknowledgement: a newer ack replacing a pending older one loses nothing.
 */
export var ACK_WINDOW = MAX_PENDING_RUNS + 40;
var HISTORY_FORMAT = 1;

export var EMPTY_HISTORY: History = { runs: [], recentIds: [] };

function newer(a: RunSummary, b: RunSummary): boolean {
  return a.startedAt > b.startedAt || (a.startedAt === b.startedAt && a.id > b.id);
}

export function hasRun(h: History, id: string): boolean {
  for (var i = 0; i < h.runs.length; i++) if (h.runs[i].id === id) return true;
  return false;
}

/** Receive one run. `added` is false for a duplicate (or a run older than everything kept at the bound). */
export function receiveRun(h: History, run: RunSummary): { history: History; added: boolean } {
  var recentIds = [run.id];
  for (var i = 0; i < h.recentIds.length && recentIds.length < ACK_WINDOW; i++) {
    if (h.recentIds[i] !== run.id) recentIds.push(h.recentIds[i]);
  }
  if (hasRun(h, run.id)) return { history: { runs: h.runs, recentIds: recentIds }, added: false };
  var runs = h.runs.slice(0);
  var at = 0;
  while (at < runs.length && !newer(run, runs[at])) at++;
  runs.splice(at, 0, run);
  var added = true;
  if (runs.length > MAX_HISTORY_RUNS) {
    var dropped = runs.pop()!;
    if (dropped.id === run.id) added = false;
  }
  return { history: { runs: runs, recentIds: recentIds }, added: added };
}

/** Receive one run file from the watch. Malformed files change nothing and say why. */
export function receiveRunFile(h: History, name: string, text: unknown): { history: History; added: boolean; error: string | null } {
  var parsed = parseRunFile(name, text);
  if (!parsed.ok) return { history: h, added: false, error: parsed.reason };
  var r = receiveRun(h, parsed.value);
  return { history: r.history, added: r.added, error: null };
}

export function encodeHistory(h: History): string {
  var runs: unknown[] = [];
  for (var i = 0; i < h.runs.length; i++) runs.push(JSON.parse(encodeSummary(h.runs[i])));
  return JSON.stringify({ format: HISTORY_FORMAT, runs: runs, recentIds: h.recentIds });
}

/** The newest runs as compact text, for the settings page (it cannot read the companion's local storage). */
export function encodeRecentRuns(h: History, count: number): string {
  var parts: string[] = [];
  for (var i = 0; i < h.runs.length && i < count; i++) parts.push(encodeSummary(h.runs[i]));
  return "[" + parts.join(",") + "]";
}

/** Never throws: valid runs only, newest first. */
export function decodeRecentRuns(text: string | null | undefined): RunSummary[] {
  if (typeof text !== "string") return [];
  var data: unknown;
  try { data = JSON.parse(text); } catch (e) { return []; }
  if (!(data instanceof Array)) return [];
  var h: History = EMPTY_HISTORY;
  for (var i = 0; i < data.length && i < MAX_HISTORY_RUNS; i++) {
    var run = summaryFromArray(data[i]);
    if (run !== null) h = receiveRun(h, run).history;
  }
  return h.runs;
}

/** Never throws: unreadable text gives an empty history, unreadable entries are skipped. */
export function decodeHistory(text: string | null | undefined): { history: History; skipped: number } {
  if (typeof text !== "string" || text === "") return { history: EMPTY_HISTORY, skipped: 0 };
  var data: unknown;
  try { data = JSON.parse(text); } catch (e) { return { history: EMPTY_HISTORY, skipped: 1 }; }
  if (data === null || typeof data !== "object") return { history: EMPTY_HISTORY, skipped: 1 };
  var o = data as { [key: string]: unknown };
  if (o["format"] !== HISTORY_FORMAT || !(o["runs"] instanceof Array)) return { history: EMPTY_HISTORY, skipped: 1 };
  var h: History = EMPTY_HISTORY;
  var skipped = 0;
  var entries = o["runs"] as unknown[];
  for (var i = 0; i < entries.length; i++) {
    var run = summaryFromArray(entries[i]);
    if (run === null) skipped++;
    else h = { runs: receiveRun(h, run).history.runs, recentIds: [] };
  }
  var recentIds: string[] = [];
  var ids = o["recentIds"];
  if (ids instanceof Array) {
    for (var j = 0; j < ids.length && recentIds.length < ACK_WINDOW; j++) if (isRunId(ids[j])) recentIds.push(ids[j]);
  }
  return { history: { runs: h.runs, recentIds: recentIds }, skipped: skipped };
}
