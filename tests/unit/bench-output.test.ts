// What `npm run bench` prints besides the alert-quality tables (the rides table, the device costs) and what its
// --json holds: every metric of issue 4, for the guard and the naive alert, per trace and in total.
import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TraceSample } from "../../common/dev/trace";
import { DEMO_RUN_LABEL } from "../../common/dev/demo-run";
import { formatDevice, formatReport, formatRides, qualityTable, type BenchReport, type DeviceCosts, type Metrics } from "../../tools/bench";
import type { DeviceRunCosts } from "../../tools/device-costs";

const ROOT = resolve(__dirname, "../..");

function trace(seconds: number, bpmAt: (t: number) => number): TraceSample[] {
  const out: TraceSample[] = [];
  for (let t = 0; t < seconds; t++) out.push({ t, bpm: bpmAt(t) });
  return out;
}
const HILL = trace(900, (t) => (t >= 300 && t < 480 ? 150 : 120));
const SPIKY = trace(900, (t) => (t % 20 === 10 ? 150 : 125));

/** The table's data rows (header and rule left out), as cells. */
function rowsOf(text: string): string[][] {
  return text.split("\n").slice(2).map((l) => l.split("|").slice(1, -1).map((c) => c.trim()));
}

describe("the rides table", () => {
  it("has one row per ride and a total row, with recall, median latency, nuisance/h and buzzes/h for both alerts", () => {
    const t = qualityTable([{ name: "ride_hill.csv", samples: HILL }, { name: "ride_spiky.csv", samples: SPIKY }]);
    const text = formatRides(t);
    expect(text.split("\n")[0].split("|").slice(1, -1).map((c) => c.trim())).toEqual(
      ["ride", "breaches", "recall guard", "naive", "median latency guard", "naive", "nuisance/h guard", "naive", "buzzes/h guard", "naive"]);
    const rows = rowsOf(text);
    expect(rows.map((r) => r[0])).toEqual(["hill", "spiky", "TOTAL"]);
    const [hill, spiky, total] = rows;
    expect(hill.slice(1, 4)).toEqual([String(t.rows[0].guard.breaches), "100%", "100%"]);
    expect(hill[4]).toBe(String(t.rows[0].guard.latencyMedianS!.toFixed(0)));
    expect(hill[5]).toBe("0"); // the naive alert buzzes at the first reading over
    expect(spiky[1]).toBe("0");
    expect(spiky[4]).toBe("-"); // no breach, no latency
    expect(spiky[7]).toBe(t.rows[1].naive.nuisancePerHour.toFixed(2));
    expect(total[9]).toBe(t.total.naive.hrBuzzesPerHour.toFixed(1));
    expect(total[8]).toBe(t.total.guard.hrBuzzesPerHour.toFixed(1));
  });
});

function run(over: Partial<DeviceRunCosts> = {}): DeviceRunCosts {
  return {
    trace: "run_x.csv", minutes: 30, ceilingBpm: 150, domWrites: 2331, domWritesPerMinute: 77.7, fsWrites: 9, fsWritesPerHour: 18,
    summary: "[1]", summaryBytes: 90, buzzes: 2, ...over,
  };
}

describe("the device costs", () => {
  it("prints device JS per target with its budget, and the simulated run's DOM writes/min, fs writes/h and summary size", () => {
    const d: DeviceCosts = { jsBytes: [{ target: "atlas", jsBytes: 23544 }, { target: "vulcan", jsBytes: 23600 }], jsError: null, run: run(), runError: null };
    expect(formatDevice(d).split("\n")).toEqual([
      "device JavaScript, atlas: 23544 bytes (23.0 KB; limit 32 KB)",
      "device JavaScript, vulcan: 23600 bytes (23.0 KB; limit 32 KB)",
      "simulated 30-minute run on run_x.csv: 77.7 DOM writes/min (budget 120), 18.0 fs writes/h (budget 20), run summary 90 bytes encoded (budget 256)",
    ]);
  });

  it("says what could not be measured and why, and labels a generated run as generated", () => {
    const d: DeviceCosts = { jsBytes: null, jsError: "build/app.fba not found: run npm run build", run: null, runError: "index.view has no #start-btn" };
    expect(formatDevice(d)).toBe(
      "device JavaScript: not measured (build/app.fba not found: run npm run build)\nsimulated run on the fakes: not measured (index.view has no #start-btn)");
    const g = formatDevice({ jsBytes: [], jsError: null, run: run({ trace: DEMO_RUN_LABEL, generated: true }), runError: null });
    expect(g).toContain(`simulated 30-minute run on the ${DEMO_RUN_LABEL}, as no real trace was found:`);
  });
});

const METRICS: (keyof Metrics)[] = ["recall", "latencyMedianS", "latencyP90S", "latencyWorstS", "nuisancePerHour", "buzzesPerBreach", "hrBuzzesPerHour"];

describe("--json", () => {
  const dir = mkdtempSync(join(tmpdir(), "bench-json-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("holds every metric for the guard and the naive alert, per trace and in total, rides, CPU and the device costs", () => {
    const csv = (s: TraceSample[]) => ["t,hr", ...s.map((x) => `${x.t},${x.bpm}`)].join("\n");
    writeFileSync(join(dir, "run_hill.csv"), csv(HILL));
    writeFileSync(join(dir, "run_spiky.csv"), csv(SPIKY));
    writeFileSync(join(dir, "ride_hill.csv"), csv(HILL));
    const r = spawnSync(join(ROOT, "node_modules/.bin/tsx"), ["tools/bench.ts", "--json"], {
      cwd: ROOT, encoding: "utf8", env: { ...process.env, RECOVERY_GUARD_TRACES: dir },
    });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as BenchReport;
    expect(report.qualitySkipped).toBeNull();
    expect(report.runs!.rows.map((x) => x.trace)).toEqual(["run_hill.csv", "run_spiky.csv"]);
    expect(report.rides!.rows.map((x) => x.trace)).toEqual(["ride_hill.csv"]);
    for (const t of [report.runs!, report.rides!]) {
      for (const m of [...t.rows, t.total]) {
        for (const who of [m.guard, m.naive]) {
          for (const k of METRICS) expect(k in who, `${k}`).toBe(true);
          expect(typeof who.recall).toBe("number");
          expect(typeof who.nuisancePerHour).toBe("number");
          expect(typeof who.hrBuzzesPerHour).toBe("number");
        }
      }
    }
    // With a breach there, the latency figures and buzzes per breach are numbers, not just keys.
    for (const k of ["latencyMedianS", "latencyP90S", "latencyWorstS", "buzzesPerBreach"] as const) {
      expect(typeof report.runs!.total.guard[k]).toBe("number");
      expect(typeof report.runs!.total.naive[k]).toBe("number");
    }
    expect(report.guardNsPerSample).toBeGreaterThan(0);
    expect(report.guardNsOn).toBe("2 running traces");
    const d = report.device;
    if (existsSync(join(ROOT, "build", "app.fba"))) {
      expect(d.jsBytes!.map((x) => x.target)).toEqual(["atlas", "vulcan"]);
      for (const x of d.jsBytes!) expect(x.jsBytes).toBeGreaterThan(0);
    } else {
      expect(d.jsError).toMatch(/\S/);
    }
    expect(d.runError).toBeNull();
    for (const k of ["domWritesPerMinute", "fsWritesPerHour", "summaryBytes"] as const) expect(d.run![k]).toBeGreaterThan(0);
    // The printed report says the same.
    expect(formatReport(report)).toContain("Rides (outside the budgets)");
  }, 60_000);
});
