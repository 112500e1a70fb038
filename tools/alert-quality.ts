// Ground truth and scoring for alert quality (issues 4 and 8). Kept fixed so numbers stay comparable:
// - a 1-second grid: each second takes the last recorded sample if it is at most 10 s old, else no value;
// - a sustained breach: the rolling median of the last 15 s of HR stays above the ceiling for >= 30 s;
//   its onset is the first second of that stretch;
// - a clear breach: a sustained breach whose 15-s median reaches at least 3 bpm over the ceiling (beyond steady
//   sensor noise);
// - a breach buzz counts if it falls inside a sustained breach or up to 30 s before its onset; every other
//   breach buzz is a nuisance buzz;
// - silence while clearly over: at every second of a sustained breach where the 15-s median is at least 3 bpm
//   over, the time since the breach's last breach buzz (since its onset when none yet; a buzz before onset
//   counts at onset).
import type { TraceSample } from "../common/dev/trace";

export const GRID_MAX_AGE_S = 10;
export const MEDIAN_WINDOW_S = 15;
export const SUSTAINED_MIN_S = 30;
export const EARLY_CREDIT_S = 30;
export const NAIVE_REMINDER_S = 30;
export const CLEAR_MARGIN_BPM = 3;

export interface Stretch {
  onset: number; // seconds on the trace clock
  end: number; // inclusive
  /** The highest 15-s median in the stretch minus the ceiling. */
  peakOverBpm: number;
}

/** The ground truth of one trace at one ceiling: the sustained breaches, and the 15-s median per second. */
export interface Truth {
  ceiling: number;
  stretches: Stretch[];
  t0: number;
  /** 15-s rolling median per second from t0; NaN where no sample is fresh. */
  median: number[];
}

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

/** The rolling median of the last 15 s of the grid, per second (NaN where the window has no value). */
export function rollingMedian(samples: TraceSample[]): { t0: number; median: number[] } {
  const { t0, hr } = oneSecondGrid(samples);
  const out: number[] = [];
  for (let i = 0; i < hr.length; i++) {
    const window = hr.slice(Math.max(0, i - MEDIAN_WINDOW_S + 1), i + 1).filter((x) => !Number.isNaN(x));
    out.push(window.length > 0 ? median(window) : NaN);
  }
  return { t0, median: out };
}

/** Sustained breaches, with the rolling median they were found on. Computed once per ceiling. */
export function groundTruth(samples: TraceSample[], ceiling: number, rolled = rollingMedian(samples)): Truth {
  const { t0, median: med } = rolled;
  const stretches: Stretch[] = [];
  let start = -1;
  let peak = -Infinity;
  for (let i = 0; i <= med.length; i++) {
    const above = i < med.length && med[i] > ceiling;
    if (above) {
      if (start < 0) { start = i; peak = -Infinity; }
      peak = Math.max(peak, med[i]);
    }
    if (!above && start >= 0) {
      if (i - start >= SUSTAINED_MIN_S) stretches.push({ onset: t0 + start, end: t0 + i - 1, peakOverBpm: peak - ceiling });
      start = -1;
    }
  }
  return { ceiling, stretches, t0, median: med };
}

export function sustainedBreaches(samples: TraceSample[], ceiling: number): Stretch[] {
  return groundTruth(samples, ceiling).stretches;
}

export function isClear(st: Stretch): boolean {
  return st.peakOverBpm >= CLEAR_MARGIN_BPM;
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
  clearBreaches: number;
  clearCaught: number;
  clearLatencies: number[];
  /** Seconds since the last breach buzz, one per second spent clearly over (see the header). */
  silences: number[];
  nuisance: number;
  breachBuzzes: number;
}

function counts(st: Stretch, t: number): boolean {
  return t >= st.onset - EARLY_CREDIT_S && t <= st.end;
}

/** Scores breach buzz times (ascending) against the ground truth. */
export function scoreBuzzes(truth: Truth | Stretch[], buzzTimes: number[]): Score {
  const stretches = Array.isArray(truth) ? truth : truth.stretches;
  const s: Score = { breaches: stretches.length, caught: 0, latencies: [], clearBreaches: 0, clearCaught: 0, clearLatencies: [], silences: [], nuisance: 0, breachBuzzes: buzzTimes.length };
  for (const st of stretches) {
    const mine = buzzTimes.filter((t) => counts(st, t));
    const clear = isClear(st);
    if (clear) s.clearBreaches++;
    if (mine.length > 0) {
      const latency = Math.max(0, mine[0] - st.onset);
      s.caught++;
      s.latencies.push(latency);
      if (clear) { s.clearCaught++; s.clearLatencies.push(latency); }
    }
    if (!Array.isArray(truth) && clear) {
      const limit = truth.ceiling + CLEAR_MARGIN_BPM;
      let k = 0;
      let last = st.onset;
      for (let t = st.onset; t <= st.end; t++) {
        while (k < mine.length && mine[k] <= t) { last = Math.max(st.onset, mine[k]); k++; }
        if (truth.median[t - truth.t0] >= limit) s.silences.push(t - last);
      }
    }
  }
  s.nuisance = buzzTimes.filter((t) => !stretches.some((st) => counts(st, t))).length;
  return s;
}

export function percentile(xs: number[], q: number): number {
  if (xs.length === 0) return 0;
  const a = xs.slice().sort((x, y) => x - y);
  return a[Math.min(a.length - 1, Math.ceil(q * a.length) - 1 < 0 ? 0 : Math.ceil(q * a.length) - 1)];
}
