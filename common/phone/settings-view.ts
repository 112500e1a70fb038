// Everything the settings page shows, as text in the runner's language (a Translate in: the page passes Fitbit's
// gettext), from what settings storage holds: field messages, the ceiling computed by the same engine the watch
// uses, and the recent runs with their verdicts. The page (settings/) only lays this out. Pure and ES5-safe.
import { MaxHrMethod, maxHrOf } from "../watch/profile";
import { ceilingDisplayBpm, ceilingOf, heartRateReserve, zoneBoundsBpm, zoneOf } from "../watch/zones";
import { decodeRecentRuns } from "./history";
import { RunSummary } from "../watch/summary";
import { formatDuration, pad2 } from "../watch/format";
import { verdictOf } from "./verdict";
import { Translate, say, sayCount } from "./i18n";
import { weekLine } from "./week";
import {
  RESTING_HISTORY_KEY, READINESS_MARGIN_KEY, dayKeyOf, readinessMarginFrom, readinessOf, readinessPage, restingHistoryFrom,
} from "./readiness";
import { runChartSvg, runChartText, runSummaryChartSvg, svgDataUri, weekChartSvg, weekChartText, weekView } from "./run-charts";
import { decodeHrProfile } from "../watch/hr-profile";
import {
  RECENT_RUNS_KEY, StorageReader, USE_WATCH_RESTING_KEY, WATCH_PROFILE_KEY, readSettings, storedValue,
  watchProfileFromStorage,
} from "./settings-input";

export interface RunView {
  title: string;
  stats: string;
  verdict: string;
  easy: boolean;
  /** The run's chart as a data URI: its HR over time when the summary carries an HR profile, else its figures. */
  chart: string;
  /** The chart over time in words; null for the chart of figures, which the stats already say in words. */
  chartText: string | null;
}

/** A picture for TextImageRow's icon, with the same in words for a page that cannot show it. */
export interface ChartView {
  uri: string;
  text: string;
}

/** Weeks the weekly chart shows, this one last. */
export var CHART_WEEKS = 6;

export interface CeilingView {
  maxHr: string;
  reserve: string;
  ceiling: string;
  /** "Zone 1: 123-135 bpm", ... */
  zones: string[];
}

export interface SettingsView {
  fieldErrors: { [key: string]: string };
  /** Problems with how fields combine. */
  problems: string[];
  /** Whether the watch gets these settings. */
  status: string;
  ceiling: CeilingView | null;
  /** What the watch itself knows, when it has told the phone. */
  watchNote: string | null;
  measuredChosen: boolean;
  useWatchResting: boolean;
  week: string;
  /** Runs per week, minutes over the ceiling, the resting-HR trend. */
  weekChart: ChartView;
  /** "Should I run today?": the readiness sentence with its numbers (or what it still needs). */
  readiness: string;
  /** Whether that sentence is the hint (resting HR raised): a hint, never a block. */
  readinessHint: boolean;
  runs: RunView[];
}

/** "Mon 3 Mar, 07:05" in the phone's local time (tzOffsetMinutes as Date.prototype.getTimezoneOffset). */
export function formatRunDate(startedAtS: number, tzOffsetMinutes: number, t: Translate): string {
  var d = new Date(startedAtS * 1000 - tzOffsetMinutes * 60000);
  return say(t, "run_date", {
    weekday: t("weekday_" + d.getUTCDay()), day: d.getUTCDate(), month: t("month_" + (d.getUTCMonth() + 1)),
    time: pad2(d.getUTCHours()) + ":" + pad2(d.getUTCMinutes()),
  });
}

export function runView(run: RunSummary, tzOffsetMinutes: number, t: Translate): RunView {
  var verdict = verdictOf(run, t);
  var ceiling = ceilingDisplayBpm(run.ceilingBpm);
  var above = run.secondsAboveCeiling > 0 ?
    say(t, "run_above", { duration: formatDuration(run.secondsAboveCeiling), ceiling: ceiling }) :
    say(t, "run_never_above", { ceiling: ceiling });
  var stats = say(t, "run_stats", {
    duration: formatDuration(run.durationS), avg: run.avgHr, max: run.maxHr, above: above,
    buzzes: sayCount(t, "run_buzzes", run.buzzes),
  }) + (run.capReached ? " - " + t("run_cap_reached") : "");
  var profile = decodeHrProfile(run.hrProfile);
  return {
    title: formatRunDate(run.startedAt, tzOffsetMinutes, t), stats: stats, verdict: verdict.text, easy: verdict.easy,
    // Over time when the summary carries an HR profile; otherwise from the summary's figures, which every run has.
    chart: svgDataUri(profile ? runChartSvg(profile, run.ceilingBpm, t) : runSummaryChartSvg(run, t)),
    chartText: profile ? runChartText(profile, run.ceilingBpm, t) : null,
  };
}

