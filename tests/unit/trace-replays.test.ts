// The guard on the real shared traces (../shared/traces), with the artefacts the README lists.
import { describe, expect, it } from "vitest";
import { HAVE_TRACES, traceSamples } from "./traces";
import { replayTrace } from "../../common/dev/replay";
import { validateProfile, Profile, ProfileInput } from "../../common/watch/profile";
import { NAMED_CASES } from "../../tools/named-cases";
import { TUNING } from "../../common/watch/guard";

function profile(input: ProfileInput): Profile {
  const r = validateProfile({ capMinutes: 90, warnBeforeCapMinutes: 5, ...input });
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.profile;
}

function replay(trace: string, input: ProfileInput) {
  const r = replayTrace(traceSamples(trace), profile(input));
  const breachBuzzes = r.events.filter((e) => (e.type === "breach" || e.type === "breach-reminder") && e.pattern);
  const within = (from: number, to: number, type?: string) =>
    r.events.filter((e) => e.t >= from && e.t <= to && (type === undefined || e.type === type));
  return { ...r, breachBuzzes, within };
}

describe.skipIf(!HAVE_TRACES)("real traces", () => {
  // The five named cases are defined once (tools/named-cases.ts) and judged by the bench's floors too.
  it.each(NAMED_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const r = c.judge(c.trace, TUNING);
    expect(r.detail).toBeTruthy();
    expect(r.ok, r.detail).toBe(true);
  });

  it("the spike case can fail: a guard that believes the spike breaks it", () => {
    const spike = NAMED_CASES.find((c) => c.trace === "run_tomtom-spike_runalyze.csv")!;
    const credulous = spike.judge(spike.trace, { ...TUNING, implausibleMarginBpm: 100, steepRiseBpm: 1000 });
    expect(credulous.ok, credulous.detail).toBe(false);
  });

  it("counts pauses in the elapsed time and as paused time in the summary", () => {
    const r = replay("run_garmin-fr920xt-long-pauses_tormoder.csv", { age: 30, restingHr: 50 });
    expect(r.summary.pausedS).toBeGreaterThan(1000); // includes the 1001 s pause
    expect(r.summary.durationS).toBe(r.summary.movingS + r.summary.pausedS);
    expect(r.events.find((e) => e.type === "cap")!.t - r.state.startT).toBe(90 * 60);
  });
});
