// Fake of the device "fs" module, in memory on device().fs so files survive a face restart. Relative names and
// "/private/data/<name>" are the same file, as on the device. Every flash operation is counted in device().fs.writes
// (writeFileSync, renameSync and unlinkSync; renames and unlinks also in fs.renames and fs.unlinks), and
// control.ts failNextWrite makes the next write(s) throw like a full file system; tearNextWrite (here) makes the next
// write stop halfway, as when the battery dies or the face is killed mid-write: half the data is on file.
import { StoredFile, device } from "./state";

var DATA_DIR = "/private/data";

function key(filename: string): string {
  var name = String(filename);
  if (name.indexOf(DATA_DIR + "/") === 0) name = name.slice(DATA_DIR.length + 1);
  if (name === "" || name.indexOf("/") >= 0) throw new Error("Invalid file name: " + filename);
  return name;
}

function find(filename: string): StoredFile {
  var f = device().fs.files[key(filename)];
  if (!f) throw new Error("Couldn't find file: " + filename);
  return f;
}

function toBytes(data: any): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  throw new TypeError("writeFileSync needs an ArrayBuffer or a view without an encoding");
}

export function existsSync(filename: string): boolean {
  try {
    return !!device().fs.files[key(filename)];
  } catch (e) {
    return false;
  }
}

export function writeFileSync(filename: string, data: any, encoding?: "ascii" | "utf-8" | "json" | "cbor"): void {
  var fsState = device().fs;
  var name = key(filename);
  if (fsState.failNext > 0) {
    fsState.failNext--;
    throw new Error("Failed to write " + filename + ": no space left on the device");
  }
  var file: StoredFile = { text: null, bytes: null, mtime: Date.now() };
  var torn = fsState as { tearNext?: number };
  if (encoding === "json" || encoding === "cbor") {
    var text = JSON.stringify(data);
    if (text === undefined) throw new TypeError("Cannot encode " + typeof data + " as " + encoding);
    file.text = text;
  } else if (encoding === "utf-8" || encoding === "ascii") {
    if (typeof data !== "string") throw new TypeError("writeFileSync with " + encoding + " needs a string");
    file.text = data;
  } else if (encoding === undefined) {
    file.bytes = toBytes(data);
  } else {
    throw new TypeError("Unknown encoding " + encoding);
  }
  if (torn.tearNext) {
    torn.tearNext--;
    if (file.text !== null) file.text = file.text.slice(0, Math.floor(file.text.length / 2));
    else file.bytes = (file.bytes as Uint8Array).slice(0, Math.floor((file.bytes as Uint8Array).length / 2));
    fsState.files[name] = file;
    fsState.writes++;
    throw new Error("The write of " + filename + " was interrupted");
  }
  fsState.files[name] = file;
  fsState.writes++;
}

/** Test side: the next write stops halfway (half the data stays on file) and throws. */
export function tearNextWrite(): void {
  (device().fs as { tearNext?: number }).tearNext = 1;
}

export function readFileSync(filename: string, encoding?: "ascii" | "utf-8" | "json" | "cbor"): any {
  var f = find(filename);
  var text = f.text !== null ? f.text : new TextDecoder().decode(f.bytes as Uint8Array);
  if (encoding === "json" || encoding === "cbor") return JSON.parse(text);
  if (encoding === "utf-8" || encoding === "ascii") return text;
  var bytes = f.bytes || new TextEncoder().encode(text);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

export function unlinkSync(filename: string): void {
  find(filename);
  delete device().fs.files[key(filename)];
  device().fs.unlinks++;
  device().fs.writes++;
}

/**
 * Fitbit's fs.renameSync(oldFilename, newFilename): the file takes the new name, replacing a file of that name.
 * Counted as a write: it rewrites directory entries on flash, so an atomic save (app/atomic-file.ts: write, then
 * rename) costs two of the run's file-system budget, not one.
 */
export function renameSync(oldFilename: string, newFilename: string): void {
  key(newFilename);
  var f = find(oldFilename);
  var files = device().fs.files;
  delete files[key(oldFilename)];
  files[key(newFilename)] = f;
  device().fs.renames++;
  device().fs.writes++;
}

export function statSync(filename: string): { size: number; mtime: Date } {
  var f = find(filename);
  var size = f.bytes ? f.bytes.byteLength : new TextEncoder().encode(f.text as string).byteLength;
  return { size: size, mtime: new Date(f.mtime) };
}

export function listDirSync(path: string): { next(): { done: boolean; value: string | undefined } } {
  if (path !== DATA_DIR && path !== DATA_DIR + "/") throw new Error("Couldn't open directory: " + path);
  var names = Object.keys(device().fs.files);
  var i = 0;
  return {
    next() {
      return i < names.length ? { done: false, value: names[i++] } : { done: true, value: undefined };
    },
  };
}

function unsupported(name: string): never {
  throw new Error("fs." + name + " is not implemented by the test fake: use the *FileSync calls");
}
export function openSync(): number { return unsupported("openSync"); }
export function readSync(): number { return unsupported("readSync"); }
export function writeSync(): number { return unsupported("writeSync"); }
export function closeSync(): void { unsupported("closeSync"); }
