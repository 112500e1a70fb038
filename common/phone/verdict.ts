// The one-line verdict on a finished run, as the phone shows it in the runner's language (verdictOf takes a
// Translate): did it stay a recovery run? The rule is common/watch/run-card.ts hardnessOf, the watch's summary
// card's too.
// ES5-safe.
import { RunSummary } from "../watch/summary";
import { formatDuration } from "../watch/format";
import { ceilingDisplayBpm } from "../watch/zones";
import { MessageValues, Translate, say } from "./i18n";
import { AVERAGE_OVER, PAST_CAP, TOO_LONG_ABOVE, hardnessOf } from "../watch/run-card";

export interface Verdict {
  easy: boolean;
  /** Why it was too hard, in the runner's language; empty when it stayed easy. */
  reasons: string[];
  /** One line for the phone. */
  text: string;
}

/** Why a run went too hard, as message ids with their values (verdictOf words them). */
function reasonsOf(run: RunSummary): { id: string; values: MessageValues }[] {
  var hard = hardnessOf(run); // the rule the watch's summary card uses too
  var out: { id: string; values: MessageValues }[] = [];
  if (hard & TOO_LONG_ABOVE) {
    out.push({ id: "reason_above", values: { duration: formatDuration(run.secondsAboveCeiling), ceiling: ceilingDisplayBpm(run.ceilingBpm) } });
  }
  if (hard & AVERAGE_OVER) out.push({ id: "reason_average", values: { avg: run.avgHr } });
  if (hard & PAST_CAP) {
    out.push({ id: "reason_past_cap", values: { over: Math.round((run.durationS - run.capMinutes * 60) / 60), cap: run.capMinutes } });
  }
  return out;
}

/** Whether the run stayed a recovery run (what the week's counts use). */
export function stayedEasy(run: RunSummary): boolean {
  return reasonsOf(run).length === 0;
}

export function verdictOf(run: RunSummary, t: Translate): Verdict {
  var found = reasonsOf(run);
  var reasons: string[] = [];
  for (var i = 0; i < found.length; i++) reasons.push(say(t, found[i].id, found[i].values));
  if (reasons.length > 0) {
    return { easy: false, reasons: reasons, text: say(t, "verdict_too_hard", { reasons: reasons.join(t("list_separator")) }) };
  }
  var text = run.secondsAboveCeiling > 0 ?
    say(t, "verdict_easy_brief", { duration: formatDuration(run.secondsAboveCeiling), ceiling: ceilingDisplayBpm(run.ceilingBpm) }) :
    t("verdict_easy");
  return { easy: true, reasons: reasons, text: text };
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
    if (stayedEasy(runs[i])) easy++;
  }
  return { runs: count, easy: easy };
}
