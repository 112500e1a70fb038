// The watch outbox and the phone history over a simulated link that drops, duplicates and reorders deliveries,
// disconnects, kills the companion, restarts the face and fails writes on both sides. The simulation does what the
// shells do (app/sync.ts, companion/run-intake.ts) with the same pure state machines. Long schedules with runs
// completed in bursts while the phone is away reach both bounds: the watch's 60 unsent runs (the oldest dropped,
// logged) and the phone's 250 stored runs (the oldest dropped).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { EMPTY_OUTBOX, MAX_PENDING_RUNS, Outbox, OutboxEvent, RESEND_AFTER_S, outboxStep } from "../../common/watch/outbox";
import { EMPTY_HISTORY, History, MAX_HISTORY_RUNS, decodeHistory, encodeHistory, receiveRunFile } from "../../common/phone/history";
import { ackMessageForSocket, runFileName } from "../../common/watch/protocol";
import { RunSummary, encodeSummary } from "../../common/watch/summary";
import { sampleRun } from "./sample-runs";

type Op =
  | { op: "complete"; rand: number }
  | { op: "completeMany"; n: number; rand: number }
  | { op: "advance"; s: number }
  | { op: "deliverRun"; pick: number; keepCopy: boolean }
  | { op: "dropRun"; pick: number; noticed: boolean }
  | { op: "deliverAck"; byMessage: boolean }
  | { op: "dropAck" }
  | { op: "link"; up: boolean }
  | { op: "restartWatch"; ackWaiting: boolean }
  | { op: "killCompanion" }
  | { op: "storageFails"; on: boolean }
  | { op: "unlinkFails"; on: boolean };

class World {
  now = 1_760_000_000;
  completed: RunSummary[] = [];
  // Watch: the run files on disk are its only memory; the outbox is rebuilt from them.
  disk = new Map<string, RunSummary>();
  outbox: Outbox = EMPTY_OUTBOX;
  unlinkFails = false;
  /** Files the outbox removed but could not delete: the disk may hold more than the bound until a rescan. */
  leftovers = false;
  /** At startup the shell holds the sends until the acks waiting in the inbox are applied. */
  held: string[] | null = null;
  /** Dropped at the watch's bound before the phone acknowledged them: the one way a run may be lost (logged). */
  dropped = new Set<string>();
  reachedWatchBound = false;
  // The link: file-transfer queues (a name enqueued again replaces its pending copy) and the peer socket.
  toPhone: { name: string; text: string }[] = [];
  ackToWatch: string[] | null = null;
  linkUp = true;
  // Phone: local storage survives the companion being killed; its memory does not. Long schedules keep the stored
  // history as it is rather than as text (encodeHistory of 250 runs on every delivery is the slow part; the
  // round trip is checked by the short schedules and the bounds tests).
  stored: string | null = null;
  storedHistory: History | null = null;
  constructor(readonly asText = true) {}
  /** Every run the phone has taken: persisted in its history (at its bound, a run older than all it keeps is
   * acknowledged without being kept). */
  persisted = new Set<string>();
  memory: History | null = null;
  storageFails = false;
  reachedPhoneBound = false;

  watch(event: OutboxEvent): void {
    const r = outboxStep(this.outbox, event);
    this.outbox = r.outbox;
    for (const id of r.dropped) if (!this.persisted.has(id)) this.dropped.add(id);
    if (r.dropped.length > 0) this.reachedWatchBound = true;
    for (const id of r.send) {
      if (this.held) this.held.push(id);
      else this.send(id);
    }
    for (const id of r.remove) {
      if (!this.unlinkFails) this.disk.delete(id);
      else this.leftovers = true;
    }
  }

  send(id: string): void {
    const run = this.disk.get(id)!;
    const file = { name: runFileName(id), text: encodeSummary(run) };
    this.toPhone = this.toPhone.filter((f) => f.name !== file.name).concat([file]);
  }

  /** app/sync.ts startSync: the outbox from the disk, then the files waiting in the inbox, then the sends. */
  restartWatch(ackWaiting: boolean): void {
    this.outbox = EMPTY_OUTBOX;
    this.held = [];
    this.rescan();
    if (ackWaiting && this.linkUp && this.ackToWatch) { this.watchReceivesAck(this.ackToWatch); this.ackToWatch = null; }
    const due = this.held;
    this.held = null;
    for (const id of due) if (this.outbox.pending.some((p) => p.id === id)) this.send(id);
  }

  rescan(): void {
    const unlinkWorks = !this.unlinkFails;
    this.watch({ type: "restored", runs: [...this.disk.values()], now: this.now });
    if (unlinkWorks) this.leftovers = false;
  }

  companion(): History {
    if (this.memory === null) this.memory = this.asText ? decodeHistory(this.stored).history : this.storedHistory || EMPTY_HISTORY;
    return this.memory;
  }

