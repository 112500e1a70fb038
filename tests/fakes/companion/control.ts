// The test side of the fake phone. A companion test typically does:
//
//   resetPhone();                                        // fresh phone: empty storage, watch not connected
//   userSets("age", JSON.stringify({ name: "34" }));      // the settings page stored a value
//   await launchCompanion({ peerAppLaunched: true });     // the real companion/index.ts starts, on the fakes
//   await sendFileToPhone(runFileName(id), text);        // a run arrives from the watch
//   expect(filesForWatch()).toEqual([...]);              // what the companion queued for the watch
//
// killCompanion() stops it (its memory is gone, storage stays); launchCompanion() starts a new instance.
import { vi } from "vitest";
import { LaunchReasons, PhoneState, dispatchTo, phone, resetPhoneState } from "./phone";
import { setTransferState } from "./file-transfer";
import { loadReal } from "../load-real";

export { phone } from "./phone";

export function resetPhone(): PhoneState {
  return resetPhoneState();
}

/** Let the companion's promise chains settle. */
export async function flush(): Promise<void> {
  for (var i = 0; i < 20; i++) await Promise.resolve();
}

export async function launchCompanion(reasons?: LaunchReasons): Promise<void> {
  var p = phone();
  p.launch = {};
  p.launchReasons = reasons || {};
  vi.resetModules();
  await loadReal("companion/index");
  await flush();
}

/** The phone OS ends the companion: nothing runs on the way out, its memory is gone, storage stays. */
export function killCompanion(): void {
  var p = phone();
  p.launch = null;
  p.peerOpen = false;
}

/** The settings page stores a value: the running companion sees a change event. */
export async function userSets(key: string, value: string | null): Promise<void> {
  var p = phone();
  var old = Object.prototype.hasOwnProperty.call(p.settings, key) ? p.settings[key] : null;
  if (value === null) delete p.settings[key];
  else p.settings[key] = value;
  dispatchTo("settings", "change", { type: "change", key: key, oldValue: old, newValue: value });
  await flush();
}

/** A file from the watch lands in the phone's inbox. */
export async function sendFileToPhone(name: string, text: string): Promise<void> {
  phone().inbox.push({ name: name, text: text });
  dispatchTo("file-transfer", "newfile", { type: "newfile" });
  await flush();
}

/** Files the companion has queued for the watch and not yet delivered. */
export function filesForWatch(): { name: string; text: string }[] {
  return phone().outbox.map((t) => ({ name: t.name, text: t.text }));
}

/** The watch receives (or, with lost, never receives) the i-th queued file. */
export function takeFileForWatch(index?: number, lost?: boolean): { name: string; text: string } {
  var t = phone().outbox[index || 0];
  if (!t) throw new Error("The phone has no file queued for the watch");
  setTransferState(t, lost ? "error" : "transferred");
  return { name: t.name, text: t.text };
}

export async function connectWatch(): Promise<void> {
  phone().peerOpen = true;
  dispatchTo("messaging", "open", { type: "open" });
  await flush();
}

export async function disconnectWatch(): Promise<void> {
  phone().peerOpen = false;
  dispatchTo("messaging", "close", { type: "close", code: 1, wasClean: false });
  await flush();
}

export async function messageToPhone(data: unknown): Promise<void> {
  dispatchTo("messaging", "message", { type: "message", data: JSON.parse(JSON.stringify(data)) });
  await flush();
}

export function messagesFromPhone(): any[] {
  return phone().messagesFromPhone.slice();
}

export function failNextLocalWrite(count?: number): void {
  phone().localFailNext = count === undefined ? 1 : count;
}

export function failNextEnqueue(count?: number): void {
  phone().failNextEnqueue = count === undefined ? 1 : count;
}
