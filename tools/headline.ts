// The handful of figures issue 8's floors and targets are set on, drawn from a bench quality table: one place,
// used by the bench's trade-off table, its targets and check-budgets.
import type { Metrics, QualityTable } from "./bench";

export function nuisanceVsNaive(g: Metrics, n: Metrics): number {
  return n.nuisancePerHour > 0 ? g.nuisancePerHour / n.nuisancePerHour : 0;
}

/** The figures issue 8's floors and targets are set on, for one tuning. */
export interface Headline {
  recall: number;
  clearRecall: number;
  latencyMedianS: number | null;
  clearLatencyMedianS: number | null;
  nuisancePerHour: number;
  nuisanceVsNaive: number;
  opticalNuisanceVsNaive: number | null;
  worstTrace: { trace: string; nuisanceVsNaive: number } | null;
  silenceWorstS: number | null;
  silenceP95S: number | null;
  buzzesPerBreach: number | null;
}

export function headlineOf(t: QualityTable): Headline {
  const g = t.total.guard;
  const optical = t.bySensor.find((k) => k.sensor === "optical");
  return {
    recall: g.recall, clearRecall: g.clearRecall, latencyMedianS: g.latencyMedianS, clearLatencyMedianS: g.clearLatencyMedianS,
    nuisancePerHour: g.nuisancePerHour, nuisanceVsNaive: nuisanceVsNaive(g, t.total.naive),
    opticalNuisanceVsNaive: optical ? nuisanceVsNaive(optical.guard, optical.naive) : null,
    worstTrace: t.worst, silenceWorstS: g.silenceWorstS, silenceP95S: g.silenceP95S, buzzesPerBreach: g.buzzesPerBreach,
  };
}

