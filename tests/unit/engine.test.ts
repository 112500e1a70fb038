// The engine check (tools/engine/): the parts that are cheap to test on their own (reading the engine's output,
// comparing buzzes, choosing the snooze, judging the budgets), the C host's natives and error reporting on tiny
// scripts, and, where the engine can be built here, the whole scenario: its buzzes equal npm run replay's.
// Nothing here times anything: the budgets are judged by npm run bench:check from the bench's JSON.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseEngineOutput } from "../../tools/engine/output";
import { compareBuzzes, engineFigures, quietSnoozeTime, VariantReport, EngineReport, withExtraNames } from "../../tools/engine/run";
import { engineChecks, ENGINE_BUDGETS } from "../../tools/engine/budgets";
import { marginText } from "../../tools/engine/margin";
import { buildEngine, whyNoEngine } from "../../tools/engine/build";
import { formatEngine } from "../../tools/engine/main";
import { engineFiguresBlock, engineFiguresMarkdown, README_END, README_START, withEngineFigures } from "../../tools/engine/readme";
import { existsSync } from "node:fs";
import type { BenchReport } from "../../tools/bench";
import { ENGINE_TRACE } from "../../tools/engine/run";
import { DEVICE_MODULES } from "../../sim/modules";
import { deviceJs } from "../../tools/fba";

const HOST_JS = resolve(__dirname, "../../tools/engine/host/fitbit.js");
const NO_ENGINE = whyNoEngine();

describe("reading the engine's output", () => {
  it("takes the C host's and the ES5 host's lines apart", () => {
    const o = parseEngineOutput([
      "@@heap-size 65528",
      "@@parse app.js 43000 36000", "@@run app.js 42000 41000",
      "@@heap after-load 40408 40968 0", "@@heap long-600s 42056 45048 1032",
      "@@phase long-run-peak 45056",
      "@@tap start-btn 1000 bound", "@@buzz 61000 nudge-max",
      "@@acked abc-1234 deleted", "@@fs all 1 2 3 4",
      "@@log warn Settings rejected: age out-of-range",
      "@@done 1 0 1", "something the engine said",
    ].join("\n"), 0);
    expect(o.heapSize).toBe(65528);
    expect(o.scripts.get("app.js")).toEqual({ parsePeak: 43000, parseAllocated: 36000, runPeak: 42000, runAllocated: 41000 });
    expect(o.marks[1]).toEqual({ label: "long-600s", bytes: 42056, peak: 45048, checkpointChars: 1032 });
    expect(o.phases.get("long-run-peak")).toBe(45056);
    expect(o.taps).toEqual([{ id: "start-btn", ms: 1000, bound: true }]);
    expect(o.buzzes).toEqual([{ ms: 61000, pattern: "nudge-max" }]);
    expect(o.acked).toEqual([{ id: "abc-1234", deleted: true }]);
    expect(o.fs.get("all")).toEqual({ writes: 1, renames: 2, unlinks: 3, reads: 4 });
    expect(o.logs).toEqual(["warn Settings rejected: age out-of-range"]);
    expect(o.done).toEqual({ buzzes: 1, uncaught: 0, logs: 1 });
    expect(o.other).toEqual(["something the engine said"]);
    expect(o.uncaught).toEqual([]);
  });

  it("names an exhausted heap and any other failed exit as uncaught", () => {
    expect(parseEngineOutput("@@heap-size 65528\n", 10).uncaught).toEqual(["the engine ran out of heap (ERR_OUT_OF_MEMORY)"]);
    expect(parseEngineOutput("boom\n", 134).uncaught[0]).toMatch(/exited with code 134: boom/);
    expect(parseEngineOutput("@@uncaught app.js TypeError: x is not a function\n", 1).uncaught).toEqual(["app.js TypeError: x is not a function"]);
  });
});

