// The live chart: the trace's HR (played part highlighted), the ceiling the face showed, the cursor, each heart-rate
// buzz marked and named by what it meant (breach, reminder, back under), and the run's events (snooze, cap warning,
// cap, cap reminder) as labelled flags in a lane under the plot. What was drawn where is left on the canvas
// (data-markers) for the browser tests.
import { TraceSample } from "../../common/dev/trace";
import { BuzzMeaning, isHrBuzz } from "./buzz-meaning";

/** Colour and short label of each meaning, shared with the legend (web/page/page.css keys). */
export const MARKER_STYLE: Record<BuzzMeaning, { colour: string; label: string }> = {
  breach: { colour: "#ff5252", label: "breach" },
  reminder: { colour: "#ffb300", label: "reminder" },
  "back under": { colour: "#66bb6a", label: "back under" },
  snooze: { colour: "#ce93d8", label: "snooze" },
  "cap warning": { colour: "#90caf9", label: "cap warning" },
  cap: { colour: "#42a5f5", label: "cap" },
  "cap reminder": { colour: "#90caf9", label: "cap reminder" },
};

/** One marker as drawn: its meaning, where (canvas pixels), and its label's box when it has one. */
export interface DrawnMarker {
  meaning: BuzzMeaning;
  x: number;
  label: { x: number; y: number; w: number; h: number } | null;
}

export interface ChartData {
  samples: readonly TraceSample[];
  cursor: number;
  /** (trace time, ceiling shown on the face) whenever it changed. */
  ceilings: Array<{ t: number; bpm: number }>;
  buzzes: Array<{ t: number; pattern: string; meaning: BuzzMeaning }>;
}

/** Pixels between the plot and the time labels: the lane the run's events are flagged in (two rows of labels). */
const LANE = 30;

