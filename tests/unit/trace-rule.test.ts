// One rule for what the heart-rate sensor reports from a trace (common/dev/trace.ts): the replay, the browser
// preview's player and the bench's simulated watch must all see the same readings.
import { describe, expect, it } from "vitest";
import { TraceSample, readTo, seekCursor, traceCursor } from "../../common/dev/trace";
import { replayInputs } from "../../common/dev/replay";
import { TracePlayer } from "../../web/harness/trace-player";
import { sensorSeconds } from "../../tools/device-costs";

/** Gaps (3 -> 10, 13 -> 20), a repeated timestamp (2), a 0-bpm sample (11) and an off-grid time (12.5). */
const TRACE: TraceSample[] = [
  { t: 100, bpm: 100 }, { t: 101, bpm: 101 }, { t: 102, bpm: 102 }, { t: 102, bpm: 130 }, { t: 103, bpm: 103 },
  { t: 110, bpm: 110 }, { t: 111, bpm: 0 }, { t: 112, bpm: 112 }, { t: 112.5, bpm: 113 }, { t: 113, bpm: 114 },
  { t: 120, bpm: 120 },
];

interface Seen { t: number; bpm: number | null; at: number }

function viaReplay(): Seen[] {
  const out: Seen[] = [];
  const ticks: number[] = [];
  const sampleTimes = new Set(TRACE.map((s) => s.t));
  replayInputs(TRACE, (t, bpm) => {
    // A tick of no reading falls between samples, never on one; a sample is stepped at its recorded time.
    if (bpm === null && !sampleTimes.has(t)) ticks.push(t);
    else out.push({ t, bpm, at: t });
  });
  expect(ticks).toEqual([104, 105, 106, 107, 108, 109, 114, 115, 116, 117, 118, 119]);
  return out;
}

function viaPlayer(): { seen: Seen[]; silent: number } {
  const player = new TracePlayer();
  const startMs = 5_000_000;
  player.load(TRACE, TRACE[0].t, startMs);
  const seen: Seen[] = [];
  let silent = 0;
  // The page's sensor reads once a (virtual) second, a little after each whole second of the trace.
  for (let i = 0; i <= 22; i++) {
    const nowMs = startMs + i * 1000 + 300;
    const got = player.readings(nowMs);
    if (got.length === 0) silent++;
    for (const s of got) seen.push({ t: s.t, bpm: s.bpm > 0 ? s.bpm : null, at: player.cursor(nowMs) });
  }
  return { seen, silent };
}

function viaDeviceRun(): Seen[] {
  const t0 = TRACE[0].t;
  return sensorSeconds(TRACE, 1).flatMap((readings, i) => readings.map((s) => ({ t: s.t, bpm: s.bpm > 0 ? s.bpm : null, at: t0 + i })));
}

const reading = (s: Seen) => ({ t: s.t, bpm: s.bpm });

describe("one rule for turning a trace into heart-rate readings", () => {
  it("the replay, the page's player and the bench's device run see the same readings, each once", () => {
    const replay = viaReplay();
    const { seen: page, silent } = viaPlayer();
    const device = viaDeviceRun();
    const expected = TRACE.map((s) => ({ t: s.t, bpm: s.bpm > 0 ? s.bpm : null }));
    expect(replay.map(reading)).toEqual(expected);
    expect(page.map(reading)).toEqual(expected);
    expect(device.map(reading)).toEqual(expected);
    // Each one reported no earlier than recorded and within the second after.
    for (const s of [...replay, ...page, ...device]) {
      expect(s.at).toBeGreaterThanOrEqual(s.t);
      expect(s.at - s.t).toBeLessThan(1);
    }
    // Silent in the gaps: no repeat of the last sample (the guard's staleness rule handles the gap).
    expect(silent).toBe(6 + 6 + 2); // 104-109, 114-119, and past the end (121, 122)
    expect(sensorSeconds(TRACE, 1).slice(4, 10)).toEqual([[], [], [], [], [], []]);
  });

  it("a 1-Hz read reports the latest of the samples since the previous read; undefined when there are none", () => {
    const player = new TracePlayer();
    player.load(TRACE, 100, 0);
    expect(player.heartRate(2_000)).toBe(130); // 101, 102, then 130 at the same time: the last one
    expect(player.heartRate(5_000)).toBe(103);
    expect(player.heartRate(6_000)).toBeUndefined();
    expect(player.heartRate(11_000)).toBeNull(); // 110, then 0 bpm: "no heart rate"
  });

  it("a seek reports from the new position on, the sample exactly there included, and nothing twice", () => {
    const c = traceCursor(TRACE);
    expect(readTo(c, 102).map((s) => s.bpm)).toEqual([100, 101, 102, 130]);
    expect(readTo(c, 102)).toEqual([]);
    seekCursor(c, 110);
    expect(readTo(c, 112).map((s) => s.bpm)).toEqual([110, 0, 112]);
    seekCursor(c, 0);
    expect(readTo(c, 100).map((s) => s.bpm)).toEqual([100]);
    const player = new TracePlayer();
    player.load(TRACE, 100, 0);
    player.seek(112.5, 1_000);
    expect(player.readings(1_000).map((s) => s.bpm)).toEqual([113]);
  });
});
