// npm run bench [-- --json [file]] [--tuning '{"confirmMaxS":20}'] [--tradeoff]
// Alert quality of the real guard against the naive alert on the shared real traces (ground truth and
// scoring in tools/alert-quality.ts), the guard's CPU cost, and the watch's costs (device JS, DOM and
// file-system writes, summary size). A benchmark, not a test: tools/check-budgets.ts judges its JSON.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { DEFAULT_PROFILE, Profile } from "../common/watch/profile";
import { TUNING, Tuning } from "../common/watch/guard";
import { replayTrace } from "../common/dev/replay";
import { TraceSample } from "../common/dev/trace";
import { groundTruth, naiveAlertBuzzes, percentile, rollingMedian, Score, scoreBuzzes } from "./alert-quality";
import { sensorKindOf, SensorKind, SENSOR_KINDS } from "./trace-files";
import { Headline, headlineOf, nuisanceVsNaive } from "./headline";
import { NamedCaseResult, runNamedCases } from "./named-cases";
import { formatWrapUpTotals, loadEffortTraces, WrapUpReport, wrapUpReport } from "./wrap-up-bench";
import { formatTargets, targetChecks } from "./check-budgets";
import { listTraces, loadTrace, TRACES_DIR } from "./trace-files";
import { deviceJsPerTarget } from "./fba";
import { measureDeviceRun, DeviceRunCosts, GENERATED_RUN_CEILING } from "./device-costs";
import { DEMO_RUN_LABEL, generateDemoRun } from "../common/dev/demo-run";
import { engineFigures, EngineFigures } from "./engine/run";
import { formatEngine } from "./engine/main";
import { withMargin } from "./engine/margin";

export const USAGE = `Usage: npm run bench -- [--json [file]] [--tuning JSON] [--tradeoff]

Replays every run_*.csv (and, outside the budgets, ride_*.csv) in ${TRACES_DIR}
(set RECOVERY_GUARD_TRACES to use another folder) through the guard and the naive alert. Without any run_*.csv
there, alert quality is SKIPPED (and said to be) and the device costs are measured on the generated demo run.
  --json [file]     all figures as JSON: to the file (tables still printed), or alone on stdout
  --tuning JSON     override guard TUNING fields for this run, e.g. '{"confirmMaxS":20,"excessBpmS":30}'
  --tradeoff        also print recall / latency / nuisance for a few alternative tunings`;

/** Where each profile's ceiling sits in the trace's own HR distribution: every 5th percentile from the 50th to the
 * 90th (issue 8), so no setting can fit a few particular ceilings. */
export const CEILING_QUANTILES = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

/** Alternatives shown next to the current tuning (README: the trade-off measured). */
export const TRADEOFF_SETTINGS: { label: string; tuning: Partial<Tuning> }[] = [
  { label: "current", tuning: {} },
  { label: "confirmMinS 12 (issue 4's)", tuning: { confirmMinS: 12 } },
  { label: "excessBpmS 40", tuning: { excessBpmS: 40 } },
  { label: "trendLeadS 5 (follow the climb)", tuning: { trendLeadS: 5 } },
  { label: "trendLeadS 5, medianWindowS 9, excessBpmS 45", tuning: { trendLeadS: 5, medianWindowS: 9, excessBpmS: 45 } },
  { label: "reminderS 60", tuning: { reminderS: 60 } },
  { label: "fixed 30-s window", tuning: { confirmMinS: 30, confirmMaxS: 30, excessBpmS: 1e9 } },
];

/** The trace's HR at quantile q (nearest rank below), plus half a beat so no reading sits exactly on it. */
export function ceilingAtQuantile(samples: TraceSample[], q: number): number {
  const hr = samples.map((s) => s.bpm).sort((a, b) => a - b);
  return hr[Math.floor(q * (hr.length - 1))] + 0.5;
}

/**
 * A profile whose ceiling (ceilingOf) is exactly `ceiling`: resting 60, 65% of reserve, a measured max chosen
 * to fit. Built directly, not through validateProfile: low quantiles of easy traces need a max HR below the
 * settings' 100-230 range, and the bench measures the guard, not the settings page. The cap never warns, and the
 * bench sets it to cover the whole trace (capCovering), so cap buzzes stay out of the way (they are not counted).
 */
