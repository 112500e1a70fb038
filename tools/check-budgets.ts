// npm run bench -- --json bench.json && tsx tools/check-budgets.ts bench.json
// Judges the bench's figures against issue 4's budgets; exits 1 on any missed or unmeasured budget.
// Budgets are checked here, from the JSON, never by timing inside a test.
import { readFileSync } from "node:fs";
import type { BenchReport } from "./bench";

export const BUDGETS = {
  recall: 1,
  latencyMedianS: 12,
  /** Guard nuisance buzzes per hour as a fraction of the naive alert's. */
  nuisanceVsNaive: 0.25,
  /** 24 KB of device JavaScript per target. */
  deviceJsBytes: 24 * 1024,
  summaryBytes: 256,
  domWritesPerMinute: 120,
  fsWritesPerHour: 20,
};

export interface BudgetCheck {
  budget: string;
  ok: boolean;
  detail: string;
}

function atMost(budget: string, value: number | null | undefined, limit: number, unit: string, missing: string): BudgetCheck {
  if (value === null || value === undefined || !Number.isFinite(value)) return { budget, ok: false, detail: `not measured: ${missing}` };
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(2);
  return { budget, ok: value <= limit, detail: `${shown}${unit} (limit ${limit}${unit})` };
}

export function checkBudgets(r: BenchReport): BudgetCheck[] {
  const g = r.runs.total.guard;
  const n = r.runs.total.naive;
  const checks: BudgetCheck[] = [];
  checks.push({ budget: "recall", ok: g.recall >= BUDGETS.recall, detail: `${g.caught}/${g.breaches} sustained breaches buzzed (needs all)` });
  checks.push(atMost("median latency", g.latencyMedianS, BUDGETS.latencyMedianS, " s", "no breach was buzzed"));
  checks.push({
    budget: "nuisance buzzes",
    ok: g.nuisancePerHour <= BUDGETS.nuisanceVsNaive * n.nuisancePerHour,
    detail: `${g.nuisancePerHour.toFixed(2)}/h vs naive ${n.nuisancePerHour.toFixed(2)}/h (limit ${(BUDGETS.nuisanceVsNaive * 100).toFixed(0)}% of naive)`,
  });
  if (r.device.jsBytes) {
    for (const t of r.device.jsBytes) checks.push(atMost(`device JS ${t.target}`, t.jsBytes, BUDGETS.deviceJsBytes, " bytes", ""));
  } else {
    checks.push({ budget: "device JS", ok: false, detail: `not measured: ${r.device.jsError}` });
  }
  const run = r.device.run;
  const why = r.device.runError ?? "";
  checks.push(atMost("summary size", run?.summaryBytes, BUDGETS.summaryBytes, " bytes", why));
  checks.push(atMost("DOM writes", run?.domWritesPerMinute, BUDGETS.domWritesPerMinute, "/min", why));
  checks.push(atMost("fs writes", run?.fsWritesPerHour, BUDGETS.fsWritesPerHour, "/h", why));
  return checks;
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("Usage: tsx tools/check-budgets.ts <bench.json>   (from npm run bench -- --json <bench.json>)\n");
    process.exit(2);
  }
  const checks = checkBudgets(JSON.parse(readFileSync(file, "utf8")) as BenchReport);
  for (const c of checks) process.stdout.write(`${c.ok ? "ok  " : "MISS"} ${c.budget}: ${c.detail}\n`);
  const missed = checks.filter((c) => !c.ok).length;
  process.stdout.write(missed ? `${missed} budget(s) missed\n` : "all budgets met\n");
  process.exitCode = missed ? 1 : 0;
}
