// The README's engine figures, written by npm run readme:figures (tools/readme-figures.ts) from the bench's JSON
// like the README's other figures, never by hand: the table between the two markers below is replaced, nothing
// else. A test (tests/unit/engine.test.ts) fails when the README's table differs from build/bench.json's.
import type { EngineFigures, VariantReport } from "./run";
import { marginText } from "./margin";

export const README_START = "<!-- engine-figures:begin: written by npm run readme:figures from build/bench.json; do not edit by hand -->";
export const README_END = "<!-- engine-figures:end -->";

const b = (n: number) => n.toLocaleString("en-US");
const kb = (n: number) => `${b(n)} (${(n / 1024).toFixed(1)} KiB)`;

export function engineFiguresMarkdown(f: EngineFigures): string {
  if ("skipped" in f) return `Not measured on the machine that last generated this table: ${f.skipped}.`;
  const vs = f.variants.filter((v): v is VariantReport => !("skipped" in v));
  const row = (label: string, cell: (v: VariantReport) => string) => `| ${label} | ${vs.map(cell).join(" | ")} |`;
  const live = (v: VariantReport, label: string) => v.live.find((m) => m.label === label)?.bytes ?? NaN;
  const longLive = (v: VariantReport) => v.live.filter((m) => /^long-/.test(m.label)).map((m) => m.bytes);
  const runs = (v: VariantReport) => [v.buzzes, ...v.shortRunBuzzes];
  return [
    `Scenario: ${f.trace}; device JavaScript ${b(f.deviceJsBytes)} bytes. Bytes of the ${b(vs[0]?.heapSizeBytes ?? 0)}-byte heap:`,
    "",
    `| measure | ${vs.map((v) => v.variant + (v.stressTest ? " (live data only)" : "")).join(" | ")} |`,
    `|---|${vs.map(() => "---:").join("|")}|`,
    row("highest the heap got, any phase (host included)", (v) => kb(v.peakBytes)),
    row("peak while parsing the app (host included)", (v) => kb(v.parsePeakBytes)),
    row("peak during the 2-h run / the ten runs", (v) => `${b(v.longRunPeakBytes)} / ${b(v.shortRunsPeakBytes)}`),
    row("**the app's own peak** (minus the empty app's; budget 40 KiB)", (v) => `**${kb(v.app.peakBytes)}**: parse ${b(v.app.parsePeakBytes)}, run ${b(v.app.runPeakBytes)}`),
    row("live heap after load (the app's share)", (v) => `${b(live(v, "after-load"))} (${b(v.app.liveAfterLoadBytes)})`),
    row("live heap every 10 min of the 2-h run", (v) => `${b(Math.min(...longLive(v)))}-${b(Math.max(...longLive(v)))} (drift ${b(v.longRunDriftBytes)})`),
    row("live heap after run 2 / run 10 (growth)", (v) => `${b(live(v, "after-run-2"))} / ${b(live(v, `after-run-${f.shortRuns}`))} (${b(v.growthBytes)})`),
    row("buzzes, engine = npm run replay (11 runs)", (v) => `${runs(v).reduce((n, c) => n + c.engine, 0)} = ${runs(v).reduce((n, c) => n + c.replay, 0)}, within ${Math.max(...runs(v).map((c) => c.maxDeltaS))} s${runs(v).every((c) => c.match) ? "" : " (MISMATCH)"}`),
    row("fs operations in the 2-h run (writes, renames, deletes)", (v) => `${v.fs.longRun.writes}, ${v.fs.longRun.renames}, ${v.fs.longRun.unlinks}`),
    row("uncaught errors", (v) => (v.uncaught.length ? v.uncaught.join("; ") : "none")),
  ].concat(f.margin ? [row("room left: the app's peak with extra top-level names (`--margin`)", (v) => {
    const m = f.margin!.find((x) => x.variant === v.variant);
    return m ? marginText(m) : "not measured";
  })] : []).join("\n");
}

/** The README's current engine-figures table (between the markers), or null. */
export function engineFiguresBlock(readme: string): string | null {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  return start < 0 || end < start ? null : readme.slice(start + README_START.length + 1, end - 1);
}

/** The README with its engine-figures block replaced; throws when the markers are missing. */
export function withEngineFigures(readme: string, f: EngineFigures): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${README_START}" ... "${README_END}" block`);
  return readme.slice(0, start + README_START.length) + "\n" + engineFiguresMarkdown(f) + "\n" + readme.slice(end);
}
