// "file-transfer" on the watch: the outbox queues on the world's link (sim/link.ts has the platform's rules);
// a file from the phone waits in the inbox, across relaunches, until nextFile() moves it into the data folder.
import { SimEventTarget } from "../events";
import { bytesPayload } from "../payload";
import { SimFileTransfer, enqueueOn } from "../transfer";
import { world } from "../world";
import { readPayload, writePayload } from "./fs";

export const outbox = {
  enqueue(name: string, data: ArrayBuffer | ArrayBufferView): Promise<SimFileTransfer> {
    return enqueueOn("watch", name, () => bytesPayload(data));
  },
  enqueueFile(file: string, name?: string): Promise<SimFileTransfer> {
    return enqueueOn("watch", name || String(file).replace(/^.*\//, ""), () => readPayload(file));
  },
  enumerate(): Promise<SimFileTransfer[]> {
    return Promise.resolve(world().link.pending("watch").map((q) => new SimFileTransfer("watch", q.name, q.id)));
  },
};

class Inbox extends SimEventTarget {
  constructor() {
    super("watch");
    world().link.fileArrived.on((to) => { if (to === "watch") this.emit("newfile"); });
  }

  /** Moves the next arrived file (or the named one) into the data folder and returns its name. */
  nextFile(name?: string): string | undefined {
    const f = world().link.take("watch", name);
    if (!f) return undefined;
    writePayload(f.name, f.payload);
    return f.name;
  }
}

export const inbox = new Inbox();
