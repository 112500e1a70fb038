// Where the simulated watch and phone keep what survives a restart: the watch's files, the phone's settings and
// local storage, the link's queues. In memory for the tests and the bench; in the browser's localStorage for the
// page, so a reload mid-run finds everything where it was.
export interface Store {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  /** Keys starting with prefix, without it, sorted. */
  keys(prefix: string): string[];
}

export function memoryStore(): Store {
  const m = new Map<string, string>();
  return {
    get: (k) => (m.has(k) ? (m.get(k) as string) : null),
    set: (k, v) => { m.set(k, v); },
    remove: (k) => { m.delete(k); },
    keys: (prefix) => [...m.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)).sort(),
  };
}

/** The browser's localStorage under one prefix; clearAll() forgets the whole simulated world. */
export function browserStore(prefix = "recovery-guard:"): Store & { clearAll(): void } {
  const all = (): string[] => {
    const out: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k !== null && k.startsWith(prefix)) out.push(k.slice(prefix.length));
    }
    return out;
  };
  return {
    get: (k) => localStorage.getItem(prefix + k),
    set: (k, v) => localStorage.setItem(prefix + k, v),
    remove: (k) => localStorage.removeItem(prefix + k),
    keys: (p) => all().filter((k) => k.startsWith(p)).map((k) => k.slice(p.length)).sort(),
    clearAll: () => { for (const k of all()) localStorage.removeItem(prefix + k); },
  };
}

export function loadJson<T>(store: Store, key: string, fallback: T): T {
  const raw = store.get(key);
  if (raw === null) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

export function saveJson(store: Store, key: string, value: unknown): void {
  store.set(key, JSON.stringify(value));
}
