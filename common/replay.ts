// Replays a trace through the real guard, the way the watch would have met it: one sample at a time, with
// 1-second ticks through gaps (the watch's run timer keeps ticking while the sensor is silent).
import { Profile, maxHrOf } from "./profile";
import { ceilingOf } from "./zones";
import { GuardEvent, GuardState, startGuard, step } from "./guard";
import { RunSummary, summarize } from "./summary";
import { TraceSample } from "./trace";

export interface ReplayResult {
  ceilingBpm: number;
  maxHr: number;
  events: GuardEvent[];
  summary: RunSummary;
  state: GuardState;
}

export function replayTrace(samples: TraceSample[], profile: Profile): ReplayResult {
  var t0 = samples.length ? samples[0].t : 0;
  var g = startGuard(profile, t0);
  var events: GuardEvent[] = [];
  var lastT = t0;
  for (var i = 0; i < samples.length; i++) {
    var s = samples[i];
    for (var tick = lastT + 1; tick < s.t; tick++) push(events, step(g, { t: tick, bpm: null, onWrist: true }));
    push(events, step(g, { t: s.t, bpm: s.bpm > 0 ? s.bpm : null, onWrist: true }));
    lastT = s.t;
  }
  return {
    ceilingBpm: ceilingOf(profile),
    maxHr: maxHrOf(profile),
    events: events,
    summary: summarize(g, "replay-0000", 0),
    state: g,
  };
}

function push(into: GuardEvent[], from: GuardEvent[]): void {
  for (var i = 0; i < from.length; i++) into.push(from[i]);
}
