// Fake of the device "file-transfer" module. Test side (from any test, across face restarts):
//   filesFromWatch() / takeFileFromWatch(i) / failTransfer(name): the watch's outbox as the phone would see it;
//   sendFileToWatch(name, text): a file arrives (newfile fires if the face runs; otherwise it waits, as on the
//   device); failNextEnqueue(n): the next n enqueues reject.
import { FakeEventTarget, device } from "./state";
import { FakeTransfer, dispatchToLaunch, watchLink } from "./link";

function textOf(data: ArrayBuffer | ArrayBufferView): string {
  var bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new TextDecoder().decode(bytes);
}

function newTransfer(name: string, text: string): FakeTransfer {
  var t = new FakeEventTarget() as FakeTransfer;
  t.name = name;
  t.readyState = "pending";
  t.text = text;
  t.cancel = function () { setState(t, "canceled"); };
  return t;
}

function setState(t: FakeTransfer, state: FakeTransfer["readyState"]): void {
  var link = watchLink();
  t.readyState = state;
  if (state !== "pending" && state !== "transferring") link.outbox = link.outbox.filter(function (x) { return x !== t; });
  t.dispatchFake("change", { type: "change", target: t });
}

function enqueueText(name: string, text: string): Promise<FakeTransfer> {
  var link = watchLink();
  if (link.failNextEnqueue > 0) {
    link.failNextEnqueue--;
    return Promise.reject(new Error("File transfer queue is full"));
  }
  link.outbox.slice().forEach(function (t) { if (t.name === name) setState(t, "canceled"); });
  var t = newTransfer(name, text);
  link.outbox.push(t);
  return Promise.resolve(t);
}

export const outbox = {
  enqueue(name: string, data: ArrayBuffer | ArrayBufferView): Promise<FakeTransfer> {
    return enqueueText(name, textOf(data));
  },
  enqueueFile(file: string, name?: string): Promise<FakeTransfer> {
    var f = device().fs.files[file.replace(/^\/private\/data\//, "")];
    if (!f) return Promise.reject(new Error("Couldn't find file: " + file));
    return enqueueText(name || file, f.text !== null ? f.text : new TextDecoder().decode(f.bytes as Uint8Array));
  },
  enumerate(): Promise<FakeTransfer[]> {
    return Promise.resolve(watchLink().outbox.slice());
  },
};

class FakeInbox extends FakeEventTarget {
  /** Moves the next arrived file (or the named one) into the app's data folder and returns its name. */
  nextFile(name?: string): string | undefined {
    var link = watchLink();
    for (var i = 0; i < link.inbox.length; i++) {
      var f = link.inbox[i];
      if (name !== undefined && f.name !== name) continue;
      link.inbox.splice(i, 1);
      device().fs.files[f.name] = { text: f.text, bytes: null, mtime: Date.now() };
      return f.name;
    }
    return undefined;
  }
}

export const inbox = new FakeInbox();
watchLink().inboxTarget = { target: inbox, launch: device().launch };

// ---- test side ----

/** The files the watch has queued for the phone and not yet delivered, oldest first. */
export function filesFromWatch(): { name: string; text: string }[] {
  return watchLink().outbox.map(function (t) { return { name: t.name, text: t.text }; });
}

/** The phone receives the i-th queued file (it leaves the watch's queue as transferred). */
export function takeFileFromWatch(index?: number): { name: string; text: string } {
  var t = watchLink().outbox[index || 0];
  if (!t) throw new Error("The watch has no file queued");
  setState(t, "transferred");
  return { name: t.name, text: t.text };
}

/** The transfer of a queued file fails (readyState "error"). */
export function failTransfer(name: string): void {
  var t = watchLink().outbox.filter(function (x) { return x.name === name; })[0];
  if (!t) throw new Error("No queued file " + name);
  setState(t, "error");
}

/** A file from the phone arrives on the watch. */
export function sendFileToWatch(name: string, text: string): void {
  var link = watchLink();
  link.inbox = link.inbox.filter(function (f) { return f.name !== name; }).concat([{ name: name, text: text }]);
  dispatchToLaunch(link.inboxTarget, "newfile", { type: "newfile" });
}

export function failNextEnqueue(count?: number): void {
  watchLink().failNextEnqueue = count === undefined ? 1 : count;
}
