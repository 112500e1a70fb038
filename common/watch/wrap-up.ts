// The wrap-up hint (cardiac drift): "the run should end before fatigue builds". Fed the guard's believed level once
// a second, it says "wrap up" at most once a run, when the heart rate has crept up at a steady effort. A pure state
// machine, ES5-safe, a few numbers of state (JSON-safe: the watch checkpoints it with the guard's). Heart rate only:
// fed the traces' step cadence too, it fired on exactly the same traces (tools/wrap-up-bench.ts, docs/run-day.md),
// so the watch neither counts steps for it nor carries the code.
//
// Per minute of the run it keeps the mean believed level. A minute whose mean rose more than stepBpm over the
// minute before (an interval, a hill) means the effort changed: the reference is dropped and the level must settle
// again; after a stop (a fall of more than stepBpm, or a minute without readings) HR warms up again as after a
// start. After the warm-up, the reference is the lowest 3-minute mean of the settled stretch; a climb of more than
// recentBpm in 4 minutes (a hill, a faster pace) drops it too. The hint comes when the last 3 minutes are riseBpm
// over the reference, the reference at least spanMin minutes back (drift is slow), held for holdMin minutes in a
// row. The numbers are tuned on ../shared/traces (tools/wrap-up-bench.ts --tradeoff; docs/run-day.md says why each).

export interface WrapUpTuning {
  /** Minutes from the start before anything counts: HR is still settling into the effort. */
  warmupMin: number;
  /** Seconds of believed level a minute needs to count. */
  minCoverS: number;
  /** A minute mean this far from the one before is a change of effort. */
  stepBpm: number;
  /** After a change of effort, minutes ignored before the level counts as settled again... */
  settleMin: number;
  /** ...and after a stop (a hole in the readings, or a fall of more than stepBpm), as after a fresh start. */
  restartMin: number;
  /** The last 3 minutes this much over the reference: drift. */
  riseBpm: number;
  /** ...with the reference at least this many minutes back. */
  spanMin: number;
  /** The last 3 minutes at most this much over the 3 minutes 4 minutes earlier (a climb, not a creep). */
  recentBpm: number;
  /** Minutes in a row the drift must hold before the hint. */
  holdMin: number;
}

/** The tuning the watch ships; the bench's trade-off passes others. Built in a function, as guard.ts's TUNING is:
 * an object literal in the bundle's top-level code costs JerryScript's parser heap the watch does not have. */
export var WRAP_UP_TUNING: WrapUpTuning = (function (): WrapUpTuning { return {
  warmupMin: 10,
  minCoverS: 40,
  stepBpm: 6,
  settleMin: 2,
  restartMin: 5,
  riseBpm: 8,
  spanMin: 6,
  recentBpm: 8,
  holdMin: 2,
}; }).call(null);

/** Minute means kept: the last 3 and the 3 four minutes before them. */
var SLOTS = 8;

export interface WrapUpState {
  t0: number;
  /** The minute being gathered (from t0), its level sum and seconds. */
  minute: number;
  sum: number;
  n: number;
  /** Past minute means, newest at index (minute - 1) % SLOTS; 0 for a minute that did not count. */
  hr: number[];
  /** Settled minutes in a row (after the warm-up and settleMin), and minutes still to skip after a change. */
  good: number;
  skip: number;
  /** The reference 3-minute level and its minute, or ref 0 for none. */
  ref: number;
  refAt: number;
  holds: number;
  /** When the hint fired (the caller's t), or -1: once a run. */
  firedT: number;
}

export function startWrapUp(t0: number): WrapUpState {
  return { t0: t0, minute: 0, sum: 0, n: 0, hr: [0, 0, 0, 0, 0, 0, 0, 0], good: 0, skip: 0, ref: 0, refAt: 0, holds: 0, firedT: -1 };
}

/** Mean of the 3 minute means ending `back` minutes before slot `last` (0 if any is missing). */
function mean3(a: number[], last: number, back: number): number {
  var s = 0;
  for (var i = 0; i < 3; i++) {
    var x = a[(last - back - i + 2 * SLOTS) % SLOTS];
    if (!(x > 0)) return 0;
    s += x;
  }
  return s / 3;
}

/** Closes minute m with its mean x (0 when it did not count); returns true when the hint fires now. */
function closeMinute(s: WrapUpState, m: number, x: number, k: WrapUpTuning): boolean {
  var i = m % SLOTS;
  var prev = s.hr[(m + SLOTS - 1) % SLOTS];
  s.hr[i] = x;
  if (m < k.warmupMin) return false;
  // Minutes to wait before the level counts again: after a stop (no level, or a fall) HR warms up as after a start;
  // after a rise (an interval, a hill) it settles.
  var wait = !(x > 0) || !(prev > 0) || prev - x > k.stepBpm ? k.restartMin : x - prev > k.stepBpm ? k.settleMin : 0;
  if (!wait) {
    if (s.skip > 0) { s.skip--; return false; }
    if (++s.good < 3) return false;
    var now = mean3(s.hr, i, 0);
    // A climb (more than recentBpm in 4 minutes: a hill, a faster pace, HR coming back after a stop) is a change of
    // effort too: drift is measured from where the level settles after it.
    if (s.good >= 7 && now - mean3(s.hr, i, 4) > k.recentBpm) wait = k.settleMin;
    else {
      if (s.ref === 0 || now < s.ref) { s.ref = now; s.refAt = m; }
      s.holds = now - s.ref >= k.riseBpm && m - s.refAt >= k.spanMin ? s.holds + 1 : 0;
      return s.holds >= k.holdMin;
    }
  }
  // The reference goes; a restart's longer wait is not cut short by a change during it (HR climbing back).
  s.good = s.ref = s.holds = 0;
  if (wait > s.skip) s.skip = wait;
  return false;
}

/**
 * One second of the run: the guard's believed level (0 or null when it has none: a hole). Returns true exactly
 * once a run: when the hint should show.
 */
export function stepWrapUp(s: WrapUpState, t: number, bpm: number | null, tuning?: WrapUpTuning): boolean {
  var k = tuning || WRAP_UP_TUNING;
  if (s.firedT >= 0 || !(t >= s.t0)) return false;
  var m = Math.floor((t - s.t0) / 60);
  var fire = false;
  while (s.minute < m && !fire) {
    // Whole bpm: a fraction is noise at these thresholds, and whole numbers keep the checkpoint short.
    fire = closeMinute(s, s.minute, s.n >= k.minCoverS ? Math.round(s.sum / s.n) : 0, k);
    s.sum = s.n = 0;
    // A long hole: every missing minute closes empty (at most SLOTS of them matter).
    s.minute = s.minute + SLOTS < m ? m - SLOTS : s.minute + 1;
  }
  if (fire) { s.firedT = t; return true; }
  if (bpm !== null && bpm > 0) { s.sum += bpm; s.n++; }
  return false;
}
