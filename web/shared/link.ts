// The Bluetooth link between the simulated watch and phone, with the page's switch to cut and restore it.
// File transfers behave as the platform documents: queued while the link is down (and across reloads),
// delivered in order once it is up, and enqueueing a name that is still queued cancels the earlier one.
// Messages only pass while the link is up; those still in flight when it drops are lost.
import { FilePayload } from "./payload";
import { Signal } from "./signal";
import { storeGet, storeSet } from "./store";
import { VirtualClock } from "./virtual-clock";

export type Side = "watch" | "phone";
export type TransferState = "pending" | "transferring" | "transferred" | "canceled" | "error";

export interface QueuedFile {
  id: number;
  from: Side;
  name: string;
  payload: FilePayload;
}

interface LinkMemory {
  connected: boolean;
  nextId: number;
  queue: QueuedFile[];
}

/** Virtual milliseconds a file or message takes to cross. */
const FILE_DELAY_MS = 1500;
const MESSAGE_DELAY_MS = 100;

function other(side: Side): Side {
  return side === "watch" ? "phone" : "watch";
}

export class Link {
  private memory: LinkMemory = storeGet<LinkMemory>("link", { connected: true, nextId: 1, queue: [] });
  private inFlight = false;
  private messageEpoch = 0;
  /** (transfer id, new state) for the sending side's FileTransfer objects. */
  readonly transferChanged = new Signal<{ id: number; state: TransferState }>();
  readonly connectionChanged = new Signal<boolean>();
  private fileReceivers: Partial<Record<Side, (f: QueuedFile) => void>> = {};
  private messageReceivers: Record<Side, (data: unknown) => void> = { watch: () => {}, phone: () => {} };

  constructor(private clock: VirtualClock) {}

  get connected(): boolean {
    return this.memory.connected;
  }

  setConnected(up: boolean): void {
    if (up === this.memory.connected) return;
    this.memory.connected = up;
    this.messageEpoch++; // messages still in flight are lost
    this.save();
    this.clock.run(() => this.connectionChanged.emit(up));
    this.pump();
  }

  onFile(side: Side, receiver: (f: QueuedFile) => void): void {
    this.fileReceivers[side] = receiver;
    this.pump(); // files queued before a reload go out once the receiver is back
  }

  onMessage(side: Side, receiver: (data: unknown) => void): void {
    this.messageReceivers[side] = receiver;
  }

  enqueueFile(from: Side, name: string, payload: FilePayload): number {
    const crossing = this.inFlight ? this.memory.queue[0] : null; // too late to cancel that one
    const replaced = (q: QueuedFile): boolean => q !== crossing && q.from === from && q.name === name;
    for (const q of this.memory.queue) if (replaced(q)) this.transferChanged.emit({ id: q.id, state: "canceled" });
    this.memory.queue = this.memory.queue.filter((q) => !replaced(q));
    const id = this.memory.nextId++;
    this.memory.queue.push({ id, from, name, payload });
    this.save();
    this.pump();
    return id;
  }

  cancel(id: number): void {
    const head = this.memory.queue[0];
    if (this.inFlight && head && head.id === id) return; // already crossing
    if (!this.memory.queue.some((q) => q.id === id)) return;
    this.memory.queue = this.memory.queue.filter((q) => q.id !== id);
    this.save();
    this.transferChanged.emit({ id, state: "canceled" });
  }

  pending(from: Side): QueuedFile[] {
    return this.memory.queue.filter((q) => q.from === from);
  }

  /** Throws when the link is down, as the device's peerSocket.send does when it is closed. */
  sendMessage(from: Side, data: unknown): void {
    if (!this.memory.connected) throw new Error("peerSocket is not open");
    const copy = JSON.parse(JSON.stringify(data === undefined ? null : data));
    const epoch = this.messageEpoch;
    this.clock.setTimeout(() => {
      if (epoch === this.messageEpoch) this.messageReceivers[other(from)](copy);
    }, MESSAGE_DELAY_MS);
  }

  /** Sends the oldest queued file when the link is up, one at a time. */
  private pump(): void {
    if (this.inFlight || !this.memory.connected || this.memory.queue.length === 0) return;
    const head = this.memory.queue[0];
    const receiver = this.fileReceivers[other(head.from)];
    if (!receiver) return; // that side has not started (yet): the file waits, as for a phone that is off
    this.inFlight = true;
    this.transferChanged.emit({ id: head.id, state: "transferring" });
    this.clock.setTimeout(() => {
      this.inFlight = false;
      if (!this.memory.connected) return; // cut mid-transfer: it stays queued and goes again later
      this.memory.queue = this.memory.queue.filter((q) => q.id !== head.id);
      this.save();
      receiver(head);
      this.transferChanged.emit({ id: head.id, state: "transferred" });
      this.pump();
    }, FILE_DELAY_MS);
  }

  private save(): void {
    storeSet("link", this.memory);
  }
}
