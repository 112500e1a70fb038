// Fake of the companion "local-storage" module: localStorage in phone().local, kept across companion restarts.
// control.ts failNextLocalWrite makes setItem throw, like a full storage.
import { phone } from "./phone";

export const localStorage = {
  get length(): number { return Object.keys(phone().local).length; },
  key(index: number): string | null { return Object.keys(phone().local)[index] ?? null; },
  getItem(key: string): string | null {
    var s = phone().local;
    return Object.prototype.hasOwnProperty.call(s, key) ? s[key] : null;
  },
  setItem(key: string, value: string): void {
    var p = phone();
    if (p.localFailNext > 0) {
      p.localFailNext--;
      throw new Error("QuotaExceededError: local storage is full");
    }
    p.local[key] = String(value);
  },
  removeItem(key: string): void { delete phone().local[key]; },
  clear(): void { phone().local = {}; },
};