describe("buzzes against the replay", () => {
  const replay = [{ t: 60, pattern: "nudge-max" }, { t: 120, pattern: "alert" }];
  it("match when each pattern comes within a second of the replay's", () => {
    const c = compareBuzzes([{ t: 61, pattern: "nudge-max" }, { t: 120, pattern: "alert" }], replay, 1000);
    expect(c).toMatchObject({ engine: 2, replay: 2, match: true, maxDeltaS: 1, mismatches: [] });
  });
  it("do not match two seconds late, with another pattern, or with one missing", () => {
    expect(compareBuzzes([{ t: 62, pattern: "nudge-max" }, { t: 120, pattern: "alert" }], replay, 1000).match).toBe(false);
    expect(compareBuzzes([{ t: 60, pattern: "nudge" }, { t: 120, pattern: "alert" }], replay, 1000).match).toBe(false);
    const missing = compareBuzzes([{ t: 60, pattern: "nudge-max" }], replay, 1000);
    expect(missing.match).toBe(false);
    expect(missing.mismatches).toEqual(["replay buzz alert at 120 s has no engine buzz"]);
  });
  it("are compared over the same window on both sides", () => {
    expect(compareBuzzes([{ t: 60, pattern: "nudge-max" }], replay, 100).match).toBe(true);
  });
  it("the snooze goes where no buzz falls within its three minutes", () => {
    expect(quietSnoozeTime([{ t: 1850, type: "breach" }])).toBe(1860);
    expect(quietSnoozeTime([{ t: 1900, type: "breach" }, { t: 2000, type: "breach-reminder" }])).toBe(2010);
    expect(quietSnoozeTime([])).toBe(1800);
  });
});

function variant(over: Partial<VariantReport> = {}): VariantReport {
  const ok = { engine: 3, replay: 3, windowS: 100, match: true, maxDeltaS: 1, mismatches: [] };
  return {
    variant: "64-bit", stressTest: false, heapSizeBytes: 65528, buildSeconds: 0, runSeconds: 1, exitCode: 0, outOfMemory: false,
    completed: true, unboundTaps: [], uncaught: [], logs: [], peakBytes: 45000, parsePeakBytes: 44000, loadPeakBytes: 44000, longRunPeakBytes: 45000,
    shortRunsPeakBytes: 45000, live: [], baseline: { loadPeakBytes: 10000, liveAfterLoadBytes: 12000, runPeakBytes: 12000 },
    app: { parsePeakBytes: 33000, runPeakBytes: 32000, peakBytes: 33000, liveAfterLoadBytes: 28000 },
    growthBytes: 0, longRunDriftBytes: 8, checkpointGrowthChars: 50, buzzes: ok, snoozed: true,
    shortRunBuzzes: [ok, ok], fs: { longRun: { writes: 1, renames: 1, unlinks: 1, reads: 1 }, all: { writes: 1, renames: 1, unlinks: 1, reads: 1 } },
    acked: [{ id: "a", deleted: true }, { id: "b", deleted: true }, { id: "c", deleted: true }],
    ...over,
  };
}

function figures(...variants: EngineReport["variants"]): EngineReport {
  return {
    engine: "JerryScript 2.4.0", flags: [], trace: "t.csv", settings: { age: 20, restingHr: 65, ceilingPercent: 67, capMinutes: 90 },
    longRunS: 7200, snoozeAtS: 1800, shortRuns: 2, shortRunS: 780, deviceJsBytes: 23550, variants,
  };
}

describe("the engine's budgets", () => {
  const missed = (f: EngineReport) => engineChecks(f, false).filter((c) => !c.ok).map((c) => c.budget);

  it("passes a run within every budget, at the limits included", () => {
    expect(missed(figures(variant()))).toEqual([]);
    expect(missed(figures(variant({ app: { parsePeakBytes: ENGINE_BUDGETS.appPeakBytes, runPeakBytes: 0, peakBytes: ENGINE_BUDGETS.appPeakBytes, liveAfterLoadBytes: 0 } })))).toEqual([]);
    expect(missed(figures(variant({ longRunDriftBytes: 50 + ENGINE_BUDGETS.flatSlackBytes })))).toEqual([]);
  });

  it("names each missed budget", () => {
    expect(missed(figures(variant({ completed: false, outOfMemory: true, uncaught: ["the engine ran out of heap"] })))).toEqual([
      "engine 64-bit: 2-h run and 2 runs in the heap", "engine 64-bit: uncaught errors",
    ]);
    expect(missed(figures(variant({ app: { parsePeakBytes: 41000, runPeakBytes: 30000, peakBytes: 41000, liveAfterLoadBytes: 0 } })))).toEqual(["engine 64-bit: app's own peak"]);
    expect(missed(figures(variant({ growthBytes: 8 })))).toEqual(["engine 64-bit: heap growth over ten runs"]);
    expect(missed(figures(variant({ heapSizeBytes: 131064 })))).toEqual(["engine 64-bit: 2-h run and 2 runs in the heap"]);
    const unbound = engineChecks(figures(variant({ completed: false, unboundTaps: ["snooze-btn"] })), false).filter((c) => !c.ok);
    expect(unbound.map((c) => c.detail)).toEqual(["the app bound no onclick to snooze-btn"]);
    expect(missed(figures(variant({ longRunDriftBytes: 51 + ENGINE_BUDGETS.flatSlackBytes })))).toEqual(["engine 64-bit: flat across the long run"]);
    const late = { engine: 1, replay: 1, windowS: 100, match: false, maxDeltaS: 3, mismatches: ["buzz 1: engine alert at 63 s, replay alert at 60 s"] };
    expect(missed(figures(variant({ shortRunBuzzes: [late, late] })))).toEqual(["engine 64-bit: buzzes = npm run replay"]);
    expect(missed(figures(variant({ acked: [] })))).toEqual(["engine 64-bit: phone acknowledgements"]);
  });

  it("an engine that cannot be built here is SKIPPED, said so, and not a miss", () => {
    const checks = engineChecks({ skipped: "cmake is not installed" }, false);
    expect(checks).toEqual([{ budget: "engine check", ok: true, skipped: true, detail: "cmake is not installed" }]);
    expect(formatEngine({ skipped: "cmake is not installed" })).toBe("engine check SKIPPED: cmake is not installed\n");
    expect(engineChecks(figures(variant(), { variant: "32-bit", skipped: "gcc cannot build 32-bit programs here" }), false).filter((c) => c.skipped).map((c) => c.budget)).toEqual(["engine 32-bit"]);
  });

  it("in CI (RECOVERY_GUARD_REQUIRE_ENGINE=1, set by .ci/run after installing the tools) a skip is a miss", () => {
    const [check] = engineChecks({ skipped: "cmake is not installed" }, true);
    expect(check.ok).toBe(false);
    expect(check.detail).toContain("cmake is not installed");
  });
});

