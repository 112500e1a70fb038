// npm run readme:figures: writes the README's measured figures from the bench's JSON, between the markers
// <!-- bench:begin --> and <!-- bench:end -->, so no figure is ever copied by hand. A test (tests/unit/
// readme-figures.test.ts) fails when the README's block differs from what this writes from build/bench.json.
// Noisy figures (CPU time) are left out: the block is the same on every run of the same code.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BenchReport, Metrics, QualityTable } from "./bench";
import { BUDGETS, TARGETS, targetChecks } from "./check-budgets";
import { headlineOf, nuisanceVsNaive } from "./headline";
import { withEngineFigures } from "./engine/readme";

export const README_PATH = join(__dirname, "..", "README.md");
export const BEGIN = "<!-- bench:begin: written by npm run readme:figures from build/bench.json; do not edit by hand -->";
export const END = "<!-- bench:end -->";

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
const num = (x: number | null, digits = 0) => (x === null ? "-" : x.toFixed(digits));
const shortName = (f: string) => f.replace(/^(run|ride)_/, "").replace(/\.csv$/, "");
const bytes = (n: number) => n.toLocaleString("en-US");

function row(cells: string[]): string {
  return "| " + cells.join(" | ") + " |";
}

function qualityRows(t: QualityTable): string[] {
  const g = t.total.guard;
  const n = t.total.naive;
  const h = headlineOf(t);
  const met = (ok: boolean) => (ok ? "met" : "**missed**");
  const targets = targetChecks(t);
  const target = (name: string) => targets.find((c) => c.budget === name)!;
  return [
    row(["measure", "guard", "naive alert", "floor (CI fails below)", "target"]),
    "|---|---:|---:|---|---|",
    row(["clear breaches buzzed (15-s median 3+ bpm over)", `${g.clearCaught}/${g.clearBreaches} (${pct(g.clearRecall)})`, `${n.clearCaught}/${n.clearBreaches}`, pct(BUDGETS.clearRecall, 0), ""]),
    row(["all sustained breaches buzzed", `${g.caught}/${g.breaches} (${pct(g.recall)})`, `${n.caught}/${n.breaches}`, `>= ${pct(BUDGETS.recall, 0)}`, `>= ${pct(TARGETS.recall, 0)}: ${met(target("recall").ok)}`]),
    row(["latency median / p90 / worst, all breaches", `${num(g.latencyMedianS)} / ${num(g.latencyP90S)} / ${num(g.latencyWorstS)} s`, `${num(n.latencyMedianS)} s`, `median <= ${BUDGETS.latencyMedianS} s`, ""]),
    row(["latency median / p90, clear breaches", `${num(g.clearLatencyMedianS)} / ${num(g.clearLatencyP90S)} s`, `${num(n.clearLatencyMedianS)} s`, "", `median <= ${TARGETS.clearLatencyMedianS} s: ${met(target("median latency on clear breaches").ok)}`]),
    row(["nuisance buzzes per hour", `${num(g.nuisancePerHour, 2)} (${pct(h.nuisanceVsNaive)} of naive)`, num(n.nuisancePerHour, 2), `<= ${pct(BUDGETS.nuisanceVsNaive, 0)} of naive`, `<= ${pct(TARGETS.nuisanceVsNaive, 0)}: ${met(target("nuisance").ok)}`]),
    row(["nuisance on optical sensors", h.opticalNuisanceVsNaive === null ? "-" : `${pct(h.opticalNuisanceVsNaive)} of naive`, "", `<= ${pct(BUDGETS.opticalNuisanceVsNaive, 0)} of naive`, `<= ${pct(TARGETS.opticalNuisanceVsNaive, 0)}: ${met(target("nuisance on optical").ok)}`]),
    row(["worst single trace (nuisance vs naive)", h.worstTrace ? `${pct(h.worstTrace.nuisanceVsNaive)} (${shortName(h.worstTrace.trace)})` : "-", "", "", `<= ${pct(TARGETS.worstTraceNuisanceVsNaive, 0)}: ${met(target("worst single trace").ok)}`]),
    row(["longest silence while clearly over, worst / p95", `${num(g.silenceWorstS)} / ${num(g.silenceP95S)} s`, `${num(n.silenceWorstS)} / ${num(n.silenceP95S)} s`, `<= ${BUDGETS.silenceWorstS} s`, `<= ${TARGETS.silenceWorstS} s: ${met(target("longest silence while clearly over").ok)}`]),
    row(["breach buzzes per sustained breach", num(g.buzzesPerBreach, 1), num(n.buzzesPerBreach, 1), "", ""]),
    row(["heart-rate buzzes per hour (breach, reminder, back-under)", num(g.hrBuzzesPerHour, 1), num(n.hrBuzzesPerHour, 1), "", ""]),
  ];
}

function sensorRows(t: QualityTable): string[] {
  const cells = (label: string, g: Metrics, n: Metrics) => row([label, `${g.caught}/${g.breaches}`, `${g.clearCaught}/${g.clearBreaches}`,
    `${num(g.latencyMedianS)} / ${num(g.clearLatencyMedianS)} s`, `${num(g.nuisancePerHour, 2)} (${pct(nuisanceVsNaive(g, n))})`, `${num(g.silenceWorstS)} s`]);
  return [
    row(["sensor (manifest.json)", "breaches buzzed", "clear buzzed", "median latency all / clear", "nuisance/h (vs naive)", "longest silence"]),
    "|---|---:|---:|---:|---:|---:|",
    ...t.bySensor.map((k) => cells(`${k.sensor} (${k.traces} traces)`, k.guard, k.naive)),
    cells("total", t.total.guard, t.total.naive),
  ];
}

