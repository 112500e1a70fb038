// The test side of the simulated watch (vitest). A device test typically does:
//
//   resetWorld({ now: "2025-03-03T07:00:00" });      // a fresh world: its clock runs Date and the timers
//   world().watch.user.age = 23;                     // ...set the scene...
//   await launchFace();                              // the real app/index.ts starts, on the stand-ins
//   tap("start-btn"); runSeconds(30, 160);           // act: taps, heart rate, time
//   expect(text("state-text")).toBe("OVER: EASE OFF"); expect(patterns()).toEqual(["nudge-max"]);
//
// relaunchFace() restarts the face mid-test: files and the world survive; what the old launch owned (timers,
// sensors, listeners, the document) is gone. Faults: world().faults (sim/faults.ts), world().clock.jump(ms).
import { afterEach, beforeEach, vi } from "vitest";
import { join } from "node:path";
import type { TimerGlobals } from "../clock";
import { WorldOptions, newCounters, world } from "../world";
import { payloadText } from "../payload";
import { ROOT, nodeWorld } from "./node";
import type { Profile, ProfileCheck, ProfileInput } from "../../common/watch/profile";

export { world } from "../world";

/** A fresh world whose clock is this test's Date and timers (both sides share the one global set; timers set while
 * the face is not running are dropped, as a dead face's would be). */
export function resetWorld(options?: WorldOptions): void {
  const w = nodeWorld(options);
  Object.assign(globalThis, w.clock.globals("watch") as TimerGlobals);
}

/**
 * For a test file: a fresh world before each test, console.warn collected into the returned list (emptied for each
 * test) and console.log silenced, both restored after.
 */
export function freshWorldEachTest(options?: WorldOptions): string[] {
  const warnings: string[] = [];
  beforeEach(() => {
    resetWorld(options);
    warnings.length = 0;
    vi.spyOn(console, "warn").mockImplementation((m: string) => { warnings.push(String(m)); });
    vi.spyOn(console, "log").mockImplementation(() => {});
  });
  afterEach(() => { vi.restoreAllMocks(); });
  return warnings;
}

/** Load a module of the real app/, companion/ or settings/ (after vi.resetModules(), a fresh instance). The path is
 * built at run time so `tsc -p tests` does not follow it into code checked against the Fitbit SDK's types. */
export function loadReal<T = unknown>(path: string): Promise<T> {
  return import(/* @vite-ignore */ join(ROOT, path));
}

/** Start the real face (app/index.ts) as a fresh launch. */
export async function launchFace(): Promise<void> {
  world().beginLaunch("watch");
  vi.resetModules();
  await loadReal("app/index");
}

/** Stop the face: graceful, the system closes it (unload fires first); else killed (nothing runs on the way out). */
export function killFace(options?: { graceful?: boolean }): void {
  const w = world();
  w.kill("watch", options && options.graceful ? w.watch.unload || undefined : undefined);
}

export async function relaunchFace(options?: { graceful?: boolean }): Promise<void> {
  killFace(options);
  await launchFace();
}

function element(id: string): any { // eslint-disable-line @typescript-eslint/no-explicit-any
  const el = world().watch.elements[id];
  if (!el) throw new Error("No element #" + id + " in index.view");
  return el;
}

/** Tap an element the way a finger does: only a displayed one with pointer-events="visible" reacts. */
export function tap(id: string): boolean {
  return element(id).tap();
}
export const text = (id: string): string => element(id).text;
export const className = (id: string): string => element(id).class;
export const isShown = (id: string): boolean => element(id).isDisplayed();
export const prop = (id: string, name: string): unknown => element(id)[name];

/** One heart-rate reading to every started sensor (null: the sensor has no value). */
export function pushHeartRate(bpm: number | null): void {
  world().pushHeartRate(bpm);
}

/** Let ms pass on the world's clock, running the timers due. */
export function advance(ms: number): void {
  world().clock.advance(ms);
}

/** `seconds` one at a time, one heart-rate reading at the start of each (a number, null for none, or a function of the second). */
export function runSeconds(seconds: number, bpm?: number | null | ((i: number) => number | null)): void {
  for (let i = 0; i < seconds; i++) {
    const v = typeof bpm === "function" ? bpm(i) : bpm;
    if (v !== undefined && v !== null) pushHeartRate(v);
    advance(1000);
  }
}

/** A clock tick now (only when the display is on, as on the device). The clock also ticks by itself. */
export const tickClock = (): void => { const t = world().watch.tick; if (t) t(); };
export const setOnWrist = (present: boolean): void => world().setOnWrist(present);
export const setDisplay = (on: boolean): void => world().setDisplay(on);
export const grant = (permission: string, granted: boolean): void => { world().watch.permissions[permission] = granted; };
export const hrSensorRunning = (): boolean => world().watch.hrSensors.some((s) => s.activated);
export const bodySensorRunning = (): boolean => world().watch.bodySensors.some((s) => s.activated);

/** The patterns vibration.start played, in order. */
export const patterns = (): string[] => world().counters.buzzes.map((v) => v.pattern);

/** Put a file on the watch without counting a write (for planting old or corrupt files). */
export function putFile(name: string, text: string): void {
  world().store.set("watch-fs/" + name, JSON.stringify({ payload: { text }, mtime: world().clock.now() }));
}

export function readFile(name: string): string | null {
  const raw = world().store.get("watch-fs/" + name);
  return raw === null ? null : payloadText(JSON.parse(raw).payload);
}

/** A file vanishes from the watch (no write counted). */
export const deleteFile = (name: string): void => world().store.remove("watch-fs/" + name);

export const fileNames = (): string[] => world().store.keys("watch-fs/");

/** The finished runs' summary files on the watch ("run-<id>.txt"), sorted. */
export const summaryFileNames = (): string[] => fileNames().filter((n) => /^run-.*\.txt$/.test(n));

export function resetCounters(): void {
  world().counters = newCounters();
}

// ---- the watch's end of the link, seen from a test standing in for the phone ----

/** The files the watch has queued for the phone and not yet delivered, oldest first. */
export const filesFromWatch = (): { name: string; text: string }[] => world().link.pending("watch").map((q) => ({ name: q.name, text: payloadText(q.payload) }));

/** The phone receives the i-th queued file (it lands in the phone's inbox; the watch sees it transferred). */
export function takeFileFromWatch(index?: number): { name: string; text: string } {
  const f = world().link.deliver("watch", index || 0);
  return { name: f.name, text: payloadText(f.payload) };
}

export const failTransfer = (name: string): void => world().link.failTransfer("watch", name);

/** A file from the phone arrives on the watch (newfile fires if the face runs; otherwise it waits). */
export const sendFileToWatch = (name: string, text: string): void => world().link.arrive("watch", name, { text });

export const openPeer = (): void => world().link.setConnected(true);

/** A message from the phone reaches the watch's socket now. */
export const messageToWatch = (data: unknown): void => world().link.messageArrived.emit({ to: "watch", data: JSON.parse(JSON.stringify(data)) });
export const messagesFromWatch = (): any[] => world().link.sent("watch"); // eslint-disable-line @typescript-eslint/no-explicit-any

/** What the tests use of app/profile-source.ts (same signatures). */
export interface ProfileSource {
  currentProfile(): Profile;
  reloadProfile(): Profile;
  applyProfile(input: ProfileInput | null): ProfileCheck;
}
