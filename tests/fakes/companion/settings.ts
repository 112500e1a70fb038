// Fake of the companion "settings" module: settingsStorage, stored as strings in phone().settings. As on the phone,
// a change made by the settings page (control.ts userSets) fires "change" in the companion; the companion's own
// setItem does not.
import { FakeTarget, phone, register } from "./phone";

class FakeSettingsStorage extends FakeTarget {
  get length(): number { return Object.keys(phone().settings).length; }
  key(index: number): string | null { return Object.keys(phone().settings)[index] ?? null; }
  getItem(key: string): string | null {
    var s = phone().settings;
    return Object.prototype.hasOwnProperty.call(s, key) ? s[key] : null;
  }
  setItem(key: string, value: string): void { phone().settings[key] = String(value); }
  removeItem(key: string): void { delete phone().settings[key]; }
  clear(): void { phone().settings = {}; }
}

export const settingsStorage = new FakeSettingsStorage();
register("settings", settingsStorage);
