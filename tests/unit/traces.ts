// Shared by the trace-replay tests: the real traces, or a clear skip when the folder is missing.
import { TRACES_DIR, tracesAvailable, loadTrace } from "../../tools/trace-files";
import type { TraceSample } from "../../common/dev/trace";

export const HAVE_TRACES = tracesAvailable();
export const MISSING_TRACES_NOTE = `real traces not found in ${TRACES_DIR} (set RECOVERY_GUARD_TRACES): trace replays skipped`;
if (!HAVE_TRACES) console.warn(MISSING_TRACES_NOTE);

export function traceSamples(name: string): TraceSample[] {
  const parsed = loadTrace(name);
  if (parsed.error) throw new Error(`${name}: ${parsed.error}`);
  return parsed.samples;
}
