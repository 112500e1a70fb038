// Loads the real app/, companion/ or settings/ code under test, as a launch does (after vi.resetModules(), a fresh
// instance). The module name is built at run time on purpose: those folders are type-checked by their own
// tsconfigs against the Fitbit SDK's types, which cannot share one program with Node's (both declare "fs", and the
// device and the companion both declare "messaging"), so `tsc -p tests` must not follow the import into them.
import { join, resolve } from "node:path";
import type { Profile, ProfileCheck, ProfileInput } from "../../common/profile";

const ROOT = resolve(__dirname, "..", "..");

/** `path` from the project root without extension, e.g. "app/index". */
export function loadReal<T = unknown>(path: string): Promise<T> {
  return import(/* @vite-ignore */ join(ROOT, path));
}

/** What the tests use of app/profile-source.ts (same signatures). */
export interface ProfileSource {
  currentProfile(): Profile;
  reloadProfile(): Profile;
  applyProfile(input: ProfileInput | null): ProfileCheck;
}
