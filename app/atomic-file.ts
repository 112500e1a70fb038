// Whole-file writes for the watch's file system: a crash mid-write must never leave a half file that a later
// launch trusts (a half summary, checkpoint or settings file).
import * as fs from "fs";

/** A half TEMP_FILE left by a crash is simply overwritten by the next write. */
export var TEMP_FILE = "write.tmp";

/**
 * Write `data` to `name` atomically: whole to `temp` (default TEMP_FILE), then renamed over `name`. The settings
 * have a temporary file of their own: TEMP_FILE may hold the only copy of a run (app/run.ts initRun). Throws when the file system
 * refuses (then `name` is unchanged). Should a rename refuse to replace an existing file, that file is deleted
 * first (the only moment nothing is on file under `name`).
 */
export function writeAtomically(name: string, data: any, json: boolean, temp?: string): void {
  var tmp = temp || TEMP_FILE;
  if (json) fs.writeFileSync(tmp, data, "json");
  else fs.writeFileSync(tmp, String(data), "utf-8");
  try {
    fs.renameSync(tmp, name);
  } catch (e) {
    if (!fs.existsSync(name)) throw e;
    fs.unlinkSync(name);
    fs.renameSync(tmp, name);
  }
}
