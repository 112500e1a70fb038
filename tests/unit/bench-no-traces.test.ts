// `npm run bench:check` without the shared traces folder (a fresh clone, a CI runner without ../shared): the
// alert-quality budgets are SKIPPED and said to be, the device budgets are still measured (on the generated demo
// run, labelled as generated) and judged. The bench runs as the command it is, in a child process, because the
// traces folder is read from RECOVERY_GUARD_TRACES when tools/trace-files.ts loads.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { DEMO_RUN_LABEL } from "../../common/dev/demo-run";
import { formatReport, type BenchReport } from "../../tools/bench";
import { checkBudgets, QUALITY_BUDGETS } from "../../tools/check-budgets";

const ROOT = resolve(__dirname, "../..");
const MISSING = "/nonexistent/recovery-guard-traces";

describe("the bench without real traces", () => {
  it("skips alert quality out loud, measures the device on the generated demo run, and does not fail", () => {
    const r = spawnSync(join(ROOT, "node_modules/.bin/tsx"), ["tools/bench.ts", "--json"], {
      cwd: ROOT, encoding: "utf8", env: { ...process.env, RECOVERY_GUARD_TRACES: MISSING },
    });
    expect(r.stderr).not.toMatch(/bench:/);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as BenchReport;
    expect(report.runs).toBeNull();
    expect(report.rides).toBeNull();
    expect(report.qualitySkipped).toBe(`no run_*.csv traces found in ${MISSING} (set RECOVERY_GUARD_TRACES)`);
    expect(report.device.runError).toBeNull();
    expect(report.device.run).toMatchObject({ generated: true, trace: DEMO_RUN_LABEL, minutes: 30 });
    expect(report.device.run!.summaryBytes).toBeGreaterThan(0);
    expect(report.guardNsPerSample).toBeGreaterThan(0);
    expect(report.guardNsOn).toContain("generated");
    expect(formatReport(report)).toMatch(new RegExp(`^Alert quality SKIPPED: no run_\\*\\.csv traces found in ${MISSING}`, "m"));
    expect(formatReport(report)).toMatch(/simulated 30-minute run on the generated demo run \(not a real recording\), as no real trace was found/);
    const checks = checkBudgets(report);
    expect(checks.filter((c) => c.skipped).map((c) => c.budget)).toEqual(QUALITY_BUDGETS);
    for (const name of ["summary size", "DOM writes", "fs writes"]) expect(checks.find((c) => c.budget === name)).toMatchObject({ ok: true });
  }, 60_000);
});
