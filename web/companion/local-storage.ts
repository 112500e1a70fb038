// "local-storage": the companion's own storage, kept in the browser's localStorage across reloads.
import { storeGet, storeKeys, storeRemove, storeSet } from "../shared/store";

const DIR = "phone-local/";

export const localStorage = {
  get length(): number { return storeKeys(DIR).length; },
  key: (index: number): string | null => storeKeys(DIR)[index] ?? null,
  getItem: (key: string): string | null => storeGet<string | null>(DIR + key, null),
  setItem: (key: string, value: string): void => storeSet(DIR + key, String(value)),
  removeItem: (key: string): void => storeRemove(DIR + key),
  clear: (): void => { for (const k of storeKeys(DIR)) storeRemove(DIR + k); },
};
