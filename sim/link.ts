// The Bluetooth link between the watch and the phone: file transfers both ways and the peer socket's messages.
// Rules (Fitbit file-transfer and messaging guides): files queue while the link is down and even while the apps are
// closed, and cross in order once it is up; enqueueing a name that is still pending cancels the earlier one.
// Messages pass only while both ends are connected, are copied (structured data), are capped at MAX_MESSAGE_SIZE,
// and the ones still in flight when the link drops are lost.
// Delivery is "manual" in tests (the test carries each file and message, and so controls the order) or "auto" on
// the page (files take FILE_DELAY_MS, messages MESSAGE_DELAY_MS, on the world's clock).
import type { Side } from "./clock";
import { Signal } from "./signal";
import { FilePayload } from "./payload";
import { Store, loadJson, saveJson } from "./store";
import type { World } from "./world";

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
  /** Files enqueued and not yet across, both directions, oldest first. */
  queue: QueuedFile[];
  /** Files across that the receiving app has not taken yet (inbox.nextFile / inbox.pop). */
  arrived: Record<Side, QueuedFile[]>;
  /** Files held back by the "late" fault. */
  late: QueuedFile[];
}

/** The messaging payload cap the project relies on (fitbit-sdk-types MessageSocket.MAX_MESSAGE_SIZE; 1027 on devices). */
export const MAX_MESSAGE_SIZE = 1027;
const FILE_DELAY_MS = 1500;
const MESSAGE_DELAY_MS = 100;
const LATE_MS = 10 * 60 * 1000;
const KEY = "link";

export const other = (side: Side): Side => (side === "watch" ? "phone" : "watch");

export class Link {
  private memory: LinkMemory;
  private inFlight: Record<Side, unknown[]> = { watch: [], phone: [] };
  private sentLog: Record<Side, unknown[]> = { watch: [], phone: [] };
  private epoch = 0;
  private crossing: number | null = null;
  readonly transferChanged = new Signal<{ id: number; state: TransferState }>();
  readonly connectionChanged = new Signal<boolean>();
  /** A file reached a side (the side's inbox module fires newfile). */
  readonly fileArrived = new Signal<Side>();
  readonly messageArrived = new Signal<{ to: Side; data: unknown }>();

  constructor(private readonly world: World, private readonly store: Store, connected: boolean, public delivery: "manual" | "auto") {
    this.memory = loadJson<LinkMemory>(store, KEY, { connected, nextId: 1, queue: [], arrived: { watch: [], phone: [] }, late: [] });
  }

  get connected(): boolean {
    return this.memory.connected;
  }

  setConnected(up: boolean): void {
    if (up === this.memory.connected) return;
    this.memory.connected = up;
    if (!up) {
      this.epoch++; // the last messages before a disconnect are lost
      this.inFlight = { watch: [], phone: [] };
    }
    this.save();
    this.connectionChanged.emit(up);
    this.pump();
  }

  /** The link drops and comes back at once: messages in flight are lost, both sockets close and reopen. */
  flap(): void {
    this.world.faults.injected["link-flap"] = (this.world.faults.injected["link-flap"] || 0) + 1;
    this.setConnected(false);
    this.setConnected(true);
  }

  // ---- files ----

  /** Queue a file; throws when the enqueue-rejects fault is on (outbox.enqueue turns that into a rejection). */
  enqueue(from: Side, name: string, payload: FilePayload): number {
    if (this.world.faults.enqueueFails(from)) throw new Error("File transfer queue is full");
    const replaced = (q: QueuedFile): boolean => q.id !== this.crossing && q.from === from && q.name === name;
    for (const q of this.memory.queue) if (replaced(q)) this.transferChanged.emit({ id: q.id, state: "canceled" });
    this.memory.queue = this.memory.queue.filter((q) => !replaced(q));
    const id = this.memory.nextId++;
    this.memory.queue.push({ id, from, name, payload });
    this.save();
    this.pump();
    return id;
  }

  cancel(id: number): void {
    if (id === this.crossing || !this.memory.queue.some((q) => q.id === id)) return;
    this.memory.queue = this.memory.queue.filter((q) => q.id !== id);
    this.save();
    this.transferChanged.emit({ id, state: "canceled" });
  }

  pending(from: Side): QueuedFile[] {
    return this.memory.queue.filter((q) => q.from === from);
  }

  /**
   * The pending file `index` from `from` crosses now (tests carry files this way), with the file fault switched
   * on, if any: delivered twice, held back (late: crosses after LATE_MS or at deliverLate()), the newest pending
   * one overtaking the head (out of order), or lost (the sender is told it was transferred: never arrives).
   */
  deliver(from: Side, index = 0): QueuedFile {
    const list = this.pending(from);
    let f = list[index];
    if (!f) throw new Error(`Nothing queued from the ${from}`);
    const fault = this.world.faults.fileFault();
    if (fault === "out-of-order" && list.length > 1) f = list[list.length - 1];
    this.memory.queue = this.memory.queue.filter((q) => q.id !== f.id);
    if (fault === "late") {
      this.memory.late.push(f);
      if (this.delivery === "auto") this.world.clock.setTimeout("world", () => this.deliverLate(), LATE_MS);
    } else if (fault !== "never") {
      this.arrive(other(from), f.name, f.payload);
      if (fault === "twice") this.arrive(other(from), f.name, f.payload);
    }
    this.save();
    this.transferChanged.emit({ id: f.id, state: "transferred" });
    return f;
  }

