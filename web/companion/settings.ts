// "settings": the settings storage the phone's settings page and the companion share. Changes made on the page
// reach the companion as change events; changes the companion makes redraw the page, as on the phone.
import { EventTargetLike, Listener } from "../shared/events";
import { Signal } from "../shared/signal";
import { storeGet, storeKeys, storeRemove, storeSet } from "../shared/store";

const DIR = "phone-settings/";

class SettingsStorage extends EventTargetLike {
  onchange: Listener | null = null;
  /** The settings page redraws on this (any write, from either side). */
  readonly written = new Signal<void>();

  get length(): number {
    return storeKeys(DIR).length;
  }

  key(index: number): string | null {
    return storeKeys(DIR)[index] ?? null;
  }

  getItem(key: string): string | null {
    return storeGet<string | null>(DIR + key, null);
  }

  /** The companion's own writes: no change event back to it. */
  setItem(key: string, value: string): void {
    storeSet(DIR + key, String(value));
    this.written.emit();
  }

  removeItem(key: string): void {
    storeRemove(DIR + key);
    this.written.emit();
  }

  clear(): void {
    for (const k of storeKeys(DIR)) storeRemove(DIR + k);
    this.written.emit();
  }

  /** A write from the settings page: stored, then the companion hears about it. */
  setFromPage(key: string, value: string | null): void {
    const oldValue = this.getItem(key);
    if (value === null) storeRemove(DIR + key);
    else storeSet(DIR + key, value);
    this.written.emit();
    this.fire("change", { key, oldValue, newValue: value });
  }
}

export const settingsStorage = new SettingsStorage();