  phoneReceives(file: { name: string; text: string }): void {
    const r = receiveRunFile(this.companion(), file.name, file.text);
    expect(r.error).toBeNull();
    // Persist first, acknowledge only what is persisted.
    if (this.storageFails) return;
    expect(r.history.runs.length).toBeLessThanOrEqual(MAX_HISTORY_RUNS);
    if (r.history.runs.length === MAX_HISTORY_RUNS && (this.memory?.runs.length === MAX_HISTORY_RUNS || !r.added)) this.reachedPhoneBound = true;
    if (this.asText) this.stored = encodeHistory(r.history);
    else this.storedHistory = r.history;
    for (const run of r.history.runs) this.persisted.add(run.id);
    this.persisted.add(file.name.slice(7, -5));
    this.memory = r.history;
    this.ackToWatch = r.history.recentIds.slice();
  }

  watchReceivesAck(ids: string[]): void {
    this.watch({ type: "acked", ids, now: this.now });
  }

  apply(o: Op): void {
    switch (o.op) {
      case "complete": {
        this.now += 60;
        const run = sampleRun(this.now * 1000, o.rand, { avgHr: 120 + (this.completed.length % 60) });
        if (this.disk.has(run.id)) return;
        this.completed.push(run);
        this.disk.set(run.id, run); // the face writes the file before the outbox hears of it
        this.watch({ type: "completed", run, now: this.now });
        return;
      }
      case "completeMany": // runs finished one after another while nothing else happens on the link
        for (let k = 0; k < o.n; k++) this.apply({ op: "complete", rand: (o.rand + k * 0.618034) % 1 });
        return;
      case "advance": this.now += o.s; this.watch({ type: "tick", now: this.now }); return;
      case "deliverRun": {
        if (!this.linkUp || this.toPhone.length === 0) return;
        const file = this.toPhone[o.pick % this.toPhone.length];
        if (!o.keepCopy) this.toPhone = this.toPhone.filter((f) => f !== file);
        this.phoneReceives(file);
        return;
      }
      case "dropRun": {
        if (this.toPhone.length === 0) return;
        const file = this.toPhone[o.pick % this.toPhone.length];
        this.toPhone = this.toPhone.filter((f) => f !== file);
        if (o.noticed) this.watch({ type: "send-failed", id: file.name.slice(7, -5), now: this.now });
        return;
      }
      case "deliverAck":
        if (!this.linkUp) return;
        if (o.byMessage) { this.watchReceivesAck((ackMessageForSocket(this.companion().recentIds) as { ids: string[] }).ids); return; }
        if (this.ackToWatch) { this.watchReceivesAck(this.ackToWatch); this.ackToWatch = null; }
        return;
      case "dropAck": this.ackToWatch = null; return;
      case "link":
        if (o.up && !this.linkUp) {
          this.linkUp = true;
          this.watch({ type: "link-up", now: this.now });
          this.ackToWatch = this.companion().recentIds.slice(); // the companion re-acks when the watch is back
        } else if (!o.up) this.linkUp = false;
        return;
      case "restartWatch": this.restartWatch(o.ackWaiting); return;
      case "killCompanion": this.memory = null; return;
      case "storageFails": this.storageFails = o.on; return;
      case "unlinkFails": this.unlinkFails = o.on; return;
    }
  }

  /** The link is back and nothing fails any more: what the shells' timers and events then do. */
  heal(): void {
    this.apply({ op: "storageFails", on: false });
    this.apply({ op: "unlinkFails", on: false });
    this.apply({ op: "link", up: true });
    for (let round = 0; round < 5 && (this.disk.size > 0 || this.toPhone.length > 0); round++) {
      this.now += RESEND_AFTER_S;
      this.rescan();
      while (this.toPhone.length > 0) this.apply({ op: "deliverRun", pick: 0, keepCopy: false });
      this.apply({ op: "deliverAck", byMessage: false });
    }
  }

  /** The safety invariant: a run is deleted on the watch only once the phone has persisted it (or at the bound). */
  lostRuns(): string[] {
    return this.completed.filter((run) => !this.disk.has(run.id) && !this.persisted.has(run.id) && !this.dropped.has(run.id)).map((run) => run.id);
  }

  /** Both sides within their bounds (the watch's disk once the files it could not delete are rescanned). */
  expectWithinBounds(): void {
    expect(this.outbox.pending.length).toBeLessThanOrEqual(MAX_PENDING_RUNS);
    if (!this.leftovers) expect(this.disk.size).toBeLessThanOrEqual(MAX_PENDING_RUNS);
    if (this.memory) expect(this.memory.runs.length).toBeLessThanOrEqual(MAX_HISTORY_RUNS);
  }
}

const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant("complete" as const), rand: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) }), weight: 3 },
  fc.record({ op: fc.constant("advance" as const), s: fc.integer({ min: 1, max: 2 * RESEND_AFTER_S }) }),
  { arbitrary: fc.record({ op: fc.constant("deliverRun" as const), pick: fc.nat(), keepCopy: fc.boolean() }), weight: 4 },
  fc.record({ op: fc.constant("dropRun" as const), pick: fc.nat(), noticed: fc.boolean() }),
  { arbitrary: fc.record({ op: fc.constant("deliverAck" as const), byMessage: fc.boolean() }), weight: 2 },
  fc.record({ op: fc.constant("dropAck" as const) }),
  fc.record({ op: fc.constant("link" as const), up: fc.boolean() }),
  fc.record({ op: fc.constant("restartWatch" as const), ackWaiting: fc.boolean() }),
  fc.record({ op: fc.constant("killCompanion" as const) }),
  fc.record({ op: fc.constant("storageFails" as const), on: fc.boolean() }),
  fc.record({ op: fc.constant("unlinkFails" as const), on: fc.boolean() }),
);