export function settingsView(get: StorageReader, nowMs: number, tzOffsetMinutes: number, t: Translate): SettingsView {
  var watch = watchProfileFromStorage(get(WATCH_PROFILE_KEY));
  var reading = readSettings(get, watch, t);
  var ceiling: CeilingView | null = null;
  var status: string;
  if (reading.result.ok) {
    var p = reading.result.profile;
    var max = maxHrOf(p);
    var c = ceilingOf(p);
    var bounds = zoneBoundsBpm(p);
    var zones: string[] = [];
    for (var z = 0; z < 5; z++) {
      zones.push(say(t, "zone_line", { zone: z + 1, low: Math.round(bounds[z]), high: Math.round(bounds[z + 1]) }));
    }
    var method: MaxHrMethod = p.maxHrMethod;
    var methodNote = t(method === "watch" && !(p.watchMaxHr > 0) ? "method_note_watch_unknown" : "method_note_" + method);
    ceiling = {
      maxHr: say(t, "ceiling_max_hr", { max: Math.round(max), method: methodNote }),
      reserve: say(t, "ceiling_reserve", { reserve: Math.round(heartRateReserve(p)), max: Math.round(max), resting: p.restingHr }),
      ceiling: say(t, "ceiling_line", {
        ceiling: Math.round(c * 10) / 10, shown: ceilingDisplayBpm(c), percent: Math.round(p.ceilingFraction * 100),
        zone: zoneOf(c, p.restingHr, max),
      }),
      zones: zones,
    };
    // Until the watch has shared its profile, this check used the built-in fallback (35 y, resting 60) where the
    // watch uses its own: it may still refuse them (issue 10), so say only what is known.
    status = t(watch !== null ? "status_in_use" : "status_sent_unconfirmed");
  } else {
    status = t("status_not_sent");
  }
  var watchNote: string | null = null;
  if (watch !== null) {
    var parts: string[] = [];
    if (watch.age !== null) parts.push(say(t, "watch_age", { age: watch.age }));
    if (watch.restingHr !== null) parts.push(say(t, "watch_resting", { bpm: watch.restingHr }));
    if (watch.maxHr !== null) parts.push(say(t, "watch_max", { bpm: watch.maxHr }));
    if (parts.length > 0) watchNote = say(t, "watch_note", { parts: parts.join(t("list_separator")) });
  }
  var useWatchResting = storedValue(get(USE_WATCH_RESTING_KEY)) === true;
  if (useWatchResting && (watch === null || watch.restingHr === null)) {
    watchNote = t("watch_no_resting");
  }
  var runs = decodeRecentRuns(get(RECENT_RUNS_KEY));
  var views: RunView[] = [];
  for (var i = 0; i < runs.length; i++) views.push(runView(runs[i], tzOffsetMinutes, t));
  var resting = restingHistoryFrom(get(RESTING_HISTORY_KEY));
  var weeks = weekView(runs, resting, nowMs, tzOffsetMinutes, CHART_WEEKS);
  var readiness = readinessOf(resting, dayKeyOf(nowMs, tzOffsetMinutes), readinessMarginFrom(get(READINESS_MARGIN_KEY)));
  return {
    fieldErrors: reading.fieldErrors,
    problems: reading.otherErrors,
    status: status,
    ceiling: ceiling,
    watchNote: watchNote,
    measuredChosen: storedValue(get("maxHrMethod")) === "measured",
    useWatchResting: useWatchResting,
    week: weekLine(runs, nowMs, tzOffsetMinutes, t),
    weekChart: { uri: svgDataUri(weekChartSvg(weeks, t)), text: weekChartText(weeks, t) },
    readiness: readinessPage(readiness, t),
    readinessHint: readiness.kind === "hint",
    runs: views,
  };
}
