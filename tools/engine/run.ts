// The watch's code in the real engine: the device JavaScript out of build/app.fba run in JerryScript 2.4.0 with a
// 64 KB heap (tools/engine/build.ts), on the ES5 host in tools/engine/host/, through a two-hour run of a real trace
// and ten short runs. The same scenario with an empty app is the baseline the app's own share is measured against.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deviceJs } from "../fba";
import { loadTrace, TRACES_DIR } from "../trace-files";
import { TraceSample } from "../../common/dev/trace";
import { DEMO_RUN_LABEL, generateDemoRun } from "../../common/dev/demo-run";
import { runReplayCli } from "../replay";
import { buildEngine, EngineVariant, JERRY_FLAGS, STRESS_FLAG, STRESS_VARIANT, VARIANTS, whyNoEngine } from "./build";
import { parseEngineOutput, EngineOutput } from "./output";

const HOST_JS = join(__dirname, "host", "fitbit.js");
const DRIVER_JS = join(__dirname, "host", "driver.js");

/** A real run of more than two hours at about 1 Hz (7,723 s, 7,264 samples): no looping needed. */
export const ENGINE_TRACE = "run_strava-gpx-long_sportslib.csv";
export const LONG_RUN_S = 2 * 3600;
export const SHORT_RUNS = 10;
/** Long enough for a 12-minute checkpoint inside each short run. */
export const SHORT_RUN_S = 13 * 60;
export const MARK_EVERY_S = 600;
/**
 * The runner's settings as the phone sends them: the cap at its 90-minute maximum so the two-hour run lasts (past
 * the cap it pings every 5 minutes, and the watch ends a run only an hour past its cap). The ceiling, 155.45 bpm,
 * sits at about the 80th percentile of this trace's first two hours: some breaches, reminders and back-unders.
 */
export const ENGINE_SETTINGS = { age: 20, restingHr: 65, ceilingPercent: 67, capMinutes: 90 };
/** The same profile for npm run replay. */
export const REPLAY_ARGS = ["--age", ENGINE_SETTINGS.age, "--rest", ENGINE_SETTINGS.restingHr, "--ceiling-pct", ENGINE_SETTINGS.ceilingPercent, "--cap-min", ENGINE_SETTINGS.capMinutes].map(String);
/** Buzzes may differ in time by this much (the watch's 1-s timer reads a sample up to a second after it came). */
export const BUZZ_TOLERANCE_S = 1;
/** The ceiling ENGINE_SETTINGS give: 65 + 0.67 x (220 - 20 - 65). The generated demo run is scripted around it. */
export const ENGINE_CEILING = 155.45;
/** An engine process still running after this is stuck (the stress-tested one needs about a minute): killed, exit 124. */
const ENGINE_TIMEOUT_S = 600;
/** Monday 3 March 2025, 07:00 UTC: any fixed time will do, so runs compare. */
const START_MS = Date.UTC(2025, 2, 3, 7, 0, 0);

export interface BuzzComparison {
  engine: number;
  replay: number;
  /** Both lists are compared over the same window of the run: [0, windowS] s after its start. */
  windowS: number;
  match: boolean;
  maxDeltaS: number;
  mismatches: string[];
}

export interface VariantReport {
  variant: string;
  /** Whether the engine collected garbage before every allocation (then the peaks are peaks of live data). */
  stressTest: boolean;
  heapSizeBytes: number;
  buildSeconds: number;
  runSeconds: number;
  exitCode: number;
  outOfMemory: boolean;
  /** The driver finished, in both runs, and every tap found the app's handler. */
  completed: boolean;
  /** Taps on elements the app bound no onclick to (the driver taps start-btn, snooze-btn and end-btn). */
  unboundTaps: string[];
  uncaught: string[];
  logs: string[];
  /** The highest the heap got in the whole process, any phase. */
  peakBytes: number;
  /** Absolute heap peaks (the host, its data and the app together), bytes. */
  parsePeakBytes: number;
  loadPeakBytes: number;
  longRunPeakBytes: number;
  shortRunsPeakBytes: number;
  /** Live heap (after a full collection) at fixed points: after load, every 10 min of the long run, after each run. */
  live: { label: string; bytes: number; checkpointChars: number }[];
  /** The empty app's figures, same scenario: what the host itself takes. */
  baseline: { loadPeakBytes: number; liveAfterLoadBytes: number; runPeakBytes: number };
  /** The app's own share: the figures above minus the baseline's. */
  app: { parsePeakBytes: number; runPeakBytes: number; peakBytes: number; liveAfterLoadBytes: number };
  /** Live heap after short run 10 minus after short run 2. */
  growthBytes: number;
  /** Long run: live heap at its last 10-min mark minus its first, and the checkpoint's growth in characters. */
  longRunDriftBytes: number;
  checkpointGrowthChars: number;
  /** The long run's buzzes against npm run replay of the same trace and profile. */
  buzzes: BuzzComparison;
  /** Whether the snooze tap reached the app during the long run. */
  snoozed: boolean;
  /** Each short run's buzzes against npm run replay of its stretch of the trace. */
  shortRunBuzzes: BuzzComparison[];
  fs: { longRun: FsOps; all: FsOps };
  acked: { id: string; deleted: boolean }[];
}

