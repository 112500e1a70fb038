// tools/check-budgets.ts: CI fails when the bench's JSON misses a budget of issue 4, or could not measure one.
import { describe, expect, it } from "vitest";
import { checkBudgets, formatChecks, BUDGETS, QUALITY_BUDGETS } from "../../tools/check-budgets";
import type { BenchReport, Metrics } from "../../tools/bench";
import type { DeviceRunCosts } from "../../tools/device-costs";

function metrics(over: Partial<Metrics>): Metrics {
  return {
    breaches: 10, caught: 10, recall: 1, latencyMedianS: 10, latencyP90S: 20, latencyWorstS: 30,
    clearBreaches: 5, clearCaught: 5, clearRecall: 1, clearLatencyMedianS: 6, clearLatencyP90S: 12, silenceWorstS: 60, silenceP95S: 40,
    nuisance: 1, nuisancePerHour: 1, buzzesPerBreach: 2, hrBuzzesPerHour: 10, hours: 1, ...over,
  };
}

function deviceRun(over: Partial<DeviceRunCosts>): DeviceRunCosts {
  return {
    trace: "run_x.csv", minutes: 30, ceilingBpm: 150, domWrites: 1800, domWritesPerMinute: 60, fsWrites: 3, fsWritesPerHour: 6,
    summary: "[1]", summaryBytes: 120, buzzes: 2, ...over,
  };
}

function report(guard: Partial<Metrics> = {}, device: Partial<BenchReport["device"]> = {}, optical = 1): BenchReport {
  return {
    command: "npm run bench", tracesDir: "/traces", ceilingQuantiles: [0.6, 0.75, 0.9], tuningOverrides: {}, tuning: {} as BenchReport["tuning"],
    qualitySkipped: null,
    runs: {
      rows: [], worst: null, total: { guard: metrics(guard), naive: metrics({ nuisance: 10, nuisancePerHour: 10 }) },
      bySensor: [{ sensor: "optical", traces: 1, guard: metrics({ ...guard, nuisancePerHour: optical }), naive: metrics({ nuisance: 10, nuisancePerHour: 10 }) }],
    },
    rides: { rows: [], bySensor: [], worst: null, total: { guard: metrics({}), naive: metrics({}) } },
    guardNsPerSample: 300,
    guardNsOn: "16 running traces",
    device: {
      jsBytes: [{ target: "atlas", jsBytes: 20000 }, { target: "vulcan", jsBytes: 20000 }], jsError: null,
      run: deviceRun({}), runError: null,
      ...device,
    },
    tradeoff: null,
    namedCases: [{ name: "the spike stays silent", trace: "run_x.csv", ok: true, detail: "nothing in 280-460 s" }],
  };
}

const missed = (r: BenchReport) => checkBudgets(r).filter((c) => !c.ok).map((c) => c.budget);

describe("check-budgets", () => {
  it("passes a report within every budget, at the limits included", () => {
    expect(missed(report())).toEqual([]);
    // Naive nuisance is 10/h in these reports: the floors are 1/h in total and 1.5/h on optical.
    expect(missed(report({ latencyMedianS: BUDGETS.latencyMedianS, nuisancePerHour: 1, recall: BUDGETS.recall, silenceWorstS: BUDGETS.silenceWorstS }, {}, 1.5))).toEqual([]);
  });

  it("names each missed alert-quality floor of issue 8", () => {
    expect(missed(report({ clearCaught: 4, clearRecall: 0.8 }))).toEqual(["clear breaches"]);
    expect(missed(report({ caught: 96, breaches: 100, recall: 0.96 }))).toEqual(["recall"]);
    expect(missed(report({ latencyMedianS: 11 }))).toEqual(["median latency"]);
    expect(missed(report({ nuisancePerHour: 1.1 }))).toEqual(["nuisance buzzes"]);
    expect(missed(report({}, {}, 1.6))).toEqual(["nuisance on optical"]);
    expect(missed(report({ silenceWorstS: 121 }))).toEqual(["silence while clearly over"]);
    const broken = { ...report(), namedCases: [{ name: "the spike stays silent", trace: "run_x.csv", ok: false, detail: "breach at 330" }] };
    expect(missed(broken)).toEqual(["named case: the spike stays silent"]);
    expect(missed({ ...report(), namedCases: null })).toEqual(["named real-trace cases"]);
  });

  it("names each missed device budget", () => {
    const big = report({}, { jsBytes: [{ target: "atlas", jsBytes: 24 * 1024 + 1 }, { target: "vulcan", jsBytes: 100 }] });
    expect(missed(big)).toEqual(["device JS atlas"]);
    const run = deviceRun({ domWritesPerMinute: 121, fsWritesPerHour: 21, summaryBytes: 257 });
    expect(missed(report({}, { run }))).toEqual(["summary size", "DOM writes", "fs writes"]);
  });

  it("fails what could not be measured, with the reason", () => {
    const checks = checkBudgets(report({}, { jsBytes: null, jsError: "build/app.fba is missing", run: null, runError: "app not built" }));
    const failed = checks.filter((c) => !c.ok);
    expect(failed.map((c) => c.budget)).toEqual(["device JS", "summary size", "DOM writes", "fs writes"]);
    expect(failed[0].detail).toContain("build/app.fba is missing");
    expect(failed[1].detail).toContain("app not built");
  });

  it("without real traces: the alert-quality budgets are SKIPPED, said so line by line, and the device budgets still judged", () => {
    const skipped: BenchReport = { ...report(), runs: null, rides: null, qualitySkipped: "no run_*.csv traces found in /nowhere (set RECOVERY_GUARD_TRACES)" };
    const checks = checkBudgets(skipped);
    expect(checks.filter((c) => c.skipped).map((c) => c.budget)).toEqual(QUALITY_BUDGETS);
    expect(missed(skipped)).toEqual([]);
    const text = formatChecks(checks);
    expect(text).toMatch(/^SKIPPED recall: not checked: no run_\*\.csv traces found in \/nowhere/m);
    expect(text.match(/^SKIPPED /gm)).toHaveLength(QUALITY_BUDGETS.length);
    expect(text).toMatch(/^ok +DOM writes/m);
    expect(text.trim().split("\n").pop()).toBe(`all checked budgets met; ${QUALITY_BUDGETS.length} SKIPPED (alert quality needs the real traces)`);
    // Skipping quality does not excuse the device.
    const bad = { ...skipped, device: { ...skipped.device, run: deviceRun({ fsWritesPerHour: 21 }) } };
    expect(missed(bad)).toEqual(["fs writes"]);
    expect(formatChecks(checkBudgets(bad))).toMatch(/1 budget\(s\) missed\n$/);
  });

  it("a report without alert-quality figures and without a declared skip is a miss, not a silent pass", () => {
    expect(missed({ ...report(), runs: null, rides: null, qualitySkipped: null })).toEqual(QUALITY_BUDGETS);
  });
});
