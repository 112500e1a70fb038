import { describe, expect, it } from "vitest";
import { EMPTY_OUTBOX, MAX_PENDING_RUNS, Outbox, OutboxEvent, RESEND_AFTER_S, RETRY_AFTER_FAILURE_S, outboxStep } from "../../common/watch/outbox";

const a = { id: "aaaa-0000", startedAt: 1000 };
const b = { id: "bbbb-0000", startedAt: 2000 };
const c = { id: "cccc-0000", startedAt: 3000 };

function run(events: OutboxEvent[]): { outbox: Outbox; sends: string[][]; removes: string[][] } {
  let outbox = EMPTY_OUTBOX;
  const sends: string[][] = [];
  const removes: string[][] = [];
  for (const e of events) {
    const r = outboxStep(outbox, e);
    outbox = r.outbox;
    sends.push(r.send);
    removes.push(r.remove);
  }
  return { outbox, sends, removes };
}

describe("the watch outbox", () => {
  it("sends the runs found at start oldest first, whatever order the disk lists them in", () => {
    expect(run([{ type: "restored", runs: [c, a, b], now: 10 }]).sends).toEqual([[a.id, b.id, c.id]]);
  });

  it("does not send again on a rescan or a tick, only once the phone has been silent for a while", () => {
    const r = run([
      { type: "restored", runs: [a], now: 10 },
      { type: "restored", runs: [a, b], now: 20 },
      { type: "tick", now: 10 + RESEND_AFTER_S - 1 },
      { type: "tick", now: 10 + RESEND_AFTER_S },
    ]);
    expect(r.sends).toEqual([[a.id], [b.id], [], [a.id]]);
  });

  it("sends everything unacknowledged again when the phone comes back", () => {
    const r = run([
      { type: "completed", run: a, now: 10 },
      { type: "completed", run: b, now: 20 },
      { type: "link-up", now: 30 },
    ]);
    expect(r.sends).toEqual([[a.id], [b.id], [a.id, b.id]]);
  });

  it("retries a failed transfer a minute later, not at once", () => {
    const r = run([
      { type: "completed", run: a, now: 10 },
      { type: "send-failed", id: a.id, now: 11 },
      { type: "tick", now: 11 + RETRY_AFTER_FAILURE_S - 1 },
      { type: "tick", now: 11 + RETRY_AFTER_FAILURE_S },
    ]);
    expect(r.sends).toEqual([[a.id], [], [], [a.id]]);
  });

  it("deletes only acknowledged runs, once; unknown ids in an ack are ignored", () => {
    const r = run([
      { type: "restored", runs: [a, b, c], now: 10 },
      { type: "acked", ids: [b.id, "zzzz-0000"], now: 20 },
      { type: "acked", ids: [b.id], now: 30 },
    ]);
    expect(r.removes).toEqual([[], [b.id], []]);
    expect(r.outbox.pending.map((p) => p.id)).toEqual([a.id, c.id]);
  });

  it("forgets a run whose file is gone, and sends a re-found file at once", () => {
    const r = run([
      { type: "restored", runs: [a, b], now: 10 },
      { type: "restored", runs: [b], now: 20 },
      { type: "restored", runs: [a, b], now: 30 },
    ]);
    expect(r.sends).toEqual([[a.id, b.id], [], [a.id]]);
  });

  it("sends again when the clock jumped back past a send", () => {
    expect(run([{ type: "completed", run: a, now: 5000 }, { type: "tick", now: 100 }]).sends).toEqual([[a.id], [a.id]]);
  });

  it("says which removed runs were dropped at the bound rather than acknowledged", () => {
    const runs = Array.from({ length: MAX_PENDING_RUNS + 1 }, (_, i) => ({ id: "r" + (1000 + i) + "-0000", startedAt: 1000 + i }));
    const full = outboxStep(EMPTY_OUTBOX, { type: "restored", runs: runs.slice(1), now: 10 });
    expect(full.dropped).toEqual([]);
    const over = outboxStep(full.outbox, { type: "completed", run: runs[0], now: 20 });
    expect(over.remove).toEqual([runs[0].id]);
    expect(over.dropped).toEqual([runs[0].id]);
    const acked = outboxStep(over.outbox, { type: "acked", ids: [runs[1].id], now: 30 });
    expect(acked.remove).toEqual([runs[1].id]);
    expect(acked.dropped).toEqual([]);
  });
});
