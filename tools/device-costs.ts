// The watch's costs on a simulated run: the real app (app/index.ts) bundled with esbuild onto the test fakes
// (tests/fakes/device/, the same aliases as vitest.config.ts), run outside vitest in a node:vm context whose
// timers and Date are a fake clock driven here. A real trace's first 30 minutes is fed as the sensor would report
// it (sensorSeconds, the rule of common/trace.ts) with the display on throughout (the most the face ever draws);
// the fakes count DOM and file-system writes.
import { buildSync } from "esbuild";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import { readTo, traceCursor, TraceSample } from "../common/trace";
import { existsSync } from "node:fs";
import { DEMO_RUN_LABEL, generateDemoRun } from "../common/demo-run";
import { loadTrace, TRACES_DIR } from "./trace-files";

const ROOT = resolve(__dirname, "..");
const FAKES = join(ROOT, "tests", "fakes", "device");
/** The Fitbit device modules the app may import, as in vitest.config.ts. */
const DEVICE_MODULES = ["document", "heart-rate", "haptics", "body-presence", "user-profile", "fs", "clock", "display", "appbit", "file-transfer", "messaging"];

export const DEVICE_RUN_TRACE = "run_garmin-fenix2_fitparse.csv";
export const DEVICE_RUN_MINUTES = 30;
/** Stands for the generated demo run (common/demo-run.ts) where a trace name is expected. */
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

/** setTimeout/setInterval/Date on a clock that moves only when advance() is called. */
class FakeClock {
  now: number;
  private timers = new Map<number, { at: number; every: number | null; fn: (...a: unknown[]) => void; args: unknown[] }>();
  private nextId = 1;
  constructor(startMs: number) { this.now = startMs; }

  globals() {
    const clock = this;
    const RealDate = Date;
    class ClockDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(clock.now);
        else super(...(args as [number]));
      }
      static now(): number { return clock.now; }
    }
    const add = (every: number | null) => (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      const id = clock.nextId++;
      const delay = Math.max(every === null ? 0 : 1, Number(ms) || 0);
      clock.timers.set(id, { at: clock.now + delay, every: every === null ? null : delay, fn, args });
      return id;
    };
    const clear = (id: number) => { clock.timers.delete(id); };
    return { Date: ClockDate, setTimeout: add(null), setInterval: add(1), clearTimeout: clear, clearInterval: clear };
  }

  /** Let ms pass, running every timer due on the way in time order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      let nextId = -1;
      let nextAt = Infinity;
      for (const [id, t] of this.timers) if (t.at <= end && t.at < nextAt) { nextAt = t.at; nextId = id; }
      if (nextId < 0) break;
      const t = this.timers.get(nextId)!;
      this.now = t.at;
      if (t.every === null) this.timers.delete(nextId);
      else t.at += t.every;
      t.fn(...t.args);
    }
    this.now = end;
  }
}

/** The app plus the fakes' state, as one CommonJS bundle: launch() starts the face. */
function bundleApp(): string {
  const alias: Record<string, string> = {};
  for (const m of DEVICE_MODULES) alias[m] = join(FAKES, `${m}.ts`);
  const result = buildSync({
    stdin: {
      contents: `export { device } from "./tests/fakes/device/state";\nexport function launch() { require("./app/index"); }\n`,
      resolveDir: ROOT, loader: "ts",
    },
    bundle: true, write: false, format: "cjs", platform: "node", target: "es2020", logLevel: "silent", alias,
    // The document fake finds resources/index.view from its own URL.
    define: { "import.meta.url": JSON.stringify(pathToFileURL(join(FAKES, "document.ts")).href) },
  });
  return result.outputFiles[0].text;
}

interface FakeElementLike {
  getBBox(): { x: number; y: number; width: number; height: number };
  dispatchFake(type: string, event: unknown): void;
}

function tap(el: FakeElementLike): void {
  const box = el.getBBox();
  for (const type of ["mousedown", "mouseup", "click"]) {
    el.dispatchFake(type, { type, target: el, screenX: box.x + box.width / 2, screenY: box.y + box.height / 2 });
  }
}

/**
 * What the watch's heart-rate sensor reports in each second of the trace's first `minutes`: at second i (i s after
 * the first sample) the samples recorded since second i - 1 (common/trace.ts, the rule the replay and the page
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

  const clock = new FakeClock(new Date(2025, 2, 3, 7, 0, 0).getTime());
  const mod = { exports: {} as { device: () => any; launch: () => void } };
  const quiet = { log() {}, warn() {}, error() {}, info() {}, debug() {} };
  const context = vm.createContext({
    ...clock.globals(), module: mod, exports: mod.exports, require, console: quiet,
    URL, TextDecoder, TextEncoder, queueMicrotask, structuredClone,
  });
  vm.runInContext(bundleApp(), context, { filename: "app-on-fakes.js" });
  const d = mod.exports.device();
  // The runner's settings, as the phone would have written them: resting 60 and a measured max HR (kept inside
  // the settings' 100-230 range, with the % of reserve making up the rest) that put the ceiling there.
  const measuredMaxHr = Math.min(230, Math.max(100, Math.round(60 + (ceiling - 60) / 0.65)));
  const settings = { restingHr: 60, maxHrMethod: "measured", measuredMaxHr, ceilingPercent: (100 * (ceiling - 60)) / (measuredMaxHr - 60), capMinutes: 90 };
  d.fs.files["settings.json"] = { text: JSON.stringify(settings), bytes: null, mtime: clock.now };
  mod.exports.launch();
  clock.advance(2000);

  const el = (id: string) => {
    const e = d.launch.byId[id];
    if (!e) throw new Error(`index.view has no #${id}`);
    return e;
  };
  d.fs.writes = 0;
  tap(el("start-btn"));
  const checkpoint = d.fs.files["run.json"];
  const runCeiling = checkpoint ? JSON.parse(checkpoint.text).guard.ceiling : NaN;
  if (!(Math.abs(runCeiling - ceiling) < 0.01)) throw new Error(`the simulated run did not start with ceiling ${ceiling} (got ${runCeiling}): settings rejected?`);
  d.domWrites = 0;
  d.vibrations = [];
  for (const readings of seconds) {
    for (const r of readings) for (const s of d.launch.hrSensors) s.deliver(r.bpm > 0 ? r.bpm : null);
    clock.advance(1000);
  }
  const domWrites = d.domWrites;
  tap(el("end-btn"));
  tap(el("end-btn"));
  const summaries = Object.keys(d.fs.files).filter((n) => /^run-.*\.txt$/.test(n));
  if (summaries.length !== 1) throw new Error(`expected one run summary file after the run, found ${summaries.length}`);
  const file = d.fs.files[summaries[0]];
  const summary: string = file.text ?? new TextDecoder().decode(file.bytes);
  return {
    trace: generated ? DEMO_RUN_LABEL : traceName,
    generated,
    minutes,
    ceilingBpm: Math.round(ceiling * 10) / 10,
    domWrites,
    domWritesPerMinute: domWrites / minutes,
    fsWrites: d.fs.writes,
    fsWritesPerHour: d.fs.writes / (minutes / 60),
    summary,
    summaryBytes: Buffer.byteLength(summary, "utf8"),
    buzzes: d.vibrations.length,
  };
}