export function benchProfile(ceiling: number, capMinutes = 90): Profile {
  return {
    ...DEFAULT_PROFILE,
    restingHr: 60, ceilingFraction: 0.65, maxHrMethod: "measured", measuredMaxHr: 60 + (ceiling - 60) / 0.65,
    capMinutes, warnBeforeCapMinutes: 0,
  };
}

/** A cap at least as long as the trace, so the watch's forgotten-run rule (an hour past the cap) never cuts it short. */
export function capCovering(samples: TraceSample[]): number {
  return Math.max(90, Math.ceil((samples[samples.length - 1].t - samples[0].t) / 60));
}

/** Counts for one alert over some runs; pooled by adding, so a total row is the same kind of thing as a trace row. */
export interface Tally extends Score {
  hours: number;
  /** Buzzes about the heart rate: breach buzzes plus, for the guard, back-under cues. Cap buzzes are left out. */
  hrBuzzes: number;
}

export interface Metrics {
  breaches: number;
  caught: number;
  recall: number;
  latencyMedianS: number | null;
  latencyP90S: number | null;
  latencyWorstS: number | null;
  /** Sustained breaches whose 15-s median reached 3 bpm over (tools/alert-quality.ts), and how they fared. */
  clearBreaches: number;
  clearCaught: number;
  clearRecall: number;
  clearLatencyMedianS: number | null;
  clearLatencyP90S: number | null;
  /** Seconds since the last breach buzz while clearly over: worst and 95th percentile over those seconds. */
  silenceWorstS: number | null;
  silenceP95S: number | null;
  nuisance: number;
  nuisancePerHour: number;
  /** Breach buzzes that counted (inside a sustained breach or just before), per sustained breach. */
  buzzesPerBreach: number | null;
  hrBuzzesPerHour: number;
  hours: number;
}

export interface TraceRow {
  trace: string;
  sensor: SensorKind;
  minutes: number;
  ceilings: number[];
  guard: Metrics;
  naive: Metrics;
}

export interface SensorRow {
  sensor: SensorKind;
  traces: number;
  guard: Metrics;
  naive: Metrics;
}

export interface QualityTable {
  rows: TraceRow[];
  bySensor: SensorRow[];
  total: { guard: Metrics; naive: Metrics };
  /** The trace whose guard nuisance is the largest share of the naive alert's (null when no trace has naive nuisance). */
  worst: { trace: string; nuisanceVsNaive: number } | null;
}

const BREACH_TYPES = ["breach", "breach-reminder"];
const HR_TYPES = ["breach", "breach-reminder", "back-under"];

function emptyTally(): Tally {
  return { breaches: 0, caught: 0, latencies: [], clearBreaches: 0, clearCaught: 0, clearLatencies: [], silences: [], nuisance: 0, breachBuzzes: 0, hours: 0, hrBuzzes: 0 };
}

function pushAll(into: number[], xs: number[]): void {
  for (const x of xs) into.push(x); // not push(...xs): the silences of a long run overflow the argument list
}

function addTally(into: Tally, t: Tally): void {
  into.breaches += t.breaches;
  into.caught += t.caught;
  pushAll(into.latencies, t.latencies);
  into.clearBreaches += t.clearBreaches;
  into.clearCaught += t.clearCaught;
  pushAll(into.clearLatencies, t.clearLatencies);
  pushAll(into.silences, t.silences);
  into.nuisance += t.nuisance;
  into.breachBuzzes += t.breachBuzzes;
  into.hours += t.hours;
  into.hrBuzzes += t.hrBuzzes;
}

/** Guard and naive alert on one trace for one ceiling (the rolling median can be passed in, once per trace). */
export function runOnce(samples: TraceSample[], ceiling: number, tuning: Tuning = TUNING, rolled = rollingMedian(samples)): { guard: Tally; naive: Tally } {
  const hours = (samples[samples.length - 1].t - samples[0].t) / 3600;
  const truth = groundTruth(samples, ceiling, rolled);
  const events = replayTrace(samples, benchProfile(ceiling, capCovering(samples)), tuning).events.filter((e) => e.pattern !== null);
  const guardBreachBuzzes = events.filter((e) => BREACH_TYPES.includes(e.type)).map((e) => e.t);
  const naiveBuzzes = naiveAlertBuzzes(samples, ceiling);
  return {
    guard: { ...scoreBuzzes(truth, guardBreachBuzzes), hours, hrBuzzes: events.filter((e) => HR_TYPES.includes(e.type)).length },
    naive: { ...scoreBuzzes(truth, naiveBuzzes), hours, hrBuzzes: naiveBuzzes.length },
  };
}

