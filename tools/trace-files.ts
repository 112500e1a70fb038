// Where the shared real traces live: ../shared/traces beside the project, or RECOVERY_GUARD_TRACES.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseTraceCsv, ParsedTrace } from "../common/dev/trace";

export const TRACES_DIR = resolve(process.env.RECOVERY_GUARD_TRACES ?? join(__dirname, "..", "..", "shared", "traces"));

export function tracesAvailable(): boolean {
  return existsSync(TRACES_DIR) && listTraces().length > 0;
}

/** CSV file names in the traces folder, sorted; [] when the folder is missing. */
export function listTraces(prefix = ""): string[] {
  if (!existsSync(TRACES_DIR)) return [];
  return readdirSync(TRACES_DIR).filter((f) => f.endsWith(".csv") && f.startsWith(prefix)).sort();
}

export function loadTrace(nameOrPath: string): ParsedTrace {
  const path = existsSync(nameOrPath) ? nameOrPath : join(TRACES_DIR, nameOrPath);
  return parseTraceCsv(readFileSync(path, "utf8"));
}

/** The heart-rate sensor kinds the traces' manifest names. */
export const SENSOR_KINDS = ["optical", "strap", "unknown"] as const;
export type SensorKind = (typeof SENSOR_KINDS)[number];

let manifest: Map<string, SensorKind> | null = null;

/** A trace's sensor kind from manifest.json beside the traces; "unknown" when the file or its entry is missing. */
export function sensorKindOf(name: string): SensorKind {
  if (manifest === null) {
    manifest = new Map();
    const file = join(TRACES_DIR, "manifest.json");
    if (existsSync(file)) {
      try {
        const entries = JSON.parse(readFileSync(file, "utf8")) as { file?: unknown; sensor?: unknown }[];
        for (const e of Array.isArray(entries) ? entries : []) {
          const kind = SENSOR_KINDS.find((k) => k === e.sensor);
          if (typeof e.file === "string" && kind) manifest.set(e.file, kind);
        }
      } catch (e) {
        process.stderr.write(`${file} is not valid JSON (${(e as Error).message}): every trace counts as sensor "unknown"\n`);
      }
    }
  }
  return manifest.get(name) ?? "unknown";
}
