// One copy of each rule: the run-id pattern, the two settings files' names, pad2 and the handling of incoming
// files are each defined once and used everywhere, so two copies cannot drift apart.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { isRunId, makeRunId, decodeSummary, encodeSummary } from "../../common/watch/summary";
import { SETTINGS_LINK_FILE, parseLinkMessage, runFileName, runIdOfFileName } from "../../common/watch/protocol";
import { HAPTIC_PATTERNS, HapticPattern } from "../../common/watch/haptics";
import { sampleRun } from "./sample-runs";
import { newWorld } from "../../sim/world";

const ROOT = resolve(__dirname, "../..");

/** Every source file of the watch, the phone and the shared core (plus `more` folders), with its text. */
function sources(more: string[] = []): { path: string; text: string }[] {
  return ["common/watch", "common/phone", "common/dev", "app", "companion", "settings", ...more].flatMap((dir) =>
    readdirSync(join(ROOT, dir)).filter((f) => /\.tsx?$/.test(f)).map((f) => ({ path: dir + "/" + f, text: readFileSync(join(ROOT, dir, f), "utf-8") })));
}

function filesMatching(re: RegExp, more: string[] = []): string[] {
  return sources(more).filter((s) => re.test(s.text)).map((s) => s.path);
}

/** The Fitbit device stand-ins (one set, shared by the tests, the page and the bench). */
const STAND_INS = ["sim/device"];

describe("one copy of each rule", () => {
  it("the run-id pattern lives in common/watch/summary.ts isRunId only", () => {
    expect(filesMatching(/\[0-9a-z\]\{1,12\}/)).toEqual(["common/watch/summary.ts"]);
  });

  it("file names, acks and summaries agree on what a run id is", () => {
    for (const id of [makeRunId(Date.UTC(2025, 2, 3), 0.5), "a-0000", "zzzzzzzzzzzz-zzzz", "A-0000", "abc-000", "abcdefghijklm-0000", "../run-0000", ""]) {
      const valid = isRunId(id);
      expect(runIdOfFileName(runFileName(id))).toBe(valid ? id : null);
      expect(parseLinkMessage({ v: 1, type: "ack", ids: [id] }).ok).toBe(valid);
      expect(decodeSummary(encodeSummary({ ...sampleRun(Date.UTC(2025, 2, 3), 0.5), id })) !== null).toBe(valid);
    }
  });

  it("the settings file on the link and the one stored on the watch have distinct names that say which", () => {
    expect(SETTINGS_LINK_FILE).toBe("rg-settings.json");
    expect(readFileSync(join(ROOT, "app/profile-source.ts"), "utf-8")).toMatch(/export var SETTINGS_STORE_FILE = "settings.json";/);
    expect(filesMatching(/\bSETTINGS_FILE\b/)).toEqual([]);
  });

  it("pad2 is defined once, in common/watch/format.ts", () => {
    expect(filesMatching(/function pad2\(/)).toEqual(["common/watch/format.ts"]);
  });

  it("incoming files are read, deleted and logged in one place", () => {
    expect(filesMatching(/Could not delete incoming/)).toEqual(["app/incoming.ts"]);
  });

  it("the haptic patterns are listed once, in common/watch/haptics.ts, and the stand-ins accept exactly those", async () => {
    // The SDK 6.1 list (PRODUCT.md), and the type follows the array: a pattern added to one is in the other.
    expect([...HAPTIC_PATTERNS].sort()).toEqual(["alert", "bump", "confirmation", "confirmation-max", "nudge", "nudge-max", "ping", "ring"]);
    const typed: HapticPattern[] = [...HAPTIC_PATTERNS];
    expect(typed).toHaveLength(8);
    expect(filesMatching(/"confirmation-max"/, STAND_INS)).toEqual(["common/watch/haptics.ts"]);
    for (const dir of STAND_INS) expect(readFileSync(join(ROOT, dir, "haptics.ts"), "utf-8")).toMatch(/HAPTIC_PATTERNS/);
    const w = newWorld();
    w.beginLaunch("watch");
    const { vibration } = await import("../../sim/device/haptics");
    for (const p of HAPTIC_PATTERNS) {
      expect(vibration.start(p)).toBe(true);
      vibration.stop(); // alert and ring play until stopped: the next start would find the motor busy
    }
    expect(() => vibration.start("buzz")).toThrow(); // as the haptics reference says of an unknown pattern
    expect(w.counters.buzzes.map((v) => v.pattern)).toEqual([...HAPTIC_PATTERNS]);
  });

  it("max HR from age is computed in common/watch/profile.ts only, not again in a stand-in", () => {
    expect(filesMatching(/(return|=|\?\?|\|\|) *220 - /, STAND_INS)).toEqual(["common/watch/profile.ts"]);
  });
});
