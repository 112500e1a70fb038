// The world's clock: one timeline for the watch and the phone. Timers run on a monotonic clock that moves only when
// advance() is called; the wall clock (Date) is that plus an offset a test can jump either way (a runner or the
// phone setting the time), and local time can take a fixed timezone offset. A timer belongs to one side, so
// killing the face drops its timers and nothing else.
export type Side = "watch" | "phone";
/** Who owns a timer: a side's app, or the world itself (the link's deliveries). */
export type Owner = Side | "world";

interface Timer {
  id: number;
  due: number;
  everyMs: number; // 0 for a one-shot timer
  fn: () => void;
  side: Owner;
}

export interface TimerGlobals {
  Date: DateConstructor;
  setTimeout: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => number;
  setInterval: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => number;
  clearTimeout: (id?: number) => void;
  clearInterval: (id?: number) => void;
}

// globalThis.Date, not Date: the page's phone bundle has Date replaced by this clock's own (web/build.ts).
const RealDate = globalThis.Date;
const LOCAL_GETTERS = ["FullYear", "Month", "Date", "Day", "Hours", "Minutes", "Seconds", "Milliseconds"] as const;

export class SimClock {
  private monoMs = 0;
  private wallOffsetMs: number;
  /** Minutes west of UTC, as Date.getTimezoneOffset() says it; null: the host's own timezone. */
  private tzOffsetMin: number | null = null;
  private timers: Timer[] = [];
  private nextId = 1;
  /** Where an exception thrown by a timer goes (the page shows it); unset, it propagates (tests see it). */
  onError: ((e: unknown) => void) | null = null;
  /** Refuses new timers for a side (a killed face's code may still be unwinding). */
  accepts: (side: Owner) => boolean = () => true;

  constructor(startMs: number) {
    this.wallOffsetMs = startMs;
  }

  now(): number {
    return this.monoMs + this.wallOffsetMs;
  }

  /** Milliseconds since the world began, unaffected by wall-clock jumps (what timers run on). */
  monotonic(): number {
    return this.monoMs;
  }

  /** The wall clock jumps by ms (negative: backwards); timers keep their monotonic schedule. */
  jump(ms: number): void {
    this.wallOffsetMs += ms;
  }

  /** A timezone change: local time becomes UTC minus `offsetMinutes` (null: back to the host's timezone). */
  setTimezoneOffset(offsetMinutes: number | null): void {
    this.tzOffsetMin = offsetMinutes;
  }

  setTimeout(side: Owner, fn: () => void, ms: number): number {
    return this.add(side, fn, Math.max(0, Number(ms) || 0), 0);
  }

  setInterval(side: Owner, fn: () => void, ms: number): number {
    // A zero interval would spin forever at one instant; browsers and Node clamp too.
    const every = Math.max(1, Number(ms) || 0);
    return this.add(side, fn, every, every);
  }

  clear(id: number | undefined): void {
    this.timers = this.timers.filter((t) => t.id !== id);
  }

  clearSide(side: Side): void {
    this.timers = this.timers.filter((t) => t.side !== side);
  }

  pendingTimers(side: Side): number {
    return this.timers.filter((t) => t.side === side).length;
  }

  /** Let ms pass, running every timer due on the way in due order (creation order on ties), `now` at its due time. */
  advance(ms: number): void {
    const end = this.monoMs + Math.max(0, ms);
    for (;;) {
      let next: Timer | null = null;
      for (const t of this.timers) if (t.due <= end && (next === null || t.due < next.due)) next = t;
      if (next === null) break;
      this.monoMs = Math.max(this.monoMs, next.due);
      if (next.everyMs > 0) next.due += next.everyMs;
      else this.clear(next.id);
      this.run(next.fn);
    }
    this.monoMs = end;
  }

  /** Runs a callback now (a timer, or an event from outside: a tap, a link change), reporting what it throws. */
  run(fn: () => void): void {
    if (this.onError === null) return fn();
    try {
      fn();
    } catch (e) {
      this.onError(e);
    }
  }

  /** Date and the timer functions for one side's code, on this clock. */
  globals(side: Side): TimerGlobals {
    const clock = this;
    class SimDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(clock.now());
        else super(...(args as [number]));
      }
      static now(): number {
        return clock.now();
      }
      getTimezoneOffset(): number {
        return clock.tzOffsetMin === null ? super.getTimezoneOffset() : clock.tzOffsetMin;
      }
    }
    // With a timezone set, local getters read the UTC fields of the shifted time.
    for (const name of LOCAL_GETTERS) {
      const local = (RealDate.prototype as unknown as Record<string, () => number>)["get" + name];
      const utc = (RealDate.prototype as unknown as Record<string, () => number>)["getUTC" + name];
      Object.defineProperty(SimDate.prototype, "get" + name, {
        value: function (this: Date): number {
          if (clock.tzOffsetMin === null) return local.call(this);
          return utc.call(new RealDate(this.getTime() - clock.tzOffsetMin * 60000));
        },
      });
    }
    const bind = (fn: (...a: unknown[]) => void, args: unknown[]) => () => fn(...args);
    return {
      Date: SimDate as unknown as DateConstructor,
      setTimeout: (fn, ms, ...args) => clock.setTimeout(side, bind(fn, args), ms ?? 0),
      setInterval: (fn, ms, ...args) => clock.setInterval(side, bind(fn, args), ms ?? 0),
      clearTimeout: (id) => clock.clear(id),
      clearInterval: (id) => clock.clear(id),
    };
  }

  private add(side: Owner, fn: () => void, delay: number, everyMs: number): number {
    const id = this.nextId++;
    if (this.accepts(side)) this.timers.push({ id, due: this.monoMs + delay, everyMs, fn, side });
    return id;
  }
}
