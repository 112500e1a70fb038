// The runner's weeks, for the phone: "This week: N recovery runs" counts only the runs that stayed easy (a run
// that went too hard is said apart, never counted as a recovery run), and the weekly totals the weekly chart draws.
// Pure and ES5-safe. Weeks start on Monday at local midnight (verdict.ts weekStartOf).
import { RunSummary } from "../watch/summary";
import { stayedEasy, weekStartOf } from "./verdict";
import { Translate, say, sayCount } from "./i18n";

var WEEK_S = 7 * 86400;

export interface WeekTotals {
  /** Epoch seconds of the week's Monday 00:00 local. */
  startS: number;
  runs: number;
  /** Runs whose verdict is "stayed easy": the recovery runs. */
  easy: number;
  /** Runs that went too hard. */
  hard: number;
  secondsAboveCeiling: number;
  movingS: number;
}

function emptyWeek(startS: number): WeekTotals {
  return { startS: startS, runs: 0, easy: 0, hard: 0, secondsAboveCeiling: 0, movingS: 0 };
}

/**
 * The last `weeks` weeks up to the one holding nowMs, oldest first, every week present (a week with no run is a
 * zero, not a gap). A fixed offset is used for every week: across a daylight-saving change a run within an hour
 * of Monday midnight may land in the neighbouring week.
 */
export function weeklyTotals(runs: RunSummary[], nowMs: number, tzOffsetMinutes: number, weeks: number): WeekTotals[] {
  var thisWeek = weekStartOf(nowMs, tzOffsetMinutes);
  var out: WeekTotals[] = [];
  for (var w = weeks - 1; w >= 0; w--) out.push(emptyWeek(thisWeek - w * WEEK_S));
  var first = out.length ? out[0].startS : thisWeek;
  for (var i = 0; i < runs.length; i++) {
    var r = runs[i];
    if (r.startedAt < first || r.startedAt >= thisWeek + WEEK_S) continue;
    var k = out[Math.floor((r.startedAt - first) / WEEK_S)];
    k.runs++;
    if (stayedEasy(r)) k.easy++;
    else k.hard++;
    k.secondsAboveCeiling += r.secondsAboveCeiling;
    k.movingS += r.movingS;
  }
  return out;
}

/** "This week: 2 recovery runs.", "This week: 1 recovery run, and 1 run that went too hard.", "This week: no runs yet." */
export function weekLine(runs: RunSummary[], nowMs: number, tzOffsetMinutes: number, t: Translate): string {
  var w = weeklyTotals(runs, nowMs, tzOffsetMinutes, 1)[0];
  if (w.runs === 0) return t("week_no_runs");
  var easy = w.easy === 0 ? t("week_easy_none") : sayCount(t, "week_easy", w.easy);
  var hard = w.hard === 0 ? "" : sayCount(t, "week_hard", w.hard);
  return say(t, "week_line", { easy: easy, hard: hard });
}
