// "Should I run today?": the phone's daily resting-heart-rate history and the readiness hint. Pure, ES5-safe,
// never throws on stored data. A hint, never a block: the run still starts.
//
// The rule: today's resting HR at least `margin` bpm (default 5, a setting) over the median of the previous 14
// calendar days, with at least 7 of those days known. Why:
// - Polar ("Overtraining", polar.com training articles): "If this before-you-get-out-of-bed heart rate is five or
//   more beats per minute higher than usual, you need to be concerned" (overtraining, fatigue, slight injury, a
//   fever coming on), and "this isn't the time to take on any hard training". Coaching rules of thumb agree
//   (triumphtraining.com: +4 cut the volume, +5 or more rest), and a sustained rise of about 10 bpm was measured
//   in runners who doubled their mileage (Dressendorfer et al., "Increased morning heart rate in runners: a valid
//   sign of overtraining?", Phys Sportsmed, PMID 27442738).
// - "Usual" must be the runner's own baseline (Plews, via Runner's World: "you must make comparisons to
//   yourself"), and day-to-day readings vary: a median of two weeks ignores a single odd day, and 7 known days
//   keeps a baseline from resting on two or three readings.
// - Fitbit's restingHeartRate is its own daily estimate, not a before-you-get-up count: one more reason to show a
//   quiet hint with the numbers, and let feel decide (PRODUCT.md: "feel beats numbers").
import { LIMITS } from "../watch/profile";
import { Translate, say } from "./i18n";

/** One day's resting heart rate: the phone's local calendar day ("2026-03-04") and whole bpm. */
export interface RestingDay {
  day: string;
  bpm: number;
}

/** Days kept (at least 60 asked for): enough for the weekly chart's trend and the 14-day baseline. */
export var RESTING_HISTORY_DAYS = 90;
export var BASELINE_DAYS = 14;
export var MIN_BASELINE_DAYS = 7;
export var DEFAULT_READINESS_MARGIN_BPM = 5;
export var READINESS_MARGIN_LIMITS = { min: 3, max: 15 };
/** The settings key the margin is stored under (a Slider: the number as a string, "5"). */
export var READINESS_MARGIN_KEY = "readinessMarginBpm";
/** The settings key of the page's copy of the history (encodeRestingHistory), written by the companion. */
export var RESTING_HISTORY_KEY = "restingHistory";

var DAY_MS = 86400000;
var DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width: number): string {
  var s = String(n);
  while (s.length < width) s = "0" + s;
  return s;
}

/** The local calendar day of an instant (tzOffsetMinutes as Date.prototype.getTimezoneOffset). */
export function dayKeyOf(epochMs: number, tzOffsetMinutes: number): string {
  var d = new Date(epochMs - tzOffsetMinutes * 60000);
  return pad(d.getUTCFullYear(), 4) + "-" + pad(d.getUTCMonth() + 1, 2) + "-" + pad(d.getUTCDate(), 2);
}

/** Days since 1970-01-01 for a day key, or NaN when it is not a real date in YYYY-MM-DD form. */
export function dayNumber(key: unknown): number {
  if (typeof key !== "string") return NaN;
  var m = DAY_KEY.exec(key);
  if (m === null) return NaN;
  var y = +m[1];
  var mo = +m[2];
  var d = +m[3];
  var ms = Date.UTC(y, mo - 1, d);
  var back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN; // 2026-02-30
  return Math.round(ms / DAY_MS);
}

function isRestingBpm(x: unknown): x is number {
  return typeof x === "number" && Math.floor(x) === x && x >= LIMITS.restingHr.min && x <= LIMITS.restingHr.max;
}

/** Oldest first, one entry a day, at most RESTING_HISTORY_DAYS entries (the newest kept). */
function normalised(entries: RestingDay[]): RestingDay[] {
  var sorted = entries.slice(0).sort(function (a, b) { return dayNumber(a.day) - dayNumber(b.day); });
  var out: RestingDay[] = [];
  for (var i = 0; i < sorted.length; i++) {
    if (out.length > 0 && out[out.length - 1].day === sorted[i].day) out[out.length - 1] = sorted[i];
    else out.push(sorted[i]);
  }
  return out.length > RESTING_HISTORY_DAYS ? out.slice(out.length - RESTING_HISTORY_DAYS) : out;
}

/** Today's (or any day's) value in: it replaces that day's earlier one. An invalid day or bpm changes nothing. */
export function addRestingHr(history: RestingDay[], day: string, bpm: number): RestingDay[] {
  if (!(dayNumber(day) >= 0) || !isRestingBpm(bpm)) return history;
  var kept: RestingDay[] = [];
  for (var i = 0; i < history.length; i++) if (history[i].day !== day) kept.push(history[i]);
  kept.push({ day: day, bpm: bpm });
  return normalised(kept);
}

/** Keeps the days in the RESTING_HISTORY_DAYS ending today; days after today (a clock set wrong) are dropped. */
export function trimRestingHistory(history: RestingDay[], today: string, days?: number): RestingDay[] {
  var keep = days || RESTING_HISTORY_DAYS;
  var t = dayNumber(today);
  if (!(t >= 0)) return history;
  var out: RestingDay[] = [];
  for (var i = 0; i < history.length; i++) {
    var d = dayNumber(history[i].day);
    if (d <= t && d > t - keep) out.push(history[i]);
  }
  return out;
}

