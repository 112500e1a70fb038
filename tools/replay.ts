// npm run replay -- <trace.csv | --demo> --age A --rest R [--max N] [--max-method M] [--ceiling-pct P]
//                   [--cap-min C] [--warn-min W] [--strength gentle|strong] [--no-back-under] [--json]
// Replays a heart-rate trace through the real guard and prints what the watch would have done.
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { maxHrOf, validateProfile, ProfileInput, Profile } from "../common/watch/profile";
import { parseTraceCsv, TraceSample } from "../common/dev/trace";
import { replayTrace, ReplayResult } from "../common/dev/replay";
import { generateDemoRun, DEMO_RUN_LABEL } from "../common/dev/demo-run";
import { ceilingOf } from "../common/watch/zones";
import { formatClock } from "../common/watch/format";
import { plotSvg } from "./plot";

export const USAGE = `Usage: npm run replay -- <trace.csv | --demo> --age A --rest R [options]

Profile options (defaults as on the watch):
  --age A               age in years (10-100)
  --rest R              resting heart rate in bpm (30-120)
  --max N               measured max heart rate (implies --max-method measured; ignored, with a warning,
                        when another --max-method is given)
  --max-method M        age (220 - age, default) | tanaka (208 - 0.7 x age) | watch | measured
  --watch-max N         the watch's own max heart rate, for --max-method watch (without it: 220 - age,
                        with a warning)
  --ceiling-pct P       ceiling as % of heart-rate reserve (50-75, default 65)
  --cap-min C           time cap in minutes (10-90, default 30)
  --warn-min W          warning before the cap in minutes (default 5)
  --strength S          gentle | strong (default strong)
  --no-back-under       no cue when the heart rate is back under the ceiling
Output:
  --json                one JSON object: profile, events, summary
  --plot FILE           also draw the heart rate, ceiling, sustained breaches and buzzes as an SVG
  --demo                replay the built-in generated demo run instead of a file`;

export interface ReplayCliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The options that take a value: a value that looks like a negative number ("--age -5") still belongs to them. */
const VALUE_OPTIONS = ["age", "rest", "max", "max-method", "watch-max", "ceiling-pct", "cap-min", "warn-min", "strength", "plot"];

/** "--age -5" as "--age=-5", so the parser takes -5 as the value (and the profile check says what is wrong with it). */
export function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--") && VALUE_OPTIONS.includes(a.slice(2)) && i + 1 < argv.length && /^-[\d.]/.test(argv[i + 1])) {
      out.push(`${a}=${argv[++i]}`);
    } else out.push(a);
  }
  return out;
}

/** Reads a trace file, or says in words why it cannot (missing, a folder, unreadable). */
function readTraceFile(file: string): { text: string } | { error: string } {
  if (!existsSync(file)) return { error: `No such trace file: ${file}` };
  try {
    if (statSync(file).isDirectory()) return { error: `${file} is a folder, not a trace file: name one CSV file in it` };
    return { text: readFileSync(file, "utf8") };
  } catch (e) {
    return { error: `Cannot read ${file}: ${(e as Error).message}` };
  }
}

export function runReplayCli(argv: string[]): ReplayCliResult {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv),
      allowPositionals: true,
      options: {
        age: { type: "string" }, rest: { type: "string" }, max: { type: "string" },
        "max-method": { type: "string" }, "watch-max": { type: "string" }, "ceiling-pct": { type: "string" },
        "cap-min": { type: "string" }, "warn-min": { type: "string" }, strength: { type: "string" },
        "no-back-under": { type: "boolean" }, json: { type: "boolean" }, demo: { type: "boolean" },
        plot: { type: "string" }, help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    return { code: 2, stdout: "", stderr: `${(e as Error).message}\n\n${USAGE}\n` };
  }
  const { values: o, positionals } = parsed;
  if (o.help) return { code: 0, stdout: USAGE + "\n", stderr: "" };

  const input: ProfileInput = {
    age: o.age, restingHr: o.rest, measuredMaxHr: o.max, watchMaxHr: o["watch-max"],
    maxHrMethod: o["max-method"] ?? (o.max !== undefined ? "measured" : undefined),
    ceilingPercent: o["ceiling-pct"], capMinutes: o["cap-min"], warnBeforeCapMinutes: o["warn-min"],
    buzzStrength: o.strength, backUnderCue: o["no-back-under"] ? false : undefined,
  };
  const checked = validateProfile(input);
  if (!checked.ok) return { code: 2, stdout: "", stderr: `Cannot replay with this profile:\n- ${checked.errors.join("\n- ")}\n` };
  const profile = checked.profile;

  let samples: TraceSample[];
  let source: string;
  const warnings = profileWarnings(o, profile);
  if (o.age === undefined) warnings.push(`warning: no --age given: the watch's fallback, ${profile.age}, is used`);
  if (o.rest === undefined) warnings.push(`warning: no --rest given: the watch's fallback resting HR, ${profile.restingHr} bpm, is used`);
  if (positionals.length > (o.demo ? 0 : 1)) {
    return { code: 2, stdout: "", stderr: `One trace at a time: ${o.demo ? "--demo replays the generated run, so no file either" : `got ${positionals.join(", ")}`}.\n\n${USAGE}\n` };
  }
  if (o.demo) {
    samples = generateDemoRun(ceilingOf(profile));
    source = DEMO_RUN_LABEL;
  } else {
    const file = positionals[0];
    if (!file) return { code: 2, stdout: "", stderr: `Name a trace file, or pass --demo.\n\n${USAGE}\n` };
    const read = readTraceFile(file);
    if ("error" in read) return { code: 2, stdout: "", stderr: `${read.error}\n` };
    const trace = parseTraceCsv(read.text);
    if (trace.error) return { code: 2, stdout: "", stderr: `${file}: ${trace.error}\n` };
    samples = trace.samples;
    warnings.push(...trace.warnings.map((w) => `${file}: ${w}`));
    source = file;
  }
  const result = replayTrace(samples, profile);
  if (result.endedAt !== null) {
    warnings.push(`The watch ends a run still going an hour past its cap (forgotten): it ended this one at ` +
      `${formatClock(result.endedAt - result.state.startT)}${result.unreplayed ? `; the ${result.unreplayed} samples after that were not replayed` : ""}`);
  }
  if (o.plot) {
    try {
      writeFileSync(o.plot, plotSvg({ source, samples, ceilingBpm: result.ceilingBpm, events: result.events }));
    } catch (e) {
      return { code: 2, stdout: "", stderr: `Cannot write the plot: ${(e as Error).message}\n` };
    }
  }
  const stderr = warnings.length ? warnings.join("\n") + "\n" : "";
  const stdout = o.json ? JSON.stringify(toJson(source, profile, result)) + "\n" : formatHuman(source, profile, result);
  return { code: 0, stdout, stderr };
}

