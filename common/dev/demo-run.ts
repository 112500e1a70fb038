// A GENERATED demo run, for when no real trace is at hand. It is labelled as generated wherever it is shown.
// The model: heart rate follows a target with a first-order lag (tau 25 s, the "HR lags effort by tens of
// seconds" runners notice), plus small seeded noise. The target script: warm-up, easy running just under the
// ceiling, a hill that pushes ~12 bpm over it for 90 s, easy again, a one-sample sensor drop-out, a short
// artefact spike, and a cool-down. Deterministic for a given ceiling and seed.
import { TraceSample } from "./trace";

export var DEMO_RUN_LABEL = "generated demo run (not a real recording)";

interface Segment { untilS: number; offset: number; }

/** Offsets are bpm relative to the ceiling. */
var SCRIPT: Segment[] = [
  { untilS: 240, offset: -25 },  // warm-up
  { untilS: 720, offset: -8 },   // easy
  { untilS: 810, offset: 12 },   // the hill
  { untilS: 1500, offset: -7 },  // easy again
  { untilS: 1800, offset: -5 },
  { untilS: 2100, offset: -20 }, // cool-down
];

export function generateDemoRun(ceilingBpm: number, seed?: number): TraceSample[] {
  var rng = (seed === undefined ? 42 : seed) >>> 0;
  function noise(): number {
    // xorshift32: tiny and deterministic
    rng ^= rng << 13; rng >>>= 0; rng ^= rng >>> 17; rng ^= rng << 5; rng >>>= 0;
    return (rng / 4294967296) * 2 - 1;
  }
  var out: TraceSample[] = [];
  var hr = ceilingBpm - 60;
  var seg = 0;
  var end = SCRIPT[SCRIPT.length - 1].untilS;
  for (var t = 0; t < end; t++) {
    while (t >= SCRIPT[seg].untilS) seg++;
    var target = ceilingBpm + SCRIPT[seg].offset;
    hr += (target - hr) / 25;
    var bpm = Math.round(hr + noise() * 2);
    if (t === 1000) bpm = Math.round(hr) - 50; // one-sample drop-out
    if (t >= 1300 && t < 1303) bpm = Math.round(hr) + 45; // 3-second artefact spike
    out.push({ t: t, bpm: bpm });
  }
  return out;
}
