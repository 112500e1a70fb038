// Fake of the companion "messaging" module: peerSocket. control.ts opens and closes it (the watch face connects
// or goes away) and delivers messages; send() on a closed socket throws, as on the phone.
import { FakeTarget, phone, register } from "./phone";

class FakePeerSocket extends FakeTarget {
  readonly OPEN = 0;
  readonly CLOSED = 1;
  readonly MAX_MESSAGE_SIZE = 1027;
  readonly bufferedAmount = 0;
  get readyState(): number { return phone().peerOpen ? this.OPEN : this.CLOSED; }
  send(data: any): void {
    if (!phone().peerOpen) throw new Error("Peer socket is not open");
    var text = JSON.stringify(data);
    if (text.length > this.MAX_MESSAGE_SIZE) throw new Error("Message too large");
    phone().messagesFromPhone.push(JSON.parse(text));
  }
}

export const peerSocket = new FakePeerSocket();
register("messaging", peerSocket);
