// The live chart: the trace's HR (played part highlighted), the ceiling the face showed, buzzes, the cursor.
import { TraceSample } from "../../common/dev/trace";

export interface ChartData {
  samples: readonly TraceSample[];
  cursor: number;
  /** (trace time, ceiling shown on the face) whenever it changed. */
  ceilings: Array<{ t: number; bpm: number }>;
  buzzes: Array<{ t: number; pattern: string }>;
}

export function drawChart(canvas: HTMLCanvasElement, d: ChartData): void {
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const W = canvas.width, H = canvas.height, L = 36, R = 8, T = 18, B = 22;
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

  ctx.fillStyle = "#ffb300"; ctx.strokeStyle = "#ffb300"; ctx.lineWidth = 1;
  for (const b of d.buzzes) {
    ctx.beginPath(); ctx.moveTo(x(b.t), T); ctx.lineTo(x(b.t), H - B); ctx.stroke();
    ctx.beginPath(); ctx.arc(x(b.t), T + 4, 4, 0, Math.PI * 2); ctx.fill();
  }
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
