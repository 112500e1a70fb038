// The one simulated world the Fitbit stand-ins (sim/device, sim/phone) are written against: a clock with timers,
// a storage backend, the watch-phone link, the watch's sensors and screen, counters and fault switches. It lives
// on globalThis, not in a module, so it outlives a relaunch (vi.resetModules in tests, a fresh bundle on the page):
// what a launch owns (its module instances, listeners, timers) dies with it; files, storage and the link do not.
import { Side, SimClock } from "./clock";
import { Signal } from "./signal";
import { Faults } from "./faults";
import { Link } from "./link";
import { Store, memoryStore } from "./store";

/** The permissions package.json requests, granted as a runner would at install (each can be denied). */
export const REQUESTED_PERMISSIONS = ["access_heart_rate", "access_user_profile", "access_activity"];

export interface WorldOptions {
  /** Wall-clock start (Date.now()); default 2025-03-03 07:00 local time. */
  now?: number | string | Date;
  store?: Store;
  /** The link's state when the store has none; default down. */
  connected?: boolean;
  delivery?: "manual" | "auto";
  /** The text of resources/index.view (the document stand-in parses it at each launch). */
  viewXml?: string;
}

export interface Counters {
  domWrites: number;
  domWritesById: Record<string, number>;
  /** Flash operations: writes, renames and deletes that went through (torn writes too). */
  fs: { writes: number; renames: number; unlinks: number };
  /** vibration.start calls that played, and stop calls. */
  buzzes: Array<{ pattern: string; atMs: number }>;
  vibrationStops: number[];
  ticks: number;
}

export function newCounters(): Counters {
  return { domWrites: 0, domWritesById: {}, fs: { writes: 0, renames: 0, unlinks: 0 }, buzzes: [], vibrationStops: [], ticks: 0 };
}

export interface HeartRateListener {
  deliver(bpm: number | null): void;
  fail(message: string): void;
  readonly activated: boolean;
}

export interface PresenceListener {
  deliver(present: boolean): void;
  readonly activated: boolean;
}

export class World {
  readonly clock: SimClock;
  readonly store: Store;
  readonly faults = new Faults();
  readonly link: Link;
  counters: Counters = newCounters();
  readonly watch = {
    displayOn: true,
    onWrist: true,
    user: { age: 40, restingHeartRate: 60, maxHeartRate: undefined } as { age?: number; restingHeartRate?: number; maxHeartRate?: number },
    permissions: {} as Record<string, boolean>,
    /** false: the module exports HeartRateSensor / BodyPresenceSensor as undefined, as on a watch without one. */
    hasHeartRateSensor: true,
    hasBodyPresenceSensor: true,
    viewXml: "",
    /** On the page: the trace, read by a started sensor once per period (undefined: nothing recorded since). */
    heartRateSource: null as null | (() => number | null | undefined),
    /** The current launch's sensors and its document's elements by id. */
    hrSensors: [] as HeartRateListener[],
    bodySensors: [] as PresenceListener[],
    elements: {} as Record<string, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
    /** The current launch's document root (the <svg> of index.view), for the page to draw. */
    root: null as unknown,
    /** The current launch's appbit unload event, for a graceful close. */
    unload: null as null | (() => void),
    /** The current launch's clock module: one tick now (if the display is on). */
    tick: null as null | (() => void),
    /** The watch's language setting; "i18n" (sim/device/i18n.ts) speaks its language. */
    locale: "en-US",
  };
  readonly phone = {
    launchReasons: {} as { peerAppLaunched?: boolean; settingsChanged?: boolean; fileTransfer?: boolean; wokenUp?: boolean },
    /** The settings page component settings/index.tsx registered, for a renderer to draw. */
    settingsPage: null as null | ((props: { settings: Record<string, string>; settingsStorage: unknown }) => unknown),
    /** The phone's locale (Fitbit: user-settings locale.language); "i18n" (sim/phone/i18n.ts) speaks its language. */
    locale: "en-US",
  };
  /** News for the page and the stand-ins. */
  readonly signals = {
    displayChanged: new Signal<boolean>(),
    buzzed: new Signal<string>(),
    /** An element of the face changed (the page redraws it); null: a new document was loaded. */
    elementChanged: new Signal<unknown>(),
    buttonPressed: new Signal<"back" | "up" | "down">(),
    settingsWritten: new Signal<void>(),
    /** The settings page stored a value (the companion's settingsStorage fires change). */
    settingsChangedByPage: new Signal<{ key: string; oldValue: string | null; newValue: string | null }>(),
  };
  private launches: Record<Side, number> = { watch: 0, phone: 0 };
  private running: Record<Side, boolean> = { watch: false, phone: false };

  constructor(options: WorldOptions = {}) {
    const start = options.now !== undefined ? new Date(options.now).getTime() : new Date(2025, 2, 3, 7, 0, 0).getTime();
    this.clock = new SimClock(start);
    this.clock.accepts = (owner) => owner === "world" || this.running[owner];
    this.store = options.store ?? memoryStore();
    this.link = new Link(this, this.store, options.connected ?? false, options.delivery ?? "manual");
    this.watch.viewXml = options.viewXml ?? "";
    for (const p of REQUESTED_PERMISSIONS) this.watch.permissions[p] = true;
  }

  // ---- launches ----

  launchOf(side: Side): number {
    return this.launches[side];
  }

  /** That side's app runs (and, with `launch`, that launch is the current one). */
  isRunning(side: Side, launch?: number): boolean {
    return this.running[side] && (launch === undefined || launch === this.launches[side]);
  }

  /** A new launch of a side begins: call before its code is loaded, so its modules belong to it. */
  beginLaunch(side: Side): void {
    this.launches[side]++;
    this.running[side] = true;
    if (side === "watch") {
      this.watch.hrSensors = [];
      this.watch.bodySensors = [];
      this.watch.elements = {};
      this.watch.root = null;
      this.watch.unload = null;
      this.watch.tick = null;
    }
    this.link.pump();
  }

  /**
   * The side's app stops: its timers are dropped and its modules hear nothing more. Nothing runs on the way out
   * (a crash, a battery pull, the OS ending the companion) unless `unload` is given: then it runs first.
   */
  kill(side: Side, unload?: () => void): void {
    if (!this.running[side]) return;
    if (unload) unload();
    this.running[side] = false;
    this.clock.clearSide(side);
  }

  // ---- the watch's senses ----

  pushHeartRate(bpm: number | null): void {
    for (const s of this.watch.hrSensors) s.deliver(bpm);
  }

  /** The heart-rate sensor reports an error and stops (HeartRateSensor emits "error" and deactivates). */
  heartRateError(message = "Sensor failure"): void {
    for (const s of this.watch.hrSensors) s.fail(message);
  }

  setOnWrist(present: boolean): void {
    this.watch.onWrist = present;
    for (const s of this.watch.bodySensors) s.deliver(present);
  }

  setDisplay(on: boolean): void {
    if (this.watch.displayOn === on) return;
    this.watch.displayOn = on;
    this.signals.displayChanged.emit(on);
  }
}

const KEY = "__recoveryGuardSimWorld";

/** The current world (a default one if none was made yet). */
export function world(): World {
  const g = globalThis as unknown as Record<string, World | undefined>;
  if (!g[KEY]) g[KEY] = new World();
  return g[KEY] as World;
}

/** Replace the world with a fresh one. */
export function newWorld(options?: WorldOptions): World {
  const w = new World(options);
  (globalThis as unknown as Record<string, World>)[KEY] = w;
  return w;
}
