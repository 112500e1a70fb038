// Files from the phone: the file-transfer inbox moves each into the app's data folder, where it is read once and
// deleted at once (a file left there would be read again at the next launch). Failures are logged, never thrown.
import * as fs from "fs";
import { LinkMessage, Parsed } from "../common/watch/protocol";

/** Why a message from the phone was ignored, for the log. */
export function why(p: Parsed<LinkMessage>): string {
  return p.ok ? "a " + p.value.type + " message" : p.reason;
}

/** The incoming file's text (null when unreadable), the file deleted either way. */
export function takeIncomingFile(name: string): string | null {
  var text: string | null = null;
  try {
    text = fs.readFileSync(name, "utf-8");
  } catch (e) {
    console.warn("Could not read incoming " + name + ": " + e);
  }
  try {
    fs.unlinkSync(name);
  } catch (e) {
    console.warn("Could not delete incoming " + name + ": " + e);
  }
  return text;
}
