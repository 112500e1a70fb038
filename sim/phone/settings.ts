// "settings": the settings storage the settings page and the companion share, stored as strings (Fitbit settings
// guide: values are strings; JSON for TextInput and Select). A change made by the page (world side:
// setFromPage) fires "change" in the companion; the companion's own setItem does not.
import { SimEventTarget } from "../events";
import { world } from "../world";
import { SETTINGS_PREFIX as PREFIX } from "../settings-store";

class SettingsStorage extends SimEventTarget {
  constructor() {
    super("phone");
  }

  get length(): number { return world().store.keys(PREFIX).length; }
  key(index: number): string | null { return world().store.keys(PREFIX)[index] ?? null; }
  getItem(key: string): string | null { return world().store.get(PREFIX + key); }
  setItem(key: string, value: string): void {
    world().store.set(PREFIX + key, String(value));
    world().signals.settingsWritten.emit();
  }
  removeItem(key: string): void {
    world().store.remove(PREFIX + key);
    world().signals.settingsWritten.emit();
  }
  clear(): void {
    for (const k of world().store.keys(PREFIX)) world().store.remove(PREFIX + k);
    world().signals.settingsWritten.emit();
  }
}

export const settingsStorage = new SettingsStorage();

world().signals.settingsChangedByPage.on((change) => settingsStorage.emit("change", change));
