// Files from the phone: the file-transfer inbox moves each into the app's data folder, where it is read once and
// deleted at once (a file left there would be read again at the next launch). Failures are logged, never thrown.
import * as fs from "fs";
import { LinkMessage, Parsed } from "../common/watch/protocol";

/** Why a message from the phone was ignored, for the log. */
export function why(p: Parsed<LinkMessage>): string {
  return p.ok ? "a " + p.value.type + " message" : p.reason;
}

/** A file's text, or null (logged) when it cannot be read; also the outbox's reader of run files (app/sync.ts). */
export function readText(name: string): string | null {
  try {
    return fs.readFileSync(name, "utf-8");
  } catch (e) {
    console.warn("Could not read " + name + ": " + e);
    return null;
  }
}

/** The incoming file's text (null when unreadable), the file deleted either way. */
export function takeIncomingFile(name: string): string | null {
  var text = readText(name);
  try {
    fs.unlinkSync(name);
  } catch (e) {
    console.warn("Could not delete incoming " + name + ": " + e);
  }
  return text;
}
