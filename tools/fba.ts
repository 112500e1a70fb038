// Reads the built .fba (a zip of per-target zips) to check its targets and measure its device JavaScript.
import AdmZip from "adm-zip";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const FBA_PATH = join(__dirname, "..", "build", "app.fba");
export const TARGETS = ["atlas", "vulcan"] as const;

export interface TargetJs { target: string; jsBytes: number; files: number; }

/** Bytes of JavaScript inside each device-<target>.zip; throws a clear error when the .fba or a target is missing. */
export function deviceJsPerTarget(fbaPath = FBA_PATH): TargetJs[] {
  if (!existsSync(fbaPath)) throw new Error(`${fbaPath} is missing: run npm run build`);
  const fba = new AdmZip(fbaPath);
  return TARGETS.map((target) => {
    const entry = fba.getEntry(`device-${target}.zip`);
    if (!entry) throw new Error(`${fbaPath} has no device-${target}.zip: the build is missing the ${target} target`);
    const inner = new AdmZip(entry.getData());
    const js = inner.getEntries().filter((e) => e.entryName.endsWith(".js"));
    if (js.length === 0) throw new Error(`device-${target}.zip has no JavaScript`);
    return { target, jsBytes: js.reduce((n, e) => n + e.header.size, 0), files: js.length };
  });
}

/** The device app's JavaScript for one target, as the .fba installs it (app/index.js in device-<target>.zip). */
export function deviceJs(target: (typeof TARGETS)[number], fbaPath = FBA_PATH): string {
  if (!existsSync(fbaPath)) throw new Error(`${fbaPath} is missing: run npm run build`);
  const entry = new AdmZip(fbaPath).getEntry(`device-${target}.zip`);
  if (!entry) throw new Error(`${fbaPath} has no device-${target}.zip`);
  const app = new AdmZip(entry.getData()).getEntry("app/index.js");
  if (!app) throw new Error(`device-${target}.zip has no app/index.js`);
  return app.getData().toString("utf8");
}

export function hasCompanion(fbaPath = FBA_PATH): boolean {
  return new AdmZip(fbaPath).getEntry("companion.zip") !== null;
}

/** One of the phone's bundles in companion.zip ("companion.js" or "settings.js"), as the build wrote it. */
export function phoneJs(file: "companion.js" | "settings.js", fbaPath = FBA_PATH): string {
  if (!existsSync(fbaPath)) throw new Error(`${fbaPath} is missing: run npm run build`);
  const entry = new AdmZip(fbaPath).getEntry("companion.zip");
  if (!entry) throw new Error(`${fbaPath} has no companion.zip`);
  const js = new AdmZip(entry.getData()).getEntry(file);
  if (!js) throw new Error(`companion.zip has no ${file}`);
  return js.getData().toString("utf8");
}
