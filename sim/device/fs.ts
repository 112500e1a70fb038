// "fs": the watch's files, in the world's store so they survive a relaunch. Relative names and
// "/private/data/<name>" are the same file (Fitbit file-system guide). Every flash operation (write, rename, delete)
// is counted in world().counters.fs.writes. Fault switches (sim/faults.ts): a write, rename or delete throws;
// storage full; a torn write (half the data on file, then it throws); the face killed at the k-th operation (that
// operation does not happen, the face is dead from then on: every later call throws and changes nothing).
// Whether renameSync replaces an existing file or throws is not documented: faults.renameOntoExisting picks.
import { FsOp } from "../faults";
import { FilePayload, bytesPayload, payloadBytes, payloadSize, payloadText } from "../payload";
import { loadJson, saveJson } from "../store";
import { world } from "../world";

const DATA_DIR = "/private/data";
const PREFIX = "watch-fs/";

interface StoredFile {
  payload: FilePayload;
  mtime: number;
}

function key(filename: string): string {
  let name = String(filename);
  if (name.indexOf(DATA_DIR + "/") === 0) name = name.slice(DATA_DIR.length + 1);
  if (name === "" || name.indexOf("/") >= 0) throw new Error("Invalid file name: " + filename);
  return PREFIX + name;
}

function alive(): void {
  if (!world().isRunning("watch")) throw new Error("The face is not running");
}

function find(filename: string): StoredFile {
  alive();
  const f = loadJson<StoredFile | null>(world().store, key(filename), null);
  if (!f) throw new Error("Couldn't find file: " + filename);
  return f;
}

/** A mutating operation: the fault switches get their say, then it is counted. */
function flash(op: FsOp, filename: string): "tear" | null {
  alive();
  const w = world();
  const fault = w.faults.fsOp(op);
  if (fault === "kill") {
    w.kill("watch");
    throw new Error("The face was killed");
  }
  if (fault === "fail") throw new Error(`Failed to ${op} ${filename}: I/O error`);
  w.counters.fs.writes++;
  if (op === "rename") w.counters.fs.renames++;
  if (op === "unlink") w.counters.fs.unlinks++;
  return fault;
}

function put(filename: string, payload: FilePayload): void {
  saveJson(world().store, key(filename), { payload, mtime: world().clock.now() });
}

/** The file's content, for the sim's own use (file-transfer's enqueueFile and inbox), without counting. */
export function readPayload(filename: string): FilePayload {
  return find(filename).payload;
}

export function writePayload(filename: string, payload: FilePayload): void {
  put(filename, payload);
}

export function existsSync(filename: string): boolean {
  alive();
  try {
    return world().store.get(key(filename)) !== null;
  } catch (e) {
    return false;
  }
}

export function writeFileSync(filename: string, data: unknown, encoding?: "ascii" | "utf-8" | "json" | "cbor"): void {
  key(filename);
  let payload: FilePayload;
  if (encoding === "json" || encoding === "cbor") {
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError("Cannot encode " + typeof data + " as " + encoding);
    payload = { text };
  } else if (encoding === "utf-8" || encoding === "ascii") {
    if (typeof data !== "string") throw new TypeError("writeFileSync with " + encoding + " needs a string");
    payload = { text: data };
  } else if (encoding === undefined) {
    if (!(data instanceof ArrayBuffer) && !ArrayBuffer.isView(data)) throw new TypeError("writeFileSync needs an ArrayBuffer or a view without an encoding");
    payload = bytesPayload(data as ArrayBuffer);
  } else {
    throw new TypeError("Unknown encoding " + encoding);
  }
  if (flash("write", filename) === "tear") {
    const text = payloadText(payload);
    put(filename, { text: text.slice(0, Math.floor(text.length / 2)) });
    throw new Error("The write of " + filename + " was interrupted");
  }
  put(filename, payload);
}

export function readFileSync(filename: string, encoding?: "ascii" | "utf-8" | "json" | "cbor"): unknown {
  const p = find(filename).payload;
  if (encoding === "json" || encoding === "cbor") return JSON.parse(payloadText(p));
  if (encoding === "utf-8" || encoding === "ascii") return payloadText(p);
  return payloadBytes(p);
}

export function unlinkSync(filename: string): void {
  find(filename);
  flash("unlink", filename);
  world().store.remove(key(filename));
}

/** Counted as a write: it rewrites directory entries on flash, so an atomic save (write, then rename) costs two. */
export function renameSync(oldFilename: string, newFilename: string): void {
  key(newFilename);
  const f = find(oldFilename);
  if (world().faults.renameOntoExisting === "throw" && world().store.get(key(newFilename)) !== null) {
    throw new Error("Couldn't rename " + oldFilename + ": " + newFilename + " exists");
  }
  flash("rename", oldFilename);
  world().store.remove(key(oldFilename));
  saveJson(world().store, key(newFilename), f);
}

export function statSync(filename: string): { size: number; mtime: Date } {
  const f = find(filename);
  return { size: payloadSize(f.payload), mtime: new Date(f.mtime) };
}

export function listDirSync(path: string): { next(): { done: boolean; value: string | undefined } } {
  alive();
  if (path !== DATA_DIR && path !== DATA_DIR + "/") throw new Error("Couldn't open directory: " + path);
  const names = world().store.keys(PREFIX);
  let i = 0;
  return { next: () => (i < names.length ? { done: false, value: names[i++] } : { done: true, value: undefined }) };
}

function unsupported(name: string): never {
  throw new Error("fs." + name + " is not simulated: use the *FileSync calls");
}
export function openSync(): number { return unsupported("openSync"); }
export function readSync(): number { return unsupported("readSync"); }
export function writeSync(): number { return unsupported("writeSync"); }
export function closeSync(): void { unsupported("closeSync"); }
