// npm run engine -- --margin (and the bench, for the README's table): how close the watch's code is to the engine's
// next collector step.
//
// JerryScript 2.4 collects garbage when an allocation reaches a heap limit that moves in 2 KB steps, and then only
// if enough objects were made since the last collection; otherwise the limit moves up a step. So the app's peak moves
// in 2 KB steps, not smoothly, and a few bytes more can cost a whole step. This runs the scenario again with k extra
// top-level names prepended to the device JavaScript (withExtraNames: a few dozen bytes of live heap each, measured
// and printed) and reports, per engine, the first k at which the app's own peak goes over its budget. The steps are
// not monotonic (a k that fails can be followed by one that passes), so the figure is the first failure. A few
// seconds per k; the search stops at the first count over on every engine.
import { ENGINE_BUDGETS } from "./budgets";
import { EngineFigures, EngineMargin, engineFigures } from "./run";

/** The counts tried, in order; the search stops once every engine has failed one. */
export const MARGIN_STEPS = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32];

export interface MarginRow { extraNames: number; peaks: { variant: string; appPeakBytes: number; liveAfterLoadBytes: number }[] }

export interface MarginReport {
  limitBytes: number;
  rows: MarginRow[];
  /** Per engine: the first count that went over the budget (null: none of MARGIN_STEPS did). */
  firstOver: { variant: string; extraNames: number | null }[];
  /** Live heap after load per extra name, from the largest count tried. */
  bytesPerName: number;
}

/** `asBuilt`: the app's figures already measured (the bench's), used for the count 0 instead of a run of its own. */
export function engineMargin(log: (s: string) => void = () => {}, asBuilt?: EngineFigures): MarginReport | { skipped: string } {
  const rows: MarginRow[] = [];
  const failed = new Map<string, number>();
  let variants: string[] = [];
  for (const k of [0, ...MARGIN_STEPS]) {
    const f = k === 0 && asBuilt ? asBuilt : engineFigures(log, { extraNames: k });
    if ("skipped" in f) return { skipped: f.skipped };
    const peaks = f.variants.flatMap((v) => ("skipped" in v ? [] : [{ variant: v.variant, appPeakBytes: v.app.peakBytes, liveAfterLoadBytes: v.app.liveAfterLoadBytes }]));
    if (k === 0) variants = peaks.map((p) => p.variant);
    rows.push({ extraNames: k, peaks });
    for (const p of peaks) if (p.appPeakBytes > ENGINE_BUDGETS.appPeakBytes && !failed.has(p.variant)) failed.set(p.variant, k);
    log(`  ${k} extra names: ${peaks.map((p) => `${p.variant} ${p.appPeakBytes}`).join(", ")}`);
    if (variants.length > 0 && variants.every((v) => failed.has(v))) break;
  }
  const last = rows[rows.length - 1];
  const bytesPerName = last.extraNames > 0 ? (last.peaks[0].liveAfterLoadBytes - rows[0].peaks[0].liveAfterLoadBytes) / last.extraNames : NaN;
  return { limitBytes: ENGINE_BUDGETS.appPeakBytes, rows, firstOver: variants.map((v) => ({ variant: v, extraNames: failed.get(v) ?? null })), bytesPerName };
}

/** What the bench keeps of it, per engine. */
export function marginFigures(m: MarginReport): EngineMargin[] {
  return m.firstOver.map((f) => ({ variant: f.variant, firstOverExtraNames: f.extraNames, bytesPerName: m.bytesPerName }));
}

/** The bench's engine figures with their margin (when the engine ran). */
export function withMargin(f: EngineFigures, log: (s: string) => void = () => {}): EngineFigures {
  if ("skipped" in f) return f;
  const m = engineMargin(log, f);
  return "skipped" in m ? f : { ...f, margin: marginFigures(m) };
}

/** One engine's margin in words. */
export function marginText(m: EngineMargin): string {
  if (m.firstOverExtraNames === 0) return `over the ${ENGINE_BUDGETS.appPeakBytes}-byte budget as built`;
  if (m.firstOverExtraNames === null) return `within budget with up to ${MARGIN_STEPS[MARGIN_STEPS.length - 1]} extra names`;
  return `over with ${m.firstOverExtraNames} extra top-level names (about ${Math.round(m.firstOverExtraNames * m.bytesPerName)} B more live heap)`;
}

export function formatMargin(m: MarginReport | { skipped: string }): string {
  if ("skipped" in m) return `engine margin SKIPPED: ${m.skipped}\n`;
  const lines = m.rows.map((r) => `  ${String(r.extraNames).padStart(2)} extra names: ${r.peaks.map((p) => `${p.variant} ${p.appPeakBytes}${p.appPeakBytes > m.limitBytes ? " (over)" : ""}`).join(", ")}`);
  const verdict = marginFigures(m).map((f) => `${f.variant}: ${marginText(f)}`);
  return `engine margin (the app's own peak, limit ${m.limitBytes} bytes, with extra top-level names):\n${lines.join("\n")}\n${verdict.join("\n")}\n`;
}
