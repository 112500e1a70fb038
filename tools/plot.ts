// Draws one replay as an SVG, so a runner or coach sees at a glance what the watch did: the heart rate, the
// ceiling, the sustained breaches of the ground truth (tools/alert-quality.ts) shaded, and every buzz as a marker.
import { basename } from "node:path";
import type { GuardEvent } from "../common/watch/guard";
import type { GuardEventType } from "../common/watch/haptics";
import type { TraceSample } from "../common/dev/trace";
import { GRID_MAX_AGE_S, sustainedBreaches } from "./alert-quality";

export interface PlotInput {
  /** Shown as the title: a file name or the demo's label. */
  source: string;
  samples: TraceSample[];
  ceilingBpm: number;
  events: GuardEvent[];
}

/** The marker kinds the legend distinguishes, and which guard events draw each. */
export const MARKER_KINDS: { kind: string; label: string; types: GuardEventType[]; color: string; shape: "down" | "circle" | "up" | "square" | "diamond" }[] = [
  { kind: "breach", label: "breach buzz", types: ["breach"], color: "#d62728", shape: "down" },
  { kind: "reminder", label: "reminder buzz", types: ["breach-reminder"], color: "#ff7f0e", shape: "circle" },
  { kind: "back-under", label: "back-under cue", types: ["back-under"], color: "#2ca02c", shape: "up" },
  { kind: "cap", label: "time-cap buzz", types: ["cap-warning", "cap", "cap-reminder"], color: "#9467bd", shape: "square" },
  { kind: "snooze", label: "snooze", types: ["snooze"], color: "#7f7f7f", shape: "diamond" },
];