const BENCH_JSON = resolve(__dirname, "../../build/bench.json");
const benchEngine = existsSync(BENCH_JSON) ? (JSON.parse(readFileSync(BENCH_JSON, "utf8")) as BenchReport).engine : undefined;
// Comparable only when the bench ran every engine on the real trace (a machine without gcc-multilib has no 32-bit one).
const engineUsable = benchEngine !== undefined && !("skipped" in benchEngine) && benchEngine.trace === ENGINE_TRACE &&
  benchEngine.variants.every((v) => !("skipped" in v));

describe("the engine's margin", () => {
  it("says how many extra top-level names put the app over its budget, and what that is in live heap", () => {
    expect(marginText({ variant: "64-bit", firstOverExtraNames: 4, bytesPerName: 36 })).toBe("over with 4 extra top-level names (about 144 B more live heap)");
    expect(marginText({ variant: "64-bit", firstOverExtraNames: 0, bytesPerName: NaN })).toBe("over the 40960-byte budget as built");
    expect(marginText({ variant: "32-bit", firstOverExtraNames: null, bytesPerName: 36 })).toMatch(/^within budget with up to 32 extra names$/);
  });
});

describe("the README's engine figures", () => {
  it.skipIf(!engineUsable)("are the ones the bench measured (run npm run readme:figures after changing the app)", () => {
    expect(engineFiguresBlock(readFileSync(resolve(__dirname, "../../README.md"), "utf8"))).toBe(engineFiguresMarkdown(benchEngine!));
  });

  it("replace only the block between the markers, from the report", () => {
    const readme = `# R\n\nbefore\n${README_START}\nold figures\n${README_END}\nafter\n`;
    const out = withEngineFigures(readme, figures(variant({ live: [{ label: "after-load", bytes: 40624, checkpointChars: 0 }, { label: "long-600s", bytes: 42264, checkpointChars: 1000 }] })));
    expect(out.startsWith(`# R\n\nbefore\n${README_START}\n`)).toBe(true);
    expect(out.endsWith(`${README_END}\nafter\n`)).toBe(true);
    expect(out).not.toContain("old figures");
    expect(out).toContain("| **the app's own peak** (minus the empty app's; budget 40 KiB) | **33,000 (32.2 KiB)**: parse 33,000, run 32,000 |");
    expect(out).toContain("| live heap after load (the app's share) | 40,624 (28,000) |");
    expect(withEngineFigures(out, figures(variant()))).toContain(README_END + "\nafter\n");
  });
  it("refuse a README without the markers", () => {
    expect(() => withEngineFigures("# R\n", { skipped: "x" })).toThrow(/engine-figures/);
  });
});

