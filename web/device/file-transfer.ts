// "file-transfer" on the watch: the outbox queues on the page's link; received files land in the watch's fs and
// wait in the inbox (across reloads) until the app takes them with nextFile().
import { EventTargetLike, Listener } from "../shared/events";
import { host } from "../shared/host";
import { bytesPayload } from "../shared/payload";
import { storeGet, storeSet } from "../shared/store";
import { SimFileTransfer } from "../shared/transfer";
import { readPayload, writePayload } from "./fs";

const INBOX_KEY = "watch-inbox";

export const outbox = {
  enqueue(name: string, data: ArrayBuffer | ArrayBufferView): Promise<SimFileTransfer> {
    return Promise.resolve(new SimFileTransfer(name, host().link.enqueueFile("watch", name, bytesPayload(data))));
  },
  enqueueFile(file: string, name?: string): Promise<SimFileTransfer> {
    try {
      const to = name ?? String(file).replace(/^.*\//, "");
      return Promise.resolve(new SimFileTransfer(to, host().link.enqueueFile("watch", to, readPayload(file))));
    } catch (e) {
      return Promise.reject(e);
    }
  },
  enumerate(): Promise<SimFileTransfer[]> {
    return Promise.resolve(host().link.pending("watch").map((q) => new SimFileTransfer(q.name, q.id)));
  },
};

class Inbox extends EventTargetLike {
  onnewfile: Listener | null = null;

  constructor() {
    super();
    host().link.onFile("watch", (file) => {
      writePayload(file.name, file.payload);
      const waiting = storeGet<string[]>(INBOX_KEY, []).filter((n) => n !== file.name);
      waiting.push(file.name);
      storeSet(INBOX_KEY, waiting);
      this.fire("newfile");
    });
  }

  nextFile(name?: string): string | undefined {
    const waiting = storeGet<string[]>(INBOX_KEY, []);
    const i = name === undefined ? 0 : waiting.indexOf(name);
    if (i < 0 || i >= waiting.length) return undefined;
    const [taken] = waiting.splice(i, 1);
    storeSet(INBOX_KEY, waiting);
    return taken;
  }
}

export const inbox = new Inbox();
