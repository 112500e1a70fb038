// Where the replay is in the trace, tied to the virtual clock: the cursor moves with simulated time, so the
// heart-rate sensor reads the trace at 1x to 60x, and a seek only moves the cursor (the clock never goes back).
// What the sensor reports is the one rule of common/dev/trace.ts (the replay and the bench use it too): the samples
// recorded since its previous read, each once; nothing in a gap.
import { TraceCursor, TraceSample, readTo, seekCursor, traceCursor } from "../../common/dev/trace";

export class TracePlayer {
  private samples: TraceSample[] = [];
  private reader: TraceCursor = traceCursor([]);
  private anchorCursor = 0;
  private anchorNowMs = 0;

  load(samples: TraceSample[], cursor: number, nowMs: number): void {
    this.samples = samples;
    this.reader = traceCursor(samples);
    this.seek(cursor, nowMs);
  }

  get loaded(): boolean {
    return this.samples.length > 0;
  }

  get startT(): number {
    return this.samples.length ? this.samples[0].t : 0;
  }

  get endT(): number {
    return this.samples.length ? this.samples[this.samples.length - 1].t : 0;
  }

  get all(): readonly TraceSample[] {
    return this.samples;
  }

  /** Seconds on the trace's own clock. */
  cursor(nowMs: number): number {
    return this.anchorCursor + (nowMs - this.anchorNowMs) / 1000;
  }

  seek(cursor: number, nowMs: number): void {
    this.anchorCursor = Math.max(this.startT, Math.min(cursor, this.endT));
    this.anchorNowMs = nowMs;
    seekCursor(this.reader, this.anchorCursor);
  }

  ended(nowMs: number): boolean {
    return this.loaded && this.cursor(nowMs) > this.endT;
  }

  /** The samples recorded since the previous read, up to the cursor, each once ([] in a gap or past the end). */
  readings(nowMs: number): TraceSample[] {
    return readTo(this.reader, this.cursor(nowMs));
  }

  /**
   * What a 1-Hz sensor reports when read now: the latest of readings() (null for a 0-bpm sample, "no heart rate"),
   * or undefined when no sample was recorded since the previous read (the sensor is silent).
   */
  heartRate(nowMs: number): number | null | undefined {
    const got = this.readings(nowMs);
    if (got.length === 0) return undefined;
    const bpm = got[got.length - 1].bpm;
    return bpm > 0 ? bpm : null;
  }
}
