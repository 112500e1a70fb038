// "file-transfer" on the phone: the outbox queues on the page's link; received files wait in the inbox
// (across reloads) until the companion pops them.
import { EventTargetLike, Listener } from "../shared/events";
import { host } from "../shared/host";
import { bytesPayload, FilePayload, payloadBytes, payloadObject, payloadSize, payloadText } from "../shared/payload";
import { storeGet, storeSet } from "../shared/store";
import { SimFileTransfer } from "../shared/transfer";

const INBOX_KEY = "phone-inbox";

export const outbox = {
  enqueue(name: string, data: ArrayBuffer | ArrayBufferView): Promise<SimFileTransfer> {
    return Promise.resolve(new SimFileTransfer(name, host().link.enqueueFile("phone", name, bytesPayload(data))));
  },
  enumerate(): Promise<SimFileTransfer[]> {
    return Promise.resolve(host().link.pending("phone").map((q) => new SimFileTransfer(q.name, q.id)));
  },
};

class InboxItem {
  bodyUsed = false;

  constructor(readonly name: string, private readonly payload: FilePayload) {}

  get length(): number {
    return payloadSize(this.payload);
  }

  arrayBuffer(): Promise<ArrayBuffer> { return this.read(() => payloadBytes(this.payload)); }
  text(): Promise<string> { return this.read(() => payloadText(this.payload)); }
  json(): Promise<unknown> { return this.read(() => payloadObject(this.payload)); }
  cbor(): Promise<unknown> { return this.read(() => payloadObject(this.payload)); }

  private read<T>(f: () => T): Promise<T> {
    if (this.bodyUsed) return Promise.reject(new TypeError("Body already used"));
    this.bodyUsed = true;
    try {
      return Promise.resolve(f());
    } catch (e) {
      return Promise.reject(e);
    }
  }
}

class Inbox extends EventTargetLike {
  onnewfile: Listener | null = null;

  constructor() {
    super();
    host().link.onFile("phone", (file) => {
      const waiting = storeGet<Array<{ name: string; payload: FilePayload }>>(INBOX_KEY, []);
      waiting.push({ name: file.name, payload: file.payload });
      storeSet(INBOX_KEY, waiting);
      this.fire("newfile");
    });
  }

  pop(): Promise<InboxItem | undefined> {
    const waiting = storeGet<Array<{ name: string; payload: FilePayload }>>(INBOX_KEY, []);
    const first = waiting.shift();
    storeSet(INBOX_KEY, waiting);
    return Promise.resolve(first ? new InboxItem(first.name, first.payload) : undefined);
  }
}

export const inbox = new Inbox();
