// The guard on the real shared traces (../shared/traces), with the artefacts the README lists.
import { describe, expect, it } from "vitest";
import { HAVE_TRACES, traceSamples } from "./traces";
import { replayTrace } from "../../common/replay";
import { validateProfile, Profile, ProfileInput } from "../../common/profile";
import { sustainedBreaches, scoreBuzzes } from "../../tools/alert-quality";

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
  it("an easy run (max 146) under a 150 ceiling gets no breach buzz", () => {
    const r = replay("run_stryd-export_fitparse.csv", { maxHrMethod: "measured", measuredMaxHr: 199, restingHr: 60 });
    expect(r.ceilingBpm).toBeCloseTo(150.35, 1);
    expect(r.breachBuzzes).toEqual([]);
    expect(r.summary.breaches).toBe(0);
    expect(r.summary.maxHr).toBe(146);
  });

  it.each([
    [{ age: 30, restingHr: 60, ceilingPercent: 75 }],
    [{ maxHrMethod: "measured", measuredMaxHr: 200, restingHr: 60, ceilingPercent: 75 }],
  ])("the 223-bpm artefact spike (t 300-420) raises no breach for %j", (input) => {
    const r = replay("run_tomtom-spike_runalyze.csv", input);
    expect(r.within(280, 460)).toEqual([]);
    expect(r.summary.maxHr).toBeLessThan(215);
  });

  it("a one-sample drop-out (121 -> 70 -> 128 at t 108) while over the ceiling cues no back-under and restarts nothing", () => {
    // Ceiling ~113: the runner has been over it since the first minute when the drop-out comes.
    const over = replay("run_garmin-fenix5x-dropout_runalyze.csv", { maxHrMethod: "measured", measuredMaxHr: 140, restingHr: 50, ceilingPercent: 70 });
    expect(over.ceilingBpm).toBeCloseTo(113, 0);
    const first = over.events.find((e) => e.type === "breach")!;
    expect(first.t).toBeLessThan(100);
    // The only thing around the drop-out is the reminder, on the schedule the first buzz set: no back-under cue,
    // no new breach, no reset of the reminders.
    expect(over.within(100, 140).map((e) => e.type)).toEqual(["breach-reminder"]);
    expect(over.within(100, 140)[0].t - first.t).toBe(60);
  });

  it("believes the strap that under-read for minutes once its new level persists, and catches the breach after it", () => {
    const r = replay("run_garmin-fr410_tcxparser.csv", { age: 30, restingHr: 60 }); // ceiling 144.5
    expect(r.within(0, 219, "breach")).toEqual([]);
    const breach = r.events.find((e) => e.type === "breach")!;
    expect(breach.t).toBeGreaterThan(224);
    expect(breach.t).toBeLessThan(224 + 30);
  });

  it("catches each sustained interval of an interval session", () => {
    const samples = traceSamples("run_garmin-fr965-ohr-intervals_fitfileparser.csv");
    const p = profile({ age: 25, restingHr: 60, ceilingPercent: 75 }); // ceiling 161.25
    const r = replayTrace(samples, p);
    const stretches = sustainedBreaches(samples, r.ceilingBpm);
    const breachTimes = r.events.filter((e) => e.type.startsWith("breach") && e.pattern).map((e) => e.t);
    const score = scoreBuzzes(stretches, breachTimes);
    expect(stretches.length).toBeGreaterThanOrEqual(5);
    expect(score.caught).toBe(stretches.length);
    expect(score.nuisance).toBe(0);
    expect(r.summary.breaches).toBeGreaterThanOrEqual(5);
  });

  it("counts pauses in the elapsed time and as paused time in the summary", () => {
    const r = replay("run_garmin-fr920xt-long-pauses_tormoder.csv", { age: 30, restingHr: 50 });
    expect(r.summary.pausedS).toBeGreaterThan(1000); // includes the 1001 s pause
    expect(r.summary.durationS).toBe(r.summary.movingS + r.summary.pausedS);
    expect(r.events.find((e) => e.type === "cap")!.t - r.state.startT).toBe(90 * 60);
  });
});
