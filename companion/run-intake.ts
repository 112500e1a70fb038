// Finished runs from the watch: each file is validated and stored once by run id (common/phone/history.ts), the
// history is persisted, and only then acknowledged, so the watch deletes nothing the phone has not saved.
import { inbox } from "file-transfer";
import { History, receiveRunFile } from "../common/phone/history";
import { ACK_FILE, ackMessage, ackMessageForSocket } from "../common/watch/protocol";
import { loadHistory, saveHistory } from "./history-store";
import { sendFile, sendMessage } from "./link";

var history: History | null = null;
var draining = false;
var drainAgain = false;

/** The history, read once; null while the storage cannot be read (then runs wait and nothing is written). */
function current(): History | null {
  if (history === null) history = loadHistory();
  return history;
}

/**
 * Tell the watch every run recently received (cumulative, so a replaced pending ack loses nothing) by file; the
 * message, which must fit the socket's size limit, carries the newest of them.
 */
export function acknowledge(): void {
  var h = current();
  if (h === null || h.recentIds.length === 0) return;
  var ids = h.recentIds;
  sendFile(ACK_FILE, ackMessage(ids));
  sendMessage(ackMessageForSocket(ids));
}

async function drainOnce(): Promise<void> {
  var h = current();
  if (h === null) return; // the runs stay in the inbox (and on the watch) until the history can be read
  var received = false;
  for (;;) {
    var file = await inbox.pop();
    if (!file) break;
    var text: string | null = null;
    try {
      text = await file.text();
    } catch (e) {
      console.warn("Could not read " + file.name + " from the watch: " + e);
      continue;
    }
    var r = receiveRunFile(h, file.name, text);
    if (r.error !== null) {
      console.warn("Ignored a file from the watch: " + r.error);
      continue;
    }
    h = r.history;
    received = true;
  }
  if (!received) return;
  if (!saveHistory(h)) return; // not acknowledged: the watch keeps the runs and sends them again
  history = h;
  acknowledge();
}

/** Take every file waiting in the inbox; calls during a drain make it go round once more. */
export async function drainInbox(): Promise<void> {
  if (draining) {
    drainAgain = true;
    return;
  }
  draining = true;
  try {
    do {
      drainAgain = false;
      await drainOnce();
    } while (drainAgain);
  } finally {
    draining = false;
  }
}

export function startRunIntake(): void {
  inbox.addEventListener("newfile", function () { drainInbox(); });
  drainInbox();
}