/** Stored form: [["2026-03-04",52],...], oldest first: about 16 bytes a day, 1.5 KB for 90 days. */
export function encodeRestingHistory(history: RestingDay[]): string {
  var pairs: unknown[] = [];
  for (var i = 0; i < history.length; i++) pairs.push([history[i].day, history[i].bpm]);
  return JSON.stringify(pairs);
}

/**
 * A history from whatever storage holds (the JSON text, or already parsed), never throwing: entries that are
 * not a real day with a plausible whole bpm are skipped, a repeated day keeps its last value.
 */
export function restingHistoryFrom(stored: unknown): RestingDay[] {
  var data = stored;
  if (typeof stored === "string") {
    try { data = JSON.parse(stored); } catch (e) { return []; }
  }
  if (!(data instanceof Array)) return [];
  var out: RestingDay[] = [];
  for (var i = 0; i < data.length && i < 10 * RESTING_HISTORY_DAYS; i++) {
    var e = data[i];
    if (!(e instanceof Array) || e.length !== 2) continue;
    if (dayNumber(e[0]) >= 0 && isRestingBpm(e[1])) out.push({ day: e[0], bpm: e[1] });
  }
  return normalised(out);
}

/** The margin setting as a Slider stores it ("5"), or a number: a whole bpm in range, else the default. */
export function readinessMarginFrom(stored: unknown): number {
  var v = stored;
  if (typeof v === "string") {
    try { v = JSON.parse(v); } catch (e) { return DEFAULT_READINESS_MARGIN_BPM; }
  }
  if (typeof v !== "number" || Math.floor(v) !== v) return DEFAULT_READINESS_MARGIN_BPM;
  return v >= READINESS_MARGIN_LIMITS.min && v <= READINESS_MARGIN_LIMITS.max ? v : DEFAULT_READINESS_MARGIN_BPM;
}

export type ReadinessKind = "hint" | "usual" | "needs-history" | "no-today";

export interface Readiness {
  kind: ReadinessKind;
  /** Today's resting HR, or null when the watch has not reported it today. */
  todayBpm: number | null;
  /** Median of the known days among the previous BASELINE_DAYS, or null when fewer than MIN_BASELINE_DAYS. */
  baselineBpm: number | null;
  /** today - baseline, floored to whole bpm (so "+5" never shows for 4.5), or null. */
  deltaBpm: number | null;
  /** Days known among the previous BASELINE_DAYS. */
  knownDays: number;
  marginBpm: number;
}

function median(xs: number[]): number {
  var s = xs.slice(0).sort(function (a, b) { return a - b; });
  var mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function bpmText(x: number): string {
  return String(Math.round(x * 10) / 10);
}

export function readinessOf(history: RestingDay[], today: string, marginBpm?: number): Readiness {
  var margin = marginBpm === undefined ? DEFAULT_READINESS_MARGIN_BPM : marginBpm;
  var t = dayNumber(today);
  var todayBpm: number | null = null;
  var previous: number[] = [];
  for (var i = 0; i < history.length; i++) {
    var d = dayNumber(history[i].day);
    if (d === t) todayBpm = history[i].bpm;
    else if (d < t && d >= t - BASELINE_DAYS) previous.push(history[i].bpm);
  }
  var known = previous.length;
  var out: Readiness = {
    kind: "needs-history", todayBpm: todayBpm, baselineBpm: null, deltaBpm: null, knownDays: known, marginBpm: margin,
  };
  if (known < MIN_BASELINE_DAYS) return out;
  var base = median(previous);
  out.baselineBpm = base;
  if (todayBpm === null) {
    out.kind = "no-today";
    return out;
  }
  out.deltaBpm = Math.floor(todayBpm - base);
  out.kind = todayBpm - base >= margin ? "hint" : "usual";
  return out;
}

/** The idle face's quiet line, only when there is a hint ("Resting HR +7: rest or walk?"), else null. The watch
 * drops a hint over MAX_HINT_CHARS (common/watch/protocol.ts): every translation is tested to fit. */
export function readinessFace(r: Readiness, t: Translate): string | null {
  return r.kind === "hint" ? say(t, "hint_face", { delta: r.deltaBpm === null ? 0 : r.deltaBpm }) : null;
}

/** The settings page's sentence, always. */
export function readinessPage(r: Readiness, t: Translate): string {
  if (r.kind === "needs-history" || r.baselineBpm === null) {
    return say(t, "ready_needs_history", { need: MIN_BASELINE_DAYS, days: BASELINE_DAYS, have: r.knownDays });
  }
  var values = {
    today: r.todayBpm === null ? "" : r.todayBpm, usual: bpmText(r.baselineBpm), known: r.knownDays, days: BASELINE_DAYS,
    delta: r.deltaBpm === null ? "" : r.deltaBpm, margin: r.marginBpm,
  };
  if (r.kind === "no-today") return say(t, "ready_no_today", values);
  if (r.kind === "hint") return say(t, "ready_hint", values);
  return say(t, "ready_usual", values);
}
