// The test side of the fake watch. A device test typically does:
//
//   resetDevice({ now: "2025-03-03T07:00:00" });   // fresh watch, fake timers (setInterval, setTimeout, Date)
//   device().user.age = 23;                           // ...set the scene...
//   await launchFace();                              // the real app/index.ts starts, on the fakes
//   tap("start-btn"); runSeconds(30, 160);           // act: taps, heart rate, time
//   expect(text("state-text")).toBe("OVER: EASE OFF"); expect(patterns()).toEqual(["nudge-max"]);
//
// relaunchFace() restarts the face mid-test (vi.resetModules + a new import): the file system and the rest of
// the watch's state survive, everything the old launch owned (timers, sensors, listeners, the document) is gone.
import { vi } from "vitest";
import { DeviceState, device, newDevice, newLaunch, setDevice } from "./state";
import { fireTick } from "./clock";
import { setDisplayOn } from "./display";
import { loadReal } from "../load-real";

export { device } from "./state";

export interface ResetOptions {
  /** Wall-clock start for the fake timers (Date.now()); default 2025-03-03 07:00 local time. */
  now?: string | number | Date;
}

/** A fresh fake watch and fake timers. Call before launchFace(). */
export function resetDevice(options?: ResetOptions): DeviceState {
  vi.useRealTimers();
  var now = options && options.now !== undefined ? new Date(options.now) : new Date(2025, 2, 3, 7, 0, 0);
  vi.useFakeTimers({ now: now, toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
  var d = newDevice();
  setDevice(d);
  return d;
}

/** Start the real face (app/index.ts) on the fakes, as a fresh launch. */
export async function launchFace(): Promise<void> {
  vi.resetModules();
  await loadReal("app/index");
}

/**
 * Stop the running face and launch it again. graceful: the system closes it first (me.onunload fires);
 * otherwise it is killed (a crash or a battery pull: nothing runs on the way out).
 */
export async function relaunchFace(options?: { graceful?: boolean }): Promise<void> {
  killFace(options);
  await launchFace();
}

export function killFace(options?: { graceful?: boolean }): void {
  var d = device();
  if (options && options.graceful) {
    var app = d.launch.app;
    if (app.onunload) app.onunload({ type: "unload" });
    d.launch.appListeners.forEach(function (l) { l({ type: "unload" }); });
  }
  // The old launch's timers die with it. (clearAllTimers also rewinds the fake clock: put the time back.)
  var now = Date.now();
  vi.clearAllTimers();
  vi.setSystemTime(now);
  d.launch = newLaunch();
}

function element(id: string): any {
  var el = device().launch.byId[id];
  if (!el) throw new Error("No element #" + id + " in index.view");
  return el;
}

/** Tap an element the way a finger does: only a displayed one with pointer-events="visible" reacts. */
export function tap(id: string): boolean {
  var el = element(id);
  if (!el.isDisplayed() || el.attrs["pointer-events"] !== "visible") return false;
  var box = el.getBBox();
  ["mousedown", "mouseup", "click"].forEach(function (type) {
    el.dispatchFake(type, { type: type, target: el, screenX: box.x + box.width / 2, screenY: box.y + box.height / 2 });
  });
  return true;
}

export function text(id: string): string {
  return element(id).text;
}

export function className(id: string): string {
  return element(id).class;
}

export function isShown(id: string): boolean {
  return element(id).isDisplayed();
}

export function prop(id: string, name: string): any {
  return element(id)[name];
}

/** One heart-rate reading to every started sensor (null: the sensor has no value). */
export function pushHeartRate(bpm: number | null): void {
  device().launch.hrSensors.forEach(function (s) { s.deliver(bpm); });
}

/**
 * Let `seconds` pass one second at a time, with one heart-rate reading at the start of each second
 * (bpm: a number, null for no reading, or a function of the second's index).
 */
export function runSeconds(seconds: number, bpm?: number | null | ((i: number) => number | null)): void {
  for (var i = 0; i < seconds; i++) {
    var v = typeof bpm === "function" ? bpm(i) : bpm;
    if (v !== undefined && v !== null) pushHeartRate(v);
    vi.advanceTimersByTime(1000);
  }
}

export function setOnWrist(present: boolean): void {
  device().onWrist = present;
  device().launch.bodySensors.forEach(function (s) { s.deliver(present); });
}

export function setDisplay(on: boolean): void {
  setDisplayOn(on);
}

/** A clock tick now (only when the display is on, as on the device). The clock also ticks by itself. */
export function tickClock(): void {
  fireTick();
}

export function grant(permission: string, granted: boolean): void {
  device().permissions[permission] = granted;
}

export function hrSensorRunning(): boolean {
  return device().launch.hrSensors.some(function (s) { return s.activated; });
}

export function bodySensorRunning(): boolean {
  return device().launch.bodySensors.some(function (s) { return s.activated; });
}

/** The patterns vibration.start played, in order. */
export function patterns(): string[] {
  return device().vibrations.map(function (v) { return v.pattern; });
}

export function failNextWrite(count?: number): void {
  device().fs.failNext = count === undefined ? 1 : count;
}

/** Put a file on the fake watch without counting a write (for planting old or corrupt files). */
export function putFile(name: string, text: string): void {
  device().fs.files[name] = { text: text, bytes: null, mtime: Date.now() };
}

export function readFile(name: string): string | null {
  var f = device().fs.files[name];
  return f ? (f.text !== null ? f.text : new TextDecoder().decode(f.bytes as Uint8Array)) : null;
}

export function fileNames(): string[] {
  return Object.keys(device().fs.files).sort();
}

/** The finished runs' summary files on the watch ("run-<id>.txt"), sorted. */
export function summaryFileNames(): string[] {
  return fileNames().filter((n) => /^run-.*\.txt$/.test(n));
}

export function domWrites(): number {
  return device().domWrites;
}

export function resetCounters(): void {
  var d = device();
  d.domWrites = 0;
  d.domWritesById = {};
  d.fs.writes = 0;
  d.fs.renames = 0;
  d.fs.unlinks = 0;
  d.vibrations = [];
  d.vibrationStops = [];
  d.ticks = 0;
}
