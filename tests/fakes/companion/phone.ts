// The fake phone: state shared by the companion fakes (settings, local-storage, file-transfer, messaging,
// companion). It lives on globalThis so storage and queued files outlive a companion restart (vi.resetModules);
// listeners belong to the launch that registered them, and a killed companion hears nothing.
import { FakeEventTarget } from "../event-target";

/** Fitbit's EventTarget (shared with the device fakes). */
export class FakeTarget extends FakeEventTarget {}

export interface PhoneTransfer extends FakeTarget {
  name: string;
  readyState: "pending" | "transferring" | "transferred" | "canceled" | "error";
  text: string;
}

export interface LaunchReasons {
  peerAppLaunched?: boolean;
  settingsChanged?: boolean;
  fileTransfer?: boolean;
  wokenUp?: boolean;
}

export interface PhoneState {
  settings: { [key: string]: string };
  local: { [key: string]: string };
  /** The next this-many localStorage.setItem calls throw (storage full). */
  localFailNext: number;
  /** Files from the watch waiting for inbox.pop(). */
  inbox: { name: string; text: string }[];
  /** Files the companion queued for the watch, not yet delivered. */
  outbox: PhoneTransfer[];
  failNextEnqueue: number;
  peerOpen: boolean;
  messagesFromPhone: any[];
  launchReasons: LaunchReasons;
  /** Identity of the running companion; a new object per launch, null when killed. */
  launch: object | null;
  targets: { [module: string]: { target: FakeTarget; launch: object | null } };
}

var KEY = "__recoveryGuardFakePhone";

export function newPhone(): PhoneState {
  return {
    settings: {}, local: {}, localFailNext: 0, inbox: [], outbox: [], failNextEnqueue: 0, peerOpen: false,
    messagesFromPhone: [], launchReasons: {}, launch: null, targets: {},
  };
}

export function phone(): PhoneState {
  var g = globalThis as any;
  if (!g[KEY]) g[KEY] = newPhone();
  return g[KEY];
}

export function resetPhoneState(): PhoneState {
  (globalThis as any)[KEY] = newPhone();
  return phone();
}

/** A module registers its event target for the current launch. */
export function register(module: string, target: FakeTarget): void {
  phone().targets[module] = { target: target, launch: phone().launch };
}

/** Deliver an event to a module of the running companion (nothing happens when it is not running). */
export function dispatchTo(module: string, type: string, event?: any): void {
  var p = phone();
  var slot = p.targets[module];
  if (slot && p.launch !== null && slot.launch === p.launch) slot.target.dispatchFake(type, event);
}
