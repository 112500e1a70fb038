// Where the shared real traces live: ../shared/traces beside the project, or RECOVERY_GUARD_TRACES.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseTraceCsv, ParsedTrace } from "../common/trace";

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