function tradeoffRows(r: BenchReport): string[] {
  if (!r.tradeoff) return ["(run `npm run readme:figures`, which measures the trade-off, to fill this table)"];
  return [
    row(["tuning", "all breaches", "clear", "median latency all / clear", "nuisance vs naive", "optical", "worst trace", "silence worst", "buzzes per breach"]),
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...r.tradeoff.map(({ label, figures: f }) => row([label === "current" ? "**current**" : label, pct(f.recall), pct(f.clearRecall),
      `${num(f.latencyMedianS)} / ${num(f.clearLatencyMedianS)} s`, pct(f.nuisanceVsNaive), f.opticalNuisanceVsNaive === null ? "-" : pct(f.opticalNuisanceVsNaive),
      f.worstTrace ? pct(f.worstTrace.nuisanceVsNaive) : "-", `${num(f.silenceWorstS)} s`, num(f.buzzesPerBreach, 1)])),
  ];
}

function deviceLines(r: BenchReport): string[] {
  const d = r.device;
  const out: string[] = [];
  if (d.jsBytes) out.push(`- Device JavaScript per target: ${d.jsBytes.map((t) => `${t.target} ${bytes(t.jsBytes)} bytes`).join(", ")} (limit ${bytes(BUDGETS.deviceJsBytes)}).`);
  else out.push(`- Device JavaScript: not measured (${d.jsError}).`);
  if (d.run) {
    out.push(`- Simulated ${d.run.minutes}-minute run of the real \`app/\` (${d.run.generated ? "the generated demo run" : d.run.trace}): ` +
      `${num(d.run.domWritesPerMinute, 1)} DOM writes/min (limit ${BUDGETS.domWritesPerMinute}), ${num(d.run.fsWritesPerHour, 1)} fs writes/h ` +
      `(writes, renames and deletes; limit ${BUDGETS.fsWritesPerHour}), a run summary of ${d.run.summaryBytes} bytes encoded (limit ${BUDGETS.summaryBytes}).`);
  } else out.push(`- Simulated run: not measured (${d.runError}).`);
  return out;
}

/** The README block for a bench report (markers included). */
export function renderFigures(r: BenchReport): string {
  const out: string[] = [BEGIN];
  if (r.runs === null) {
    out.push(`Alert quality was not measured: ${r.qualitySkipped}.`);
  } else {
    const t = r.runs;
    out.push(`${t.rows.length} running traces, each at ${r.ceilingQuantiles.length} ceilings (every 5th HR percentile from the ` +
      `${Math.round(r.ceilingQuantiles[0] * 100)}th to the ${Math.round(r.ceilingQuantiles[r.ceilingQuantiles.length - 1] * 100)}th): ` +
      `${t.rows.length * r.ceilingQuantiles.length} replays, ${num(t.total.guard.hours, 1)} hours.`, "");
    out.push(...qualityRows(t), "", "By sensor kind:", "", ...sensorRows(t), "");
    if (r.namedCases) out.push("Named real-trace cases (floors): " + r.namedCases.map((c) => `${c.ok ? "kept" : "**broken**"}: ${c.name}`).join("; ") + ".", "");
    if (r.wrapUp) {
      const w = r.wrapUp.totals;
      out.push(`Wrap-up hint (the watch's \`common/watch/wrap-up.ts\`, fed the guard's believed level as on the watch; \`npx tsx tools/wrap-up-bench.ts\`): fires on ${w.steadyDrift.fired} of ${w.steadyDrift.traces} steady runs with drift, ` +
        `${w.hillsIntervals.fired} of ${w.hillsIntervals.traces} with hills or intervals, ${w.steadyNoDrift.fired} of ${w.steadyNoDrift.traces} steady runs without drift ` +
        `(traces labelled from their speed or cadence; ${w.other.fired} of ${w.other.traces} unlabelled ones).`, "");
    }
    if (r.rides && r.rides.rows.length) {
      const g = r.rides.total.guard;
      const n = r.rides.total.naive;
      out.push(`Rides (outside the budgets): recall ${pct(g.recall, 0)}, median latency ${num(g.latencyMedianS)} s, nuisance ${num(g.nuisancePerHour, 2)}/h (naive ${num(n.nuisancePerHour, 2)}/h).`, "");
    }
    out.push("The trade-off measured (running traces, totals; `npm run bench -- --tradeoff`):", "", ...tradeoffRows(r), "");
  }
  out.push(...deviceLines(r), END);
  return out.join("\n");
}

/** The README with its figures block replaced; throws when the markers are missing. */
export function withFigures(readme: string, r: BenchReport): string {
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no figures block (${BEGIN} ... ${END})`);
  return readme.slice(0, a) + renderFigures(r) + readme.slice(b + END.length);
}

/** The README's current figures block, or null. */
export function figuresBlock(readme: string): string | null {
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  return a < 0 || b < a ? null : readme.slice(a, b + END.length);
}

if (require.main === module) {
  const file = process.argv[2] ?? join(__dirname, "..", "build", "bench.json");
  try {
    const report = JSON.parse(readFileSync(file, "utf8")) as BenchReport;
    const engine = report.engine ?? { skipped: "the bench report has no engine figures" };
    writeFileSync(README_PATH, withEngineFigures(withFigures(readFileSync(README_PATH, "utf8"), report), engine));
    process.stdout.write(`README.md figures written from ${file}\n`);
  } catch (e) {
    process.stderr.write(`readme:figures: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}
