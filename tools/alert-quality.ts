// Ground truth and scoring for alert quality (issue 4). Kept fixed so numbers stay comparable:
// - a 1-second grid: each second takes the last recorded sample if it is at most 10 s old, else no value;
// - a sustained breach: the rolling median of the last 15 s of HR stays above the ceiling for >= 30 s;
//   its onset is the first second of that stretch;
// - a breach buzz counts if it falls inside a sustained breach or up to 30 s before its onset; every other
//   breach buzz is a nuisance buzz.
import type { TraceSample } from "../common/trace";

export const GRID_MAX_AGE_S = 10;
export const MEDIAN_WINDOW_S = 15;
export const SUSTAINED_MIN_S = 30;
export const EARLY_CREDIT_S = 30;
export const NAIVE_REMINDER_S = 30;

export interface Stretch { onset: number; end: number; } // seconds on the trace clock, end inclusive

/** HR per whole second from the first sample's second to the last's; NaN where no sample is fresh. */
export function oneSecondGrid(samples: TraceSample[]): { t0: number; hr: number[] } {
  if (samples.length === 0) return { t0: 0, hr: [] };
  const t0 = Math.floor(samples[0].t);
  const tEnd = Math.floor(samples[samples.length - 1].t);
  const hr: number[] = [];
  let i = 0;
  for (let t = t0; t <= tEnd; t++) {
    while (i + 1 < samples.length && samples[i + 1].t <= t) i++;
    const s = samples[i];
    hr.push(s.t <= t && t - s.t <= GRID_MAX_AGE_S && s.bpm > 0 ? s.bpm : NaN);
  }
  return { t0, hr };
}

function median(xs: number[]): number {
  const a = xs.slice().sort((x, y) => x - y);
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}

export function sustainedBreaches(samples: TraceSample[], ceiling: number): Stretch[] {
  const { t0, hr } = oneSecondGrid(samples);
  const out: Stretch[] = [];
  let start = -1;
  for (let i = 0; i <= hr.length; i++) {
    let above = false;
    if (i < hr.length) {
      const window = hr.slice(Math.max(0, i - MEDIAN_WINDOW_S + 1), i + 1).filter((x) => !Number.isNaN(x));
      above = window.length > 0 && median(window) > ceiling;
    }
    if (above && start < 0) start = i;
    if (!above && start >= 0) {
      if (i - start >= SUSTAINED_MIN_S) out.push({ onset: t0 + start, end: t0 + i - 1 });
      start = -1;
    }
  }
  return out;
}

/** The naive alert: buzz on the first reading above, again every 30 s while above, re-armed by any reading at or below. */
export function naiveAlertBuzzes(samples: TraceSample[], ceiling: number): number[] {
  const buzzes: number[] = [];
  let armed = true;
  let last = -Infinity;
  for (const s of samples) {
    if (s.bpm > ceiling) {
      if (armed || s.t - last >= NAIVE_REMINDER_S) { buzzes.push(s.t); last = s.t; armed = false; }
    } else {
      armed = true;
    }
  }
  return buzzes;
}

export interface Score {
  breaches: number;
  caught: number;
  latencies: number[];
  nuisance: number;
  breachBuzzes: number;
}

/** Scores breach buzz times against the ground-truth stretches. */
export function scoreBuzzes(stretches: Stretch[], buzzTimes: number[]): Score {
  const latencies: number[] = [];
  let caught = 0;
  for (const st of stretches) {
    const first = buzzTimes.find((t) => t >= st.onset - EARLY_CREDIT_S && t <= st.end);
    if (first !== undefined) { caught++; latencies.push(Math.max(0, first - st.onset)); }
  }
  const nuisance = buzzTimes.filter((t) => !stretches.some((st) => t >= st.onset - EARLY_CREDIT_S && t <= st.end)).length;
  return { breaches: stretches.length, caught, latencies, nuisance, breachBuzzes: buzzTimes.length };
}

export function percentile(xs: number[], q: number): number {
  if (xs.length === 0) return 0;
  const a = xs.slice().sort((x, y) => x - y);
  return a[Math.min(a.length - 1, Math.ceil(q * a.length) - 1 < 0 ? 0 : Math.ceil(q * a.length) - 1)];
}