function rate(n: number, hours: number): number {
  return hours > 0 ? n / hours : 0;
}

export function metricsOf(t: Tally): Metrics {
  const has = t.latencies.length > 0;
  const counted = t.breachBuzzes - t.nuisance;
  return {
    breaches: t.breaches,
    caught: t.caught,
    recall: t.breaches > 0 ? t.caught / t.breaches : 1,
    latencyMedianS: has ? percentile(t.latencies, 0.5) : null,
    latencyP90S: has ? percentile(t.latencies, 0.9) : null,
    latencyWorstS: has ? t.latencies.reduce((a, b) => Math.max(a, b), 0) : null,
    clearBreaches: t.clearBreaches,
    clearCaught: t.clearCaught,
    clearRecall: t.clearBreaches > 0 ? t.clearCaught / t.clearBreaches : 1,
    clearLatencyMedianS: t.clearLatencies.length ? percentile(t.clearLatencies, 0.5) : null,
    clearLatencyP90S: t.clearLatencies.length ? percentile(t.clearLatencies, 0.9) : null,
    silenceWorstS: t.silences.length ? t.silences.reduce((a, b) => Math.max(a, b), 0) : null,
    silenceP95S: t.silences.length ? percentile(t.silences, 0.95) : null,
    nuisance: t.nuisance,
    nuisancePerHour: rate(t.nuisance, t.hours),
    buzzesPerBreach: t.breaches > 0 ? counted / t.breaches : null,
    hrBuzzesPerHour: rate(t.hrBuzzes, t.hours),
    hours: t.hours,
  };
}

/**
 * Every trace at every quantile ceiling: one row per trace (its profiles pooled), a row per sensor kind (from
 * the manifest), a pooled total, and the worst trace.
 */
export function qualityTable(traces: { name: string; samples: TraceSample[] }[], tuning: Tuning = TUNING): QualityTable {
  const totalGuard = emptyTally();
  const totalNaive = emptyTally();
  const kinds = new Map<SensorKind, { traces: number; guard: Tally; naive: Tally }>();
  const rows = traces.map(({ name, samples }) => {
    const guard = emptyTally();
    const naive = emptyTally();
    const rolled = rollingMedian(samples);
    const ceilings = CEILING_QUANTILES.map((q) => ceilingAtQuantile(samples, q));
    for (const c of ceilings) {
      const r = runOnce(samples, c, tuning, rolled);
      addTally(guard, r.guard);
      addTally(naive, r.naive);
    }
    addTally(totalGuard, guard);
    addTally(totalNaive, naive);
    const sensor = sensorKindOf(name);
    const kind = kinds.get(sensor) ?? { traces: 0, guard: emptyTally(), naive: emptyTally() };
    kind.traces++;
    addTally(kind.guard, guard);
    addTally(kind.naive, naive);
    kinds.set(sensor, kind);
    const minutes = (samples[samples.length - 1].t - samples[0].t) / 60;
    return { trace: name, sensor, minutes, ceilings, guard: metricsOf(guard), naive: metricsOf(naive) };
  });
  const bySensor = SENSOR_KINDS.filter((k) => kinds.has(k)).map((sensor) => {
    const k = kinds.get(sensor)!;
    return { sensor, traces: k.traces, guard: metricsOf(k.guard), naive: metricsOf(k.naive) };
  });
  let worst: QualityTable["worst"] = null;
  for (const r of rows) {
    const share = nuisanceVsNaive(r.guard, r.naive);
    if (r.naive.nuisance > 0 && (worst === null || share > worst.nuisanceVsNaive)) worst = { trace: r.trace, nuisanceVsNaive: share };
  }
  return { rows, bySensor, total: { guard: metricsOf(totalGuard), naive: metricsOf(totalNaive) }, worst };
}

