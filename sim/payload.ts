// A file's content as the watch's file system and the link carry it: text (utf-8, ascii, json and cbor writes:
// the sim keeps JSON text for the latter two) or bytes (base64, so the browser's storage can hold it).
export type FilePayload = { text: string } | { base64: string };

export function bytesPayload(data: ArrayBuffer | ArrayBufferView): FilePayload {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let bin = "";
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return { base64: btoa(bin) };
}

export function payloadBytes(p: FilePayload): ArrayBuffer {
  if ("text" in p) return new TextEncoder().encode(p.text).buffer as ArrayBuffer;
  const bin = atob(p.base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}

export function payloadText(p: FilePayload): string {
  return "text" in p ? p.text : new TextDecoder().decode(payloadBytes(p));
}

export function payloadSize(p: FilePayload): number {
  return payloadBytes(p).byteLength;
}
