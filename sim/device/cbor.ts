// "cbor": encode/decode, here as UTF-8 JSON bytes, not real CBOR. Nothing in the project inspects the bytes;
// a test or tool that needs real CBOR must not use this stand-in.
export function encode(value: unknown): ArrayBuffer {
  return new TextEncoder().encode(JSON.stringify(value)).buffer as ArrayBuffer;
}

export function decode(data: ArrayBuffer | ArrayBufferView): unknown {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return JSON.parse(new TextDecoder().decode(bytes));
}
