// The watch's costs on a simulated run: the real app (app/index.ts) bundled with esbuild onto the sim's device
// stand-ins (sim/, the same module list as vitest's aliases), run outside vitest in a node:vm context whose timers
// and Date are the sim world's clock. A real trace's first 30 minutes is fed as the sensor would report it
// (sensorSeconds, the rule of common/dev/trace.ts) with the display on throughout (the most the face ever draws);
// the world counts DOM and file-system writes.
import { buildSync } from "esbuild";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import vm from "node:vm";
import { readTo, traceCursor, TraceSample } from "../common/dev/trace";
import { existsSync } from "node:fs";
import { DEMO_RUN_LABEL, generateDemoRun } from "../common/dev/demo-run";
import { loadTrace, TRACES_DIR } from "./trace-files";
import { standIns } from "../sim/modules";
import { payloadText } from "../sim/payload";
import { newCounters, type World, type WorldOptions } from "../sim/world";

const ROOT = resolve(__dirname, "..");

export const DEVICE_RUN_TRACE = "run_garmin-fenix2_fitparse.csv";
export const DEVICE_RUN_MINUTES = 30;
/** Stands for the generated demo run (common/dev/demo-run.ts) where a trace name is expected. */
export const GENERATED_RUN = "generated:demo";
/** The ceiling the generated demo run is scripted around (its 35 minutes go over it once, on a hill). */
export const GENERATED_RUN_CEILING = 150;

/** The real trace when the traces folder has it, else the generated demo run (labelled as such in the output). */
export function defaultDeviceRunTrace(): string {
  return existsSync(join(TRACES_DIR, DEVICE_RUN_TRACE)) ? DEVICE_RUN_TRACE : GENERATED_RUN;
}

export interface DeviceRunCosts {
  /** The trace's file name, or DEMO_RUN_LABEL for the generated demo run. */
  trace: string;
  /** True when no real trace was at hand and the generated demo run stood in. */
  generated?: boolean;
  minutes: number;
  /** The runner's ceiling for the simulated run, as the caller chose it from the run's samples. */
  ceilingBpm: number;
  domWrites: number;
  domWritesPerMinute: number;
  /** File-system writes (flash operations: writes, renames, deletes) from the start tap to the end of the run, the summary included. */
  fsWrites: number;
  fsWritesPerHour: number;
  /** The completed run's summary file, as the app wrote it, and its size. */
  summary: string;
  summaryBytes: number;
  buzzes: number;
}

/** The app on the sim's device stand-ins (sim/modules.ts, the same list as vitest's aliases), as one CommonJS
 * bundle: newWorld() makes the world the stand-ins use, launch() starts the face. */
function bundleApp(): string {
  const alias: Record<string, string> = {};
  for (const [m, file] of Object.entries(standIns("device"))) alias[m] = join(ROOT, file);
  const result = buildSync({
    stdin: {
      contents: `export { newWorld } from "./sim/world";\nexport function launch() { require("./app/index"); }\n`,
      resolveDir: ROOT, loader: "ts",
    },
    bundle: true, write: false, format: "cjs", platform: "node", target: "es2020", logLevel: "silent", alias,
  });
  return result.outputFiles[0].text;
}

/**
 * What the watch's heart-rate sensor reports in each second of the trace's first `minutes`: at second i (i s after
 * the first sample) the samples recorded since second i - 1 (common/dev/trace.ts, the rule the replay and the page
 * use), each once; [] where the trace has no sample.
 */
export function sensorSeconds(samples: TraceSample[], minutes: number): TraceSample[][] {
  const cursor = traceCursor(samples);
  const t0 = samples[0].t;
  const out: TraceSample[][] = [];
  for (let i = 0; i < minutes * 60; i++) out.push(readTo(cursor, t0 + i));
  return out;
}

