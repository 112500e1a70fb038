// The whole link, end to end: the real face (app/index.ts on the sim's device stand-ins) and the real companion
// (companion/index.ts, bundled with esbuild onto the phone stand-ins, since both sides have modules of the same
// name), with the test carrying files and messages between them whenever the phone is in range (sim/harness carry()).
import { beforeAll, beforeEach, afterEach, describe, expect, it, vi } from "vitest";
import { fileNames, launchFace, readFile, relaunchFace, resetWorld, runSeconds, tap, text, summaryFileNames } from "../../sim/harness/watch";
import {
  LaunchReasons, bundledCompanion, carry, connectWatch, disconnectWatch, killCompanion, launchCompanion as launchCompanionCode,
  localItem, phoneSettings, userSets,
} from "../../sim/harness/phone";
import { decodeHistory, decodeRecentRuns } from "../../common/phone/history";
import { decodeSummary, RunSummary } from "../../common/watch/summary";

let companionCode = "";
beforeAll(() => { companionCode = bundledCompanion(); });

/** A fresh companion instance: its memory is new, the phone's storage is what it was. */
async function launchCompanion(reasons: LaunchReasons = {}): Promise<void> {
  await launchCompanionCode(reasons, companionCode);
}

async function bringPhoneBack(): Promise<void> {
  await connectWatch();
  await carry();
}

async function takePhoneAway(): Promise<void> {
  await disconnectWatch();
}

function finishRun(seconds: number, bpm: number): RunSummary {
  const before = new Set(fileNames());
  tap("start-btn");
  runSeconds(seconds, bpm);
  tap("end-btn");
  tap("end-btn");
  const name = summaryFileNames().filter((n) => !before.has(n))[0];
  return decodeSummary(readFile(name))!;
}

function phoneHistory(): RunSummary[] {
  return decodeHistory(localItem("runHistory")).history.runs;
}

const textInput = (s: string) => JSON.stringify({ name: s });

beforeEach(() => {
  resetWorld();
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterEach(() => { vi.restoreAllMocks(); });

describe("the watch and the phone together", () => {
  it("change the age on the settings page and the watch's ceiling follows, without a restart", async () => {
    await launchFace();
    await launchCompanion();
    await bringPhoneBack();
    expect(text("ceiling")).toBe("ceiling 138 bpm"); // the watch's own profile: 40 years, resting 60
    await userSets("age", textInput("23"));
    await userSets("restingHr", textInput("50"));
    await carry();
    expect(text("ceiling")).toBe("ceiling 145 bpm"); // the source's worked example: 145.55
    await userSets("age", textInput("abc")); // invalid: never sent, the watch keeps the last valid settings
    await carry();
    expect(text("ceiling")).toBe("ceiling 145 bpm");
    await relaunchFace();
    expect(text("ceiling")).toBe("ceiling 145 bpm");
  });

  it("three runs finished with the phone away all arrive once, in order, with the right numbers", async () => {
    await launchFace();
    await launchCompanion();
    await bringPhoneBack();
    await takePhoneAway();
    const runs = [finishRun(600, 125), finishRun(900, 150), finishRun(300, 120)];
    killCompanion(); // the phone OS ended the companion meanwhile
    await relaunchFace(); // and the face restarted
    expect(phoneHistory()).toEqual([]);

    await launchCompanion({ peerAppLaunched: true });
    await bringPhoneBack();
    expect(phoneHistory()).toEqual([runs[2], runs[1], runs[0]]);
    expect(decodeRecentRuns(phoneSettings()["recentRuns"])).toEqual([runs[2], runs[1], runs[0]]);
    expect(runs[1].secondsAboveCeiling).toBeGreaterThan(600); // the numbers are the run's own, not placeholders
    expect(fileNames().filter((n) => /^run-/.test(n))).toEqual([]); // acknowledged, so deleted on the watch

    // The same runs again (a late duplicate delivery) change nothing.
    await relaunchFace();
    await bringPhoneBack();
    expect(phoneHistory().map((r) => r.id)).toEqual([runs[2].id, runs[1].id, runs[0].id]);
  });
});
