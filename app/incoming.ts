// Files from the phone: the file-transfer inbox moves each into the app's data folder, where it is read once and
// deleted at once (a file left there would be read again at the next launch). Failures are logged, never thrown.
import * as fs from "fs";

/** The incoming file's text (null when unreadable), the file deleted either way. */
export function takeIncomingFile(name: string): string | null {
  var text: string | null = null;
  try {
    text = fs.readFileSync(name, "utf-8");
  } catch (e) {
    console.warn("Could not read the incoming " + name + ": " + e);
  }
  try {
    fs.unlinkSync(name);
  } catch (e) {
    console.warn("Could not delete the incoming " + name + ": " + e);
  }
  return text;
}