  /** The pending file's transfer fails (readyState "error"); it leaves the queue. */
  failTransfer(from: Side, name: string): void {
    const f = this.pending(from).find((q) => q.name === name);
    if (!f) throw new Error(`No queued file ${name} from the ${from}`);
    this.memory.queue = this.memory.queue.filter((q) => q.id !== f.id);
    this.save();
    this.transferChanged.emit({ id: f.id, state: "error" });
  }

  /** The files the "late" fault held back arrive now. */
  deliverLate(): void {
    const late = this.memory.late;
    this.memory.late = [];
    for (const f of late) this.arrive(other(f.from), f.name, f.payload);
    this.save();
  }

  /** A file lands in a side's inbox (the same name waiting there is replaced) and its app is told. */
  arrive(to: Side, name: string, payload: FilePayload): void {
    const arrived = this.memory.arrived[to].filter((f) => to === "phone" || f.name !== name);
    arrived.push({ id: this.memory.nextId++, from: other(to), name, payload });
    this.memory.arrived[to] = arrived;
    this.save();
    this.fileArrived.emit(to);
  }

  /** The receiving app takes the next arrived file (or the named one). */
  take(to: Side, name?: string): QueuedFile | undefined {
    const arrived = this.memory.arrived[to];
    const i = name === undefined ? 0 : arrived.findIndex((f) => f.name === name);
    if (i < 0 || i >= arrived.length) return undefined;
    const [f] = arrived.splice(i, 1);
    this.save();
    return f;
  }

  // ---- messages ----

  /** peerSocket.send: throws when closed or too large, as on the device and phone. */
  send(from: Side, data: unknown): void {
    if (!this.memory.connected) throw new Error("Peer socket is not open");
    const text = JSON.stringify(data === undefined ? null : data);
    if (text.length > MAX_MESSAGE_SIZE) throw new Error("Message too large");
    this.sentLog[from].push(JSON.parse(text));
    if (this.delivery === "manual") {
      this.inFlight[from].push(JSON.parse(text));
      return;
    }
    const epoch = this.epoch;
    this.world.clock.setTimeout("world", () => {
      if (epoch === this.epoch) this.messageArrived.emit({ to: other(from), data: JSON.parse(text) });
    }, MESSAGE_DELAY_MS);
  }

  /** Everything a side sent on the socket, in order (delivered or not). */
  sent(from: Side): unknown[] {
    return this.sentLog[from].slice();
  }

  /** Manual delivery: the messages `from` sent that are still in flight cross now. */
  deliverMessages(from: Side): number {
    const msgs = this.inFlight[from];
    this.inFlight[from] = [];
    for (const data of msgs) this.messageArrived.emit({ to: other(from), data });
    return msgs.length;
  }

  /**
   * Manual delivery until nothing is left: every queued file and message crosses, both ways, the receivers' promise
   * chains settling after each. False when still moving after 10 rounds (at most `perSide` files a side a round).
   */
  async settle(perSide = Infinity): Promise<boolean> {
    for (let round = 0; round < 10; round++) {
      let moved = 0;
      for (const side of ["watch", "phone"] as const) {
        for (let n = 0; this.pending(side).length > 0 && n < perSide; n++) {
          this.deliver(side);
          moved++;
          await settlePromises();
        }
        moved += this.deliverMessages(side);
      }
      await settlePromises();
      if (moved === 0) return true;
    }
    return false;
  }

  /** Auto delivery: send the oldest queued file across when the link is up and its receiver runs. */
  pump(): void {
    if (this.delivery !== "auto" || this.crossing !== null || !this.memory.connected) return;
    const head = this.memory.queue[0];
    if (!head || !this.world.isRunning(other(head.from))) return; // waits, as for a phone that is off
    this.crossing = head.id;
    this.transferChanged.emit({ id: head.id, state: "transferring" });
    this.world.clock.setTimeout("world", () => {
      this.crossing = null;
      if (this.memory.connected && this.memory.queue.some((q) => q.id === head.id)) {
        this.deliver(head.from, this.pending(head.from).findIndex((q) => q.id === head.id));
      }
      this.pump();
    }, FILE_DELAY_MS);
  }

  private save(): void {
    saveJson(this.store, KEY, this.memory);
  }
}

/** Let pending promise chains (the companion's, the watch's outbox) run to their end. */
export async function settlePromises(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
