// "messaging" for either side: a peerSocket that is open exactly while the page's link is up.
import { EventTargetLike, Listener } from "./events";
import { host } from "./host";
import { Side } from "./link";

const OPEN = 0;
const CLOSED = 3;

export class SimPeerSocket extends EventTargetLike {
  readonly OPEN = OPEN;
  readonly CLOSED = CLOSED;
  readonly MAX_MESSAGE_SIZE = 1027;
  readonly bufferedAmount = 0;
  onopen: Listener | null = null;
  onclose: Listener | null = null;
  onmessage: Listener | null = null;
  onerror: Listener | null = null;
  onbufferedamountdecrease: Listener | null = null;

  constructor(private readonly side: Side) {
    super();
    const link = host().link;
    link.onMessage(side, (data) => this.fire("message", { data }));
    link.connectionChanged.on((up) => {
      if (up) this.fire("open");
      else this.fire("close", { code: 1, reason: "connection lost", wasClean: false });
    });
    // Both sides start with the link as the page left it; an open link announces itself, as on the device.
    if (link.connected) host().clock.setTimeout(() => this.fire("open"), 0);
  }

  get readyState(): number {
    return host().link.connected ? OPEN : CLOSED;
  }

  send(data: unknown): void {
    if (JSON.stringify(data ?? null).length > this.MAX_MESSAGE_SIZE) throw new Error("Message too large");
    host().link.sendMessage(this.side, data);
  }
}
