// A FileTransfer object for either side's outbox (fitbit-sdk-types FileTransfer): name, readyState following the
// link's queue, change events, cancel().
import type { Side } from "./clock";
import { SimEventTarget } from "./events";
import { FilePayload } from "./payload";
import { world } from "./world";
import type { TransferState } from "./link";

export class SimFileTransfer extends SimEventTarget {
  readyState: TransferState = "pending";

  constructor(side: Side, readonly name: string, private readonly id: number) {
    super(side);
    world().link.transferChanged.on(({ id, state }) => {
      if (id !== this.id || this.readyState === state) return;
      this.readyState = state;
      this.emit("change");
    });
  }

  cancel(): void {
    world().link.cancel(this.id);
  }
}

/** outbox.enqueue: a rejected promise when the file cannot be read or the enqueue-rejects fault is on. */
export function enqueueOn(side: Side, name: string, payload: () => FilePayload): Promise<SimFileTransfer> {
  try {
    return Promise.resolve(new SimFileTransfer(side, name, world().link.enqueue(side, name, payload())));
  } catch (e) {
    return Promise.reject(e);
  }
}
