// Everything the settings page shows, as text, from what settings storage holds: field messages, the ceiling
// computed by the same engine the watch uses, and the recent runs with their verdicts. The page (settings/) only
// lays this out. Pure and ES5-safe.
import { MaxHrMethod, maxHrOf } from "../watch/profile";
import { ceilingDisplayBpm, ceilingOf, heartRateReserve, zoneBoundsBpm, zoneOf } from "../watch/zones";
import { decodeRecentRuns } from "./history";
import { RunSummary } from "../watch/summary";
import { formatDuration, pad2 } from "../watch/format";
import { verdictOf } from "./verdict";
import { weekLine } from "./week";
import { RESTING_HISTORY_KEY, READINESS_MARGIN_KEY, dayKeyOf, readinessMarginFrom, readinessOf, restingHistoryFrom } from "./readiness";
import { runChartSvg, runChartText, svgDataUri, weekChartSvg, weekChartText, weekView } from "./run-charts";
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
  /** The run's HR chart as a data URI, when the run carries an HR profile from the watch; else null. */
  chart: string | null;
  /** The chart in words (null without a profile). */
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

var METHOD_NAMES: { [m: string]: string } = {
  age: "220 - age", tanaka: "Tanaka, 208 - 0.7 x age", watch: "the watch's value", measured: "measured",
};
var DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
var MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Mon 3 Mar, 07:05" in the phone's local time (tzOffsetMinutes as Date.prototype.getTimezoneOffset). */
export function formatRunDate(startedAtS: number, tzOffsetMinutes: number): string {
  var d = new Date(startedAtS * 1000 - tzOffsetMinutes * 60000);
  return DAY_NAMES[d.getUTCDay()] + " " + d.getUTCDate() + " " + MONTH_NAMES[d.getUTCMonth()] + ", " +
    pad2(d.getUTCHours()) + ":" + pad2(d.getUTCMinutes());
}

function plural(n: number, one: string, many: string): string {
  return n + " " + (n === 1 ? one : many);
}

export function runView(run: RunSummary, tzOffsetMinutes: number): RunView {
  var verdict = verdictOf(run);
  var above = run.secondsAboveCeiling > 0 ? formatDuration(run.secondsAboveCeiling) + " above " : "never above ";
  var stats = formatDuration(run.durationS) + " - avg " + run.avgHr + " / max " + run.maxHr + " bpm - " +
    above + ceilingDisplayBpm(run.ceilingBpm) + " bpm - " +
    plural(run.buzzes, "buzz", "buzzes") + (run.capReached ? " - cap reached" : "");
  var profile = decodeHrProfile(run.hrProfile);
  return {
    title: formatRunDate(run.startedAt, tzOffsetMinutes), stats: stats, verdict: verdict.text, easy: verdict.easy,
    chart: profile ? svgDataUri(runChartSvg(profile, run.ceilingBpm)) : null,
    chartText: profile ? runChartText(profile, run.ceilingBpm) : null,
  };
}

export function settingsView(get: StorageReader, nowMs: number, tzOffsetMinutes: number): SettingsView {
  var watch = watchProfileFromStorage(get(WATCH_PROFILE_KEY));
  var reading = readSettings(get, watch);
  var ceiling: CeilingView | null = null;
  var status: string;
  if (reading.result.ok) {
    var p = reading.result.profile;
    var max = maxHrOf(p);
    var c = ceilingOf(p);
    var bounds = zoneBoundsBpm(p);
    var zones: string[] = [];
    for (var z = 0; z < 5; z++) zones.push("Zone " + (z + 1) + ": " + Math.round(bounds[z]) + "-" + Math.round(bounds[z + 1]) + " bpm");
    var methodNote = METHOD_NAMES[p.maxHrMethod as MaxHrMethod];
    if (p.maxHrMethod === "watch" && !(p.watchMaxHr > 0)) methodNote = "220 - age until the watch knows yours";
    ceiling = {
      maxHr: "Max heart rate: " + Math.round(max) + " bpm (" + methodNote + ")",
      reserve: "Heart-rate reserve: " + Math.round(heartRateReserve(p)) + " bpm (max " + Math.round(max) + " - resting " + p.restingHr + ")",
      ceiling: "Ceiling: " + (Math.round(c * 10) / 10) + " bpm, so stay at " + ceilingDisplayBpm(c) + " or below (" +
        Math.round(p.ceilingFraction * 100) + "% of reserve, zone " + zoneOf(c, p.restingHr, max) + ")",
      zones: zones,
    };
    // Until the watch has shared its profile, this check used the built-in fallback (35 y, resting 60) where the
    // watch uses its own: it may still refuse them (issue 10), so say only what is known.
    status = watch !== null ? "The watch uses these settings." :
      "Sent to the watch, which checks them against its own profile (not shared yet): if it refuses them, it keeps your last valid settings.";
  } else {
    status = "Not sent to the watch until the messages above are fixed: the watch keeps your last valid settings.";
  }
  var watchNote: string | null = null;
  if (watch !== null) {
    var parts: string[] = [];
    if (watch.age !== null) parts.push("age " + watch.age);
    if (watch.restingHr !== null) parts.push("resting " + watch.restingHr + " bpm");
    if (watch.maxHr !== null) parts.push("max " + watch.maxHr + " bpm");
    if (parts.length > 0) watchNote = "Your watch says: " + parts.join(", ") + ". Fields left empty use these.";
  }
  var useWatchResting = storedValue(get(USE_WATCH_RESTING_KEY)) === true;
  if (useWatchResting && (watch === null || watch.restingHr === null)) {
    watchNote = "The watch has not shared its resting heart rate yet: the typed one is used until it does.";
  }
  var runs = decodeRecentRuns(get(RECENT_RUNS_KEY));
  var views: RunView[] = [];
  for (var i = 0; i < runs.length; i++) views.push(runView(runs[i], tzOffsetMinutes));
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
    week: weekLine(runs, nowMs, tzOffsetMinutes),
    weekChart: { uri: svgDataUri(weekChartSvg(weeks)), text: weekChartText(weeks) },
    readiness: readiness.page,
    readinessHint: readiness.kind === "hint",
    runs: views,
  };
}
