// "file-transfer" on the phone: the outbox queues on the world's link; files from the watch wait in the inbox,
// across companion restarts, until pop() (undefined when empty). Each item's body can be read once.
import { SimEventTarget } from "../events";
import { FilePayload, bytesPayload, payloadBytes, payloadSize, payloadText } from "../payload";
import { SimFileTransfer, enqueueOn } from "../transfer";
import { world } from "../world";

export const outbox = {
  enqueue(name: string, data: ArrayBuffer | ArrayBufferView): Promise<SimFileTransfer> {
    return enqueueOn("phone", name, () => bytesPayload(data));
  },
  enumerate(): Promise<SimFileTransfer[]> {
    return Promise.resolve(world().link.pending("phone").map((q) => new SimFileTransfer("phone", q.name, q.id)));
  },
};

class InboxItem {
  bodyUsed = false;
  constructor(readonly name: string, private readonly payload: FilePayload) {}
  get length(): number { return payloadSize(this.payload); }
  arrayBuffer(): Promise<ArrayBuffer> { return this.read(() => payloadBytes(this.payload)); }
  text(): Promise<string> { return this.read(() => payloadText(this.payload)); }
  json(): Promise<unknown> { return this.read(() => JSON.parse(payloadText(this.payload))); }
  cbor(): Promise<unknown> { return this.read(() => JSON.parse(payloadText(this.payload))); }

  private read<T>(f: () => T): Promise<T> {
    if (this.bodyUsed) return Promise.reject(new TypeError("Body already used"));
    this.bodyUsed = true;
    return Promise.resolve().then(f);
  }
}

class Inbox extends SimEventTarget {
  constructor() {
    super("phone");
    world().link.fileArrived.on((to) => { if (to === "phone") this.emit("newfile"); });
  }

  pop(): Promise<InboxItem | undefined> {
    const f = world().link.take("phone");
    return Promise.resolve(f ? new InboxItem(f.name, f.payload) : undefined);
  }
}

export const inbox = new Inbox();