/** Long schedules: runs finished in bursts (a week or two without the phone), so both bounds are reached. */
const longOp: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: op, weight: 12 },
  fc.record({ op: fc.constant("completeMany" as const), n: fc.integer({ min: 5, max: 80 }), rand: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) }),
);

function expectNewestFirst(runs: RunSummary[]): void {
  for (let i = 1; i < runs.length; i++) expect(runs[i - 1].startedAt).toBeGreaterThanOrEqual(runs[i].startedAt);
}

/** Runs a schedule, checking the invariants at every step and the outcome once the link is healed. */
function check(ops: Op[], asText = true): World {
  const w = new World(asText);
  for (const o of ops) {
    w.apply(o);
    if (w.lostRuns().length > 0) expect({ lost: w.lostRuns(), after: o }).toEqual({});
    w.expectWithinBounds();
  }
  w.heal();
  w.expectWithinBounds();
  const history = asText ? decodeHistory(w.stored).history : w.storedHistory || EMPTY_HISTORY;
  expect(new Set(history.runs.map((r) => r.id)).size).toBe(history.runs.length);
  expectNewestFirst(history.runs);
  // Every run not dropped at the watch's bound reached the phone; the phone keeps the newest of them, in order.
  for (const run of w.completed) if (!w.dropped.has(run.id)) expect(w.persisted.has(run.id)).toBe(true);
  const expected = w.completed.filter((run) => w.persisted.has(run.id)).slice(-MAX_HISTORY_RUNS);
  expect([...history.runs].reverse()).toEqual(expected);
  expect(w.disk.size).toBe(0);
  expect(w.outbox.pending).toEqual([]);
  expect(w.toPhone).toEqual([]);
  return w;
}

describe("summaries to the phone under random faults", () => {
  it("lose no run at any step, and once the link is back every run is in the phone history exactly once, in order, and the watch has drained", () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 120, size: "max" }), (ops) => {
      const w = check(ops);
      expect(w.dropped.size).toBe(0); // short schedules stay under the watch's bound: nothing may be lost
      expect(decodeHistory(w.stored).history.runs.length).toBe(w.completed.length);
    }), { numRuns: 2000 });
  }, 20_000);

  it("in long schedules reaching both bounds, lose only runs dropped at the watch's bound and keep the phone's newest", () => {
    let watchBound = 0;
    let phoneBound = 0;
    fc.assert(fc.property(fc.array(longOp, { minLength: 40, maxLength: 400 }), (ops) => {
      const w = check(ops, false);
      if (w.reachedWatchBound) watchBound++;
      if (w.reachedPhoneBound) phoneBound++;
    }), { numRuns: 100 });
    // The bounds are live in these schedules, not dead code.
    expect(watchBound).toBeGreaterThan(5);
    expect(phoneBound).toBeGreaterThan(5);
  }, 20_000);
});

describe("bounds", () => {
  it("the phone keeps the newest runs up to its bound (at least 200), oldest dropped first", () => {
    let h: History = EMPTY_HISTORY;
    const runs = Array.from({ length: MAX_HISTORY_RUNS + 30 }, (_, i) => sampleRun(Date.UTC(2026, 0, 1) + i * 86_400_000, 0.5));
    // Out of order, with duplicates.
    for (const run of [...runs.slice(100), ...runs.slice(0, 100), ...runs.slice(0, 10)]) {
      h = receiveRunFile(h, runFileName(run.id), encodeSummary(run)).history;
    }
    expect(MAX_HISTORY_RUNS).toBeGreaterThanOrEqual(200);
    expect(h.runs.length).toBe(MAX_HISTORY_RUNS);
    expect(h.runs[0]).toEqual(runs[runs.length - 1]);
    expect(h.runs[h.runs.length - 1]).toEqual(runs[30]);
    expect(decodeHistory(encodeHistory(h)).history).toEqual(h);
  });

  it("the watch keeps at most its bound of unsent runs and deletes the oldest past it", () => {
    let outbox = EMPTY_OUTBOX;
    const removed: string[] = [];
    const runs = Array.from({ length: MAX_PENDING_RUNS + 5 }, (_, i) => sampleRun(Date.UTC(2026, 0, 1) + i * 86_400_000, 0.5));
    for (const run of runs) {
      const r = outboxStep(outbox, { type: "completed", run, now: run.startedAt });
      outbox = r.outbox;
      removed.push(...r.remove);
    }
    expect(outbox.pending.length).toBe(MAX_PENDING_RUNS);
    expect(removed).toEqual(runs.slice(0, 5).map((r) => r.id));
  });
});
