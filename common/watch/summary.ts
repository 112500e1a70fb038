// A finished run's summary: built from the guard's totals, encoded small for the watch's file system and the
// link to the phone, and decoded with validation (a corrupt or foreign payload is rejected, never trusted).
import { GuardState } from "./guard";

export interface RunSummary {
  /** Never repeats: start time plus randomness, not a counter that restarts with the app. */
  id: string;
  /** Epoch seconds of the run's start. */
  startedAt: number;
  durationS: number;
  movingS: number;
  pausedS: number;
  avgHr: number;
  maxHr: number;
  secondsAboveCeiling: number;
  breaches: number;
  buzzes: number;
  capReached: boolean;
  /** Seconds below zone 1, then zones 1-5. */
  zoneSeconds: number[];
  ceilingBpm: number;
  capMinutes: number;
  /** Optional: the run's HR profile (hr-profile.ts encodeHrProfile text), for the phone's per-run chart. */
  hrProfile?: string;
}

export var SUMMARY_VERSION = 1;

/** The one rule for a run id (makeRunId's shape): file names, acks and summaries all check ids with this. */
var RUN_ID_PATTERN = /^[0-9a-z]{1,12}-[0-9a-z]{4}$/;

export function isRunId(x: unknown): x is string {
  return typeof x === "string" && RUN_ID_PATTERN.test(x);
}

export function makeRunId(startEpochMs: number, random01: number): string {
  var rand = Math.floor(random01 * 1679616); // 36^4
  var suffix = ("0000" + rand.toString(36)).slice(-4);
  return Math.floor(startEpochMs).toString(36) + "-" + suffix;
}

export function summarize(s: GuardState, id: string, startedAt: number): RunSummary {
  var tot = s.totals;
  var zones: number[] = [];
  for (var i = 0; i < tot.zoneSeconds.length; i++) zones.push(Math.round(tot.zoneSeconds[i]));
  return {
    id: id,
    startedAt: Math.round(startedAt),
    durationS: Math.round(tot.durationS),
    movingS: Math.round(tot.movingS),
    pausedS: Math.round(tot.durationS - tot.movingS),
    avgHr: tot.movingS > 0 ? Math.round(tot.hrWeightedSum / tot.movingS) : 0,
    maxHr: Math.round(tot.maxHr),
    secondsAboveCeiling: Math.round(tot.secondsAboveCeiling),
    breaches: tot.breaches,
    buzzes: tot.buzzes,
    capReached: tot.capReached,
    zoneSeconds: zones,
    // Floored, not rounded: the whole bpm the phone shows (ceilingDisplayBpm) must be the one the watch showed.
    ceilingBpm: Math.floor(s.ceiling * 100) / 100,
    capMinutes: Math.round(s.capS / 60),
  };
}

/** Positional JSON array: about 100 bytes, well under the 256-byte budget. */
export function encodeSummary(r: RunSummary): string {
  return JSON.stringify([
    SUMMARY_VERSION, r.id, r.startedAt, r.durationS, r.movingS, r.pausedS, r.avgHr, r.maxHr,
    r.secondsAboveCeiling, r.breaches, r.buzzes, r.capReached ? 1 : 0, r.zoneSeconds, r.ceilingBpm, r.capMinutes,
  ].concat(typeof r.hrProfile === "string" ? [r.hrProfile] : []));
}

function isCount(x: unknown, max: number): x is number {
  return typeof x === "number" && x >= 0 && x <= max && Math.floor(x) === x;
}

/** Returns the summary, or null for anything that is not a well-formed version-1 summary. */
export function decodeSummary(text: unknown): RunSummary | null {
  if (typeof text !== "string" || text.length > 1024) return null;
  var a: unknown;
  try { a = JSON.parse(text); } catch (e) { return null; }
  return summaryFromArray(a);
}

export function summaryFromArray(a: unknown): RunSummary | null {
  // A 16th element, when there, is the HR profile text (checked where it is drawn: decodeHrProfile).
  if (!(a instanceof Array) || (a.length !== 15 && a.length !== 16) || a[0] !== SUMMARY_VERSION) return null;
  if (a.length === 16 && (typeof a[15] !== "string" || a[15].length > 512)) return null;
  var DAY = 86400;
  if (!isRunId(a[1])) return null;
  if (!isCount(a[2], 4102444800)) return null; // before 2100
  for (var i = 3; i <= 10; i++) if (!isCount(a[i], i === 6 || i === 7 ? 300 : 7 * DAY)) return null;
  if (a[11] !== 0 && a[11] !== 1) return null;
  var zones = a[12];
  if (!(zones instanceof Array) || zones.length !== 6) return null;
  for (var z = 0; z < 6; z++) if (!isCount(zones[z], 7 * DAY)) return null;
  if (typeof a[13] !== "number" || !(a[13] > 0 && a[13] < 260)) return null;
  if (!isCount(a[14], 600)) return null;
  var out = {
    id: a[1], startedAt: a[2], durationS: a[3], movingS: a[4], pausedS: a[5], avgHr: a[6], maxHr: a[7],
    secondsAboveCeiling: a[8], breaches: a[9], buzzes: a[10], capReached: a[11] === 1,
    zoneSeconds: [zones[0], zones[1], zones[2], zones[3], zones[4], zones[5]], ceilingBpm: a[13], capMinutes: a[14],
  } as RunSummary;
  if (a.length === 16) out.hrProfile = a[15];
  return out;
}
