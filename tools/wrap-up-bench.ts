// npx tsx tools/wrap-up-bench.ts [--json] [--tradeoff]
// Does the wrap-up hint (common/wrap-up.ts) fire on steady runs whose heart rate drifts, and stay quiet on hills
// and intervals? Each running trace with speed or cadence is labelled from them (the rule below: what the runner
// was doing), then replayed the way the watch meets it: through the guard, whose believed level feeds the hint each
// second. The hint itself only ever sees heart rate, as on the watch; speed and cadence are used here only to label. wrapUpReport is a pure function of loaded traces, for the main bench to call.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_PROFILE, Profile } from "../common/watch/profile";
import { currentBpm, startGuard, step } from "../common/watch/guard";
import { replayInputs } from "../common/dev/replay";
import { startWrapUp, stepWrapUp, WrapUpTuning, WRAP_UP_TUNING } from "../common/watch/wrap-up";
import { listTraces, TRACES_DIR } from "./trace-files";

export interface EffortSample {
  t: number;
  bpm: number;
  /** m/s, or null where the file has none. */
  speed: number | null;
  /** Strides per minute as recorded (steps/min is twice that), or null. */
  cadence: number | null;
}

export interface EffortTrace {
  name: string;
  samples: EffortSample[];
}

export type WrapUpLabel = "steady-drift" | "steady-no-drift" | "hills-intervals" | "other";

// ---- The labelling rule (from speed and cadence; documented in the README) ----
/** Minutes from the start left out of the labels (warm-up). */
export var LABEL_WARMUP_MIN = 10;
/** Minutes at the end left out too (the finish: a last sprint, a walk to the stop button). */
export var LABEL_FINISH_MIN = 2;
/** A minute whose effort (speed, or cadence without speed) is this far from the run's typical effort, for at least
 * BOUT_MIN minutes in a row, is a bout: faster (an interval, a surge) or slower (a climb, a walk, a standing rest). */
export var BOUT_FRACTION = 0.25;
export var BOUT_MIN = 2;
/** Two bouts or more: hills or intervals. */
export var BOUTS_FOR_PATTERN = 2;
/** A steady stretch: at least STEADY_MIN minutes in a row, each within STEADY_FRACTION of the stretch's median
 * speed (and cadence within STEADY_CADENCE_FRACTION of its median, where recorded). */
export var STEADY_MIN = 15;
export var STEADY_FRACTION = 0.15;
export var STEADY_CADENCE_FRACTION = 0.05;
/** Drift: HR over the stretch's last 5 minutes at least DRIFT_BPM over its first 5, while their mean effort differs
 * by at most DRIFT_EFFORT_FRACTION (the same effort, not a faster pace). */
export var DRIFT_BPM = 5;
export var DRIFT_EFFORT_FRACTION = 0.05;