export interface FsOps { writes: number; renames: number; unlinks: number; reads: number }

export interface EngineReport {
  engine: string;
  flags: string[];
  trace: string;
  settings: typeof ENGINE_SETTINGS;
  longRunS: number;
  /** When the driver tapped snooze, in seconds after the long run's start (quietSnoozeTime). */
  snoozeAtS: number;
  shortRuns: number;
  shortRunS: number;
  deviceJsBytes: number;
  variants: (VariantReport | { variant: string; skipped: string })[];
  /** How far the app is from the collector's next step (tools/engine/margin.ts), when the bench measured it. */
  margin?: EngineMargin[];
}

export interface EngineMargin {
  variant: string;
  /** The first count of extra top-level names that put the app's peak over its budget (null: none tried did). */
  firstOverExtraNames: number | null;
  /** Live heap after load per extra name. */
  bytesPerName: number;
}

export type EngineFigures = EngineReport | { skipped: string };

function paramsScript(snoozeAtS: number, shortRunOffsetsS: number[]): string {
  const settingsText = JSON.stringify({ v: 1, type: "settings", profile: ENGINE_SETTINGS });
  const p = { startMs: START_MS, settingsText, longRunS: LONG_RUN_S, snoozeAtS, shortRuns: SHORT_RUNS, shortRunS: SHORT_RUN_S, shortRunOffsetsS, markEveryS: MARK_EVERY_S };
  return `var __engineParams = ${JSON.stringify(p)};\n`;
}

