// Everything the simulated watch and phone remember lives in the browser's localStorage under one prefix, so a
// reload mid-run finds the watch's files, the phone's storage and the link's queue where they were.
const PREFIX = "recovery-guard:";

export function storeGet<T>(key: string, fallback: T): T {
  const raw = localStorage.getItem(PREFIX + key);
  if (raw === null) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

export function storeSet(key: string, value: unknown): void {
  localStorage.setItem(PREFIX + key, JSON.stringify(value));
}

export function storeRemove(key: string): void {
  localStorage.removeItem(PREFIX + key);
}

/** Keys under a sub-prefix, without it. */
export function storeKeys(subPrefix: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k !== null && k.startsWith(PREFIX + subPrefix)) out.push(k.slice(PREFIX.length + subPrefix.length));
  }
  return out.sort();
}

/** Forget the whole simulated world (the page's "Reset" button). */
export function storeClearAll(): void {
  const keys: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k !== null && k.startsWith(PREFIX)) keys.push(k);
  }
  for (const k of keys) localStorage.removeItem(k);
}
