// "messaging" for either side: a peerSocket that is open exactly while the world's link is up (sim/link.ts has the
// rules: closed sockets throw on send, messages are capped and copied, the last ones before a drop are lost).
import type { Side } from "./clock";
import { SimEventTarget } from "./events";
import { MAX_MESSAGE_SIZE } from "./link";
import { world } from "./world";

export class SimPeerSocket extends SimEventTarget {
  readonly OPEN = 0;
  readonly CLOSED = 1;
  readonly MAX_MESSAGE_SIZE = MAX_MESSAGE_SIZE;
  readonly bufferedAmount = 0;

  constructor(side: Side) {
    super(side);
    const link = world().link;
    link.messageArrived.on(({ to, data }) => { if (to === side) this.emit("message", { data }); });
    link.connectionChanged.on((up) => {
      if (up) this.emit("open");
      else this.emit("close", { code: 1, reason: "connection lost", wasClean: false });
    });
    // An app that starts with the link up hears "open" once it has finished starting, as on the device.
    if (link.connected) void Promise.resolve().then(() => { if (world().link.connected) this.emit("open"); });
  }

  get readyState(): number {
    return world().link.connected ? this.OPEN : this.CLOSED;
  }

  send(data: unknown): void {
    if (!this.alive) throw new Error("The app is not running");
    world().link.send(this.side, data);
  }
}
