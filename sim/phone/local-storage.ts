// "local-storage": the companion's own storage, kept across companion restarts. Fault switches: getItem or setItem
// throws (faults.failPhoneStorage), as a full or failing phone storage does.
import { world } from "../world";

const PREFIX = "phone-local/";

export const localStorage = {
  get length(): number { return world().store.keys(PREFIX).length; },
  key(index: number): string | null { return world().store.keys(PREFIX)[index] ?? null; },
  getItem(key: string): string | null {
    if (world().faults.phoneStorageFails("getItem")) throw new Error("local storage could not be read");
    return world().store.get(PREFIX + key);
  },
  setItem(key: string, value: string): void {
    if (world().faults.phoneStorageFails("setItem")) throw new Error("QuotaExceededError: local storage is full");
    world().store.set(PREFIX + key, String(value));
  },
  removeItem(key: string): void { world().store.remove(PREFIX + key); },
  clear(): void { for (const k of world().store.keys(PREFIX)) world().store.remove(PREFIX + k); },
};
