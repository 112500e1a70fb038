// The watch's outbox of finished runs, as a pure state machine. The summaries themselves live in the watch's
// file system (written by the face before anything is sent); this decides which to send now and which files to
// delete. A run leaves only when the phone acknowledges it, so restarting the face rebuilds the outbox from the
// files on disk and loses nothing. Sending is idempotent on the phone (by run id), so re-sending is always safe.
// ES5-safe.

export interface PendingRun {
  id: string;
  /** Epoch seconds of the run's start: the outbox sends oldest first. */
  startedAt: number;
  /** Epoch seconds of the last send in this face session, or null when it still has to go. */
  sentAt: number | null;
}

export interface Outbox {
  /** Oldest first; at most MAX_PENDING_RUNS. */
  pending: PendingRun[];
}

/**
 * Bound on the watch: 60 unsent summaries (~150 bytes each, ~9 KB), two months of daily runs without the phone.
 * Past that the oldest is dropped (and its file deleted) so the watch's storage cannot fill up.
 */
export var MAX_PENDING_RUNS = 60;
/** Unacknowledged this long after sending: send again (the file or its acknowledgement may have been lost). */
export var RESEND_AFTER_S = 15 * 60;

/** A transfer that failed is retried on the first event this long after the failure (the shell sets a timer). */
export var RETRY_AFTER_FAILURE_S = 60;

export type OutboxEvent =
  /** The run files found on disk: at face start (a restart) and on every rescan. */
  | { type: "restored"; runs: { id: string; startedAt: number }[]; now: number }
  /** A run finished and its summary file is written. */
  | { type: "completed"; run: { id: string; startedAt: number }; now: number }
  /** The phone has stored these runs. */
  | { type: "acked"; ids: string[]; now: number }
  /** The phone is reachable again: whatever was sent before may have been lost with the link. */
  | { type: "link-up"; now: number }
  /** The file transfer of one run failed. */
  | { type: "send-failed"; id: string; now: number }
  | { type: "tick"; now: number };

export interface OutboxStep {
  outbox: Outbox;
  /** Run ids to enqueue now, oldest first. */
  send: string[];
  /** Run ids whose summary files to delete: acknowledged, or dropped at the bound. */
  remove: string[];
  /** The ones of `remove` dropped at the bound, unacknowledged: lost, so the shell logs each. */
  dropped: string[];
}

export var EMPTY_OUTBOX: Outbox = { pending: [] };

/** Where the run with this id is in the list (-1: not there); also the watch shell's lookup, not a copy of it. */
export function indexOfId(pending: PendingRun[], id: string): number {
  for (var i = 0; i < pending.length; i++) if (pending[i].id === id) return i;
  return -1;
}

/** Insert keeping the list in start order (then id order): after every run that did not start after it. */
function insertInOrder(pending: PendingRun[], run: PendingRun): void {
  var at = pending.length;
  while (at > 0) {
    var b = pending[at - 1];
    if (!(run.startedAt < b.startedAt || (run.startedAt === b.startedAt && run.id < b.id))) break;
    at--;
  }
  pending.splice(at, 0, run);
}

export function outboxStep(outbox: Outbox, event: OutboxEvent): OutboxStep {
  // A copy: the step never changes the outbox it was given.
  var pending: PendingRun[] = [];
  for (var c = 0; c < outbox.pending.length; c++) {
    var was = outbox.pending[c];
    pending[c] = { id: was.id, startedAt: was.startedAt, sentAt: was.sentAt };
  }
  var remove: string[] = [];
  var dropped: string[] = [];
  var i: number;
  if (event.type === "restored" || event.type === "completed") {
    // Restored: the files on disk are the truth: a known run keeps its send time (so a rescan does not re-send
    // it), a new one is due, one that is gone is forgotten. Completed: one more run, due unless already known (in
    // which case it is left as it is). One loop for both: a completed run is added to the list it may already be in.
    var runs = event.type === "restored" ? event.runs : [event.run];
    var into: PendingRun[] = event.type === "restored" ? [] : pending;
    for (i = 0; i < runs.length; i++) {
      var r = runs[i];
      if (indexOfId(into, r.id) >= 0) continue;
      var known = indexOfId(pending, r.id);
      insertInOrder(into, { id: r.id, startedAt: r.startedAt, sentAt: known >= 0 ? pending[known].sentAt : null });
    }
    pending = into;
  } else if (event.type === "acked") {
    for (i = 0; i < event.ids.length; i++) {
      var at = indexOfId(pending, event.ids[i]);
      if (at >= 0) remove.push(pending.splice(at, 1)[0].id);
    }
  } else if (event.type === "link-up") {
    for (i = 0; i < pending.length; i++) pending[i].sentAt = null;
  } else if (event.type === "send-failed") {
    // Retry soon, not at once: a link that fails every transfer must not be hammered.
    var failed = indexOfId(pending, event.id);
    if (failed >= 0) pending[failed].sentAt = event.now - RESEND_AFTER_S + RETRY_AFTER_FAILURE_S;
  }
  while (pending.length > MAX_PENDING_RUNS) {
    var oldest = pending.shift()!.id;
    remove.push(oldest);
    dropped.push(oldest);
  }

  var send: string[] = [];
  for (i = 0; i < pending.length; i++) {
    var p = pending[i];
    // A clock that jumped back (sentAt in the future) counts as due, or the run could wait forever.
    if (p.sentAt === null || event.now - p.sentAt >= RESEND_AFTER_S || event.now < p.sentAt) {
      p.sentAt = event.now;
      send.push(p.id);
    }
  }
  return { outbox: { pending: pending }, send: send, remove: remove, dropped: dropped };
}