/** The shipped tuning with --tuning's fields over it (TUNING itself is never changed). */
export function tuned(overrides: Partial<Tuning>): Tuning {
  return { ...TUNING, ...overrides };
}

/** Parses --tuning: a JSON object of known TUNING fields with finite numbers; throws a clear message otherwise. */
export function parseTuning(text: string): Partial<Tuning> {
  let o: unknown;
  try { o = JSON.parse(text); } catch { throw new Error(`--tuning is not JSON: ${text}`); }
  if (o === null || typeof o !== "object" || Array.isArray(o)) throw new Error("--tuning must be a JSON object");
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(o)) {
    if (!(k in TUNING)) throw new Error(`--tuning: unknown field ${k} (known: ${Object.keys(TUNING).join(", ")})`);
    if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`--tuning: ${k} must be a number`);
    out[k] = v;
  }
  return out as Partial<Tuning>;
}

/** Guard CPU per trace sample in Node: a relative figure to catch regressions, not the watch's speed. */
export function guardNsPerSample(traces: { samples: TraceSample[] }[], tuning: Tuning = TUNING): number {
  const work = traces.flatMap(({ samples }) => CEILING_QUANTILES.map((q) => ({ samples, profile: benchProfile(ceilingAtQuantile(samples, q), capCovering(samples)) })));
  const perPass = work.reduce((n, w) => n + w.samples.length, 0);
  for (const w of work) replayTrace(w.samples, w.profile, tuning); // warm-up
  let samples = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < 300_000_000n) {
    for (const w of work) replayTrace(w.samples, w.profile, tuning);
    samples += perPass;
    elapsed = process.hrtime.bigint() - start;
  }
  return Number(elapsed) / samples;
}

export interface TradeoffRow {
  label: string;
  tuning: Partial<Tuning>;
  figures: Headline;
}

export function tradeoff(traces: { name: string; samples: TraceSample[] }[]): TradeoffRow[] {
  return TRADEOFF_SETTINGS.map(({ label, tuning }) => ({ label, tuning, figures: headlineOf(qualityTable(traces, tuned(tuning))) }));
}

export interface DeviceCosts {
  jsBytes: { target: string; jsBytes: number }[] | null;
  jsError: string | null;
  run: DeviceRunCosts | null;
  runError: string | null;
}

export interface BenchReport {
  command: string;
  tracesDir: string;
  ceilingQuantiles: number[];
  /** --tuning: the fields changed from common/watch/guard.ts for this run ({} for none). */
  tuningOverrides: Partial<Tuning>;
  tuning: Tuning;
  /** Why alert quality was not measured (no run_*.csv traces), or null when it was: then runs is null too. */
  qualitySkipped: string | null;
  runs: QualityTable | null;
  rides: QualityTable | null;
  guardNsPerSample: number;
  /** What the CPU figure was measured on: the running traces, or the generated demo run without them. */
  guardNsOn: string;
  device: DeviceCosts;
  tradeoff: TradeoffRow[] | null;
  /** The five real-trace cases (tools/named-cases.ts), null without traces. */
  namedCases: NamedCaseResult[] | null;
  /** The device JavaScript in the real engine (tools/engine/run.ts), or why it was skipped. */
  engine?: EngineFigures;
  /** The wrap-up hint (issue 12) on the running traces, labelled from their speed or cadence; null without traces. */
  wrapUp?: WrapUpReport | null;
}

function loadAll(prefix: string): { name: string; samples: TraceSample[] }[] {
  return listTraces(prefix).map((name) => {
    const t = loadTrace(name);
    if (t.error) throw new Error(`${name}: ${t.error}`);
    return { name, samples: t.samples };
  });
}

function deviceCosts(): DeviceCosts {
  const out: DeviceCosts = { jsBytes: null, jsError: null, run: null, runError: null };
  try { out.jsBytes = deviceJsPerTarget().map(({ target, jsBytes }) => ({ target, jsBytes })); } catch (e) { out.jsError = (e as Error).message; }
  // A recovery runner who goes over now and then: the ceiling at the 75th percentile of the simulated half hour.
  try { out.run = measureDeviceRun((samples) => ceilingAtQuantile(samples, 0.75)); } catch (e) { out.runError = (e as Error).message; }
  return out;
}

