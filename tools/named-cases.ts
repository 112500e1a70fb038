// The five real-trace cases the guard must keep (issue 8): one definition each, run by the trace tests and by the
// bench (whose JSON check-budgets judges). Each names its trace and profile and says what a runner would notice.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { replayTrace, ReplayResult } from "../common/dev/replay";
import { validateProfile, Profile, ProfileInput } from "../common/watch/profile";
import { Tuning, TUNING } from "../common/watch/guard";
import { groundTruth, scoreBuzzes } from "./alert-quality";
import { loadTrace, TRACES_DIR } from "./trace-files";

export interface NamedCaseResult {
  name: string;
  trace: string;
  ok: boolean;
  /** What was seen, in words: printed by check-budgets, shown by a failing test. */
  detail: string;
}

function profile(input: ProfileInput): Profile {
  const r = validateProfile({ capMinutes: 90, warnBeforeCapMinutes: 5, ...input });
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.profile;
}

const isBreachBuzz = (e: { type: string; pattern: string | null }) => (e.type === "breach" || e.type === "breach-reminder") && e.pattern !== null;
const between = (r: ReplayResult, from: number, to: number) => r.events.filter((e) => e.t >= from && e.t <= to);
const listed = (r: ReplayResult, from: number, to: number) => between(r, from, to).map((e) => `${e.type} at ${e.t}`).join(", ") || "nothing";

interface NamedCase {
  name: string;
  trace: string;
  judge: (trace: string, tuning: Tuning) => { ok: boolean; detail: string };
}

export const NAMED_CASES: NamedCase[] = [
  {
    name: "an easy run (max 146) under a 150 ceiling stays silent",
    trace: "run_stryd-export_fitparse.csv",
    judge: (trace, tuning) => {
      const r = replayTrace(loadTrace(trace).samples, profile({ maxHrMethod: "measured", measuredMaxHr: 199, restingHr: 60 }), tuning);
      const buzzes = r.events.filter(isBreachBuzz);
      return { ok: buzzes.length === 0 && r.summary.breaches === 0, detail: `${buzzes.length} breach buzzes, ${r.summary.breaches} breaches, max ${r.summary.maxHr}` };
    },
  },
  {
    name: "the 223-bpm artefact spike (t 300-420) raises no breach, and the history does not believe it",
    trace: "run_tomtom-spike_runalyze.csv",
    judge: (trace, tuning) => {
      const samples = loadTrace(trace).samples;
      const seen: string[] = [];
      let ok = true;
      for (const input of [{ age: 30, restingHr: 60, ceilingPercent: 75 }, { maxHrMethod: "measured" as const, measuredMaxHr: 200, restingHr: 60, ceilingPercent: 75 }]) {
        const r = replayTrace(samples, profile(input), tuning);
        // The history counts what the guard believed: the artefact adds no zone-5 second, and the max it records
        // stays under the runner's max HR (the artefact's 199-223 is not believed).
        const before = replayTrace(samples.filter((s) => s.t < 280), profile(input), tuning).summary;
        const after = replayTrace(samples.filter((s) => s.t <= 460), profile(input), tuning).summary;
        const quiet = between(r, 280, 460).length === 0 && after.maxHr < r.maxHr && after.zoneSeconds[5] === before.zoneSeconds[5];
        ok = ok && quiet;
        seen.push(`max HR ${r.maxHr}: ${listed(r, 280, 460)} in 280-460 s; the artefact added ${after.zoneSeconds[5] - before.zoneSeconds[5]} s in zone 5 and max ${before.maxHr} -> ${after.maxHr}`);
      }
      return { ok, detail: seen.join("; ") };
    },
  },
  {
    name: "a one-sample drop-out (121 -> 70 -> 128 at t 108) while over cues no back-under and no new breach",
    trace: "run_garmin-fenix5x-dropout_runalyze.csv",
    judge: (trace, tuning) => {
      const r = replayTrace(loadTrace(trace).samples, profile({ maxHrMethod: "measured", measuredMaxHr: 140, restingHr: 50, ceilingPercent: 70 }), tuning);
      const first = r.events.find((e) => e.type === "breach");
      const around = between(r, 100, 140).filter((e) => e.type !== "breach-reminder");
      return { ok: first !== undefined && first.t < 100 && around.length === 0, detail: `first breach at ${first ? first.t : "none"}; around the drop-out: ${listed(r, 100, 140)}` };
    },
  },
  {
    name: "the strap that under-read for minutes is believed once its new level persists, and the breach after it is caught",
    trace: "run_garmin-fr410_tcxparser.csv",
    judge: (trace, tuning) => {
      const r = replayTrace(loadTrace(trace).samples, profile({ age: 30, restingHr: 60 }), tuning); // ceiling 144.5
      const early = between(r, 0, 219).filter((e) => e.type === "breach");
      const breach = r.events.find((e) => e.type === "breach");
      const ok = early.length === 0 && breach !== undefined && breach.t > 224 && breach.t < 254;
      return { ok, detail: `first breach at ${breach ? breach.t : "none"} (the jump to 154 comes at 224)` };
    },
  },
  {
    name: "every sustained interval of an interval session is caught, with no nuisance buzz",
    trace: "run_garmin-fr965-ohr-intervals_fitfileparser.csv",
    judge: (trace, tuning) => {
      const samples = loadTrace(trace).samples;
      const r = replayTrace(samples, profile({ age: 25, restingHr: 60, ceilingPercent: 75 }), tuning); // ceiling 161.25
      const truth = groundTruth(samples, r.ceilingBpm);
      const score = scoreBuzzes(truth, r.events.filter(isBreachBuzz).map((e) => e.t));
      const ok = truth.stretches.length >= 5 && score.caught === truth.stretches.length && score.nuisance === 0;
      return { ok, detail: `${score.caught}/${truth.stretches.length} intervals caught, ${score.nuisance} nuisance buzzes` };
    },
  },
];

/** Runs every named case whose trace is present; a missing trace is a failed case (the bench only runs them with traces). */
export function runNamedCases(tuning: Tuning = TUNING): NamedCaseResult[] {
  return NAMED_CASES.map((c) => {
    if (!existsSync(join(TRACES_DIR, c.trace))) return { name: c.name, trace: c.trace, ok: false, detail: `${c.trace} not found in ${TRACES_DIR}` };
    return { name: c.name, trace: c.trace, ...c.judge(c.trace, tuning) };
  });
}
