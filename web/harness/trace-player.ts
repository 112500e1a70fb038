// Where the replay is in the trace, tied to the virtual clock: the cursor moves with simulated time, so the
// heart-rate sensor reads the trace at 1x to 60x, and a seek only moves the cursor (the clock never goes back).
import { TraceSample } from "../../common/trace";

/** A reading older than this (a gap in the recording) is no reading at all. */
const GAP_S = 5;

export class TracePlayer {
  private samples: TraceSample[] = [];
  private anchorCursor = 0;
  private anchorNowMs = 0;

  load(samples: TraceSample[], cursor: number, nowMs: number): void {
    this.samples = samples;
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
  }

  ended(nowMs: number): boolean {
    return this.loaded && this.cursor(nowMs) > this.endT;
  }

  /** The latest sample at or before the cursor, or null in a recording gap or past the end. */
  heartRate(nowMs: number): number | null {
    const t = this.cursor(nowMs);
    const s = this.samples;
    let lo = 0;
    let hi = s.length - 1;
    if (hi < 0 || t < s[0].t || t > this.endT + GAP_S) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid].t <= t) lo = mid;
      else hi = mid - 1;
    }
    return t - s[lo].t <= GAP_S && s[lo].bpm > 0 ? s[lo].bpm : null;
  }
}