/** Without real running traces the alert-quality budgets cannot be judged: they are skipped, and said to be. */
export function qualitySkippedNote(dir: string): string {
  return `no run_*.csv traces found in ${dir} (set RECOVERY_GUARD_TRACES)`;
}

export function runBench(opts: { tuning: Partial<Tuning>; tradeoff: boolean; command: string }): BenchReport {
  const runs = loadAll("run_");
  const have = runs.length > 0;
  const rides = loadAll("ride_");
  // The trade-off compares alternatives to the tuning in common/watch/guard.ts, whatever --tuning says.
  const trade = opts.tradeoff && have ? tradeoff(runs) : null;
  const cpuOn = have ? runs : [{ name: DEMO_RUN_LABEL, samples: generateDemoRun(GENERATED_RUN_CEILING) }];
  const tuning = tuned(opts.tuning);
  return {
    command: opts.command,
    tracesDir: TRACES_DIR,
    ceilingQuantiles: CEILING_QUANTILES,
    tuningOverrides: opts.tuning,
    tuning,
    qualitySkipped: have ? null : qualitySkippedNote(TRACES_DIR),
    runs: have ? qualityTable(runs, tuning) : null,
    rides: have ? qualityTable(rides, tuning) : null,
    guardNsPerSample: guardNsPerSample(cpuOn, tuning),
    guardNsOn: have ? `${runs.length} running traces` : `the ${DEMO_RUN_LABEL}`,
    device: deviceCosts(),
    tradeoff: trade,
    namedCases: have ? runNamedCases(tuning) : null,
    wrapUp: have ? wrapUpReport(loadEffortTraces()) : null,
    engine: withMargin(engineFigures()),
  };
}

// ---- printing ----

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => "| " + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ") + " |";
  const rule = "|" + widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|";
  return [line(head), rule, ...rows.map(line)].join("\n");
}

const shortName = (f: string) => f.replace(/^(run|ride)_/, "").replace(/\.csv$/, "");
const num = (x: number | null, digits = 0) => (x === null ? "-" : x.toFixed(digits));
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const ratio = (a: number, b: number) => (b > 0 ? pct(a / b) : "-");

function rowsOf(t: QualityTable, cells: (g: Metrics, n: Metrics) => string[]): string[][] {
  return [...t.rows.map((r) => [shortName(r.trace), ...cells(r.guard, r.naive)]), ["TOTAL", ...cells(t.total.guard, t.total.naive)]];
}

function sensorRowsOf(t: QualityTable, cells: (g: Metrics, n: Metrics) => string[]): string[][] {
  return [...t.bySensor.map((k) => [`${k.sensor} (${k.traces} traces)`, ...cells(k.guard, k.naive)]), ["TOTAL", ...cells(t.total.guard, t.total.naive)]];
}

const RECALL_HEAD = ["breaches", "guard", "naive", "clear breaches", "guard", "naive"];
const recallCells = (g: Metrics, n: Metrics) => [String(g.breaches), `${g.caught} (${pct(g.recall)})`, `${n.caught} (${pct(n.recall)})`,
  String(g.clearBreaches), `${g.clearCaught} (${pct(g.clearRecall)})`, `${n.clearCaught} (${pct(n.clearRecall)})`];
const LATENCY_HEAD = ["guard median", "p90", "worst", "clear median", "clear p90", "naive median"];
const latencyCells = (g: Metrics, n: Metrics) => [num(g.latencyMedianS), num(g.latencyP90S), num(g.latencyWorstS),
  num(g.clearLatencyMedianS), num(g.clearLatencyP90S), num(n.latencyMedianS)];
const NUISANCE_HEAD = ["hours", "guard", "naive", "guard/naive"];
const nuisanceCells = (g: Metrics, n: Metrics) => [num(g.hours, 2), `${num(g.nuisancePerHour, 2)} (${g.nuisance})`,
  `${num(n.nuisancePerHour, 2)} (${n.nuisance})`, ratio(g.nuisancePerHour, n.nuisancePerHour)];
const SILENCE_HEAD = ["guard worst", "p95", "naive worst", "p95"];
const silenceCells = (g: Metrics, n: Metrics) => [num(g.silenceWorstS), num(g.silenceP95S), num(n.silenceWorstS), num(n.silenceP95S)];