describe("the C host", { skip: NO_ENGINE !== null }, () => {
  function runHost(scripts: Record<string, string>): { code: number; out: string } {
    const host = buildEngine().host;
    const dir = mkdtempSync(join(tmpdir(), "rg-host-"));
    try {
      const files = Object.entries(scripts).map(([name, text]) => { writeFileSync(join(dir, name), text); return join(dir, name); });
      const r = spawnSync(host, files, { encoding: "utf8" });
      return { code: r.status ?? -1, out: r.stdout };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("keeps files off the heap, reports peaks per script, and survives an app callback that throws", () => {
    const r = runHost({
      "params.js": "var __engineParams = { startMs: 5000 };",
      "fitbit.js": readFileSync(HOST_JS, "utf8"),
      "app.js": [
        'var fs = require("fs");',
        'fs.writeFileSync("a.json", { x: 1 }, "json");',
        'fs.renameSync("a.json", "b.json");',
        'print("read " + fs.readFileSync("b.json", "json").x + " " + fs.existsSync("a.json") + " " + Date.now());',
        'setTimeout(function () { null.boom(); }, 1000);',
        'setTimeout(function () { print("still running at " + Date.now()); }, 2000);',
      ].join("\n"),
      "driver.js": "__host.advance(3000); print('@@done 0 ' + __host.uncaught + ' 0');",
    });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^@@heap-size 65528$/m);
    expect(r.out).toMatch(/^@@parse app\.js \d+ \d+$/m);
    expect(r.out).toContain("read 1 false 5000");
    expect(r.out).toMatch(/^@@uncaught timer TypeError/m);
    expect(r.out).toContain("still running at 7000");
    expect(r.out).toContain("@@done 0 1 0");
  });

  it("the margin's extra top-level names come after the bundle's directive, and each costs live heap", () => {
    const app = '"use strict"\nvar x = 1;\nprint("strict " + (function () { return this === undefined; })());';
    const live = (js: string) => Number(/live (\d+)/.exec(runHost({ "app.js": js, "driver.js": "gc(); print('live ' + heapAllocated());" }).out)![1]);
    const padded = withExtraNames(app, 10);
    expect(padded.startsWith('"use strict"\nvar __margin0=0\n')).toBe(true);
    expect(runHost({ "app.js": padded }).out).toContain("strict true");
    expect(live(padded) - live(app)).toBeGreaterThan(10 * 16);
  });

  it("an exhausted heap ends the engine with ERR_OUT_OF_MEMORY, and a module the host lacks is an uncaught error", () => {
    expect(runHost({ "hog.js": "var a = []; for (;;) a.push({ n: a.length });" }).code).toBe(10);
    const r = runHost({ "fitbit.js": readFileSync(HOST_JS, "utf8"), "app.js": 'require("cbor");' });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^@@uncaught app\.js Error: Cannot find module cbor/m);
  });
});

describe("the device JavaScript in the engine", { skip: NO_ENGINE !== null }, () => {
  it("runs the whole scenario with no uncaught error, its buzzes those of npm run replay", () => {
    const f = engineFigures();
    if ("skipped" in f) {
      // No build/app.fba (npm run build makes it): nothing to run.
      expect(f.skipped).toMatch(/app\.fba/);
      return;
    }
    for (const v of f.variants) {
      if ("skipped" in v) continue;
      expect(v.uncaught).toEqual([]);
      expect(v.completed).toBe(true);
      expect(v.snoozed).toBe(true);
      expect(v.buzzes.mismatches).toEqual([]);
      expect(v.buzzes.engine).toBeGreaterThan(0);
      for (const c of v.shortRunBuzzes) expect(c.mismatches).toEqual([]);
    }
  }, 180_000);
});

describe("the engine host's Fitbit modules", () => {
  it("are the sim's device modules (one list), and serve every module the .fba's device JavaScript requires", () => {
    const host = readFileSync(resolve(__dirname, "../../tools/engine/host/fitbit.js"), "utf8");
    const block = host.slice(host.indexOf("var modules = {"), host.indexOf("};", host.indexOf("var modules = {")));
    const served = [...block.matchAll(/^\s+"([a-z-]+)":/gm)].map((m) => m[1]);
    expect(served.length).toBeGreaterThan(5);
    for (const m of served) expect(DEVICE_MODULES as readonly string[]).toContain(m);
    const fba = resolve(__dirname, "../../build/app.fba");
    if (!existsSync(fba)) return; // npm test builds it first; the list check above stands alone
    const required = [...deviceJs("atlas").matchAll(/require\("([a-z-]+)"\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(5);
    for (const m of required) expect(served).toContain(m);
  });
});
