// A file's content as the simulated file systems and the link carry it. Fitbit writes files as text, as
// JSON/CBOR objects or as bytes; keeping the kind lets each reader get what a real device would give it.
export type FilePayload =
  | { kind: "text"; text: string }
  | { kind: "object"; value: unknown }
  | { kind: "bytes"; base64: string };

export function bytesPayload(data: ArrayBuffer | ArrayBufferView): FilePayload {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let bin = "";
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return { kind: "bytes", base64: btoa(bin) };
}

export function payloadBytes(p: FilePayload): ArrayBuffer {
  if (p.kind === "bytes") {
    const bin = atob(p.base64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out.buffer;
  }
  return new TextEncoder().encode(payloadText(p)).buffer as ArrayBuffer;
}

export function payloadText(p: FilePayload): string {
  if (p.kind === "text") return p.text;
  if (p.kind === "object") return JSON.stringify(p.value);
  return new TextDecoder().decode(payloadBytes(p));
}

/** As an object (fs "json"/"cbor" reads, inbox json()/cbor()). Throws on text that is not JSON, like the device. */
export function payloadObject(p: FilePayload): unknown {
  if (p.kind === "object") return JSON.parse(JSON.stringify(p.value));
  return JSON.parse(payloadText(p));
}

export function payloadSize(p: FilePayload): number {
  return payloadBytes(p).byteLength;
}
