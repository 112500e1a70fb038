import { describe, it, expect } from "vitest";
import { FaceInput, LABELS, ceilingText, faceModel, newFace } from "../../common/watch/face-model";
import { GuardState, TUNING, cancelSnooze, snooze, startGuard, step } from "../../common/watch/guard";
import { DEFAULT_PROFILE, Profile } from "../../common/watch/profile";
import { ceilingOf } from "../../common/watch/zones";

// The source's worked example: 23 y, resting 50 -> ceiling 145.55 (145 fine, 146 over).
const PROFILE: Profile = { ...DEFAULT_PROFILE, age: 23, restingHr: 50, capMinutes: 30, warnBeforeCapMinutes: 5 };
const T0 = 1_700_000_000;

function input(over: Partial<FaceInput>): FaceInput {
  return {
    guard: null, nowS: T0, ceilingBpm: ceilingOf(PROFILE), hours: 7, minutes: 5, idleBpm: 0, onWrist: true, hr: "ok",
    endArmed: false, hint: "", wrapUp: false, ...over,
  };
}

function runFor(g: GuardState, fromS: number, seconds: number, bpm: number | null, onWrist = true): number {
  for (let i = 0; i < seconds; i++) step(g, { t: T0 + fromS + i, bpm, onWrist });
  return T0 + fromS + seconds - 1;
}

