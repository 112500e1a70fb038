// Fake of the device "messaging" module: peerSocket. Test side: openPeer() / closePeer() (the phone's companion
// connects or goes away), messageToWatch(data), messagesFromWatch(). As on the device, send() on a closed
// socket throws, and messages are copied (structured data, not shared objects).
import { FakeEventTarget, device } from "./state";
import { dispatchToLaunch, watchLink } from "./link";

class FakePeerSocket extends FakeEventTarget {
  readonly OPEN = 0;
  readonly CLOSED = 1;
  readonly MAX_MESSAGE_SIZE = 1027;
  readonly bufferedAmount = 0;
  get readyState(): number {
    return watchLink().peerOpen ? this.OPEN : this.CLOSED;
  }
  send(data: any): void {
    if (!watchLink().peerOpen) throw new Error("Peer socket is not open");
    var text = JSON.stringify(data);
    if (text.length > this.MAX_MESSAGE_SIZE) throw new Error("Message too large");
    watchLink().messagesFromWatch.push(JSON.parse(text));
  }
}

export const peerSocket = new FakePeerSocket();
watchLink().socketTarget = { target: peerSocket, launch: device().launch };

// ---- test side ----

export function openPeer(): void {
  var link = watchLink();
  link.peerOpen = true;
  dispatchToLaunch(link.socketTarget, "open", { type: "open" });
}

export function closePeer(): void {
  var link = watchLink();
  link.peerOpen = false;
  dispatchToLaunch(link.socketTarget, "close", { type: "close", code: 1, wasClean: false });
}

export function messageToWatch(data: any): void {
  dispatchToLaunch(watchLink().socketTarget, "message", { type: "message", data: JSON.parse(JSON.stringify(data)) });
}

export function messagesFromWatch(): any[] {
  return watchLink().messagesFromWatch.slice();
}
