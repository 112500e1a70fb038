// Issue 13 on the watch: every word the face writes goes through the translator, and every one is a msgid the
// app/i18n/*.po files have. The translator here answers a marker for a known id and throws for an unknown one, so an
// English string written past it (or one the .po files lack) fails; what is left besides markers is numbers, the clock
// and formatDuration's units (h, min, s: the same in all four languages).
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { FaceInput, faceModel } from "../../common/watch/face-model";
import { CARD_STATUSES, runCard } from "../../common/watch/run-card";
import { GuardState, snooze, startGuard, step } from "../../common/watch/guard";
import { DEFAULT_PROFILE } from "../../common/watch/profile";
import { ceilingOf } from "../../common/watch/zones";
import { RunSummary } from "../../common/watch/summary";
import { parsePo } from "../../sim/po";

const ROOT = join(__dirname, "..", "..");
const EN = parsePo(readFileSync(join(ROOT, "app/i18n/en-US.po"), "utf8"), "app/i18n/en-US.po");
const IDS = Object.keys(EN);
const used = new Set<string>();
const t = (id: string): string => {
  if (!(id in EN)) throw new Error(`the face writes "${id}", which app/i18n/en-US.po has no msgid for`);
  used.add(id);
  return `<${IDS.indexOf(id)}>`;
};
/** What is left of a shown string once the translated pieces are out: only numbers, clock and duration units. */
const untranslated = (s: string): string => s.replace(/<\d+>/g, "").replace(/\b(h|min|s)\b/g, "").replace(/[\d:.,\s-]/g, "");

const PROFILE = { ...DEFAULT_PROFILE, age: 23, restingHr: 50, capMinutes: 30, warnBeforeCapMinutes: 5 };
const T0 = 1_700_000_000;
function input(over: Partial<FaceInput>): FaceInput {
  return { guard: null, nowS: T0, ceilingBpm: ceilingOf(PROFILE), hours: 7, minutes: 5, idleBpm: 0, onWrist: true, hr: "ok",
    endArmed: false, wrapUp: false, hint: "", t, ...over };
}
function runFor(g: GuardState, fromS: number, seconds: number, bpm: number | null, onWrist = true): number {
  for (let i = 0; i < seconds; i++) step(g, { t: T0 + fromS + i, bpm, onWrist });
  return T0 + fromS + seconds - 1;
}

/** The face in every state it has words for. */
function faces(): string[] {
  const out: string[] = [];
  const add = (i: FaceInput): void => {
    const f = faceModel(i);
    out.push(f.label, f.ceiling, f.endLabel, f.snoozeLabel);
  };
  add(input({}));
  add(input({ hr: "denied" }));
  add(input({ hr: "missing" }));
  let g = startGuard(PROFILE, T0);
  let now = runFor(g, 0, 60, 120);
  add(input({ guard: g, nowS: now }));
  add(input({ guard: g, nowS: now, wrapUp: true }));
  add(input({ guard: g, nowS: now, endArmed: true }));
  add(input({ guard: g, nowS: now, hr: "denied" }));
  add(input({ guard: g, nowS: now, hr: "missing" }));
  now = runFor(g, 60, 20, 143);
  add(input({ guard: g, nowS: now }));
  now = runFor(g, 80, 5, 150);
  add(input({ guard: g, nowS: now }));
  now = runFor(g, 85, 40, 150);
  add(input({ guard: g, nowS: now }));
  snooze(g, now);
  add(input({ guard: g, nowS: now }));
  now = runFor(g, 125, 3, null, false);
  add(input({ guard: g, nowS: now, onWrist: false }));
  now = runFor(g, 128, 30, null, true);
  add(input({ guard: g, nowS: now }));
  now = runFor(g, 158, 1800, 120);
  add(input({ guard: g, nowS: now }));
  add(input({ guard: g, nowS: now, hr: "denied" }));
  g = startGuard(PROFILE, T0);
  add(input({ guard: g, nowS: runFor(g, 0, 1810, 120, false), onWrist: false }));
  return out;
}

function cards(): string[] {
  const base = { id: "x", durationS: 3599, avgHr: 199, ceilingBpm: 145, secondsAboveCeiling: 3599, movingS: 3599, capMinutes: 30 };
  const out: string[] = [];
  for (let status = 0; status < CARD_STATUSES.length; status++) {
    out.push(...runCard(base as unknown as RunSummary, status, t));
    out.push(...runCard({ ...base, avgHr: 0, secondsAboveCeiling: 0, durationS: 600 } as unknown as RunSummary, status, t));
  }
  return out;
}

describe("the face's words and the .po files", () => {
  it("every string the face model and the run card write is made of msgids, numbers and units only", () => {
    for (const s of [...faces(), ...cards()]) expect(untranslated(s), JSON.stringify(s)).toBe("");
  });

  it("between them the face and the card use every msgid but the two the shell writes once (bpm, tap to close)", () => {
    used.clear();
    faces();
    cards();
    const shell = ["bpm", "tap to close"];
    expect(IDS.filter((id) => !used.has(id) && !shell.includes(id))).toEqual([]);
  });

  it("the shell's own gettext literals (app/*.ts) are msgids too", () => {
    const literals: string[] = [];
    for (const f of readdirSync(join(ROOT, "app")).filter((n) => n.endsWith(".ts"))) {
      for (const m of readFileSync(join(ROOT, "app", f), "utf8").matchAll(/gettext\("([^"]*)"\)/g)) literals.push(m[1]);
    }
    expect(literals).toEqual(expect.arrayContaining(["bpm", "tap to close", "END"]));
    for (const id of literals) expect(IDS, id).toContain(id);
  });

  it("without a translator the face is English, as before", () => {
    const f = faceModel({ ...input({}), t: undefined });
    expect([f.label, f.ceiling, f.endLabel]).toEqual(["Tap to start", "ceiling 145 bpm", "END"]);
  });
});