export function drawChart(canvas: HTMLCanvasElement, d: ChartData): void {
  // Drawn at the size it is shown (one canvas pixel a CSS pixel), so its 11-px text stays 11 px in a narrow window.
  const shown = Math.round(canvas.clientWidth);
  if (shown > 0 && canvas.width !== shown) canvas.width = shown;
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const W = canvas.width, H = canvas.height, L = 36, R = 8, T = 18, B = 22 + LANE;
  ctx.clearRect(0, 0, W, H);
  if (d.samples.length === 0) return;
  const t0 = d.samples[0].t, t1 = Math.max(t0 + 1, d.samples[d.samples.length - 1].t);
  let lo = 60, hi = 190;
  for (const s of d.samples) if (s.bpm > 0) { lo = Math.min(lo, s.bpm); hi = Math.max(hi, s.bpm); }
  for (const c of d.ceilings) { lo = Math.min(lo, c.bpm); hi = Math.max(hi, c.bpm); }
  lo = Math.floor((lo - 5) / 10) * 10; hi = Math.ceil((hi + 5) / 10) * 10;
  const x = (t: number): number => L + ((t - t0) / (t1 - t0)) * (W - L - R);
  const y = (bpm: number): number => T + (1 - (bpm - lo) / (hi - lo)) * (H - T - B);

  ctx.font = "11px sans-serif";
  ctx.fillStyle = "#6b7580";
  ctx.strokeStyle = "#1f252b";
  ctx.lineWidth = 1;
  for (let b = lo; b <= hi; b += 20) {
    ctx.beginPath(); ctx.moveTo(L, y(b)); ctx.lineTo(W - R, y(b)); ctx.stroke();
    ctx.fillText(String(b), 4, y(b) + 4);
  }
  ctx.fillText("bpm", 4, 11); // the y axis' unit
  // Time labels stay inside the canvas: the last one is pulled in rather than cut off at the edge.
  const stepMin = Math.max(5, Math.ceil((t1 - t0) / 60 / 8 / 5) * 5);
  for (let m = 0; t0 + m * 60 <= t1; m += stepMin) {
    const label = `${m} min`;
    const w = ctx.measureText(label).width;
    ctx.fillText(label, Math.min(Math.max(0, x(t0 + m * 60) - w / 2), W - w - 2), H - 6);
  }

  const line = (color: string, width: number, until: number): void => {
    ctx.strokeStyle = color; ctx.lineWidth = width; ctx.beginPath();
    let pen = false, prevT = -Infinity;
    for (const s of d.samples) {
      if (s.t > until) break;
      if (s.bpm <= 0 || s.t - prevT > 10) pen = false;
      if (s.bpm > 0) { if (pen) ctx.lineTo(x(s.t), y(s.bpm)); else ctx.moveTo(x(s.t), y(s.bpm)); pen = true; }
      prevT = s.t;
    }
    ctx.stroke();
  };
  line("#4b5560", 1, Infinity);
  line("#ef5350", 1.5, d.cursor);

  ctx.strokeStyle = "#4fc3f7"; ctx.lineWidth = 2; ctx.beginPath();
  d.ceilings.forEach((c, i) => {
    const end = i + 1 < d.ceilings.length ? d.ceilings[i + 1].t : d.cursor;
    ctx.moveTo(x(c.t), y(c.bpm)); ctx.lineTo(x(Math.max(c.t, end)), y(c.bpm));
  });
  ctx.stroke();

  const drawn: DrawnMarker[] = [];
  // Labels are placed left to right, each in the first row where it overlaps nothing and stays inside the canvas;
  // one that fits nowhere is left off (the marker and the buzz log still say it).
  const rows: number[][] = [[], []];
  const place = (xm: number, text: string, rowYs: number[], rowsUsed: number[][], minX: number): DrawnMarker["label"] => {
    const w = ctx.measureText(text).width;
    const lx = Math.min(Math.max(minX, xm - w / 2), W - w - 2);
    for (let r = 0; r < rowYs.length; r++) {
      const taken = rowsUsed[r];
      if (taken.length === 0 || lx > taken[taken.length - 1] + 4) {
        taken.push(lx + w);
        return { x: lx, y: rowYs[r], w, h: 11 };
      }
    }
    return null;
  };
  const hrRows: number[][] = [[]];
  for (const stored of d.buzzes) {
    // A buzz kept from before the page named buzzes has no meaning: drawn as a heart-rate buzz.
    const b = MARKER_STYLE[stored.meaning] ? stored : { ...stored, meaning: "breach" as BuzzMeaning };
    const style = MARKER_STYLE[b.meaning];
    const xm = x(b.t);
    ctx.strokeStyle = style.colour; ctx.fillStyle = style.colour; ctx.lineWidth = 1;
    let label: DrawnMarker["label"];
    if (isHrBuzz(b.meaning)) {
      ctx.beginPath(); ctx.moveTo(xm, T); ctx.lineTo(xm, H - B); ctx.stroke();
      ctx.beginPath();
      if (b.meaning === "breach") { ctx.moveTo(xm - 5, T); ctx.lineTo(xm + 5, T); ctx.lineTo(xm, T + 8); } // a wedge
      else if (b.meaning === "back under") { ctx.moveTo(xm - 5, T + 8); ctx.lineTo(xm + 5, T + 8); ctx.lineTo(xm, T); } // pointing up
      else ctx.arc(xm, T + 4, 3.5, 0, Math.PI * 2);
      ctx.fill();
      // Only breaches and back-unders are named on the plot (reminders come every 50 s: the legend names their dot).
      label = b.meaning === "reminder" ? null : place(xm, style.label, [T - 4], hrRows, L);
    } else {
      // The run's events: a flag in the lane under the plot.
      const top = H - B + 2;
      ctx.beginPath(); ctx.moveTo(xm, top); ctx.lineTo(xm, top + LANE - 4); ctx.stroke();
      ctx.beginPath(); ctx.moveTo(xm, top); ctx.lineTo(xm + 6, top + 3); ctx.lineTo(xm, top + 6); ctx.fill();
      label = place(xm + 4, style.label, [top + 12, top + 25], rows, 2);
    }
    if (label) ctx.fillText(style.label, label.x, label.y);
    drawn.push({ meaning: b.meaning, x: xm, label: label && { ...label, y: label.y - 9 } });
  }
  canvas.dataset.markers = JSON.stringify(drawn);
  ctx.strokeStyle = "#ffffff"; ctx.setLineDash([4, 3]);
  ctx.beginPath(); ctx.moveTo(x(d.cursor), T); ctx.lineTo(x(d.cursor), H - B); ctx.stroke();
  ctx.setLineDash([]);
}

/** The trace time under a click on the chart. */
export function chartTimeAt(canvas: HTMLCanvasElement, samples: readonly TraceSample[], clientX: number): number {
  const r = canvas.getBoundingClientRect();
  const px = ((clientX - r.left) / r.width) * canvas.width;
  const t0 = samples[0].t, t1 = samples[samples.length - 1].t;
  return t0 + ((px - 36) / (canvas.width - 44)) * (t1 - t0);
}
