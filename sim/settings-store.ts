// The phone's settings storage as the settings page sees it (the companion sees it through sim/phone/settings.ts).
import { world } from "./world";

export const SETTINGS_PREFIX = "phone-settings/";
const PREFIX = SETTINGS_PREFIX;

/** A write from the settings page: stored, then the running companion hears about it. */
export function setFromPage(key: string, value: string | null): void {
  const store = world().store;
  const oldValue = store.get(PREFIX + key);
  if (value === null) store.remove(PREFIX + key);
  else store.set(PREFIX + key, value);
  world().signals.settingsWritten.emit();
  world().signals.settingsChangedByPage.emit({ key, oldValue, newValue: value });
}

/** All stored settings (what the settings page's props.settings holds). */
export function storedSettings(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of world().store.keys(PREFIX)) out[k] = world().store.get(PREFIX + k) as string;
  return out;
}
