// The simulated world's clock. The watch and phone bundles get Date/setTimeout/setInterval from here (see
// web/shared/virtual-time.ts), so a 60x replay runs the real app code through an hour of timers in a minute.
// Timers fire in due order and `now` is the timer's due time while it runs, exactly as if time had passed.

interface Timer {
  id: number;
  due: number;
  everyMs: number; // 0 for a one-shot timer
  fn: () => void;
}

export class VirtualClock {
  private nowMs: number;
  private timers: Timer[] = [];
  private nextId = 1;
  /** Called with each error an app callback throws, so the page can show it (and the e2e tests fail on it). */
  onError: (error: unknown) => void = (e) => console.error(e);

  constructor(startMs: number) {
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  setTimeout(fn: () => void, ms: number): number {
    return this.add(fn, ms, 0);
  }

  setInterval(fn: () => void, ms: number): number {
    // A zero interval would spin forever at one instant; browsers clamp too.
    return this.add(fn, ms, Math.max(1, ms || 0));
  }

  clear(id: number | undefined): void {
    this.timers = this.timers.filter((t) => t.id !== id);
  }

  /** Runs every timer due up to `targetMs`, in order, then sets the clock to it. */
  advanceTo(targetMs: number): void {
    for (;;) {
      let next: Timer | null = null;
      for (const t of this.timers) if (t.due <= targetMs && (next === null || t.due < next.due)) next = t;
      if (next === null) break;
      this.nowMs = Math.max(this.nowMs, next.due);
      if (next.everyMs > 0) next.due += next.everyMs;
      else this.clear(next.id);
      try {
        next.fn();
      } catch (e) {
        this.onError(e);
      }
    }
    this.nowMs = Math.max(this.nowMs, targetMs);
  }

  /** Runs a callback "now" on the virtual clock (events from the page: taps, link changes), catching its errors. */
  run(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.onError(e);
    }
  }

  private add(fn: () => void, ms: number, everyMs: number): number {
    const id = this.nextId++;
    const delay = Math.max(0, Number(ms) || 0);
    this.timers.push({ id, due: this.nowMs + (everyMs || delay), everyMs, fn });
    return id;
  }
}