// The legend sits right of the plot so it never hides a buzz.
const LEGEND_W = 250;
const W = 1200;
const H = 420;
const M = { left: 60, right: LEGEND_W + 20, top: 40, bottom: 50 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A tick step from a short list of round numbers giving at most maxTicks ticks over span. */
function tickStep(span: number, maxTicks: number, steps: number[]): number {
  for (const s of steps) if (span / s <= maxTicks) return s;
  return steps[steps.length - 1];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

function markerPath(shape: string, x: number, y: number): string {
  const s = 6;
  switch (shape) {
    case "down": return `M${r1(x - s)},${r1(y - s)}L${r1(x + s)},${r1(y - s)}L${r1(x)},${r1(y + s)}Z`;
    case "up": return `M${r1(x - s)},${r1(y + s)}L${r1(x + s)},${r1(y + s)}L${r1(x)},${r1(y - s)}Z`;
    case "square": return `M${r1(x - s)},${r1(y - s)}h${2 * s}v${2 * s}h${-2 * s}Z`;
    case "diamond": return `M${r1(x)},${r1(y - s)}L${r1(x + s)},${r1(y)}L${r1(x)},${r1(y + s)}L${r1(x - s)},${r1(y)}Z`;
    default: return `M${r1(x - s)},${r1(y)}a${s},${s} 0 1,0 ${2 * s},0a${s},${s} 0 1,0 ${-2 * s},0Z`;
  }
}

export function plotSvg(p: PlotInput): string {
  const { samples, ceilingBpm, events } = p;
  const t0 = samples.length ? samples[0].t : 0;
  const tEnd = samples.length ? samples[samples.length - 1].t : t0 + 60;
  const spanS = Math.max(60, tEnd - t0);
  const readings = samples.filter((s) => s.bpm > 0).map((s) => s.bpm);
  // A loop, not Math.min(...readings): a spread of half a million readings overflows the call stack.
  let minBpm = ceilingBpm;
  let maxBpm = ceilingBpm;
  for (const b of readings) { if (b < minBpm) minBpm = b; if (b > maxBpm) maxBpm = b; }
  const lo = Math.floor((minBpm - 5) / 10) * 10;
  const hi = Math.ceil((maxBpm + 5) / 10) * 10;
  const x = (t: number) => M.left + ((t - t0) / spanS) * PLOT_W;
  const y = (bpm: number) => M.top + PLOT_H - ((bpm - lo) / (hi - lo)) * PLOT_H;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<title>${escapeXml(`Heart rate and buzzes: ${p.source}`)}</title>`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${M.left}" y="22" font-size="14">${escapeXml(basename(p.source))}: ceiling ${ceilingBpm.toFixed(1)} bpm</text>`);

  // Shaded sustained breaches, under everything else.
  for (const b of sustainedBreaches(samples, ceilingBpm)) {
    const x0 = x(b.onset);
    out.push(`<rect class="sustained-breach" data-onset="${b.onset - t0}" x="${r1(x0)}" y="${M.top}" width="${r1(Math.max(1, x(b.end + 1) - x0))}" height="${PLOT_H}" fill="#d62728" fill-opacity="0.15"/>`);
  }

  // Axes, grid and labels: minutes since the start, bpm.
  const minutes = spanS / 60;
  const xStep = tickStep(minutes, 12, [1, 2, 5, 10, 15, 20, 30, 60]);
  for (let m = 0; m <= minutes + 1e-9; m += xStep) {
    const xx = r1(x(t0 + m * 60));
    out.push(`<line x1="${xx}" y1="${M.top}" x2="${xx}" y2="${M.top + PLOT_H}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${xx}" y="${M.top + PLOT_H + 16}" text-anchor="middle">${m}</text>`);
  }
  const yStep = tickStep(hi - lo, 10, [10, 20, 50]);
  for (let b = lo; b <= hi; b += yStep) {
    const yy = r1(y(b));
    out.push(`<line x1="${M.left}" y1="${yy}" x2="${M.left + PLOT_W}" y2="${yy}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${M.left - 6}" y="${yy + 4}" text-anchor="end">${b}</text>`);
  }
  out.push(`<rect x="${M.left}" y="${M.top}" width="${PLOT_W}" height="${PLOT_H}" fill="none" stroke="#999999"/>`);
  out.push(`<text x="${M.left + PLOT_W / 2}" y="${H - 10}" text-anchor="middle">time (minutes)</text>`);
  out.push(`<text x="16" y="${M.top + PLOT_H / 2}" text-anchor="middle" transform="rotate(-90 16 ${M.top + PLOT_H / 2})">heart rate (bpm)</text>`);

  // The heart rate, broken where the recording has a gap (the same 10-s freshness as the ground truth).
  let d = "";
  let prevT = -Infinity;
  for (const s of samples) {
    if (!(s.bpm > 0)) { prevT = -Infinity; continue; }
    d += `${s.t - prevT > GRID_MAX_AGE_S ? "M" : "L"}${r1(x(s.t))},${r1(y(s.bpm))}`;
    prevT = s.t;
  }
  out.push(`<path class="heart-rate" d="${d}" fill="none" stroke="#1f77b4" stroke-width="1.2"/>`);
  const yc = r1(y(ceilingBpm));
  out.push(`<line class="ceiling" x1="${M.left}" y1="${yc}" x2="${M.left + PLOT_W}" y2="${yc}" stroke="#d62728" stroke-width="1.5" stroke-dasharray="6 4"/>`);

  // Buzzes (events with a haptic pattern), on the heart-rate line at their time.
  let i = 0;
  for (const e of events) {
    if (e.pattern === null) continue;
    const kind = MARKER_KINDS.find((k) => k.types.includes(e.type));
    if (!kind) continue;
    while (i + 1 < samples.length && samples[i + 1].t <= e.t) i++;
    const bpm = samples.length && samples[i].bpm > 0 && e.t - samples[i].t <= GRID_MAX_AGE_S ? samples[i].bpm : ceilingBpm;
    const mm = Math.floor((e.t - t0) / 60);
    const ss = String(Math.floor((e.t - t0) % 60)).padStart(2, "0");
    out.push(`<path class="buzz buzz-${kind.kind}" data-t="${e.t - t0}" d="${markerPath(kind.shape, x(e.t), y(bpm))}" fill="${kind.color}" stroke="#000000" stroke-width="0.5"><title>${escapeXml(`${e.type} at ${mm}:${ss} (${e.pattern})`)}</title></path>`);
  }

  // Legend, right of the plot.
  const entries = [
    `<line x1="0" y1="0" x2="18" y2="0" stroke="#1f77b4" stroke-width="1.5"/>|heart rate`,
    `<line x1="0" y1="0" x2="18" y2="0" stroke="#d62728" stroke-width="1.5" stroke-dasharray="6 4"/>|ceiling`,
    `<rect x="0" y="-6" width="18" height="12" fill="#d62728" fill-opacity="0.15"/>|sustained breach (ground truth)`,
    ...MARKER_KINDS.map((k) => `<path d="${markerPath(k.shape, 9, 0)}" fill="${k.color}" stroke="#000000" stroke-width="0.5"/>|${k.label}`),
  ];
  out.push(`<g class="legend" transform="translate(${M.left + PLOT_W + 12} ${M.top})">`);
  out.push(`<rect x="0" y="0" width="${LEGEND_W}" height="${entries.length * 18 + 8}" fill="#ffffff" stroke="#cccccc"/>`);
  entries.forEach((entry, k) => {
    const [symbol, label] = entry.split("|");
    out.push(`<g transform="translate(8 ${k * 18 + 14})">${symbol}<text x="26" y="4">${escapeXml(label)}</text></g>`);
  });
  out.push(`</g>`);
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}
