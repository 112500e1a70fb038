// The fake watch's end of the phone link (used by the device fakes of file-transfer and messaging). Like state.ts
// it lives on globalThis, so queued files and the socket's state outlive a face restart; the listeners belong to
// the launch that registered them, and a killed face hears nothing until it is launched again.
import { FakeEventTarget, LaunchState, device } from "./state";

export interface FakeTransfer extends FakeEventTarget {
  name: string;
  readyState: "pending" | "transferring" | "transferred" | "canceled" | "error";
  text: string;
}

export interface WatchLink {
  /** Files from the phone that arrived and wait for inbox.nextFile(). */
  inbox: { name: string; text: string }[];
  /** Files the watch enqueued that have not reached the phone (a same-name enqueue cancels the pending one). */
  outbox: FakeTransfer[];
  /** The next this-many outbox.enqueue calls reject. */
  failNextEnqueue: number;
  peerOpen: boolean;
  /** Everything the watch sent on the peer socket, in order. */
  messagesFromWatch: any[];
  /** The current launch's modules: events go to these, and only while that launch is alive. */
  inboxTarget: { target: FakeEventTarget; launch: LaunchState } | null;
  socketTarget: { target: FakeEventTarget; launch: LaunchState } | null;
}

var KEY = "__recoveryGuardFakeWatchLink";

export function watchLink(): WatchLink {
  var g = globalThis as any;
  if (!g[KEY] || g[KEY].device !== device()) {
    // A new fake watch (resetDevice) comes with an empty link.
    g[KEY] = {
      device: device(), inbox: [], outbox: [], failNextEnqueue: 0, peerOpen: false, messagesFromWatch: [],
      inboxTarget: null, socketTarget: null,
    };
  }
  return g[KEY];
}

/** Dispatch to the current launch's module, unless that face has been killed. */
export function dispatchToLaunch(slot: { target: FakeEventTarget; launch: LaunchState } | null, type: string, event?: any): void {
  if (slot && slot.launch === device().launch) slot.target.dispatchFake(type, event);
}