export function formatQuality(t: QualityTable): string {
  const out: string[] = [];
  out.push("Recall: sustained breaches that got a breach buzz; clear ones reach 3 bpm over (floors: clear 100%, all >= 97%)");
  out.push(table(["trace", ...RECALL_HEAD], rowsOf(t, recallCells)));
  out.push("", "Latency: seconds from onset to the first breach buzz, 0 if before (floor: median <= 10 s; target: clear median <= 6 s)");
  out.push(table(["trace", ...LATENCY_HEAD], rowsOf(t, latencyCells)));
  out.push("", "Nuisance breach buzzes per hour (floors: <= 10% of naive in total, <= 15% on optical; targets 5%, 8%, no trace above 20%)");
  out.push(table(["trace", ...NUISANCE_HEAD], rowsOf(t, nuisanceCells)));
  out.push("", "Longest silence while clearly over: seconds since the breach's last buzz, at each second 3 bpm over (floor 120 s, target 60 s)");
  out.push(table(["trace", ...SILENCE_HEAD], rowsOf(t, silenceCells)));
  out.push("", "Breach buzzes per sustained breach (alert fatigue)");
  out.push(table(["trace", "guard", "naive"], rowsOf(t, (g, n) => [num(g.buzzesPerBreach, 1), num(n.buzzesPerBreach, 1)])));
  out.push("", "All heart-rate buzzes per hour (guard: breach, reminder, back-under; cap buzzes not counted)");
  out.push(table(["trace", "guard", "naive"], rowsOf(t, (g, n) => [num(g.hrBuzzesPerHour, 1), num(n.hrBuzzesPerHour, 1)])));
  out.push("", "By sensor kind (manifest.json)");
  out.push(table(["sensor", ...RECALL_HEAD], sensorRowsOf(t, recallCells)));
  out.push(table(["sensor", ...LATENCY_HEAD], sensorRowsOf(t, latencyCells)));
  out.push(table(["sensor", ...NUISANCE_HEAD], sensorRowsOf(t, nuisanceCells)));
  out.push(table(["sensor", ...SILENCE_HEAD], sensorRowsOf(t, silenceCells)));
  out.push("", t.worst ? `Worst single trace: ${shortName(t.worst.trace)}, nuisance ${pct(t.worst.nuisanceVsNaive)} of the naive alert's` : "Worst single trace: none has naive nuisance");
  return out.join("\n");
}

export function formatRides(t: QualityTable): string {
  return table(["ride", "breaches", "recall guard", "naive", "median latency guard", "naive", "nuisance/h guard", "naive", "buzzes/h guard", "naive"],
    rowsOf(t, (g, n) => [String(g.breaches), pct(g.recall), pct(n.recall), num(g.latencyMedianS), num(n.latencyMedianS),
      num(g.nuisancePerHour, 2), num(n.nuisancePerHour, 2), num(g.hrBuzzesPerHour, 1), num(n.hrBuzzesPerHour, 1)]));
}

const orDash = (x: number | null, f: (x: number) => string) => (x === null ? "-" : f(x));

export function formatTradeoff(rows: TradeoffRow[]): string {
  return table(["tuning", "recall", "clear recall", "median latency (s)", "clear median (s)", "nuisance vs naive", "optical", "worst trace", "silence worst / p95 (s)", "buzzes/breach"],
    rows.map(({ label, figures: f }) => [label, pct(f.recall), pct(f.clearRecall), num(f.latencyMedianS), num(f.clearLatencyMedianS),
      pct(f.nuisanceVsNaive), orDash(f.opticalNuisanceVsNaive, pct), f.worstTrace ? pct(f.worstTrace.nuisanceVsNaive) : "-",
      `${num(f.silenceWorstS)} / ${num(f.silenceP95S)}`, num(f.buzzesPerBreach, 1)]));
}

