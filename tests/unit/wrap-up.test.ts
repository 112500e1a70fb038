// The wrap-up hint: one gentle cue per run when HR drifts up at a steady effort, never on hills or intervals.
import { describe, expect, it } from "vitest";
import { startWrapUp, stepWrapUp, WrapUpState, WRAP_UP_TUNING } from "../../common/watch/wrap-up";
import { HAVE_TRACES, MISSING_TRACES_NOTE } from "./traces";
import { EffortTrace, labelTrace, loadEffortTraces, parseEffortCsv, wrapUpReport } from "../../tools/wrap-up-bench";

/** Feeds a level per second for `minutes` minutes (bpmAt(t) in seconds from the start); returns every firing time. */
function run(bpmAt: (t: number) => number | null, minutes: number, s: WrapUpState = startWrapUp(0)) {
  const fired: number[] = [];
  for (let t = 0; t < minutes * 60; t++) if (stepWrapUp(s, t, bpmAt(t))) fired.push(t);
  return fired;
}

/** A little beat-to-beat wobble, deterministic. */
const wobble = (t: number) => 2 * Math.sin(t / 7) + Math.sin(t / 3.3);
/** Warm-up to 130 in 8 minutes, then steady, rising `perMin` bpm a minute after minute 10. */
const drifting = (perMin: number) => (t: number) => (t < 480 ? 100 + (30 * t) / 480 : 130) + Math.max(0, t / 60 - 10) * perMin + wobble(t);

describe("the wrap-up hint", () => {
  it("fires once on a steady run whose HR creeps up 0.5 bpm a minute, about 25 minutes in", () => {
    const fired = run(drifting(0.5), 60);
    expect(fired.length).toBe(1);
    expect(fired[0] / 60).toBeGreaterThan(22);
    expect(fired[0] / 60).toBeLessThan(32);
  });

  it("stays quiet on a steady run without drift", () => {
    expect(run(drifting(0), 90)).toEqual([]);
  });

  it("never fires in the warm-up, however fast HR climbs", () => {
    expect(run((t) => 100 + t / 10, 10)).toEqual([]);
  });

  it("stays quiet on hills: 4 minutes up 12 bpm and back, every 8 minutes", () => {
    const hilly = (t: number) => 135 + wobble(t) + (t > 600 && (t / 60) % 8 < 4 ? 12 * Math.sin((Math.PI * ((t / 60) % 8)) / 4) : 0);
    expect(run(hilly, 75)).toEqual([]);
  });

  it("stays quiet on intervals: 3 minutes hard, 3 easy", () => {
    const intervals = (t: number) => (t > 600 && Math.floor(t / 180) % 2 === 0 ? 172 : 138) + wobble(t);
    expect(run(intervals, 75)).toEqual([]);
  });

  it("does not take HR coming back after a stop for drift", () => {
    // Steady at 140; at 20 min a 3-minute stop (no readings), then back to 140 by way of a slow climb from 120.
    const stop = (t: number) => (t >= 1200 && t < 1380 ? null : t >= 1380 && t < 1800 ? 120 + (20 * (t - 1380)) / 420 + wobble(t) : 140 + wobble(t));
    expect(run(stop, 60)).toEqual([]);
  });

  it("survives a checkpoint: its state is plain JSON and carries on the same", () => {
    const a = startWrapUp(0);
    const bpm = drifting(0.5);
    for (let t = 0; t < 1200; t++) stepWrapUp(a, t, bpm(t));
    const b: WrapUpState = JSON.parse(JSON.stringify(a));
    const fa: number[] = [];
    const fb: number[] = [];
    for (let t = 1200; t < 3600; t++) {
      if (stepWrapUp(a, t, bpm(t))) fa.push(t);
      if (stepWrapUp(b, t, bpm(t))) fb.push(t);
    }
    expect(fa.length).toBe(1);
    expect(fb).toEqual(fa);
  });

  it("ignores times before its start and NaN", () => {
    const s = startWrapUp(100);
    expect(stepWrapUp(s, 50, 140)).toBe(false);
    expect(stepWrapUp(s, NaN, 140)).toBe(false);
    expect(s.n).toBe(0);
  });

  it("keeps its tuning in one object, the numbers the README justifies", () => {
    expect(WRAP_UP_TUNING.riseBpm).toBe(8);
    expect(WRAP_UP_TUNING.warmupMin).toBe(10);
  });
});

