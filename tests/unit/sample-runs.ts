// Run summaries for link and history tests: distinct ids, realistic numbers.
import { makeRunId, RunSummary } from "../../common/watch/summary";

export function sampleRun(startMs: number, rand: number, over: Partial<RunSummary> = {}): RunSummary {
  return {
    id: makeRunId(startMs, rand), startedAt: Math.floor(startMs / 1000), durationS: 1800, movingS: 1700, pausedS: 100,
    avgHr: 132, maxHr: 149, secondsAboveCeiling: 20, breaches: 1, buzzes: 1, capReached: true,
    zoneSeconds: [300, 900, 500, 0, 0, 0], ceilingBpm: 145.6, capMinutes: 30, ...over,
  };
}