/** The replay's buzzes (seconds after the trace's first sample, and pattern), from the replay CLI's --json. */
function replayBuzzes(csvPath: string): { t: number; type: string; pattern: string }[] {
  const r = runReplayCli([csvPath, ...REPLAY_ARGS, "--json"]);
  if (r.code !== 0) throw new Error(`npm run replay ${csvPath} failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { events: { t: number; type: string; pattern: string | null }[] };
  const t0 = loadTrace(csvPath).samples[0].t;
  return out.events.filter((e) => e.pattern !== null).map((e) => ({ t: e.t - t0, type: e.type, pattern: e.pattern as string }));
}

/**
 * The samples the scenario is fed: the real trace, or without the traces folder the generated demo run (35 min)
 * repeated end to end until it covers the long run, labelled as generated.
 */
export function scenarioSamples(): { label: string; samples: TraceSample[]; path: string | null } {
  const path = join(TRACES_DIR, ENGINE_TRACE);
  if (existsSync(path)) {
    const t = loadTrace(path);
    if (t.error) throw new Error(`${ENGINE_TRACE}: ${t.error}`);
    return { label: ENGINE_TRACE, samples: t.samples, path };
  }
  const demo = generateDemoRun(ENGINE_CEILING);
  const span = demo[demo.length - 1].t - demo[0].t + 1;
  const samples: TraceSample[] = [];
  for (let k = 0; samples.length === 0 || samples[samples.length - 1].t - samples[0].t < LONG_RUN_S + 60; k++) {
    for (const x of demo) samples.push({ t: x.t + k * span, bpm: x.bpm });
  }
  return { label: `the ${DEMO_RUN_LABEL}, repeated to ${LONG_RUN_S / 3600} h, as ${ENGINE_TRACE} is not in ${TRACES_DIR}`, samples, path: null };
}

/** Where in the trace each short run starts: successive stretches, wrapping round, so no two runs are alike. */
export function shortRunOffsets(samples: TraceSample[]): number[] {
  const span = samples[samples.length - 1].t - samples[0].t;
  return Array.from({ length: SHORT_RUNS }, (_, r) => (r * SHORT_RUN_S) % Math.max(1, Math.floor(span - SHORT_RUN_S)));
}

/** The snooze tap: the first time from 30 min on with no buzz in its 3 minutes, so it changes no buzz but its own. */
export function quietSnoozeTime(buzzes: { t: number; type: string }[], fromS = 1800, snoozeS = 180): number {
  for (let t = fromS; t < LONG_RUN_S - snoozeS; t += 10) {
    if (!buzzes.some((b) => b.t >= t - 2 && b.t <= t + snoozeS + 2)) return t;
  }
  throw new Error("no quiet stretch for the snooze in the long run");
}

export function compareBuzzes(engine: { t: number; pattern: string }[], replay: { t: number; pattern: string }[], windowS: number): BuzzComparison {
  const e = engine.filter((b) => b.t <= windowS);
  const r = replay.filter((b) => b.t <= windowS);
  const mismatches: string[] = [];
  let maxDeltaS = 0;
  for (let i = 0; i < Math.max(e.length, r.length); i++) {
    const a = e[i];
    const b = r[i];
    if (!a || !b) {
      mismatches.push(a ? `engine buzz ${a.pattern} at ${a.t} s has no replay buzz` : `replay buzz ${b.pattern} at ${b.t} s has no engine buzz`);
      continue;
    }
    const d = Math.abs(a.t - b.t);
    maxDeltaS = Math.max(maxDeltaS, d);
    if (a.pattern !== b.pattern || d > BUZZ_TOLERANCE_S) mismatches.push(`buzz ${i + 1}: engine ${a.pattern} at ${a.t} s, replay ${b.pattern} at ${b.t} s`);
  }
  return { engine: e.length, replay: r.length, windowS, match: mismatches.length === 0, maxDeltaS, mismatches };
}

interface Job { variant: EngineVariant; host: string; buildSeconds: number; app: string }

/** Runs every engine process at once (they are independent; two cores do them in about the time of one). */
function runAll(jobs: Job[], work: string, traceFile: string, paramsFile: string, emptyApp: string): Map<string, { out: string; code: number; seconds: number }> {
  const lines: string[] = [];
  const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
  const name = (j: Job, kind: string) => join(work, `${j.variant.name.replace(/\W+/g, "-")}-${kind}`);
  for (const j of jobs) {
    for (const [kind, app] of [["app", j.app], ["empty", emptyApp]]) {
      const f = name(j, kind);
      lines.push(`( s=$(date +%s.%N); timeout ${ENGINE_TIMEOUT_S} ${q(j.host)} --trace ${q(traceFile)} ${[paramsFile, HOST_JS, app, DRIVER_JS].map(q).join(" ")} > ${q(f + ".out")} 2>&1; ` +
        `echo $? $s $(date +%s.%N) > ${q(f + ".rc")} ) &`);
    }
  }
  lines.push("wait");
  execFileSync("sh", ["-c", lines.join("\n")], { stdio: "ignore" });
  const results = new Map<string, { out: string; code: number; seconds: number }>();
  for (const j of jobs) {
    for (const kind of ["app", "empty"]) {
      const f = name(j, kind);
      const [code, s, e] = readFileSync(f + ".rc", "utf8").trim().split(" ").map(Number);
      results.set(`${j.variant.name}-${kind}`, { out: readFileSync(f + ".out", "utf8"), code, seconds: e - s });
    }
  }
  return results;
}

type Buzz = { t: number; pattern: string };

/** The buzzes between a run's start tap and its confirming end tap, in seconds after the start. */
function buzzesOfRun(app: EngineOutput, run: number): { buzzes: Buzz[]; snoozeMs: number | null } {
  const starts = app.taps.filter((t) => t.id === "start-btn");
  const ends = app.taps.filter((t) => t.id === "end-btn");
  const start = starts[run]?.ms ?? NaN;
  const end = ends[2 * run + 1]?.ms ?? Infinity;
  const snooze = app.taps.find((t) => t.id === "snooze-btn" && t.ms >= start && t.ms <= end);
  const buzzes = app.buzzes.filter((b) => b.ms >= start && b.ms <= end)
    // The snooze's own confirmation buzz: the replay has no snooze tap (the driver snoozes where no other buzz falls).
    .filter((b) => !(snooze && b.ms === snooze.ms && b.pattern === "confirmation"))
    .map((b) => ({ t: (b.ms - start) / 1000, pattern: b.pattern }));
  return { buzzes, snoozeMs: snooze ? snooze.ms : null };
}

function variantReport(job: Job, app: EngineOutput, base: EngineOutput, seconds: number, replay: Buzz[], shortReplays: Buzz[][]): VariantReport {
  const liveOf = (o: EngineOutput, label: string) => o.marks.find((m) => m.label === label)?.bytes ?? NaN;
  const longMarks = app.marks.filter((m) => /^long-\d+s$/.test(m.label));
  const first = longMarks[0];
  const last = longMarks[longMarks.length - 1];
  const long = buzzesOfRun(app, 0);
  const shortRunBuzzes = shortReplays.map((r, i) => compareBuzzes(buzzesOfRun(app, i + 1).buzzes, r, SHORT_RUN_S - 2));
  const sub = (a: FsOps, b: FsOps): FsOps => ({ writes: a.writes - b.writes, renames: a.renames - b.renames, unlinks: a.unlinks - b.unlinks, reads: a.reads - b.reads });
  const zero = { writes: 0, renames: 0, unlinks: 0, reads: 0 };
  const fsLong = sub(app.fs.get("long-run") ?? zero, app.fs.get("before-long-run") ?? zero);
  const appParse = app.scripts.get("app.js");
  const beforeApp = app.scripts.get("fitbit.js");
  const baseApp = base.scripts.get("app.js");
  const parsePeak = appParse?.parsePeak ?? NaN;
  const loadPeak = Math.max(parsePeak, appParse?.runPeak ?? NaN);
  const baseLoadPeak = Math.max(baseApp?.parsePeak ?? NaN, baseApp?.runPeak ?? NaN);
  const runPeak = Math.max(app.phases.get("long-run-peak") ?? NaN, app.phases.get("short-runs-peak") ?? NaN);
  const baseRunPeak = Math.max(base.phases.get("long-run-peak") ?? NaN, base.phases.get("short-runs-peak") ?? NaN);
  const appParseShare = parsePeak - (beforeApp?.runAllocated ?? NaN);
  const appRunShare = runPeak - baseRunPeak;
  return {
    variant: job.variant.name,
    stressTest: job.variant.stress,
    heapSizeBytes: app.heapSize,
    buildSeconds: job.buildSeconds,
    runSeconds: Math.round(seconds * 10) / 10,
    exitCode: app.exitCode,
    outOfMemory: app.exitCode === 10,
    completed: app.done !== null && app.exitCode === 0 && base.done !== null && base.exitCode === 0 && app.taps.every((t) => t.bound),
    unboundTaps: [...new Set(app.taps.filter((t) => !t.bound).map((t) => t.id))],
    uncaught: [...app.uncaught, ...base.uncaught.map((u) => `(empty app) ${u}`)],
    logs: app.logs.slice(0, 20),
    peakBytes: Math.max(...[...app.scripts.values()].flatMap((x) => [x.parsePeak, x.runPeak]), ...app.phases.values()),
    parsePeakBytes: parsePeak,
    loadPeakBytes: loadPeak,
    longRunPeakBytes: app.phases.get("long-run-peak") ?? NaN,
    shortRunsPeakBytes: app.phases.get("short-runs-peak") ?? NaN,
    live: app.marks.map((m) => ({ label: m.label, bytes: m.bytes, checkpointChars: m.checkpointChars })),
    baseline: { loadPeakBytes: baseLoadPeak, liveAfterLoadBytes: liveOf(base, "after-load"), runPeakBytes: baseRunPeak },
    app: {
      parsePeakBytes: appParseShare,
      runPeakBytes: appRunShare,
      peakBytes: Math.max(appParseShare, appRunShare),
      liveAfterLoadBytes: liveOf(app, "after-load") - liveOf(base, "after-load"),
    },
    growthBytes: liveOf(app, `after-run-${SHORT_RUNS}`) - liveOf(app, "after-run-2"),
    longRunDriftBytes: first && last ? last.bytes - first.bytes : NaN,
    checkpointGrowthChars: first && last ? last.checkpointChars - first.checkpointChars : NaN,
    buzzes: compareBuzzes(long.buzzes, replay, LONG_RUN_S - 2),
    snoozed: long.snoozeMs !== null,
    shortRunBuzzes,
    fs: { longRun: fsLong, all: app.fs.get("all") ?? zero },
    acked: app.acked,
  };
}

/** The device JavaScript with `count` extra top-level names (a few dozen bytes of heap each), after its directive:
 * how tools/engine/margin.ts finds how far the app is from the collector's next step. */
export function withExtraNames(js: string, count: number): string {
  const names = Array.from({ length: count }, (_, i) => `var __margin${i}=${i}\n`).join("");
  const directive = /^("use strict"|'use strict');?\n/.exec(js);
  return directive ? directive[0] + names + js.slice(directive[0].length) : names + js;
}

export interface EngineOptions {
  stress?: boolean;
  /** Extra top-level names to prepend (withExtraNames); 0 or absent: the app as built. */
  extraNames?: number;
}

/**
 * Build (cached) and run the engine on every variant this machine can build; a missing prerequisite is a skip.
 * ENGINE_JS=path runs that file instead of build/app.fba's device JavaScript (a hand-edited bundle, to measure an
 * idea before writing it); KEEP_ENGINE_WORK=1 keeps the engines' raw output (its folder is logged).
 */
export function engineFigures(log: (s: string) => void = () => {}, opts: EngineOptions = {}): EngineFigures {
  const why = whyNoEngine();
  if (why) return { skipped: why };
  let js: string;
  const file = process.env.ENGINE_JS;
  try { js = file ? readFileSync(file, "utf8") : deviceJs("atlas"); } catch (e) { return { skipped: (e as Error).message }; }
  if (file) log(`note: running ${file} (ENGINE_JS), not build/app.fba`);
  else if (deviceJs("vulcan") !== js) log("note: vulcan's device JavaScript differs from atlas's; the engine runs atlas's");
  if (opts.extraNames) js = withExtraNames(js, opts.extraNames);
  const source = scenarioSamples();
  const work = mkdtempSync(join(tmpdir(), "rg-engine-"));
  try {
    return runScenario(source, js, work, opts, log);
  } finally {
    if (process.env.KEEP_ENGINE_WORK) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

function runScenario(source: ReturnType<typeof scenarioSamples>, js: string, work: string, opts: EngineOptions, log: (s: string) => void): EngineReport {
  const samples = source.samples;
  const csv = (rows: TraceSample[]) => `t,hr\n${rows.map((x) => `${x.t},${x.bpm}`).join("\n")}\n`;
  mkdirSync(join(work, "segments"), { recursive: true });
  let tracePath = source.path;
  if (tracePath === null) {
    tracePath = join(work, "scenario.csv");
    writeFileSync(tracePath, csv(samples));
  }
  const offsets = shortRunOffsets(samples);
  const replay = replayBuzzes(tracePath);
  const snoozeAtS = quietSnoozeTime(replay);
  // Each short run's stretch of the trace as a CSV of its own, for the replay CLI.
  const shortReplays = offsets.map((off, r) => {
    const t0 = samples[0].t + off;
    const file = join(work, "segments", `short-${r + 1}.csv`);
    writeFileSync(file, csv(samples.filter((x) => x.t >= t0 && x.t < t0 + SHORT_RUN_S + 5)));
    return replayBuzzes(file);
  });
  const traceFile = join(work, "trace.txt");
  writeFileSync(traceFile, samples.map((x) => `${x.t} ${x.bpm}`).join("\n") + "\n");
  const paramsFile = join(work, "params.js");
  writeFileSync(paramsFile, paramsScript(snoozeAtS, offsets));
  const appFile = join(work, "app.js");
  writeFileSync(appFile, js);
  const emptyApp = join(work, "empty", "app.js");
  mkdirSync(join(work, "empty"), { recursive: true });
  writeFileSync(emptyApp, "// the empty app: the baseline the app's share is measured against\n");

  const variants: EngineReport["variants"] = [];
  const jobs: Job[] = [];
  for (const v of opts.stress ? [...VARIANTS, STRESS_VARIANT] : VARIANTS) {
    const whyNot = whyNoEngine(v);
    if (whyNot) { variants.push({ variant: v.name, skipped: whyNot }); continue; }
    const built = buildEngine(v, log);
    jobs.push({ variant: v, host: built.host, buildSeconds: built.buildSeconds, app: appFile });
  }
  log(`running ${jobs.map((j) => j.variant.name).join(" and ")} engine(s): a ${LONG_RUN_S / 3600}-h run and ${SHORT_RUNS} runs of ${SHORT_RUN_S / 60} min on ${ENGINE_TRACE}`);
  const results = runAll(jobs, work, traceFile, paramsFile, emptyApp);
  for (const j of jobs) {
    const a = results.get(`${j.variant.name}-app`)!;
    const b = results.get(`${j.variant.name}-empty`)!;
    variants.push(variantReport(j, parseEngineOutput(a.out, a.code), parseEngineOutput(b.out, b.code), a.seconds, replay, shortReplays));
  }
  return {
    engine: "JerryScript 2.4.0", flags: opts.stress ? [...JERRY_FLAGS, `(and ${STRESS_FLAG} for the stress-test variant)`] : JERRY_FLAGS, trace: source.label, settings: ENGINE_SETTINGS,
    longRunS: LONG_RUN_S, snoozeAtS, shortRuns: SHORT_RUNS, shortRunS: SHORT_RUN_S, deviceJsBytes: Buffer.byteLength(js, "utf8"),
    variants,
  };
}