/** Replays the first `minutes` of a trace on the watch app; `chooseCeiling` sets the runner's ceiling from those samples. */
export function measureDeviceRun(chooseCeiling: (samples: TraceSample[]) => number, traceName = defaultDeviceRunTrace(), minutes = DEVICE_RUN_MINUTES): DeviceRunCosts {
  const generated = traceName === GENERATED_RUN;
  const trace = generated ? { samples: generateDemoRun(GENERATED_RUN_CEILING), error: null } : loadTrace(traceName);
  if (trace.error) throw new Error(`${traceName}: ${trace.error}`);
  const seconds = sensorSeconds(trace.samples, minutes);
  const ceiling = chooseCeiling(trace.samples.filter((s) => s.t - trace.samples[0].t < minutes * 60));

  // A context of its own, so the app's module-level state and the world's globals stay out of this process.
  const mod = { exports: {} as { newWorld: (o: WorldOptions) => World; launch: () => void } };
  const quiet = { log() {}, warn() {}, error() {}, info() {}, debug() {} };
  const context = vm.createContext({ module: mod, exports: mod.exports, require, console: quiet, URL, TextDecoder, TextEncoder, queueMicrotask, structuredClone, btoa, atob });
  vm.runInContext(bundleApp(), context, { filename: "app-on-sim.js" });
  const world = mod.exports.newWorld({ now: new Date(2025, 2, 3, 7, 0, 0).getTime(), viewXml: readFileSync(join(ROOT, "resources/index.view"), "utf-8") });
  Object.assign(context, world.clock.globals("watch"));
  // The runner's settings, as the phone would have written them: resting 60 and a measured max HR (kept inside
  // the settings' 100-230 range, with the % of reserve making up the rest) that put the ceiling there.
  const measuredMaxHr = Math.min(230, Math.max(100, Math.round(60 + (ceiling - 60) / 0.65)));
  const settings = { restingHr: 60, maxHrMethod: "measured", measuredMaxHr, ceilingPercent: (100 * (ceiling - 60)) / (measuredMaxHr - 60), capMinutes: 90 };
  const file = (name: string): string | null => {
    const raw = world.store.get("watch-fs/" + name);
    return raw === null ? null : payloadText(JSON.parse(raw).payload);
  };
  world.store.set("watch-fs/settings.json", JSON.stringify({ payload: { text: JSON.stringify(settings) }, mtime: world.clock.now() }));
  world.beginLaunch("watch");
  mod.exports.launch();
  world.clock.advance(2000);

  const tap = (id: string): void => {
    const e = world.watch.elements[id];
    if (!e) throw new Error(`index.view has no #${id}`);
    if (!e.tap()) throw new Error(`#${id} cannot be tapped now`);
  };
  world.counters = newCounters();
  tap("start-btn");
  const checkpoint = file("run.json");
  const runCeiling = checkpoint ? JSON.parse(checkpoint).guard.ceiling : NaN;
  if (!(Math.abs(runCeiling - ceiling) < 0.01)) throw new Error(`the simulated run did not start with ceiling ${ceiling} (got ${runCeiling}): settings rejected?`);
  world.counters.domWrites = 0;
  world.counters.buzzes = [];
  for (const readings of seconds) {
    for (const r of readings) world.pushHeartRate(r.bpm > 0 ? r.bpm : null);
    world.clock.advance(1000);
  }
  const domWrites = world.counters.domWrites;
  tap("end-btn");
  tap("end-btn");
  const summaries = world.store.keys("watch-fs/").filter((n) => /^run-.*\.txt$/.test(n));
  if (summaries.length !== 1) throw new Error(`expected one run summary file after the run, found ${summaries.length}`);
  const summary = file(summaries[0]) as string;
  const fsWrites = world.counters.fs.writes;
  return {
    trace: generated ? DEMO_RUN_LABEL : traceName,
    generated,
    minutes,
    ceilingBpm: Math.round(ceiling * 10) / 10,
    domWrites,
    domWritesPerMinute: domWrites / minutes,
    fsWrites,
    fsWritesPerHour: fsWrites / (minutes / 60),
    summary,
    summaryBytes: Buffer.byteLength(summary, "utf8"),
    buzzes: world.counters.buzzes.length,
  };
}

