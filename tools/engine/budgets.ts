// The engine's budgets (issue 11), judged by tools/check-budgets.ts from the bench's JSON.
import type { BudgetCheck } from "../check-budgets";
import type { EngineFigures } from "./run";

export const ENGINE_BUDGETS = {
  /** What a 64 KB JerryScript heap gives (and a Fitbit face logs as its total). */
  heapBytes: 65528,
  /** The app's own peak, above the empty app's: the platform needs the rest of the 64 KB. */
  appPeakBytes: 40 * 1024,
  /** Live heap after short run 10 minus after short run 2: no growth at all. */
  growthBytes: 0,
  /** Live-heap drift across the long run allowed beyond the checkpoint's own growth (in characters). */
  flatSlackBytes: 128,
};

/** Set by .ci/run, which installs the build tools: there a skipped engine is a failure, not a skip. */
export function engineRequired(): boolean {
  return process.env.RECOVERY_GUARD_REQUIRE_ENGINE === "1";
}

function skip(budget: string, why: string, required: boolean): BudgetCheck {
  return required ? { budget, ok: false, detail: `not measured, and required here (RECOVERY_GUARD_REQUIRE_ENGINE=1): ${why}` } : { budget, ok: true, skipped: true, detail: why };
}

export function engineChecks(f: EngineFigures | undefined, required = engineRequired()): BudgetCheck[] {
  // A report without the key was not made by this bench (runBench always sets it: figures or a declared skip);
  // hand-made reports of the other budgets' tests have none.
  if (f === undefined) return [];
  if ("skipped" in f) return [skip("engine check", f.skipped, required)];
  const checks: BudgetCheck[] = [];
  for (const v of f.variants) {
    const name = `engine ${v.variant}`;
    if ("skipped" in v) {
      checks.push(skip(name, v.skipped, required));
      continue;
    }
    checks.push({
      budget: `${name}: 2-h run and ${f.shortRuns} runs in the heap`,
      ok: v.completed && !v.outOfMemory && v.heapSizeBytes <= ENGINE_BUDGETS.heapBytes,
      detail: v.heapSizeBytes > ENGINE_BUDGETS.heapBytes ? `the engine's heap is ${v.heapSizeBytes} bytes, more than the watch's ${ENGINE_BUDGETS.heapBytes}` :
        v.completed ? `completed in a ${v.heapSizeBytes}-byte heap, peak ${v.peakBytes}` :
        v.outOfMemory ? "ran out of heap" : v.unboundTaps.length ? `the app bound no onclick to ${v.unboundTaps.join(", ")}` : `did not complete (exit code ${v.exitCode})`,
    });
    checks.push({ budget: `${name}: uncaught errors`, ok: v.uncaught.length === 0, detail: v.uncaught.length ? v.uncaught.slice(0, 3).join("; ") : "none" });
    checks.push({
      budget: `${name}: app's own peak`, ok: v.app.peakBytes <= ENGINE_BUDGETS.appPeakBytes,
      detail: `${v.app.peakBytes} bytes (parse ${v.app.parsePeakBytes}, run ${v.app.runPeakBytes}; limit ${ENGINE_BUDGETS.appPeakBytes})`,
    });
    checks.push({
      budget: `${name}: heap growth over ten runs`, ok: v.growthBytes <= ENGINE_BUDGETS.growthBytes,
      detail: `live heap after run ${f.shortRuns} minus after run 2: ${v.growthBytes} bytes (limit ${ENGINE_BUDGETS.growthBytes})`,
    });
    const allowed = Math.max(0, v.checkpointGrowthChars) + ENGINE_BUDGETS.flatSlackBytes;
    checks.push({
      budget: `${name}: flat across the long run`, ok: v.longRunDriftBytes <= allowed,
      detail: `live heap drift ${v.longRunDriftBytes} bytes from the first 10-min mark to the last (limit ${allowed}: the checkpoint's growth, ${v.checkpointGrowthChars} chars, plus ${ENGINE_BUDGETS.flatSlackBytes})`,
    });
    const runs = [v.buzzes, ...v.shortRunBuzzes];
    const bad = runs.filter((c) => !c.match);
    checks.push({
      budget: `${name}: buzzes = npm run replay`, ok: bad.length === 0 && v.snoozed,
      detail: bad.length ? bad.flatMap((c) => c.mismatches).slice(0, 3).join("; ") :
        `${runs.reduce((n, c) => n + c.engine, 0)} buzzes in ${runs.length} runs, each within ${Math.max(...runs.map((c) => c.maxDeltaS))} s of the replay's${v.snoozed ? "" : " (but the snooze tap never reached the app)"}`,
    });
    const acked = v.acked.filter((a) => a.deleted).length;
    checks.push({ budget: `${name}: phone acknowledgements`, ok: acked === runs.length && v.acked.length === runs.length, detail: `${acked} of ${runs.length} run files deleted after the phone's ack` });
  }
  return checks;
}
