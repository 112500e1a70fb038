// npm run engine [-- --stress | --margin]: build JerryScript 2.4.0 (cached), run build/app.fba's device JavaScript in
// it, write build/engine.json and print the figures. Exit 1 when the run failed (out of heap, an uncaught error, buzzes
// that differ from the replay); budgets are judged by tools/check-budgets.ts from the bench's JSON. --stress adds
// the stress-tested engine (peaks of live data, about a minute). --margin instead runs it again and again with extra
// top-level names (tools/engine/margin.ts): how far the app is from the collector's next 2 KB step. The README's
// figures come from the bench's JSON (npm run readme:figures), which holds these figures too.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { engineFigures, EngineFigures, VariantReport } from "./run";
import { engineMargin, formatMargin, marginText } from "./margin";

const KB = (b: number) => `${(b / 1024).toFixed(1)} KB`;

export function formatEngine(f: EngineFigures): string {
  if ("skipped" in f) return `engine check SKIPPED: ${f.skipped}\n`;
  const out: string[] = [];
  out.push(`${f.engine} (${f.flags.join(" ")}), device JavaScript ${f.deviceJsBytes} bytes from build/app.fba`);
  out.push(`scenario: ${f.trace}, a ${f.longRunS / 3600}-h run (settings ${JSON.stringify(f.settings)}, one snooze), then ${f.shortRuns} runs of ${f.shortRunS / 60} min`);
  for (const v of f.variants) {
    if ("skipped" in v) { out.push(`${v.variant} engine SKIPPED: ${v.skipped}`); continue; }
    out.push(...variantLines(v));
    const m = f.margin?.find((x) => x.variant === v.variant);
    if (m) out.push(`  margin: ${marginText(m)}`);
  }
  return out.join("\n") + "\n";
}

function variantLines(v: VariantReport): string[] {
  const live = (label: string) => v.live.find((m) => m.label === label)?.bytes;
  const longLive = v.live.filter((m) => /^long-/.test(m.label)).map((m) => m.bytes);
  return [
    `${v.variant} engine${v.stressTest ? " (garbage collected before every allocation: peaks of live data)" : ""}: heap ${v.heapSizeBytes} bytes; ${v.completed ? "completed" : "DID NOT COMPLETE"} in ${v.runSeconds} s${v.buildSeconds ? ` (built in ${v.buildSeconds.toFixed(0)} s)` : ""}`,
    `  heap peak: overall ${v.peakBytes} of ${v.heapSizeBytes} (${KB(v.peakBytes)}); parsing the app ${v.parsePeakBytes} (${KB(v.parsePeakBytes)}), loading ${v.loadPeakBytes}, long run ${v.longRunPeakBytes}, short runs ${v.shortRunsPeakBytes} bytes (host included)`,
    `  the app's own share: parse peak ${v.app.parsePeakBytes} (${KB(v.app.parsePeakBytes)}), run peak ${v.app.runPeakBytes} (${KB(v.app.runPeakBytes)}), live after load ${v.app.liveAfterLoadBytes} bytes; empty-app baseline: load peak ${v.baseline.loadPeakBytes}, run peak ${v.baseline.runPeakBytes}`,
    `  live heap: after load ${live("after-load")}, long run every 10 min ${Math.min(...longLive)}-${Math.max(...longLive)} (drift ${v.longRunDriftBytes} bytes, checkpoint ${v.checkpointGrowthChars >= 0 ? "+" : ""}${v.checkpointGrowthChars} chars), after the long run ${live("after-long-run")}`,
    `  live heap after each short run: ${v.live.filter((m) => /^after-run-/.test(m.label)).map((m) => m.bytes).join(", ")} (run 10 - run 2: ${v.growthBytes} bytes)`,
    `  buzzes in the long run: engine ${v.buzzes.engine}, npm run replay ${v.buzzes.replay}: ${v.buzzes.match ? `equal (largest time difference ${v.buzzes.maxDeltaS} s)` : `MISMATCH: ${v.buzzes.mismatches.slice(0, 5).join("; ")}`}`,
    `  buzzes in the short runs (engine/replay): ${v.shortRunBuzzes.map((c) => `${c.engine}/${c.replay}${c.match ? "" : " MISMATCH"}`).join(", ")}`,
    `  fs operations, long run: ${v.fs.longRun.writes} writes, ${v.fs.longRun.renames} renames, ${v.fs.longRun.unlinks} deletes, ${v.fs.longRun.reads} reads; whole scenario: ${v.fs.all.writes}/${v.fs.all.renames}/${v.fs.all.unlinks}/${v.fs.all.reads}`,
    `  phone acknowledgements: ${v.acked.length} runs, ${v.acked.filter((a) => a.deleted).length} summary files deleted after them`,
    `  uncaught errors: ${v.uncaught.length ? v.uncaught.join("; ") : "none"}${v.logs.length ? `; app log lines: ${v.logs.slice(0, 5).join(" | ")}` : ""}`,
  ];
}

/** Whether the run itself failed (not a budget: those are check-budgets' job). */
export function engineFailed(f: EngineFigures): string[] {
  if ("skipped" in f) return [];
  const problems: string[] = [];
  for (const v of f.variants) {
    if ("skipped" in v) continue;
    if (!v.completed) problems.push(`${v.variant}: the run did not complete`);
    if (v.uncaught.length) problems.push(`${v.variant}: uncaught ${v.uncaught[0]}`);
    if (!v.buzzes.match) problems.push(`${v.variant}: the long run's buzzes differ from npm run replay: ${v.buzzes.mismatches.join("; ")}`);
    v.shortRunBuzzes.forEach((c, i) => { if (!c.match) problems.push(`${v.variant}: short run ${i + 1}'s buzzes differ from npm run replay: ${c.mismatches.join("; ")}`); });
  }
  return problems;
}

function main(): void {
  if (process.argv.includes("--margin")) {
    process.stdout.write(formatMargin(engineMargin((s) => process.stderr.write(s + "\n"))));
    return;
  }
  const started = Date.now();
  const stress = process.argv.includes("--stress");
  const figures = engineFigures((s) => process.stderr.write(s + "\n"), { stress });
  const file = resolve(__dirname, "..", "..", "build", "engine.json");
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, JSON.stringify(figures, null, 1) + "\n");
  process.stdout.write(formatEngine(figures));
  process.stdout.write(`(${((Date.now() - started) / 1000).toFixed(0)} s; figures in build/engine.json)\n`);
  const problems = engineFailed(figures);
  if (problems.length) {
    process.stderr.write(problems.join("\n") + "\n");
    process.exitCode = 1;
  }
}

if (require.main === module) main();