interface Minute {
  hr: number;
  effort: number | null;
  cadence: number | null;
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Per minute from the first sample: mean HR, and effort and cadence as the median over that minute and its two
 * neighbours (GPS speed is noisy minute to minute); null where there is none, or no sample at all. */
function minutesOf(samples: EffortSample[], useSpeed: boolean): (Minute | null)[] {
  const t0 = samples[0].t;
  const n = Math.floor((samples[samples.length - 1].t - t0) / 60) + 1;
  const buckets: EffortSample[][] = Array.from({ length: n }, () => []);
  for (const s of samples) buckets[Math.floor((s.t - t0) / 60)].push(s);
  const near = (i: number) => buckets.slice(Math.max(0, i - 1), i + 2).flat();
  return buckets.map((b, i) => {
    if (b.length === 0) return null;
    const speeds = near(i).map((s) => s.speed).filter((x): x is number => x !== null);
    const cads = near(i).map((s) => s.cadence).filter((x): x is number => x !== null);
    const cadence = cads.length ? median(cads) : null;
    const effort = useSpeed ? (speeds.length ? median(speeds) : null) : cadence;
    return { hr: mean(b.map((s) => s.bpm)), effort, cadence };
  });
}

export interface TraceLabel {
  label: WrapUpLabel;
  /** In words, with the figures the rule used. */
  reason: string;
  /** The steady stretch (minutes from the start, end exclusive) and its HR rise, when there is one. */
  steady: { fromMin: number; toMin: number; riseBpm: number; effortChange: number } | null;
  /** Per minute from the start: whether it lies in some steady stretch (drifting or not). */
  steadyMinutes: boolean[];
  bouts: { fromMin: number; toMin: number; kind: "faster" | "slower" }[];
}

/**
 * The rule: effort is speed where at least 80% of samples have it, else cadence (the Polar work bouts), else the
 * trace is "other". After the warm-up, two bouts or more (2+ minutes at least 25% off the run's median moving
 * effort; effort per minute is the median over it and its neighbours) make it "hills-intervals". Otherwise its
 * steady stretches (15+ minutes, each minute within 15% of the stretch's median speed, cadence within 5%) decide:
 * "steady-drift" when over one of them HR rose 5+ bpm at the same effort (last 5 minutes against the first 5,
 * effort within 5%; the stretch with the largest rise is shown), "steady-no-drift" when none did, "other" when
 * there is no steady stretch.
 */
export function labelTrace(samples: EffortSample[]): TraceLabel {
  const share = (f: (s: EffortSample) => boolean) => samples.filter(f).length / samples.length;
  const useSpeed = share((s) => s.speed !== null) >= 0.8;
  const useCadence = !useSpeed && share((s) => s.cadence !== null) >= 0.8;
  if (!useSpeed && !useCadence) return { label: "other", reason: "no speed or cadence to label by", steady: null, bouts: [], steadyMinutes: [] };
  const mins = minutesOf(samples, useSpeed).slice(0, -LABEL_FINISH_MIN);
  const moving = useSpeed ? 1.0 : 50; // m/s, strides/min: below this the runner is stopped
  const after = mins.map((m, i) => (i >= LABEL_WARMUP_MIN ? m : null));
  const typical = median(after.filter((m): m is Minute => m !== null && m.effort !== null && m.effort >= moving).map((m) => m.effort!));
  const bouts: TraceLabel["bouts"] = [];
  let run: { fromMin: number; kind: "faster" | "slower" } | null = null;
  const closeRun = (end: number) => {
    if (run && end - run.fromMin >= BOUT_MIN) bouts.push({ fromMin: run.fromMin, toMin: end, kind: run.kind });
    run = null;
  };
  after.forEach((m, i) => {
    const kind = m === null || m.effort === null ? null
      : m.effort >= typical * (1 + BOUT_FRACTION) ? "faster" : m.effort <= typical * (1 - BOUT_FRACTION) ? "slower" : null;
    if (run && run.kind !== kind) closeRun(i);
    if (kind && !run) run = { fromMin: i, kind };
  });
  closeRun(after.length);
  const what = useSpeed ? "speed" : "cadence";
  if (bouts.length >= BOUTS_FOR_PATTERN) {
    return { label: "hills-intervals", reason: `${bouts.length} bouts of ${what} 25%+ off the median ${typical.toFixed(2)}: ` +
      bouts.map((b) => `${b.kind} ${b.fromMin}-${b.toMin} min`).join(", "), steady: null, bouts, steadyMinutes: [] };
  }
  // Longest steady stretch after the warm-up (every minute present, effort and cadence near the stretch's medians).
  const steadyOver = (from: number, to: number): boolean => {
    const part = mins.slice(from, to);
    if (part.some((m) => m === null || m.effort === null)) return false;
    const e = median(part.map((m) => m!.effort!));
    if (part.some((m) => Math.abs(m!.effort! - e) > STEADY_FRACTION * e)) return false;
    const cads = part.map((m) => m!.cadence).filter((c): c is number => c !== null);
    if (cads.length === part.length) {
      const c = median(cads);
      if (part.some((m) => Math.abs(m!.cadence! - c) > STEADY_CADENCE_FRACTION * c)) return false;
    }
    return true;
  };
  // Every steady window after the warm-up: its HR rise (last 5 minutes against the first 5) and effort change.
  type Window = { fromMin: number; toMin: number; riseBpm: number; effortChange: number };
  const windowOf = (from: number, to: number): Window => {
    const part = mins.slice(from, to) as Minute[];
    const first = part.slice(0, 5);
    const last = part.slice(-5);
    return { fromMin: from, toMin: to, riseBpm: mean(last.map((m) => m.hr)) - mean(first.map((m) => m.hr)),
      effortChange: mean(last.map((m) => m.effort!)) / mean(first.map((m) => m.effort!)) - 1 };
  };
  const steadyMinutes = mins.map(() => false);
  let longest: Window | null = null;
  let drift: Window | null = null;
  for (let from = LABEL_WARMUP_MIN; from + STEADY_MIN <= mins.length; from++) {
    for (let to = from + STEADY_MIN; to <= mins.length && steadyOver(from, to); to++) {
      const w = windowOf(from, to);
      for (let m = from; m < to; m++) steadyMinutes[m] = true;
      if (!longest || to - from > longest.toMin - longest.fromMin) longest = w;
      const isDrift = w.riseBpm >= DRIFT_BPM && Math.abs(w.effortChange) <= DRIFT_EFFORT_FRACTION;
      if (isDrift && (!drift || w.riseBpm > drift.riseBpm)) drift = w;
    }
  }
  const boutNote = bouts.length ? `; 1 bout (${bouts[0].kind} ${bouts[0].fromMin}-${bouts[0].toMin} min)` : "";
  const words = (w: Window) => `steady ${what} ${w.fromMin}-${w.toMin} min, HR ${w.riseBpm >= 0 ? "+" : ""}${w.riseBpm.toFixed(1)} bpm at ` +
    `${w.effortChange >= 0 ? "+" : ""}${(100 * w.effortChange).toFixed(0)}% effort`;
  if (drift) return { label: "steady-drift", reason: words(drift) + boutNote, steady: drift, bouts, steadyMinutes };
  if (longest) return { label: "steady-no-drift", reason: "longest " + words(longest) + boutNote, steady: longest, bouts, steadyMinutes };
  return { label: "other", reason: `no ${STEADY_MIN}-minute steady stretch${boutNote}`, steady: null, bouts, steadyMinutes };
}

// ---- Replay: the guard's believed level, second by second, into the hint ----

/** A profile for the replay: the guard's level needs only a plausible max HR (the bench's rule: resting 60, the
 * ceiling at the trace's 75th percentile of HR, 65% of reserve) and a cap that never ends the run. */
function replayProfile(samples: EffortSample[]): Profile {
  const hr = samples.map((s) => s.bpm).sort((a, b) => a - b);
  const ceiling = hr[Math.floor(0.75 * (hr.length - 1))] + 0.5;
  const minutes = Math.ceil((samples[samples.length - 1].t - samples[0].t) / 60) + 60;
  return { ...DEFAULT_PROFILE, restingHr: 60, ceilingFraction: 0.65, maxHrMethod: "measured", measuredMaxHr: 60 + (ceiling - 60) / 0.65, capMinutes: minutes, warnBeforeCapMinutes: 0 };
}

/** When the hint fires on a trace (seconds from its start), or null: fed the guard's believed level once a second. */
export function wrapUpFiresAt(samples: EffortSample[], tuning: WrapUpTuning = WRAP_UP_TUNING): number | null {
  const t0 = samples[0].t;
  const g = startGuard(replayProfile(samples), t0);
  const w = startWrapUp(t0);
  let fired: number | null = null;
  let lastSecond = -Infinity;
  replayInputs(samples.map((s) => ({ t: s.t, bpm: s.bpm })), (t, bpm) => {
    step(g, { t, bpm, onWrist: true });
    const second = Math.floor(t);
    if (second === lastSecond) return true; // the watch feeds the hint once a second
    lastSecond = second;
    if (stepWrapUp(w, second, currentBpm(g, t) || null, tuning)) { fired = second - t0; return false; }
    return true;
  });
  return fired;
}

export interface WrapUpRow {
  trace: string;
  minutes: number;
  label: WrapUpLabel;
  reason: string;
  /** Seconds from the start when the hint fired, or null. */
  fired: number | null;
  /** For steady-drift traces: whether the HR-only hint fired in a steady stretch (any minute of one, as labelled). */
  inStretch: boolean | null;
}

export interface WrapUpTotals {
  steadyDrift: { traces: number; fired: number; firedInStretch: number };
  hillsIntervals: { traces: number; fired: number };
  steadyNoDrift: { traces: number; fired: number };
  other: { traces: number; fired: number };
}

export interface WrapUpReport {
  tuning: WrapUpTuning;
  rows: WrapUpRow[];
  totals: WrapUpTotals;
}

/** Every trace labelled and replayed (traces without speed or cadence are "other", still replayed HR-only). */
export function wrapUpReport(traces: EffortTrace[], tuning: WrapUpTuning = WRAP_UP_TUNING): WrapUpReport {
  const rows = traces.map(({ name, samples }): WrapUpRow => {
    const l = labelTrace(samples);
    const fired = wrapUpFiresAt(samples, tuning);
    const inStretch = l.label !== "steady-drift" ? null : fired !== null && l.steadyMinutes[Math.floor(fired / 60)] === true;
    return { trace: name, minutes: (samples[samples.length - 1].t - samples[0].t) / 60, label: l.label, reason: l.reason, fired, inStretch };
  });
  const of = (label: WrapUpLabel) => rows.filter((r) => r.label === label);
  const count = (rs: WrapUpRow[], f: (r: WrapUpRow) => boolean) => rs.filter(f).length;
  const sd = of("steady-drift");
  const hi = of("hills-intervals");
  const nd = of("steady-no-drift");
  const ot = of("other");
  return {
    tuning,
    rows,
    totals: {
      steadyDrift: { traces: sd.length, fired: count(sd, (r) => r.fired !== null), firedInStretch: count(sd, (r) => r.inStretch === true) },
      hillsIntervals: { traces: hi.length, fired: count(hi, (r) => r.fired !== null) },
      steadyNoDrift: { traces: nd.length, fired: count(nd, (r) => r.fired !== null) },
      other: { traces: ot.length, fired: count(ot, (r) => r.fired !== null) },
    },
  };
}

/** The shipped tuning next to its neighbours: what each number buys (README: why the wrap-up numbers). */
export const WRAP_UP_TRADEOFF: { label: string; tuning: Partial<WrapUpTuning> }[] = [
  { label: "shipped", tuning: {} },
  { label: "riseBpm 5", tuning: { riseBpm: 5 } },
  { label: "riseBpm 6", tuning: { riseBpm: 6 } },
  { label: "riseBpm 10", tuning: { riseBpm: 10 } },
  { label: "stepBpm 4", tuning: { stepBpm: 4 } },
  { label: "stepBpm 8", tuning: { stepBpm: 8 } },
  { label: "recentBpm 5", tuning: { recentBpm: 5 } },
  { label: "holdMin 1", tuning: { holdMin: 1 } },
  { label: "restartMin 2 (as settleMin)", tuning: { restartMin: 2 } },
];

export function wrapUpTradeoff(traces: EffortTrace[]): { label: string; totals: WrapUpTotals; driftFiresMin: (number | null)[] }[] {
  return WRAP_UP_TRADEOFF.map(({ label, tuning }) => {
    const r = wrapUpReport(traces, { ...WRAP_UP_TUNING, ...tuning });
    return { label, totals: r.totals, driftFiresMin: r.rows.filter((x) => x.label === "steady-drift").map((x) => (x.fired === null ? null : Math.round(x.fired / 60))) };
  });
}

export function formatWrapUpTradeoff(rows: ReturnType<typeof wrapUpTradeoff>): string {
  return ["tuning | steady-drift fired (minutes) | hills-intervals fired | steady-no-drift fired | other fired",
    ...rows.map((r) => `${r.label} | ${r.totals.steadyDrift.fired}/${r.totals.steadyDrift.traces} (${r.driftFiresMin.map((m) => (m === null ? "-" : m)).join(", ")}) | ` +
      `${r.totals.hillsIntervals.fired}/${r.totals.hillsIntervals.traces} | ${r.totals.steadyNoDrift.fired}/${r.totals.steadyNoDrift.traces} | ${r.totals.other.fired}/${r.totals.other.traces}`)].join("\n") + "\n";
}

// ---- Loading ----

/** A trace CSV with its speed and cadence columns (common/trace.ts keeps only t and hr). Rows without a usable
 * time or heart rate, or going back in time, are skipped, as the guard's own parser does. */
export function parseEffortCsv(text: string): EffortSample[] {
  const lines = text.split(/\r?\n/);
  const head = (lines[0] ?? "").trim().toLowerCase().split(",");
  const [ti, hi, si, ci] = ["t", "hr", "speed", "cadence"].map((c) => head.indexOf(c));
  if (ti < 0 || hi < 0) return [];
  const out: EffortSample[] = [];
  const num = (cells: string[], i: number): number | null => {
    if (i < 0 || cells[i] === undefined || cells[i].trim() === "") return null;
    const x = Number(cells[i]);
    return Number.isFinite(x) && x >= 0 ? x : null;
  };
  for (const line of lines.slice(1)) {
    if (line.trim() === "") continue;
    const cells = line.split(",");
    const t = num(cells, ti);
    const bpm = num(cells, hi);
    if (t === null || bpm === null || bpm > 300 || (out.length && t < out[out.length - 1].t)) continue;
    out.push({ t, bpm, speed: num(cells, si), cadence: num(cells, ci) });
  }
  return out;
}

/** Every run_*.csv in the traces folder ([] when it is missing). */
export function loadEffortTraces(): EffortTrace[] {
  return listTraces("run_").map((name) => ({ name, samples: parseEffortCsv(readFileSync(join(TRACES_DIR, name), "utf8")) }))
    .filter((t) => t.samples.length > 1);
}

// ---- Printing ----

const clock = (s: number | null) => (s === null ? "-" : `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, "0")}`);

export function formatWrapUpReport(r: WrapUpReport): string {
  const head = ["trace", "min", "label", "fires", "labelled because"];
  const rows = r.rows.map((x) => [x.trace.replace(/^run_/, "").replace(/\.csv$/, ""), x.minutes.toFixed(0), x.label,
    clock(x.fired) + (x.inStretch === false && x.fired !== null ? " (outside the stretch)" : ""), x.reason]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => "| " + cells.map((c, i) => c.padEnd(widths[i])).join(" | ") + " |";
  const t = r.totals;
  return [
    "Wrap-up hint on the running traces (fires = minutes:seconds from the start; - = never; fed heart rate only, as on",
    "the watch). Labels from speed or cadence: 2+ bouts 25% off the median effort = hills-intervals;",
    "a 15-minute steady stretch with HR up 5+ at the same effort = steady-drift (tools/wrap-up-bench.ts labelTrace)",
    "tuning: " + JSON.stringify(r.tuning),
    line(head), "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|", ...rows.map(line), "",
    formatWrapUpTotals(r),
  ].join("\n") + "\n";
}

/** The four totals lines (the bench prints these; the CLI adds the per-trace table). */
export function formatWrapUpTotals(r: WrapUpReport): string {
  const t = r.totals;
  return [
    `steady with drift: fires on ${t.steadyDrift.fired} of ${t.steadyDrift.traces} (${t.steadyDrift.firedInStretch} inside the steady stretch)`,
    `hills or intervals: fires on ${t.hillsIntervals.fired} of ${t.hillsIntervals.traces}`,
    `steady without drift: fires on ${t.steadyNoDrift.fired} of ${t.steadyNoDrift.traces}`,
    `other (no speed or cadence, or no steady stretch): fires on ${t.other.fired} of ${t.other.traces}`,
  ].join("\n");
}

if (require.main === module) {
  const traces = loadEffortTraces();
  if (traces.length === 0) {
    process.stdout.write(`wrap-up bench SKIPPED: no run_*.csv in ${TRACES_DIR} (set RECOVERY_GUARD_TRACES)\n`);
  } else {
    const report = wrapUpReport(traces);
    process.stdout.write(process.argv.includes("--json") ? JSON.stringify(report, null, 1) + "\n" : formatWrapUpReport(report));
    if (process.argv.includes("--tradeoff")) process.stdout.write("\nTrade-off\n" + formatWrapUpTradeoff(wrapUpTradeoff(traces)));
  }
}
