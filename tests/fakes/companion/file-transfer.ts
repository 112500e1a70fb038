// Fake of the companion "file-transfer" module. The outbox queues files for the watch (a same-name enqueue
// cancels the pending one, as on the phone); the inbox holds files from the watch until pop() (undefined when
// empty). control.ts moves files across and injects faults.
import { FakeTarget, PhoneTransfer, phone, register } from "./phone";

function textOf(data: ArrayBuffer | ArrayBufferView): string {
  var bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new TextDecoder().decode(bytes);
}

export function setTransferState(t: PhoneTransfer, state: PhoneTransfer["readyState"]): void {
  var p = phone();
  t.readyState = state;
  if (state !== "pending" && state !== "transferring") p.outbox = p.outbox.filter((x) => x !== t);
  t.dispatchFake("change", { type: "change", target: t });
}

export const outbox = {
  enqueue(name: string, data: ArrayBuffer | ArrayBufferView): Promise<PhoneTransfer> {
    var p = phone();
    if (p.failNextEnqueue > 0) {
      p.failNextEnqueue--;
      return Promise.reject(new Error("File transfer failed to queue"));
    }
    p.outbox.slice().forEach((t) => { if (t.name === name) setTransferState(t, "canceled"); });
    var t = new FakeTarget() as PhoneTransfer;
    t.name = name;
    t.readyState = "pending";
    t.text = textOf(data);
    t.cancel = () => setTransferState(t, "canceled");
    p.outbox.push(t);
    return Promise.resolve(t);
  },
  enumerate(): Promise<PhoneTransfer[]> {
    return Promise.resolve(phone().outbox.slice());
  },
};

function inboxItem(f: { name: string; text: string }) {
  var used = false;
  function body(): string {
    if (used) throw new TypeError("Body already used");
    used = true;
    return f.text;
  }
  return {
    name: f.name,
    length: new TextEncoder().encode(f.text).byteLength,
    get bodyUsed() { return used; },
    text: () => Promise.resolve().then(body),
    json: () => Promise.resolve().then(() => JSON.parse(body())),
    cbor: () => Promise.reject(new Error("The fake does not decode CBOR")),
    arrayBuffer: () => Promise.resolve().then(() => new TextEncoder().encode(body()).buffer),
  };
}

class FakeInbox extends FakeTarget {
  pop(): Promise<ReturnType<typeof inboxItem> | undefined> {
    var f = phone().inbox.shift();
    return Promise.resolve(f ? inboxItem(f) : undefined);
  }
}

export const inbox = new FakeInbox();
register("file-transfer", inbox);
