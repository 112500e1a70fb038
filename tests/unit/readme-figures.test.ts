// The README's measured figures are written from the bench's JSON (npm run readme:figures), never by hand: this
// fails when the README's block differs from what build/bench.json (made by npm run bench:check, which npm test
// runs first) says today.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { figuresBlock, README_PATH, renderFigures, withFigures, BEGIN, END } from "../../tools/readme-figures";
import type { BenchReport } from "../../tools/bench";

const BENCH_JSON = join(__dirname, "..", "..", "build", "bench.json");
const report: BenchReport | null = existsSync(BENCH_JSON) ? JSON.parse(readFileSync(BENCH_JSON, "utf8")) : null;
const usable = report !== null && report.runs !== null && report.tradeoff !== null;
if (!usable) console.warn(`README figures not checked: ${BENCH_JSON} is missing or was made without the real traces or --tradeoff (npm run bench:check makes it)`);

describe("README figures", () => {
  it.skipIf(!usable)("are the ones the bench measured (run npm run readme:figures after changing the guard or the app)", () => {
    const readme = readFileSync(README_PATH, "utf8");
    expect(figuresBlock(readme)).toBe(renderFigures(report!));
  });

  it("are replaced between the markers and nowhere else, and a README without markers is refused", () => {
    const fake = { ...(report ?? {}), runs: null, qualitySkipped: "no traces", device: { jsBytes: [{ target: "atlas", jsBytes: 1000 }], jsError: null, run: null, runError: "not run" } } as unknown as BenchReport;
    const out = withFigures(`# T\nbefore\n${BEGIN}\nold figures\n${END}\nafter\n`, fake);
    expect(out).toMatch(/^# T\nbefore\n<!-- bench:begin/);
    expect(out).toMatch(/\nafter\n$/);
    expect(out).not.toContain("old figures");
    expect(out).toContain("atlas 1,000 bytes");
    expect(out).toContain("Alert quality was not measured: no traces.");
    expect(() => withFigures("# no markers\n", fake)).toThrow(/no figures block/);
  });
});
