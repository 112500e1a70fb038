// The test side of the simulated phone (vitest). A companion test typically does:
//
//   resetWorld();                                        // fresh world: empty storage, watch not connected
//   await userSets("age", JSON.stringify({ name: "34" })); // the settings page stored a value
//   await launchCompanion({ peerAppLaunched: true });     // the real companion/index.ts starts, on the stand-ins
//   await sendFileToPhone(runFileName(id), text);        // a run arrives from the watch
//   expect(filesForWatch()).toEqual([...]);              // what the companion queued for the watch
//
// killCompanion() stops it (its memory is gone, storage stays); launchCompanion() starts a new instance.
import { vi } from "vitest";
import { buildSync } from "esbuild";
import { join } from "node:path";
import { standIns } from "../modules";
import { ROOT } from "./node";
import { payloadText } from "../payload";
import { settlePromises } from "../link";
import { setFromPage, storedSettings } from "../settings-store";
import { world } from "../world";
import { loadReal } from "./watch";

export { world, resetWorld, freshWorldEachTest } from "./watch";

export type LaunchReasons = { peerAppLaunched?: boolean; settingsChanged?: boolean; fileTransfer?: boolean; wokenUp?: boolean };

/** Let the companion's promise chains settle. */
export const flush = settlePromises;

/** Start the real companion as a fresh launch with these launch reasons; `code`: an esbuild bundle of it instead. */
export async function launchCompanion(reasons?: LaunchReasons, code?: string): Promise<void> {
  const w = world();
  w.kill("phone");
  w.phone.launchReasons = reasons || {};
  w.beginLaunch("phone");
  if (code !== undefined) new Function(code)();
  else {
    vi.resetModules();
    await loadReal("companion/index");
  }
  await flush();
}

/** The phone OS ends the companion: nothing runs on the way out, its memory is gone, storage stays. */
export const killCompanion = (): void => world().kill("phone");

/** The settings page stores a value (null: removes it): the running companion sees a change event. */
export async function userSets(key: string, value: string | null): Promise<void> {
  setFromPage(key, value);
  await flush();
}

export const phoneSettings = storedSettings;

/** The companion's local storage, read or planted directly (no fault applies). */
export const localItem = (key: string): string | null => world().store.get("phone-local/" + key);
export const putLocalItem = (key: string, value: string): void => world().store.set("phone-local/" + key, value);

/** A file from the watch lands in the phone's inbox (newfile fires if the companion runs). */
export async function sendFileToPhone(name: string, text: string): Promise<void> {
  world().link.arrive("phone", name, { text });
  await flush();
}

/** Files the companion has queued for the watch and not yet delivered. */
export const filesForWatch = (): { name: string; text: string }[] => world().link.pending("phone").map((q) => ({ name: q.name, text: payloadText(q.payload) }));

/** Every file queued for the watch crosses. */
export function deliverAllToWatch(): void {
  while (world().link.pending("phone").length > 0) world().link.deliver("phone");
}

export async function connectWatch(): Promise<void> {
  world().link.setConnected(true);
  await flush();
}

export async function disconnectWatch(): Promise<void> {
  world().link.setConnected(false);
  await flush();
}

export async function messageToPhone(data: unknown): Promise<void> {
  world().link.messageArrived.emit({ to: "phone", data: JSON.parse(JSON.stringify(data)) });
  await flush();
}

export const messagesFromPhone = (): any[] => world().link.sent("phone"); // eslint-disable-line @typescript-eslint/no-explicit-any

/** A setting stored while the companion was not running (no change event). */
export const putSetting = (key: string, value: string): void => world().store.set("phone-settings/" + key, value);

/** The phone is in range: every queued file and message crosses, both ways, until nothing is left to carry. */
export async function carry(): Promise<void> {
  if (!(await world().link.settle())) throw new Error("The link never settled");
}

/**
 * The real companion as one script on the phone stand-ins (esbuild), for tests that also run the face: vitest's
 * aliases resolve a project's Fitbit modules for one side only, and both sides have "messaging" and "file-transfer".
 * Pass it to launchCompanion(reasons, code).
 */
export function bundledCompanion(): string {
  const out = buildSync({
    entryPoints: [join(ROOT, "companion/index.ts")], bundle: true, write: false, format: "iife", platform: "neutral",
    alias: Object.fromEntries(Object.entries(standIns("phone")).map(([m, file]) => [m, join(ROOT, file)])),
  });
  return out.outputFiles[0].text;
}
