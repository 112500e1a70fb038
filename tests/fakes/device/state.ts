// The fake watch's state. It lives on globalThis, not in a module, so it outlives vi.resetModules(): that is how
// a test restarts the face (new module instances, as after a real relaunch) while the file system, permissions,
// display and user profile stay as they were. Everything a launch owns (sensor instances, listeners, the
// loaded document) is kept in `launch` and dropped by a restart.
import { FakeEventTarget, Listener, emit } from "../event-target";
export { FakeEventTarget, emit };
export type { Listener };

export interface StoredFile {
  /** Text for utf-8/ascii/json/cbor writes, bytes for binary writes. */
  text: string | null;
  bytes: Uint8Array | null;
  mtime: number;
}

export interface LaunchState {
  hrSensors: any[];
  bodySensors: any[];
  /** The loaded index.view: id -> element, plus the root. */
  root: any | null;
  byId: { [id: string]: any };
  clockListeners: Listener[];
  clock: { granularity: string; ontick: Listener | null; timer: any };
  displayListeners: Listener[];
  display: { onchange: Listener | null };
  appListeners: Listener[];
  app: { onunload: Listener | null; exited: boolean };
}

export interface DeviceState {
  fs: {
    files: { [name: string]: StoredFile };
    /** Flash operations: writeFileSync, renameSync and unlinkSync calls that went through (and torn writes). */
    writes: number;
    renames: number;
    unlinks: number;
    /** The next this-many writes throw (a full or failing file system). */
    failNext: number;
  };
  permissions: { [name: string]: boolean };
  hasHeartRateSensor: boolean;
  hasBodyPresenceSensor: boolean;
  onWrist: boolean;
  user: { age?: number; restingHeartRate?: number; maxHeartRate?: number };
  displayOn: boolean;
  vibrations: Array<{ pattern: string; atMs: number }>;
  vibrationStops: number[];
  ticks: number;
  domWrites: number;
  domWritesById: { [id: string]: number };
  viewPath: string | null;
  launch: LaunchState;
}

/** The permissions package.json requests, granted as a runner would at install. */
export var REQUESTED_PERMISSIONS = ["access_heart_rate", "access_user_profile", "access_activity"];

export function newLaunch(): LaunchState {
  return {
    hrSensors: [], bodySensors: [], root: null, byId: {},
    clockListeners: [], clock: { granularity: "off", ontick: null, timer: null },
    displayListeners: [], display: { onchange: null },
    appListeners: [], app: { onunload: null, exited: false },
  };
}

export function newDevice(): DeviceState {
  var permissions: { [name: string]: boolean } = {};
  REQUESTED_PERMISSIONS.forEach(function (p) { permissions[p] = true; });
  return {
    fs: { files: {}, writes: 0, renames: 0, unlinks: 0, failNext: 0 },
    permissions: permissions,
    hasHeartRateSensor: true,
    hasBodyPresenceSensor: true,
    onWrist: true,
    user: { age: 40, restingHeartRate: 60, maxHeartRate: undefined },
    displayOn: true,
    vibrations: [],
    vibrationStops: [],
    ticks: 0,
    domWrites: 0,
    domWritesById: {},
    viewPath: null,
    launch: newLaunch(),
  };
}

var KEY = "__recoveryGuardFakeDevice";

export function device(): DeviceState {
  var g = globalThis as any;
  if (!g[KEY]) g[KEY] = newDevice();
  return g[KEY];
}

export function setDevice(d: DeviceState): void {
  (globalThis as any)[KEY] = d;
}

