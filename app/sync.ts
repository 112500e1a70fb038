// The watch's end of the phone link. Finished runs: their summary files (written by run-store before anything is
// sent) go to the phone by file transfer, and are deleted only when the phone acknowledges them (common/watch/outbox.ts
// decides what to send and delete). Incoming files: settings (settings-inbox.ts) and acknowledgements. The peer
// socket only speeds things up: when it opens, everything unacknowledged is sent again and the watch tells the
// phone its own profile values; acknowledgements may also arrive on it.
import * as fs from "fs";
import { inbox, outbox } from "file-transfer";
import { peerSocket } from "messaging";
import { user } from "user-profile";
import { decodeSummary } from "../common/watch/summary";
import { watchValue } from "../common/watch/profile";
import { EMPTY_OUTBOX, Outbox, OutboxEvent, RETRY_AFTER_FAILURE_S, indexOfId, outboxStep } from "../common/watch/outbox";
import { ACK_FILE, LinkMessage, Parsed, SETTINGS_LINK_FILE, parseForWatch, parseLinkText, runFileName, watchProfileMessage } from "../common/watch/protocol";
import { DATA_DIR, listCompletedRuns, summaryFileName } from "./run-store";
import { acceptSettings } from "./settings-inbox";
import { readText, takeIncomingFile, why } from "./incoming";
import { granted } from "./sensors";

/** Looks for new run files and re-sends what is overdue; also runs when a run ends and when the phone is back. */
var RESCAN_MS = 5 * 60 * 1000;

var state: Outbox = EMPTY_OUTBOX;
/** The one pending retry after failed transfers (-1: none): a newer failure moves it, never adds another. */
var retryTimer = -1;
/** While starting: the runs due to be sent, held until the acknowledgements waiting in the inbox are applied. */
var held: string[] | null = null;

/** An outbox event without its time: handle() stamps it, as every event here happens at once. */
type Untimed<E> = E extends OutboxEvent ? Omit<E, "now"> : never;

function handle(event: Untimed<OutboxEvent>): void {
  (event as OutboxEvent).now = Math.floor(Date.now() / 1000);
  var r = outboxStep(state, event as OutboxEvent);
  state = r.outbox;
  for (var d = 0; d < r.dropped.length; d++) {
    console.warn("Run " + r.dropped[d] + " dropped unacknowledged");
  }
  for (var i = 0; i < r.remove.length; i++) {
    var id = r.remove[i];
    if (onPhone) onPhone(id);
    try {
      fs.unlinkSync(summaryFileName(id));
    } catch (e) {
      // The next rescan finds it again and re-sends it; the phone stores it once and acknowledges it again.
      console.warn("Could not delete " + id + ": " + e);
    }
  }
  for (var j = 0; j < r.send.length; j++) {
    if (held) held.push(r.send[j]);
    else send(r.send[j]);
  }
  if (event.type === "send-failed") {
    // The outbox makes a failed run due again RETRY_AFTER_FAILURE_S after its failure: look then (the latest
    // failure's time covers the earlier ones).
    if (retryTimer >= 0) clearTimeout(retryTimer);
    retryTimer = setTimeout(function () {
      retryTimer = -1;
      handle({ type: "tick" });
    }, RETRY_AFTER_FAILURE_S * 1000 + 1000);
  }
}

function send(id: string): void {
  // The summary file goes as it is, under the link's name for it.
  outbox.enqueueFile(DATA_DIR + "/" + summaryFileName(id), runFileName(id)).then(function (transfer) {
    transfer.addEventListener("change", function () {
      if (transfer.readyState === "error") handle({ type: "send-failed", id: id });
    });
  }).catch(function (e) {
    console.warn("Could not queue run " + id + ": " + e);
    handle({ type: "send-failed", id: id });
  });
}

/** The run files on disk are the outbox's memory: read them (a corrupt one is logged and removed). */
function rescan(): void {
  var names = listCompletedRuns();
  var runs: { id: string; startedAt: number }[] = [];
  for (var i = 0; i < names.length; i++) {
    var text = readText(names[i]);
    if (text === null) continue; // logged; found again next rescan
    var summary = decodeSummary(text);
    if (summary === null || summaryFileName(summary.id) !== names[i]) {
      // Kept, under a name no scan takes: it may be the only copy of a run.
      console.warn(names[i] + " invalid: bad-");
      try { fs.renameSync(names[i], "bad-" + names[i]); } catch (e) { /* found again next rescan */ }
      continue;
    }
    runs.push({ id: summary.id, startedAt: summary.startedAt });
  }
  handle({ type: "restored", runs: runs });
}

/** An acknowledgement from the phone, by file or by message, removes its runs; anything else there is logged. */
function takeAck(parsed: Parsed<LinkMessage>, from: string): void {
  if (parsed.ok && parsed.value.type === "ack") handle({ type: "acked", ids: parsed.value.ids });
  else console.warn("Ignored " + from + ": " + why(parsed));
}

function receiveFiles(): void {
  var name: string | undefined;
  while ((name = inbox.nextFile()) !== undefined) {
    var text = takeIncomingFile(name);
    if (name === SETTINGS_LINK_FILE) acceptSettings(text);
    else if (name === ACK_FILE) takeAck(parseLinkText(text), name);
    else console.warn("Ignored file: " + name);
  }
}

/** So the settings page computes the ceiling from the same resting and max HR as the watch. */
function tellWatchProfile(): void {
  if (!granted("access_user_profile") || !user) return;
  try {
    peerSocket.send(watchProfileMessage({ age: watchValue(user.age), restingHr: watchValue(user.restingHeartRate), maxHr: watchValue(user.maxHeartRate) }));
  } catch (e) {
    console.warn("Could not send: " + e);
  }
}

/** A run may just have ended: send it now rather than at the next rescan. */
export function sendNewRuns(): void {
  rescan();
}

/** Told of each run the phone has acknowledged (the summary card says so). */
var onPhone: ((id: string) => void) | undefined;

export function startSync(filedOnPhone?: (id: string) => void): void {
  if (filedOnPhone) onPhone = filedOnPhone;
  inbox.addEventListener("newfile", receiveFiles);
  peerSocket.addEventListener("open", function () {
    handle({ type: "link-up" });
    tellWatchProfile();
  });
  peerSocket.addEventListener("message", function (event) {
    takeAck(parseForWatch(event.data), "message");
  });
  if (peerSocket.readyState === peerSocket.OPEN) tellWatchProfile();
  // The outbox first (from the files on disk), then the files that arrived while the face was not running: an
  // acknowledgement among them removes its runs, which are then not sent again.
  held = [];
  rescan();
  receiveFiles();
  var due = held;
  held = null;
  for (var i = 0; i < due.length; i++) if (indexOfId(state.pending, due[i]) >= 0) send(due[i]);
  setInterval(rescan, RESCAN_MS);
}
