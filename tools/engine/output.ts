// Reads what one engine process printed: the C host's "@@parse/@@run/@@uncaught/@@heap-size" lines and the
// ES5 host's and driver's "@@..." lines (tools/engine/host.c, host/fitbit.js, host/driver.js).

export interface ScriptStats { parsePeak: number; parseAllocated: number; runPeak: number; runAllocated: number }

export interface EngineOutput {
  exitCode: number;
  heapSize: number;
  scripts: Map<string, ScriptStats>;
  marks: { label: string; bytes: number; peak: number; checkpointChars: number }[];
  phases: Map<string, number>;
  taps: { id: string; ms: number; bound: boolean }[];
  buzzes: { ms: number; pattern: string }[];
  acked: { id: string; deleted: boolean }[];
  fs: Map<string, { writes: number; renames: number; unlinks: number; reads: number }>;
  uncaught: string[];
  logs: string[];
  /** The driver's last line: buzzes, uncaught errors and log lines counted by the host; null if it never got there. */
  done: { buzzes: number; uncaught: number; logs: number } | null;
  /** Lines that are none of the above (the engine's own messages, e.g. on a fatal error). */
  other: string[];
}

export function parseEngineOutput(text: string, exitCode: number): EngineOutput {
  const o: EngineOutput = {
    exitCode, heapSize: NaN, scripts: new Map(), marks: [], phases: new Map(), taps: [], buzzes: [], acked: [],
    fs: new Map(), uncaught: [], logs: [], done: null, other: [],
  };
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const f = line.split(" ");
    const n = (i: number) => Number(f[i]);
    switch (f[0]) {
      case "@@heap-size": o.heapSize = n(1); break;
      case "@@parse": {
        o.scripts.set(f[1], { parsePeak: n(2), parseAllocated: n(3), runPeak: NaN, runAllocated: NaN });
        break;
      }
      case "@@run": {
        const s = o.scripts.get(f[1]);
        if (s) { s.runPeak = n(2); s.runAllocated = n(3); }
        break;
      }
      case "@@heap": o.marks.push({ label: f[1], bytes: n(2), peak: n(3), checkpointChars: n(4) }); break;
      case "@@phase": o.phases.set(f[1], n(2)); break;
      case "@@tap": o.taps.push({ id: f[1], ms: n(2), bound: f[3] === "bound" }); break;
      case "@@buzz": o.buzzes.push({ ms: n(1), pattern: f[2] }); break;
      case "@@acked": if (f[1] !== "none") o.acked.push({ id: f[1], deleted: f[2] === "deleted" }); break;
      case "@@fs": o.fs.set(f[1], { writes: n(2), renames: n(3), unlinks: n(4), reads: n(5) }); break;
      case "@@uncaught": o.uncaught.push(f.slice(1).join(" ")); break;
      case "@@log": o.logs.push(f.slice(1).join(" ")); break;
      case "@@done": o.done = { buzzes: n(1), uncaught: n(2), logs: n(3) }; break;
      default: o.other.push(line);
    }
  }
  if (exitCode !== 0 && o.uncaught.length === 0) {
    o.uncaught.push(exitCode === 10 ? "the engine ran out of heap (ERR_OUT_OF_MEMORY)" : exitCode === 124 ? "the engine did not finish in time (killed)" : `the engine exited with code ${exitCode}${o.other.length ? ": " + o.other.slice(-3).join(" / ") : ""}`);
  }
  return o;
}
