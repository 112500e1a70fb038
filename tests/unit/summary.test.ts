import { describe, expect, it } from "vitest";
import { decodeSummary, encodeSummary, makeRunId, summarize, RunSummary } from "../../common/watch/summary";
import { startGuard, step } from "../../common/watch/guard";
import { DEFAULT_PROFILE } from "../../common/watch/profile";

function finishedRun(): RunSummary {
  const g = startGuard({ ...DEFAULT_PROFILE, capMinutes: 90 }, 0);
  for (let t = 0; t <= 5400; t++) step(g, { t, bpm: t > 1000 && t < 1400 ? 175 : 140, onWrist: true });
  return summarize(g, makeRunId(Date.UTC(2026, 10, 24, 7, 0), 0.999999), Date.UTC(2026, 10, 24, 7, 0) / 1000);
}

describe("run summaries", () => {
  it("round-trip through the encoding and stay under 256 bytes for a long run", () => {
    const s = finishedRun();
    const text = encodeSummary(s);
    expect(text.length).toBeLessThanOrEqual(256);
    expect(decodeSummary(text)).toEqual(s);
  });

  it("have ids that do not repeat across restarts (time + randomness, not a counter)", () => {
    const t = Date.UTC(2026, 10, 24, 7, 0);
    expect(makeRunId(t, 0.1)).not.toBe(makeRunId(t, 0.2));
    expect(makeRunId(t, 0.1)).not.toBe(makeRunId(t + 1000, 0.1));
    expect(makeRunId(t, 0.999999)).toMatch(/^[0-9a-z]+-[0-9a-z]{4}$/);
  });

  it.each([
    ["not JSON", "{oops"],
    ["another version", JSON.stringify([2, "abc-0000"])],
    ["a negative duration", encodeSummary(finishedRun()).replace(/^\[1,("[^"]+"),(\d+),\d+/, "[1,$1,$2,-5")],
    ["a bad id", encodeSummary(finishedRun()).replace(/^\[1,"[^"]+"/, '[1,"../../etc"')],
    ["five zones", encodeSummary(finishedRun()).replace(/\[(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\]/, "[$1,$2,$3,$4,$5]")],
    ["a number", 42],
  ])("reject %s", (_what, payload) => {
    expect(decodeSummary(payload)).toBeNull();
  });
});

it("keeps the ceiling so the phone shows the same whole bpm as the watch did", async () => {
  const { ceilingDisplayBpm } = await import("../../common/watch/zones");
  for (const ceiling of [145.55, 149.97, 150, 139.999]) {
    const g = startGuard({ ...DEFAULT_PROFILE }, 0);
    g.ceiling = ceiling;
    const s = decodeSummary(encodeSummary(summarize(g, makeRunId(0, 0.5), 0)))!;
    expect(ceilingDisplayBpm(s.ceilingBpm)).toBe(ceilingDisplayBpm(ceiling));
  }
});

describe("the optional HR profile a summary may carry (the phone's per-run chart)", () => {
  const profile = '[1,60,"3x3y3z","000"]';

  it("is a 16th element when there, and a summary without one encodes as before (15 elements)", () => {
    const run = finishedRun();
    expect(JSON.parse(encodeSummary(run))).toHaveLength(15);
    expect("hrProfile" in (decodeSummary(encodeSummary(run)) as RunSummary)).toBe(false);
    const withProfile = { ...run, hrProfile: profile };
    expect(JSON.parse(encodeSummary(withProfile))).toHaveLength(16);
    expect(decodeSummary(encodeSummary(withProfile))).toEqual(withProfile);
  });

  it("rejects a 16th element that is not a string, or too long to be a profile", () => {
    const a = JSON.parse(encodeSummary(finishedRun()));
    expect(decodeSummary(JSON.stringify([...a, 7]))).toBeNull();
    expect(decodeSummary(JSON.stringify([...a, "x".repeat(513)]))).toBeNull();
    expect(decodeSummary(JSON.stringify([...a, profile, profile]))).toBeNull();
  });
});
