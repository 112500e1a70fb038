// "fs": the watch's file system in the browser's localStorage, so a reload (a restarted face) finds its files.
import { bytesPayload, FilePayload, payloadBytes, payloadObject, payloadSize, payloadText } from "../shared/payload";
import { storeGet, storeKeys, storeRemove, storeSet } from "../shared/store";

const DIR = "watch-fs/";

/** Apps name files relative to /private/data, or with the full path. */
function key(filename: string): string {
  return DIR + String(filename).replace(/^\/private\/data\//, "");
}

function load(filename: string): FilePayload {
  const p = storeGet<FilePayload | null>(key(filename), null);
  if (p === null) throw new Error(`Couldn't find file: ${filename}`);
  return p;
}

export function writePayload(filename: string, payload: FilePayload): void {
  storeSet(key(filename), payload);
}

export function readPayload(filename: string): FilePayload {
  return load(filename);
}

export function existsSync(filename: string): boolean {
  return storeGet<FilePayload | null>(key(filename), null) !== null;
}

export function writeFileSync(filename: string, data: unknown, encoding?: string): void {
  if (encoding === "json" || encoding === "cbor") writePayload(filename, { kind: "object", value: JSON.parse(JSON.stringify(data)) });
  else if (encoding === "utf-8" || encoding === "ascii") writePayload(filename, { kind: "text", text: String(data) });
  else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) writePayload(filename, bytesPayload(data as ArrayBuffer));
  else throw new TypeError("writeFileSync: data must be an ArrayBuffer without an encoding");
}

export function readFileSync(filename: string, encoding?: string): unknown {
  const p = load(filename);
  if (encoding === "json" || encoding === "cbor") return payloadObject(p);
  if (encoding === "utf-8" || encoding === "ascii") return payloadText(p);
  return payloadBytes(p);
}

export function renameSync(oldFilename: string, newFilename: string): void {
  const p = load(oldFilename);
  writePayload(newFilename, p);
  storeRemove(key(oldFilename));
}

export function unlinkSync(filename: string): void {
  load(filename);
  storeRemove(key(filename));
}

export function statSync(filename: string): { size: number; mtime: Date } {
  return { size: payloadSize(load(filename)), mtime: new Date() };
}

export function listDirSync(path: string): { next(): { done: boolean; value: string | undefined } } {
  const names = String(path).replace(/\/$/, "") === "/private/data" || path === "" ? storeKeys(DIR) : [];
  let i = 0;
  return { next: () => (i < names.length ? { done: false, value: names[i++] } : { done: true, value: undefined }) };
}
