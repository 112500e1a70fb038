// Replays a trace through the real guard, the way the watch would have met it: each sample at its recorded time
// (read through the trace cursor, common/dev/trace.ts: the one rule for what the sensor reports), with 1-second ticks
// of no reading through gaps (the watch's run timer keeps ticking while the sensor is silent).
import { Profile, maxHrOf } from "../watch/profile";
import { ceilingOf } from "../watch/zones";
import { GuardEvent, GuardState, Tuning, isAbandoned, startGuard, step } from "../watch/guard";
import { RunSummary, summarize } from "../watch/summary";
import { TraceSample, nextReading, nextSampleT, traceCursor } from "./trace";

export interface ReplayResult {
  ceilingBpm: number;
  maxHr: number;
  events: GuardEvent[];
  summary: RunSummary;
  state: GuardState;
  /** When the watch would have ended the run as forgotten (isAbandoned: an hour past its cap), or null. */
  endedAt: number | null;
  /** Samples recorded after that end, which the watch never saw. */
  unreplayed: number;
}

/**
 * The guard's inputs for a trace, in order: every sample at its recorded time (bpm null for a 0-bpm sample), and
 * between samples a tick of no reading each second after the previous sample. visit returns false to stop (the
 * run has ended); the number of samples never visited is returned.
 */
export function replayInputs(samples: TraceSample[], visit: (t: number, bpm: number | null) => boolean | void): number {
  var c = traceCursor(samples);
  var lastT = samples.length ? samples[0].t : 0;
  while (c.next < samples.length) {
    var at = nextSampleT(c);
    for (var tick = lastT + 1; tick < at; tick++) if (visit(tick, null) === false) return samples.length - c.next;
    for (var s = nextReading(c, at); s !== null; s = nextReading(c, at)) {
      if (visit(s.t, s.bpm > 0 ? s.bpm : null) === false) return samples.length - c.next;
    }
    lastT = at;
  }
  return 0;
}

/** Replays with the shipped tuning, or another one (the bench's --tuning); the state is sized from it. */
export function replayTrace(samples: TraceSample[], profile: Profile, tuning?: Tuning): ReplayResult {
  var t0 = samples.length ? samples[0].t : 0;
  var g = startGuard(profile, t0, tuning);
  var events: GuardEvent[] = [];
  var endedAt: number | null = null;
  // The watch's own rule for a forgotten run ends the replay too, so a trace with a huge gap finishes at once.
  var unreplayed = replayInputs(samples, function (t, bpm) {
    var out = step(g, { t: t, bpm: bpm, onWrist: true }, tuning);
    for (var i = 0; i < out.length; i++) events.push(out[i]);
    if (!isAbandoned(g, t, tuning)) return true;
    endedAt = t;
    return false;
  });
  return {
    ceilingBpm: ceilingOf(profile),
    maxHr: maxHrOf(profile),
    events: events,
    summary: summarize(g, "replay-0000", 0),
    state: g,
    endedAt: endedAt,
    unreplayed: unreplayed,
  };
}