export function formatDevice(d: DeviceCosts): string {
  const out: string[] = [];
  if (d.jsBytes) out.push(...d.jsBytes.map((t) => `device JavaScript, ${t.target}: ${t.jsBytes} bytes (${(t.jsBytes / 1024).toFixed(1)} KB; limit 32 KB)`));
  else out.push(`device JavaScript: not measured (${d.jsError})`);
  if (d.run) {
    const on = d.run.generated ? `the ${d.run.trace}, as no real trace was found` : d.run.trace;
    out.push(`simulated ${d.run.minutes}-minute run on ${on}: ${num(d.run.domWritesPerMinute, 1)} DOM writes/min (budget 120), ` +
      `${num(d.run.fsWritesPerHour, 1)} fs writes/h (budget 20), run summary ${d.run.summaryBytes} bytes encoded (budget 256)`);
  } else out.push(`simulated run on the fakes: not measured (${d.runError})`);
  return out.join("\n");
}

export function formatReport(r: BenchReport): string {
  const out: string[] = [];
  if (r.runs === null) {
    out.push(`Alert quality SKIPPED: ${r.qualitySkipped ?? qualitySkippedNote(r.tracesDir)}. The alert-quality budgets ` +
      "(recall, latency, nuisance) are not checked; the device budgets below still are.");
  } else {
    out.push(`Alert quality on ${r.runs.rows.length} running traces from ${r.tracesDir}, ceilings at the ${r.ceilingQuantiles.map((q) => Math.round(q * 100)).join("/")}th ` +
      `percentile of each trace's HR (${r.runs.rows.length * r.ceilingQuantiles.length} replays, ${num(r.runs.total.guard.hours, 1)} h)`);
  }
  if (Object.keys(r.tuningOverrides).length) out.push(`Guard TUNING overridden by --tuning: ${JSON.stringify(r.tuningOverrides)}`);
  if (r.runs !== null) out.push("", formatQuality(r.runs));
  if (r.wrapUp) out.push("", "Wrap-up hint (issue 12; tools/wrap-up-bench.ts has the per-trace table)", formatWrapUpTotals(r.wrapUp));
  if (r.namedCases) out.push("", "Named real-trace cases (floors)", ...r.namedCases.map((c) => `${c.ok ? "kept  " : "BROKEN"} ${c.name}: ${c.detail}`));
  if (r.runs !== null) out.push("", "Targets (reported, not failed on; the floors are checked by npm run bench:check)", formatTargets(targetChecks(r.runs)));
  if (r.rides && r.rides.rows.length) out.push("", "Rides (outside the budgets)", formatRides(r.rides));
  out.push("", `Guard CPU in Node: ${num(r.guardNsPerSample)} ns per sample (a relative figure; on ${r.guardNsOn})`);
  out.push("", formatDevice(r.device));
  if (r.tradeoff) out.push("", "Trade-off of confirmation settings (running traces, totals)", formatTradeoff(r.tradeoff));
  if (r.engine) out.push("", formatEngine(r.engine).trimEnd());
  return out.join("\n") + "\n";
}

/** --json takes an optional file: "--json out.json" writes there, a bare "--json" means stdout. */
export function parseBenchArgs(argv: string[]): { json: boolean; jsonFile: string | null; tuning: Partial<Tuning>; tradeoff: boolean; help: boolean } {
  const o = { json: false, jsonFile: null as string | null, tuning: {} as Partial<Tuning>, tradeoff: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") {
      o.json = true;
      if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) o.jsonFile = argv[++i];
    } else if (a === "--tuning") {
      if (i + 1 >= argv.length) throw new Error("--tuning needs a JSON object");
      o.tuning = parseTuning(argv[++i]);
    } else if (a === "--tradeoff") o.tradeoff = true;
    else if (a === "--help" || a === "-h") o.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

if (require.main === module) {
  try {
    const args = parseBenchArgs(process.argv.slice(2));
    if (args.help) {
      process.stdout.write(USAGE + "\n");
    } else {
      const report = runBench({ tuning: args.tuning, tradeoff: args.tradeoff, command: ["npm run bench --", ...process.argv.slice(2)].join(" ") });
      if (args.json && args.jsonFile === null) process.stdout.write(JSON.stringify(report, null, 1) + "\n");
      else process.stdout.write(formatReport(report));
      if (args.jsonFile !== null) {
        mkdirSync(dirname(args.jsonFile), { recursive: true });
        writeFileSync(args.jsonFile, JSON.stringify(report, null, 1) + "\n");
      }
    }
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  }
}