/** Options that say something the profile then does not do: said on stderr, with the value actually used. */
export function profileWarnings(o: { max?: string; "max-method"?: string; "watch-max"?: string }, p: Profile): string[] {
  const out: string[] = [];
  const used = `${Math.round(maxHrOf(p))} bpm`;
  if (p.maxHrMethod === "watch" && o["watch-max"] === undefined) {
    out.push(`warning: --max-method watch without --watch-max: the watch's max heart rate is unknown, so 220 - age is used (max HR ${used})`);
  }
  if (o.max !== undefined && o["max-method"] !== undefined && p.maxHrMethod !== "measured") {
    out.push(`warning: --max ${o.max} is ignored: --max-method ${p.maxHrMethod} decides the max heart rate (max HR ${used}); drop --max-method to use --max`);
  }
  return out;
}

export function toJson(source: string, profile: Profile, r: ReplayResult) {
  return {
    source,
    profile: { ...profile, ceilingBpm: r.ceilingBpm, maxHr: r.maxHr },
    events: r.events,
    summary: r.summary,
    /** Set when the watch would have ended the run itself (forgotten: an hour past its cap), on the trace's clock. */
    ended: r.endedAt === null ? null : { t: r.endedAt, reason: "forgotten", unreplayedSamples: r.unreplayed },
  };
}

function formatHuman(source: string, p: Profile, r: ReplayResult): string {
  const lines: string[] = [];
  lines.push(`Replay of ${source}`);
  lines.push(`Profile: age ${p.age}, resting ${p.restingHr} bpm, max ${Math.round(r.maxHr)} bpm (${p.maxHrMethod}), ` +
    `ceiling ${Math.round(p.ceilingFraction * 100)}% of reserve = ${r.ceilingBpm.toFixed(1)} bpm, cap ${p.capMinutes} min`);
  lines.push("");
  lines.push("What the watch did:");
  if (r.events.length === 0) lines.push("  nothing: no buzz");
  const t0 = r.state.startT;
  for (const e of r.events) {
    lines.push(`  ${formatClock(e.t - t0).padStart(7)}  ${e.type.padEnd(16)} ${e.pattern ? "buzz " + e.pattern : "(silent)"}`);
  }
  if (r.endedAt !== null) lines.push(`  ${formatClock(r.endedAt - t0).padStart(7)}  run ended by the watch (forgotten: an hour past its cap)`);
  const s = r.summary;
  lines.push("");
  lines.push("Summary:");
  lines.push(`  duration ${formatClock(s.durationS)} (moving ${formatClock(s.movingS)}, paused ${formatClock(s.pausedS)})`);
  lines.push(`  heart rate avg ${s.avgHr}, max ${s.maxHr} bpm; above the ceiling ${formatClock(s.secondsAboveCeiling)}`);
  lines.push(`  breaches ${s.breaches}, buzzes ${s.buzzes}, cap ${s.capReached ? "reached" : "not reached"}`);
  lines.push(`  time per zone (below 1, 1-5): ${s.zoneSeconds.map(formatClock).join(", ")}`);
  return lines.join("\n") + "\n";
}

// Run only when called as a command (the tests import runReplayCli).
if (require.main === module) {
  const r = runReplayCli(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
