// The one-line verdict on a finished run, as the phone shows it: did it stay a recovery run? A recovery run is
// easy and short (PRODUCT.md): a few brief excursions over the ceiling are hills, not a hidden workout.
// ES5-safe.
import { RunSummary } from "../watch/summary";
import { formatDuration } from "../watch/format";
import { ceilingDisplayBpm } from "../watch/zones";

/** Time above the ceiling that still counts as easy: a minute, or 5% of the moving time if that is longer. */
export var ALLOWED_ABOVE_S = 60;
export var ALLOWED_ABOVE_FRACTION = 0.05;
/** Going this far past the time cap turns the run into a long one. */
export var OVER_CAP_GRACE_S = 5 * 60;

export interface Verdict {
  easy: boolean;
  /** Why it was too hard; empty when it stayed easy. */
  reasons: string[];
  /** One line for the phone. */
  text: string;
}

export function verdictOf(run: RunSummary): Verdict {
  var ceiling = ceilingDisplayBpm(run.ceilingBpm);
  var reasons: string[] = [];
  var allowed = Math.max(ALLOWED_ABOVE_S, ALLOWED_ABOVE_FRACTION * run.movingS);
  if (run.secondsAboveCeiling > allowed) {
    reasons.push(formatDuration(run.secondsAboveCeiling) + " above your " + ceiling + " bpm ceiling");
  }
  if (run.avgHr > run.ceilingBpm) {
    reasons.push("averaged " + run.avgHr + " bpm");
  }
  var overCapS = run.durationS - run.capMinutes * 60;
  if (overCapS > OVER_CAP_GRACE_S) {
    reasons.push("ran " + Math.round(overCapS / 60) + " min past the " + run.capMinutes + "-min cap");
  }
  if (reasons.length > 0) {
    return { easy: false, reasons: reasons, text: "Too hard for a recovery run: " + reasons.join(", ") + "." };
  }
  var detail = run.secondsAboveCeiling > 0 ? " (" + formatDuration(run.secondsAboveCeiling) + " briefly over " + ceiling + " bpm)" : "";
  return { easy: true, reasons: reasons, text: "Stayed easy" + detail + "." };
}

var DAY_MS = 86400000;

/**
 * Epoch seconds of the start of the current week (Monday 00:00 local time).
 * tzOffsetMinutes is Date.prototype.getTimezoneOffset(): minutes to add to local time to get UTC.
 */
export function weekStartOf(nowMs: number, tzOffsetMinutes: number): number {
  var localMs = nowMs - tzOffsetMinutes * 60000;
  var localDay = Math.floor(localMs / DAY_MS);
  var mondayBased = (localDay + 3) % 7; // 1970-01-01 was a Thursday
  if (mondayBased < 0) mondayBased += 7;
  return Math.floor(((localDay - mondayBased) * DAY_MS + tzOffsetMinutes * 60000) / 1000);
}

/** Runs started since weekStartS, and how many of them stayed easy. */
export function weekCount(runs: RunSummary[], weekStartS: number): { runs: number; easy: number } {
  var count = 0;
  var easy = 0;
  for (var i = 0; i < runs.length; i++) {
    if (runs[i].startedAt < weekStartS) continue;
    count++;
    if (verdictOf(runs[i]).easy) easy++;
  }
  return { runs: count, easy: easy };
}
