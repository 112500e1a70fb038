// A FileTransfer object for either side's outbox, following the link's queue.
import { EventTargetLike, Listener } from "./events";
import { host } from "./host";
import { TransferState } from "./link";

export class SimFileTransfer extends EventTargetLike {
  onchange: Listener | null = null;
  readyState: TransferState = "pending";

  constructor(readonly name: string, private readonly id: number) {
    super();
    host().link.transferChanged.on(({ id: changed, state }) => {
      if (changed !== this.id || this.readyState === state) return;
      this.readyState = state;
      this.fire("change");
    });
  }

  cancel(): void {
    // Cancelling is re-enqueueing nothing under the name: the link drops the queued file.
    host().link.cancel(this.id);
  }
}
