// The `npm run replay` interface other tools call: keep it stable.
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runReplayCli } from "../../tools/replay";
import { decodeSummary, encodeSummary } from "../../common/watch/summary";
import { HAVE_TRACES, traceSamples } from "./traces";
import { TRACES_DIR } from "../../tools/trace-files";

const dir = mkdtempSync(join(tmpdir(), "replay-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
// 10 minutes easy, 3 minutes well over a 145.55 ceiling, easy again.
const rows = ["t,hr,speed,cadence"];
for (let t = 0; t < 1200; t++) rows.push(`${t},${t >= 600 && t < 780 ? 165 : 125},3.1,85`);
const SIMPLE = csv("simple.csv", rows.join("\n"));

describe("npm run replay", () => {
  it("--json prints profile (with ceilingBpm and maxHr), events on the trace's clock, and the summary", () => {
    const r = runReplayCli([SIMPLE, "--age", "23", "--rest", "50", "--cap-min", "15", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.profile.ceilingBpm).toBeCloseTo(145.55, 2);
    expect(out.profile.maxHr).toBe(197);
    const types = out.events.map((e: { type: string }) => e.type);
    // 3 min at 19 bpm over: the breach, then a reminder every 50 s while clearly over.
    expect(types).toEqual(["cap-warning", "breach", "breach-reminder", "breach-reminder", "breach-reminder", "back-under", "cap"]);
    for (const e of out.events) {
      expect(typeof e.t).toBe("number");
      expect(e.pattern === null || typeof e.pattern === "string").toBe(true);
    }
    expect(out.events.find((e: { type: string }) => e.type === "cap").t).toBe(900);
    const s = out.summary;
    expect(s).toMatchObject({ durationS: 1199, maxHr: 165, breaches: 1, capReached: true });
    expect(s.zoneSeconds).toHaveLength(6);
    expect(s.secondsAboveCeiling).toBeGreaterThan(170);
    expect(s.buzzes).toBe(out.events.filter((e: { pattern: string | null }) => e.pattern).length);
    expect(decodeSummary(encodeSummary(s))).toEqual(s);
  });

  it("--json has exactly these keys (other tools read them: a change here is a change of interface)", () => {
    const out = JSON.parse(runReplayCli([SIMPLE, "--age", "23", "--rest", "50", "--cap-min", "15", "--json"]).stdout);
    expect(Object.keys(out)).toEqual(["source", "profile", "events", "summary", "ended"]);
    expect(out.source).toBe(SIMPLE);
    expect(Object.keys(out.profile).sort()).toEqual([
      "age", "backUnderCue", "buzzStrength", "capMinutes", "ceilingBpm", "ceilingFraction", "maxHr", "maxHrMethod",
      "measuredMaxHr", "restingHr", "warnBeforeCapMinutes", "watchMaxHr", "wrapUpHint",
    ]);
    expect(out.events.length).toBeGreaterThan(0);
    for (const e of out.events) expect(Object.keys(e).sort()).toEqual(["pattern", "t", "type"]);
    expect(Object.keys(out.summary).sort()).toEqual([
      "avgHr", "breaches", "buzzes", "capMinutes", "capReached", "ceilingBpm", "durationS", "id", "maxHr", "movingS",
      "pausedS", "secondsAboveCeiling", "startedAt", "zoneSeconds",
    ]);
  });

  it("warns on stderr, naming the max HR used, when --max-method watch has no --watch-max", () => {
    const r = runReplayCli([SIMPLE, "--age", "40", "--rest", "55", "--max-method", "watch", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/--max-method watch without --watch-max.*220 - age.*max HR 180 bpm/);
    expect(JSON.parse(r.stdout).profile.maxHr).toBe(180);
    expect(runReplayCli([SIMPLE, "--age", "40", "--rest", "55", "--max-method", "watch", "--watch-max", "190"]).stderr).toBe("");
  });

  it("warns on stderr, naming the max HR used, when --max comes with a --max-method other than measured", () => {
    const r = runReplayCli([SIMPLE, "--age", "40", "--rest", "55", "--max", "192", "--max-method", "tanaka", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/--max 192 is ignored: --max-method tanaka .*max HR 180 bpm/);
    expect(JSON.parse(r.stdout).profile.maxHr).toBe(180);
    expect(runReplayCli([SIMPLE, "--age", "40", "--rest", "55", "--max", "192", "--max-method", "measured"]).stderr).toBe("");
    expect(runReplayCli([SIMPLE, "--age", "40", "--rest", "55", "--max", "192"]).stderr).toBe("");
  });

  it("has an option for every profile field", () => {
    const r = runReplayCli([SIMPLE, "--age", "40", "--rest", "55", "--max-method", "tanaka", "--ceiling-pct", "60",
      "--cap-min", "20", "--warn-min", "2", "--strength", "gentle", "--no-back-under", "--json"]);
    const out = JSON.parse(r.stdout);
    expect(out.profile).toMatchObject({ age: 40, restingHr: 55, maxHrMethod: "tanaka", ceilingFraction: 0.6, capMinutes: 20,
      warnBeforeCapMinutes: 2, buzzStrength: "gentle", backUnderCue: false, maxHr: 180 });
    expect(out.events.find((e: { type: string }) => e.type === "breach").pattern).toBe("nudge");
    expect(out.events.find((e: { type: string }) => e.type === "back-under").pattern).toBeNull();
    const measured = JSON.parse(runReplayCli([SIMPLE, "--age", "40", "--rest", "55", "--max", "192", "--json"]).stdout);
    expect(measured.profile).toMatchObject({ maxHrMethod: "measured", maxHr: 192 });
  });

  it("prints a readable timeline and summary without --json", () => {
    const r = runReplayCli([SIMPLE, "--age", "23", "--rest", "50"]);
    expect(r.stdout).toMatch(/ceiling 65% of reserve = 145\.6 bpm/);
    expect(r.stdout).toMatch(/10:[12]\d\s+breach\s+buzz nudge-max/);
    expect(r.stdout).toMatch(/breaches 1, buzzes \d+, cap not reached/);
  });

  it("labels the generated demo run as generated", () => {
    const r = runReplayCli(["--demo", "--age", "35", "--rest", "55"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/generated demo run/);
    expect(JSON.parse(runReplayCli(["--demo", "--json"]).stdout).source).toMatch(/generated/);
  });

  it.each([
    [["--age", "5"], /Age must be between 10 and 100/],
    [["--age", "abc"], /Age must be a number/],
    [["--rest", "130"], /Resting heart rate must be between/],
    [["--ceiling-pct", "90"], /Ceiling must be between 50 and 75/],
    [["--max-method", "vibes"], /Max heart rate method must be one of/],
    [["--bogus"], /Unknown option '--bogus'/],
  ])("refuses bad options %j with a clear message and exit code 2", (args, message) => {
    const r = runReplayCli([SIMPLE, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });

  it("says what is wrong with a missing or malformed trace, and skips bad rows with a warning", () => {
    expect(runReplayCli([join(dir, "nope.csv")]).stderr).toMatch(/No such trace file/);
    expect(runReplayCli([csv("junk.csv", "hello\nworld")]).stderr).toMatch(/header with columns t and hr/);
    expect(runReplayCli([csv("empty.csv", "t,hr\n")]).stderr).toMatch(/no usable samples/);
    const r = runReplayCli([csv("bad-rows.csv", "t,hr\n0,120\n1,abc\n2,121\n1,122\n"), "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/line 3: heart rate "abc" is not a bpm value; skipped/);
    expect(r.stderr).toMatch(/line 5: time 1 goes backwards; skipped/);
    expect(runReplayCli([]).stderr).toMatch(/Name a trace file, or pass --demo/);
  });

  it.skipIf(!HAVE_TRACES)("reads a real trace with repeated timestamps", () => {
    const r = runReplayCli([join(TRACES_DIR, "run_suunto-ambit3peak_runalyze.csv"), "--age", "30", "--rest", "55", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.durationS).toBeGreaterThan(80 * 60);
  });
});

describe("npm run replay on input a new user might give it (issue 10)", () => {
  const AGE = ["--age", "30", "--rest", "55"];
  const easyThen = (tail: string) => "t,hr\n" + Array.from({ length: 600 }, (_, t) => `${t},${125 + (t % 3)}`).join("\n") + "\n" + tail;

  it.each([["1e308"], ["1e12"], ["1e9"]])("refuses a time of %s s, naming the line, instead of hanging", (t) => {
    const started = Date.now();
    const r = runReplayCli([csv(`far-${t}.csv`, easyThen(`${t},150\n`)), ...AGE, "--json"]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`line 602: time ${t} is more than 7 days after the first sample`));
    expect(JSON.parse(r.stdout).summary.durationS).toBe(599);
  });

  it("ends a run across a days-long gap the way the watch would (forgotten an hour past its cap), at once", () => {
    const started = Date.now();
    const r = runReplayCli([csv("gap.csv", easyThen("500000,150\n500001,151\n")), ...AGE, "--cap-min", "30", "--json"]);
    expect(Date.now() - started).toBeLessThan(5000);
    const out = JSON.parse(r.stdout);
    expect(out.ended).toEqual({ t: 90 * 60, reason: "forgotten", unreplayedSamples: 2 });
    expect(out.summary.durationS).toBe(90 * 60);
    expect(out.events.filter((e: { type: string }) => e.type === "cap-reminder").length).toBeLessThanOrEqual(12);
    expect(r.stderr).toMatch(/ended this one at 1:30:00; the 2 samples after that were not replayed/);
  });

  it.skipIf(!HAVE_TRACES)("applies the watch's forgotten-run rule to the long-pauses trace: nothing after cap + 1 h", () => {
    const r = runReplayCli([join(TRACES_DIR, "run_garmin-fr920xt-long-pauses_tormoder.csv"), ...AGE, "--json"]);
    const out = JSON.parse(r.stdout);
    const t0 = traceSamples("run_garmin-fr920xt-long-pauses_tormoder.csv")[0].t;
    expect(out.ended.reason).toBe("forgotten");
    expect(out.ended.t - t0).toBe((30 + 60) * 60);
    for (const e of out.events) expect(e.t).toBeLessThanOrEqual(out.ended.t);
  });

  it("a folder given as the trace exits 2 with a message, not a stack trace", () => {
    const r = runReplayCli([dir, ...AGE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a folder, not a trace file/);
    expect(r.stderr).not.toMatch(/EISDIR|at .*\.ts/);
  });

  it.each([
    ["one sample", "t,hr\n0,120\n", /a single sample/],
    ["duplicate timestamps only", "t,hr\n5,120\n5,121\n5,119\n", /Every sample has the same time \(t = 5\)/],
    ["all zeros", "t,hr\n0,0\n1,0\n2,0\n", /No sample has a heart rate/],
  ])("says what is missing from a trace with %s (exit 2)", (name, text, message) => {
    const r = runReplayCli([csv(`${name.replace(/ /g, "-")}.csv`, text), ...AGE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });

  it("takes a negative number as a value and says what is wrong with it", () => {
    const r = runReplayCli([SIMPLE, "--age", "-5", "--rest", "55"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Age must be between 10 and 100/);
    expect(r.stderr).not.toMatch(/ambiguous/);
  });

  it("says on stderr which fallback it used for a missing --age or --rest", () => {
    const r = runReplayCli([SIMPLE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no --age given: the watch's fallback, 35, is used/);
    expect(r.stderr).toMatch(/no --rest given: the watch's fallback resting HR, 60 bpm, is used/);
  });

  it("refuses a second trace instead of silently ignoring it", () => {
    const r = runReplayCli([SIMPLE, SIMPLE, ...AGE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/One trace at a time/);
  });

  it("plots a 500,000-row trace", () => {
    const big = "t,hr\n" + Array.from({ length: 500_000 }, (_, t) => `${t},${120 + (t % 40)}`).join("\n");
    const plot = join(dir, "big.svg");
    const r = runReplayCli([csv("big.csv", big), ...AGE, "--cap-min", "90", "--plot", plot]);
    expect(r.code).toBe(0);
    expect(readFileSync(plot, "utf8")).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });
});
