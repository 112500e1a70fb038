// Pictures for the phone: a run's heart rate against its ceiling (over time, from the HR profile a summary may carry,
// hr-profile.ts; otherwise from the summary's own figures, which every run from the watch has) and the weekly view
// (runs, minutes over the ceiling, the resting-HR trend), as small SVG in data URIs for TextImageRow's icon and the
// browser preview, each with a text fallback saying the same. Pure, deterministic, ES5-safe; every text in the SVG is
// escaped. Data URIs in the Fitbit settings page are untested on a real phone.
import { HrProfile } from "../watch/hr-profile";
import { ceilingDisplayBpm } from "../watch/zones";
import { formatDuration } from "../watch/format";
import { RestingDay, dayNumber } from "./readiness";
import { RunSummary } from "../watch/summary";
import { WeekTotals, weeklyTotals } from "./week";
import { Translate, say } from "./i18n";

var W = 300;
var H = 120;
var LEFT = 28;
var RIGHT = 8;
var TOP = 8;
var BOTTOM = 18;
var INK = "#333333";
var HR_COLOUR = "#1f77b4";
var OVER_COLOUR = "#d62728";
var EASY_COLOUR = "#2ca02c";
var HARD_COLOUR = "#ff7f0e";

/** Text for XML content and attribute values. */
export function escapeXml(s: string): string {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** An SVG as a data URI: percent-encoded (so #, %, quotes and non-ASCII survive), charset stated. */
export function svgDataUri(svg: string): string {
  return "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
}

function n1(x: number): string {
  return String(Math.round(x * 10) / 10);
}

function open(title: string): string {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + W + "\" height=\"" + H + "\" viewBox=\"0 0 " + W + " " + H +
    "\" font-family=\"sans-serif\" font-size=\"9\"><title>" + escapeXml(title) + "</title>" +
    "<rect width=\"" + W + "\" height=\"" + H + "\" fill=\"#ffffff\"/>";
}

function text(x: number, y: number, s: string, anchor: string, colour: string): string {
  return "<text x=\"" + n1(x) + "\" y=\"" + n1(y) + "\" text-anchor=\"" + anchor + "\" fill=\"" + colour + "\">" + escapeXml(s) + "</text>";
}

/** A heart-rate scale in tens around the ceiling: from at least 20 under it to at least 5 over it, wider to take the
 * run's lowest and highest (0: unknown). One for both run charts, so a run reads the same on either. */
function scaleAround(ceiling: number, low: number, high: number): { lo: number; hi: number } {
  return {
    lo: Math.floor(Math.min(low > 0 ? low : ceiling, ceiling - 20) / 10) * 10,
    hi: Math.ceil(Math.max(high, ceiling + 5) / 10) * 10,
  };
}

/** Minutes (from the profile's start) of the buckets over the ceiling, as ranges: "22-24, 30". */
function overRanges(p: HrProfile): string {
  var parts: string[] = [];
  var mins = p.widthS / 60;
  var from = -1;
  for (var i = 0; i <= p.over.length; i++) {
    var on = i < p.over.length && p.over[i] > 0;
    if (on && from < 0) from = i;
    if (!on && from >= 0) {
      var a = from * mins;
      var b = i * mins;
      parts.push(b - a <= mins ? String(a) : a + "-" + b);
      from = -1;
    }
  }
  return parts.join(", ");
}

function levelRange(p: HrProfile): { lo: number; hi: number } {
  var lo = 0;
  var hi = 0;
  for (var i = 0; i < p.levels.length; i++) {
    var x = p.levels[i];
    if (x > 0 && (lo === 0 || x < lo)) lo = x;
    if (x > hi) hi = x;
  }
  return { lo: lo, hi: hi };
}

/** Time over the ceiling as the profile knows it: each bucket's share rounded up, so at most this much. */
function secondsOverAbout(p: HrProfile): number {
  var s = 0;
  for (var i = 0; i < p.over.length; i++) s += (p.over[i] / 9) * p.widthS;
  return Math.round(s);
}

/** The run in words: what the chart shows, for a page that cannot show the image. */
export function runChartText(p: HrProfile, ceilingBpm: number, t: Translate): string {
  var c = ceilingDisplayBpm(ceilingBpm);
  var r = levelRange(p);
  if (r.hi === 0) return t("chart_run_no_hr");
  var over = overRanges(p);
  var values = { lo: r.lo, hi: r.hi, ceiling: c, minutes: over, duration: formatDuration(secondsOverAbout(p)) };
  return say(t, over === "" ? "chart_run_never_over" : "chart_run_over", values);
}

/** One run: the level per bucket as a line (broken where there was no reading), the ceiling dashed, the buckets with
 * time over it shaded red (deeper for more of the bucket), a time axis in minutes. */
export function runChartSvg(p: HrProfile, ceilingBpm: number, t: Translate): string {
  var c = ceilingDisplayBpm(ceilingBpm);
  var r = levelRange(p);
  var scale = scaleAround(c, r.lo, r.hi);
  var lo = scale.lo;
  var hi = scale.hi;
  var n = p.levels.length > 0 ? p.levels.length : 1;
  var plotW = W - LEFT - RIGHT;
  var plotH = H - TOP - BOTTOM;
  var bw = plotW / n;
  var y = function (bpm: number): number { return TOP + plotH - ((bpm - lo) / (hi - lo)) * plotH; };
  var out = open(runChartText(p, ceilingBpm, t));
  for (var i = 0; i < p.over.length; i++) {
    if (p.over[i] > 0) {
      out += "<rect class=\"over\" x=\"" + n1(LEFT + i * bw) + "\" y=\"" + TOP + "\" width=\"" + n1(bw) + "\" height=\"" + plotH +
        "\" fill=\"" + OVER_COLOUR + "\" fill-opacity=\"" + n1(0.15 + (0.45 * p.over[i]) / 9) + "\"/>";
    }
  }
  out += "<line class=\"ceiling\" x1=\"" + LEFT + "\" y1=\"" + n1(y(c)) + "\" x2=\"" + (W - RIGHT) + "\" y2=\"" + n1(y(c)) +
    "\" stroke=\"" + OVER_COLOUR + "\" stroke-dasharray=\"4 3\"/>";
  out += text(LEFT - 3, y(c) + 3, String(c), "end", OVER_COLOUR);
  out += text(LEFT - 3, TOP + 8, String(hi), "end", INK) + text(LEFT - 3, TOP + plotH, String(lo), "end", INK);
  var pts: string[] = [];
  var flush = function (): void {
    if (pts.length === 1) pts.push(pts[0]);
    if (pts.length > 0) out += "<polyline class=\"hr\" fill=\"none\" stroke=\"" + HR_COLOUR + "\" stroke-width=\"2\" points=\"" + pts.join(" ") + "\"/>";
    pts = [];
  };
  for (var j = 0; j < p.levels.length; j++) {
    if (p.levels[j] > 0) pts.push(n1(LEFT + (j + 0.5) * bw) + "," + n1(y(Math.max(lo, Math.min(hi, p.levels[j])))));
    else flush();
  }
  flush();
  var totalMin = (p.levels.length * p.widthS) / 60;
  out += "<line x1=\"" + LEFT + "\" y1=\"" + (TOP + plotH) + "\" x2=\"" + (W - RIGHT) + "\" y2=\"" + (TOP + plotH) + "\" stroke=\"" + INK + "\"/>";
  out += text(LEFT, H - 5, "0", "start", INK) + text(W - RIGHT, H - 5, totalMin + " min", "end", INK);
  return out + "</svg>";
}

/** A run without an HR profile (the watch sends none: it does not fit the watch's heap, README) in words. */
export function runSummaryChartText(run: RunSummary, t: Translate): string {
  if (!(run.avgHr > 0)) return t("chart_run_no_hr");
  var values = {
    avg: run.avgHr, max: run.maxHr, ceiling: ceilingDisplayBpm(run.ceilingBpm),
    over: formatDuration(run.secondsAboveCeiling), duration: formatDuration(run.durationS),
  };
  return say(t, run.secondsAboveCeiling > 0 ? "chart_summary_over" : "chart_summary_never_over", values);
}

/** A run from its summary alone: on a heart-rate scale, the ceiling dashed with the range over it shaded, the average
 * as a dot and the maximum as a tick; under it, the run's time as a bar, the part over the ceiling red (at least a
 * sliver: any time over shows). */
export function runSummaryChartSvg(run: RunSummary, t: Translate): string {
  var c = ceilingDisplayBpm(run.ceilingBpm);
  var has = run.avgHr > 0;
  var scale = scaleAround(c, run.avgHr, run.maxHr);
  var lo = scale.lo;
  var hi = scale.hi;
  var plotW = W - LEFT - RIGHT;
  var x = function (bpm: number): number { return LEFT + ((Math.max(lo, Math.min(hi, bpm)) - lo) / (hi - lo)) * plotW; };
  var cx = x(c);
  var axisY = 52;
  var out = open(runSummaryChartText(run, t));
  out += "<rect class=\"over\" x=\"" + n1(cx) + "\" y=\"" + TOP + "\" width=\"" + n1(W - RIGHT - cx) + "\" height=\"" + (axisY - TOP) +
    "\" fill=\"" + OVER_COLOUR + "\" fill-opacity=\"0.15\"/>";
  out += "<line class=\"ceiling\" x1=\"" + n1(cx) + "\" y1=\"" + TOP + "\" x2=\"" + n1(cx) + "\" y2=\"" + axisY +
    "\" stroke=\"" + OVER_COLOUR + "\" stroke-dasharray=\"4 3\"/>";
  out += text(cx, axisY + 11, String(c), "middle", OVER_COLOUR);
  out += "<line x1=\"" + LEFT + "\" y1=\"" + axisY + "\" x2=\"" + (W - RIGHT) + "\" y2=\"" + axisY + "\" stroke=\"" + INK + "\"/>";
  out += text(LEFT, axisY + 11, String(lo), "start", INK) + text(W - RIGHT, axisY + 11, hi + " " + t("chart_label_bpm"), "end", INK);
  if (has) {
    out += "<line class=\"max\" x1=\"" + n1(x(run.maxHr)) + "\" y1=\"" + (TOP + 14) + "\" x2=\"" + n1(x(run.maxHr)) + "\" y2=\"" + (axisY - 4) +
      "\" stroke=\"" + HR_COLOUR + "\" stroke-width=\"2\"/>";
    out += text(x(run.maxHr), TOP + 10, say(t, "chart_label_max", { bpm: run.maxHr }), "middle", HR_COLOUR);
    out += "<circle class=\"avg\" cx=\"" + n1(x(run.avgHr)) + "\" cy=\"" + (axisY - 12) + "\" r=\"4\" fill=\"" + HR_COLOUR + "\"/>";
    out += text(x(run.avgHr), axisY - 20, say(t, "chart_label_avg", { bpm: run.avgHr }), "middle", HR_COLOUR);
  }
  var barY = 76;
  var barH = 14;
  var total = run.durationS > 0 ? run.durationS : 1;
  var overW = run.secondsAboveCeiling > 0 ? Math.max(2, (Math.min(run.secondsAboveCeiling, total) / total) * plotW) : 0;
  out += "<rect class=\"easy\" x=\"" + LEFT + "\" y=\"" + barY + "\" width=\"" + n1(plotW - overW) + "\" height=\"" + barH + "\" fill=\"" + EASY_COLOUR + "\"/>";
  if (overW > 0) {
    out += "<rect class=\"over-time\" x=\"" + n1(W - RIGHT - overW) + "\" y=\"" + barY + "\" width=\"" + n1(overW) + "\" height=\"" + barH + "\" fill=\"" + OVER_COLOUR + "\"/>";
  }
  out += text(LEFT, H - 5, formatDuration(run.durationS), "start", INK);
  out += text(W - RIGHT, H - 5, say(t, "chart_label_over_time", { duration: formatDuration(run.secondsAboveCeiling) }), "end",
    run.secondsAboveCeiling > 0 ? OVER_COLOUR : INK);
  return out + "</svg>";
}

export interface WeekView {
  weeks: WeekTotals[];
  /** Median resting HR of each week's known days (null for a week without any). */
  resting: (number | null)[];
}

function median(xs: number[]): number {
  var s = xs.slice(0).sort(function (a, b) { return a - b; });
  var mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The last `weeks` weeks (oldest first): runs, easy and too hard, time over the ceiling, resting HR. */
export function weekView(runs: RunSummary[], resting: RestingDay[], nowMs: number, tzOffsetMinutes: number, weeks: number): WeekView {
  var w = weeklyTotals(runs, nowMs, tzOffsetMinutes, weeks);
  var out: (number | null)[] = [];
  for (var i = 0; i < w.length; i++) {
    // The week's local days: its Monday's day number and the six after.
    var monday = Math.round((w[i].startS * 1000 - tzOffsetMinutes * 60000) / 86400000);
    var xs: number[] = [];
    for (var j = 0; j < resting.length; j++) {
      var d = dayNumber(resting[j].day);
      if (d >= monday && d < monday + 7) xs.push(resting[j].bpm);
    }
    out.push(xs.length ? median(xs) : null);
  }
  return { weeks: w, resting: out };
}

/** Whole minutes over the ceiling, rounded up: any time over shows. */
function minutesOver(w: WeekTotals): number {
  return Math.ceil(w.secondsAboveCeiling / 60);
}

/** The weeks in words. */
export function weekChartText(v: WeekView, t: Translate): string {
  var runs: string[] = [];
  var over: string[] = [];
  var rest: number[] = [];
  for (var i = 0; i < v.weeks.length; i++) {
    runs.push(v.weeks[i].easy + (v.weeks[i].hard ? "+" + v.weeks[i].hard : ""));
    over.push(formatDuration(v.weeks[i].secondsAboveCeiling));
    if (v.resting[i] !== null) rest.push(v.resting[i] as number);
  }
  var s = say(t, "chart_weeks", { weeks: v.weeks.length, runs: runs.join(", "), over: over.join(", ") });
  if (rest.length >= 2) s += " " + say(t, "chart_weeks_resting_range", { from: n1(rest[0]), to: n1(rest[rest.length - 1]) });
  else if (rest.length === 1) s += " " + say(t, "chart_weeks_resting", { bpm: n1(rest[0]) });
  return s;
}

/** The weekly view: a bar per week (easy runs green, too-hard runs orange on top, the count above), minutes over the
 * ceiling under each bar, and the weekly median resting HR as a line on its own scale (right). */
export function weekChartSvg(v: WeekView, t: Translate): string {
  var n = v.weeks.length > 0 ? v.weeks.length : 1;
  var plotW = W - LEFT - RIGHT - 20;
  var plotH = H - TOP - BOTTOM - 10;
  var slot = plotW / n;
  var maxRuns = 1;
  for (var i = 0; i < v.weeks.length; i++) if (v.weeks[i].runs > maxRuns) maxRuns = v.weeks[i].runs;
  var base = TOP + 10 + plotH;
  var perRun = plotH / maxRuns;
  var out = open(weekChartText(v, t));
  for (var k = 0; k < v.weeks.length; k++) {
    var wk = v.weeks[k];
    var x = LEFT + k * slot + slot * 0.2;
    var bw = slot * 0.6;
    var easyH = wk.easy * perRun;
    var hardH = wk.hard * perRun;
    if (wk.easy > 0) out += "<rect class=\"easy\" x=\"" + n1(x) + "\" y=\"" + n1(base - easyH) + "\" width=\"" + n1(bw) + "\" height=\"" + n1(easyH) + "\" fill=\"" + EASY_COLOUR + "\"/>";
    if (wk.hard > 0) out += "<rect class=\"hard\" x=\"" + n1(x) + "\" y=\"" + n1(base - easyH - hardH) + "\" width=\"" + n1(bw) + "\" height=\"" + n1(hardH) + "\" fill=\"" + HARD_COLOUR + "\"/>";
    out += text(x + bw / 2, base - easyH - hardH - 2, String(wk.runs), "middle", INK);
    out += text(x + bw / 2, H - 5, minutesOver(wk) + " min", "middle", minutesOver(wk) > 0 ? OVER_COLOUR : INK);
  }
  out += "<line x1=\"" + LEFT + "\" y1=\"" + n1(base) + "\" x2=\"" + n1(LEFT + plotW) + "\" y2=\"" + n1(base) + "\" stroke=\"" + INK + "\"/>";
  out += text(2, H - 5, t("chart_label_over"), "start", INK);
  var lo = 0;
  var hi = 0;
  for (var r = 0; r < v.resting.length; r++) {
    var b = v.resting[r];
    if (b === null) continue;
    if (lo === 0 || b < lo) lo = b;
    if (b > hi) hi = b;
  }
  if (hi > 0) {
    lo = Math.floor(lo - 2);
    hi = Math.ceil(hi + 2);
    var pts: string[] = [];
    for (var q = 0; q < v.resting.length; q++) {
      var bpm = v.resting[q];
      if (bpm === null) continue;
      var px = LEFT + (q + 0.5) * slot;
      var py = TOP + 10 + plotH - ((bpm - lo) / (hi - lo)) * plotH;
      pts.push(n1(px) + "," + n1(py));
      out += "<circle class=\"resting\" cx=\"" + n1(px) + "\" cy=\"" + n1(py) + "\" r=\"2\" fill=\"" + HR_COLOUR + "\"/>";
    }
    if (pts.length > 1) out += "<polyline class=\"resting-trend\" fill=\"none\" stroke=\"" + HR_COLOUR + "\" stroke-width=\"1.5\" points=\"" + pts.join(" ") + "\"/>";
    out += text(W - 2, TOP + 18, String(hi), "end", HR_COLOUR) + text(W - 2, base, String(lo), "end", HR_COLOUR);
    out += text(W - 2, TOP + 6, t("chart_label_resting"), "end", HR_COLOUR);
  }
  out += text(LEFT, TOP + 6, t("chart_label_runs"), "start", INK);
  return out + "</svg>";
}
