// `npm run bench`: the profiles it builds, what it counts for the guard and the naive alert, the knobs it
// offers (--tuning, --json) and the tables it prints. The figures themselves are judged by check-budgets.
import { describe, expect, it } from "vitest";
import { TUNING } from "../../common/watch/guard";
import { ceilingOf } from "../../common/watch/zones";
import type { TraceSample } from "../../common/dev/trace";
import {
  benchProfile, CEILING_QUANTILES, ceilingAtQuantile, formatQuality, parseBenchArgs, parseTuning, qualityTable, runOnce, tuned,
} from "../../tools/bench";

/** 1 Hz samples from a function of the second. */
function trace(seconds: number, bpmAt: (t: number) => number): TraceSample[] {
  const out: TraceSample[] = [];
  for (let t = 0; t < seconds; t++) out.push({ t, bpm: bpmAt(t) });
  return out;
}

// Easy at 120, one 3-minute climb to 150, easy again: one sustained breach over a 135 ceiling.
const ONE_HILL = trace(900, (t) => (t >= 300 && t < 480 ? 150 : 120));
// Easy at 125 with a one-second optical spike to 150 every 20 s: never a sustained breach.
const SPIKY = trace(900, (t) => (t % 20 === 10 ? 150 : 125));

describe("bench profiles", () => {
  it("put the ceiling exactly where the quantile says, even below what the settings page allows", () => {
    for (const c of [95.5, 120.5, 149.5, 185.5]) expect(ceilingOf(benchProfile(c))).toBeCloseTo(c, 9);
  });

  it("place the ceiling half a beat above the trace's own HR at the quantile", () => {
    const samples = trace(101, (t) => 100 + t); // 100..200 bpm
    expect(ceilingAtQuantile(samples, 0.6)).toBe(160.5);
    expect(ceilingAtQuantile(samples, 0.9)).toBe(190.5);
  });
});

describe("what the bench counts", () => {
  it("credits both alerts with a real climb, the guard after some confirmation and the naive alert at once", () => {
    const { guard, naive } = runOnce(ONE_HILL, 135);
    expect(guard.breaches).toBe(1);
    expect(guard.caught).toBe(1);
    expect(guard.nuisance).toBe(0);
    expect(naive.caught).toBe(1);
    expect(naive.latencies).toEqual([0]);
    expect(guard.latencies[0]).toBeGreaterThan(0);
    expect(guard.latencies[0]).toBeLessThanOrEqual(TUNING.confirmMaxS);
    // The guard reminds less often than the naive alert's every 30 s.
    expect(guard.breachBuzzes).toBeLessThan(naive.breachBuzzes);
  });

  it("counts every naive buzz on one-second spikes as nuisance, and the guard makes none", () => {
    const { guard, naive } = runOnce(SPIKY, 135);
    expect(naive.breaches).toBe(0);
    expect(naive.nuisance).toBe(naive.breachBuzzes);
    expect(naive.nuisance).toBeGreaterThan(40);
    expect(guard.breachBuzzes).toBe(0);
    expect(naive.hours).toBeCloseTo(899 / 3600, 9);
  });

  it("pools nine ceilings per trace into its row, the rows by sensor kind, and all rows into the total", () => {
    const t = qualityTable([{ name: "run_hill.csv", samples: ONE_HILL }, { name: "run_spiky.csv", samples: SPIKY }]);
    expect(CEILING_QUANTILES).toEqual([0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]);
    expect(t.rows.map((r) => r.ceilings.length)).toEqual([9, 9]);
    // Not in the manifest: both count as "unknown", and that row pools them.
    expect(t.bySensor.map((k) => [k.sensor, k.traces])).toEqual([["unknown", 2]]);
    expect(t.bySensor[0].naive.nuisance).toBe(t.total.naive.nuisance);
    expect(t.total.naive.nuisance).toBe(t.rows[0].naive.nuisance + t.rows[1].naive.nuisance);
    expect(t.total.guard.hours).toBeCloseTo(t.rows[0].guard.hours + t.rows[1].guard.hours, 9);
    const printed = formatQuality(t);
    // One table per metric, each with a row per trace and a total row.
    for (const title of ["Recall", "Latency", "Nuisance", "Longest silence", "per sustained breach", "All heart-rate buzzes", "By sensor kind", "Worst single trace"]) expect(printed).toContain(title);
    expect(printed.match(/\| hill /g)).toHaveLength(6);
    // Six per-trace tables and four by-sensor tables, each with its total.
    expect(printed.match(/\| TOTAL /g)).toHaveLength(10);
  });
});

describe("bench options", () => {
  it("--tuning changes what the guard does for the run and never touches the shipped TUNING", () => {
    const before = { ...TUNING };
    const slow = runOnce(ONE_HILL, 135, tuned(parseTuning('{"confirmMinS":60,"confirmMaxS":60}')));
    expect(slow.guard.latencies[0]).toBeGreaterThanOrEqual(60 - 10);
    expect(runOnce(ONE_HILL, 135).guard.latencies[0]).toBeLessThan(30);
    expect(TUNING).toEqual(before);
  });

  it("sizes the guard's windows from the tuning: a 20-s median is a 20-s median", () => {
    // A 6-s burst over the ceiling: a 5-s median follows it; a 20-s median (more slots than the default holds) never
    // does, where a window capped at 8 slots would have.
    const burst = trace(900, (t) => (t >= 300 && t < 306 ? 140 : 120));
    const long = tuned({ medianWindowS: 20, confirmMinS: 1, confirmMaxS: 1 });
    const short = tuned({ medianWindowS: 5, confirmMinS: 1, confirmMaxS: 1 });
    expect(runOnce(burst, 135, short).guard.breachBuzzes).toBeGreaterThan(0);
    expect(runOnce(burst, 135, long).guard.breachBuzzes).toBe(0);
  });

  it("--tuning refuses a misspelt field or a non-number instead of silently measuring the old tuning", () => {
    expect(() => parseTuning('{"confirmMax":20}')).toThrow(/unknown field confirmMax/);
    expect(() => parseTuning('{"confirmMaxS":"20"}')).toThrow(/must be a number/);
    expect(() => parseTuning("confirmMaxS=20")).toThrow(/not JSON/);
  });

  it("--json alone means stdout, --json FILE writes the file", () => {
    expect(parseBenchArgs(["--json"])).toMatchObject({ json: true, jsonFile: null });
    expect(parseBenchArgs(["--json", "out.json", "--tradeoff"])).toMatchObject({ json: true, jsonFile: "out.json", tradeoff: true });
    expect(() => parseBenchArgs(["--plot"])).toThrow(/unknown argument/);
  });
});