describe("the labelling rule of the wrap-up bench", () => {
  const csv = (rows: [number, number, number, number][]) => "t,hr,speed,cadence\n" + rows.map((r) => r.join(",")).join("\n");
  const minutes = (n: number, f: (m: number) => [number, number, number]) =>
    Array.from({ length: n * 60 }, (_, t) => { const [hr, speed, cad] = f(t / 60); return [t, hr, speed, cad] as [number, number, number, number]; });

  it("calls a steady pace with HR rising 10 bpm steady with drift", () => {
    const l = labelTrace(parseEffortCsv(csv(minutes(45, (m) => [140 + Math.max(0, m - 10) * 0.4, 3.0, 85]))));
    expect(l.label).toBe("steady-drift");
  });

  it("calls two fast bouts intervals, whatever HR does", () => {
    const l = labelTrace(parseEffortCsv(csv(minutes(45, (m) => [150, (m > 15 && m < 19) || (m > 30 && m < 34) ? 4.2 : 3.0, 85]))));
    expect(l.label).toBe("hills-intervals");
  });

  it("has nothing to say without speed or cadence", () => {
    expect(labelTrace(parseEffortCsv("t,hr\n0,120\n1,121\n2,122")).label).toBe("other");
  });
});

describe.skipIf(!HAVE_TRACES)("the wrap-up hint on the real traces", () => {
  const traces: EffortTrace[] = HAVE_TRACES ? loadEffortTraces() : [];
  const report = HAVE_TRACES ? wrapUpReport(traces) : null;
  const row = (name: string) => report!.rows.find((r) => r.trace === name)!;

  it("fires once on the fenix2 run's drift and on the Stryd easy run's, inside the steady stretch, 23-25 minutes in", () => {
    for (const name of ["run_garmin-fenix2_fitparse.csv", "run_stryd-export_fitparse.csv"]) {
      const r = row(name);
      expect(r.label).toBe("steady-drift");
      expect(r.inStretch).toBe(true);
      expect(r.fired! / 60).toBeGreaterThan(20);
      expect(r.fired! / 60).toBeLessThan(26);
    }
  });

  it("never fires on the fr965 intervals, the Suunto Ambit3 intervals or the Polar V800 work bouts", () => {
    for (const name of ["run_garmin-fr965-ohr-intervals_fitfileparser.csv", "run_suunto-ambit3peak_runalyze.csv", "run_polar-v800_runalyze.csv"]) {
      expect(row(name).label).toBe("hills-intervals");
      expect(row(name).fired).toBeNull();
    }
  });

  it("fires on no trace labelled hills or intervals, nor on any steady run without drift", () => {
    expect(report!.totals.hillsIntervals.traces).toBeGreaterThanOrEqual(5);
    expect(report!.totals.hillsIntervals.fired).toBe(0);
    expect(report!.totals.steadyNoDrift.traces).toBeGreaterThanOrEqual(4);
    expect(report!.totals.steadyNoDrift.fired).toBe(0);
    expect(report!.totals.steadyDrift.fired).toBe(report!.totals.steadyDrift.traces);
  });
});

if (!HAVE_TRACES) it("wrap-up trace checks", () => console.warn(MISSING_TRACES_NOTE));

describe("the wrap-up report", () => {
  it("is a pure function of the loaded traces: the same figures twice, zeros for none", () => {
    const steady: EffortTrace = { name: "run_synthetic.csv", samples: Array.from({ length: 2700 }, (_, t) => ({ t, bpm: Math.round(drifting(0.5)(t)), speed: 3, cadence: 84 })) };
    const a = wrapUpReport([steady]);
    expect(wrapUpReport([steady])).toEqual(a);
    expect(a.rows[0].label).toBe("steady-drift");
    expect(a.rows[0].fired).not.toBeNull();
    expect(a.totals.steadyDrift).toEqual({ traces: 1, fired: 1, firedInStretch: 1 });
    expect(wrapUpReport([]).totals.hillsIntervals).toEqual({ traces: 0, fired: 0 });
  });
});