describe("face model", () => {
  it("idle: clock, HR, today's ceiling and the start hint", () => {
    const f = faceModel(input({ idleBpm: 72.4 }));
    expect(f).toMatchObject({ running: false, time: "07:05", hr: "72", ceiling: "ceiling 145 bpm", label: "Tap to start", stateClass: "idle", elapsed: "", progress: 0 });
    expect(faceModel(input({ hours: 23, minutes: 9 })).time).toBe("23:09");
    expect(faceModel(input({})).hr).toBe("--");
  });

  it("shows the ceiling as the highest bpm that is not over it", () => {
    expect(ceilingText(145.55)).toBe("ceiling 145 bpm");
    expect(ceilingText(150)).toBe("ceiling 150 bpm");
    expect(ceilingText(NaN)).toBe("ceiling -- bpm");
  });

  it("idle without heart-rate access says why, not just --", () => {
    expect(faceModel(input({ hr: "denied" }))).toMatchObject({ hr: "--", label: LABELS.denied, stateClass: "no-hr" });
    expect(faceModel(input({ hr: "missing" }))).toMatchObject({ hr: "--", label: LABELS.missing, stateClass: "no-hr" });
  });

  it("running below, near and over the ceiling, with elapsed time and progress to the cap", () => {
    const g = startGuard(PROFILE, T0);
    let now = runFor(g, 0, 60, 120);
    let f = faceModel(input({ guard: g, nowS: now }));
    expect(f).toMatchObject({ running: true, hr: "120", stateClass: "below", label: "EASY", elapsed: "0:59", ceiling: "ceiling 145 bpm" });
    expect(f.progress).toBeCloseTo(59 / 1800, 5);
    now = runFor(g, 60, 20, 143);
    expect(faceModel(input({ guard: g, nowS: now }), f)).toMatchObject({ stateClass: "near", label: "NEAR CEILING", hr: "143" });
    now = runFor(g, 80, 40, 150);
    expect(faceModel(input({ guard: g, nowS: now }), f)).toMatchObject({ stateClass: "over", label: "OVER: EASE OFF", hr: "150" });
  });

  it("snoozed, off-wrist, no signal and time to stop each have their own words", () => {
    const g = startGuard(PROFILE, T0);
    let now = runFor(g, 0, 40, 152);
    snooze(g, now);
    expect(faceModel(input({ guard: g, nowS: now }))).toMatchObject({ stateClass: "snoozed", label: "SNOOZED 3:00", snoozeLabel: "RESUME" });
    now = runFor(g, 40, 3, null, false);
    expect(faceModel(input({ guard: g, nowS: now, onWrist: false }))).toMatchObject({ stateClass: "off-wrist", label: "OFF WRIST", hr: "--" });
    now = runFor(g, 43, TUNING.staleS + 2, null, true);
    expect(faceModel(input({ guard: g, nowS: now }))).toMatchObject({ stateClass: "no-signal", label: "NO SIGNAL" });
    now = runFor(g, 60, 1800, 120);
    const f = faceModel(input({ guard: g, nowS: now }));
    expect(f).toMatchObject({ stateClass: "cap", label: "TIME TO STOP", progress: 1, elapsed: "30:59" });
    // Past the cap with no signal it still says stop.
    now = runFor(g, 1860, 20, null);
    expect(faceModel(input({ guard: g, nowS: now }))).toMatchObject({ stateClass: "cap", label: "TIME TO STOP" });
  });

  it("a run without heart-rate access still shows its time and, at the cap, time to stop", () => {
    const g = startGuard(PROFILE, T0);
    let now = runFor(g, 0, 10, null);
    expect(faceModel(input({ guard: g, nowS: now, hr: "denied" }))).toMatchObject({ label: LABELS.denied, hr: "--", elapsed: "0:09" });
    now = runFor(g, 10, 1800, null);
    expect(faceModel(input({ guard: g, nowS: now, hr: "denied" }))).toMatchObject({ stateClass: "cap", label: "TIME TO STOP" });
  });

  it("words agree with the buzzes: over the ceiling but not yet confirmed reads ABOVE CEILING, confirmed reads OVER", () => {
    const g = startGuard(PROFILE, T0);
    let now = runFor(g, 0, 60, 138);
    now = runFor(g, 60, 5, 150);
    expect(faceModel(input({ guard: g, nowS: now }))).toMatchObject({ stateClass: "above", label: "ABOVE CEILING", hrOver: true });
    expect(g.totals.buzzes).toBe(0);
    now = runFor(g, 65, 30, 150);
    expect(g.totals.buzzes).toBeGreaterThan(0);
    expect(faceModel(input({ guard: g, nowS: now }))).toMatchObject({ stateClass: "over", label: "OVER: EASE OFF" });
  });

  it("the wrap-up hint reads while the run is easy, and gives way to OVER and to TIME TO STOP", () => {
    const g = startGuard(PROFILE, T0);
    let now = runFor(g, 0, 60, 120);
    expect(faceModel(input({ guard: g, nowS: now, wrapUp: true }))).toMatchObject({ stateClass: "below", label: LABELS.wrapUp });
    now = runFor(g, 60, 60, 160);
    expect(faceModel(input({ guard: g, nowS: now, wrapUp: true }))).toMatchObject({ stateClass: "over", label: LABELS.over });
    now = runFor(g, 120, 1700, 120);
    expect(faceModel(input({ guard: g, nowS: now, wrapUp: true }))).toMatchObject({ stateClass: "cap", label: LABELS.cap });
  });

  it("at the cap says TIME TO STOP even while over the ceiling, and the number still shows the over-ness", () => {
    const g = startGuard(PROFILE, T0);
    const now = runFor(g, 0, 1810, 160);
    expect(faceModel(input({ guard: g, nowS: now }))).toMatchObject({ stateClass: "cap", label: "TIME TO STOP", hrOver: true, hr: "160" });
  });

  it("a snooze pressed while easy says what it did, counting down", () => {
    const g = startGuard(PROFILE, T0);
    let now = runFor(g, 0, 60, 120);
    snooze(g, now);
    expect(faceModel(input({ guard: g, nowS: now }))).toMatchObject({ stateClass: "snoozed", label: "SNOOZED 3:00", hrOver: false });
    now = runFor(g, 60, 19, 120);
    expect(faceModel(input({ guard: g, nowS: now })).label).toBe("SNOOZED 2:41");
    cancelSnooze(g);
    expect(faceModel(input({ guard: g, nowS: now }))).toMatchObject({ stateClass: "below", label: "EASY", snoozeLabel: "SNOOZE" });
  });

  it("the phone's readiness hint shows on the idle face only: a quiet line, never in the way of a run", () => {
    const hint = "Resting HR +7: rest or walk?";
    expect(faceModel(input({ hint }))).toMatchObject({ hint, label: "Tap to start", running: false });
    const g = startGuard(PROFILE, T0);
    expect(faceModel(input({ hint, guard: g })).hint).toBe("");
  });

  it("the End button asks for a second tap", () => {
    const g = startGuard(PROFILE, T0);
    expect(faceModel(input({ guard: g })).endLabel).toBe("END");
    expect(faceModel(input({ guard: g, endArmed: true })).endLabel).toBe("TAP AGAIN");
  });

  it("reuses the output object and never shows NaN", () => {
    const out = newFace();
    const g = startGuard(PROFILE, T0);
    expect(faceModel(input({ guard: g, nowS: NaN }), out)).toBe(out);
    expect(out.elapsed).toBe("0:00");
    expect(out.progress).toBe(0);
    expect(JSON.stringify(out)).not.toMatch(/NaN/);
  });
});
