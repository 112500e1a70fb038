// The whole link, end to end: the real face (app/index.ts on the sim's device stand-ins) and the real companion
// (companion/index.ts, bundled with esbuild onto the phone stand-ins, since both sides have modules of the same
// name), with the test carrying files and messages between them whenever the phone is in range.
import { beforeAll, beforeEach, afterEach, describe, expect, it, vi } from "vitest";
import { buildSync } from "esbuild";
import { resolve } from "node:path";
import {
  fileNames, launchFace, readFile, relaunchFace, resetWorld, runSeconds, tap, text, summaryFileNames,
  filesFromWatch, sendFileToWatch, takeFileFromWatch, messageToWatch, messagesFromWatch, openPeer, closePeer,
} from "../../sim/harness/watch";
import {
  LaunchReasons, connectWatch, disconnectWatch, filesForWatch, flush, killCompanion, launchCompanion as launchCompanionCode,
  localItem, messageToPhone, messagesFromPhone, phoneSettings, sendFileToPhone, takeFileForWatch, userSets,
} from "../../sim/harness/phone";
import { standIns } from "../../sim/modules";
import { decodeHistory, decodeRecentRuns } from "../../common/history";
import { decodeSummary, RunSummary } from "../../common/summary";

let companionCode = "";

beforeAll(() => {
  const root = resolve(__dirname, "../..");
  const out = buildSync({
    entryPoints: [resolve(root, "companion/index.ts")], bundle: true, write: false, format: "iife", platform: "neutral",
    alias: Object.fromEntries(Object.entries(standIns("phone")).map(([m, file]) => [m, resolve(root, file)])),
  });
  companionCode = out.outputFiles[0].text;
});

/** A fresh companion instance: its memory is new, the phone's storage is what it was. */
async function launchCompanion(reasons: LaunchReasons = {}): Promise<void> {
  await launchCompanionCode(reasons, companionCode);
}

let watchMessagesSeen = 0;
let phoneMessagesSeen = 0;

/** The phone is in range: every queued file and message crosses, until nothing is left to carry. */
async function carry(): Promise<void> {
  for (let round = 0; round < 10; round++) {
    let moved = 0;
    while (filesFromWatch().length > 0) { const f = takeFileFromWatch(); await sendFileToPhone(f.name, f.text); moved++; }
    while (filesForWatch().length > 0) { const f = takeFileForWatch(); sendFileToWatch(f.name, f.text); moved++; }
    for (const m of messagesFromWatch().slice(watchMessagesSeen)) { watchMessagesSeen++; await messageToPhone(m); moved++; }
    for (const m of messagesFromPhone().slice(phoneMessagesSeen)) { phoneMessagesSeen++; messageToWatch(m); moved++; }
    await flush();
    if (moved === 0) return;
  }
  throw new Error("The link never settled");
}

async function bringPhoneBack(): Promise<void> {
  await connectWatch();
  openPeer();
  await carry();
}

async function takePhoneAway(): Promise<void> {
  await disconnectWatch();
  closePeer();
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
  watchMessagesSeen = 0;
  phoneMessagesSeen = 0;
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterEach(() => { vi.restoreAllMocks(); });

describe("the watch and the phone together", () => {
  it("change the age on the settings page and the watch's ceiling follows, without a restart", async () => {
    await launchFace();
    await launchCompanion();
    await bringPhoneBack();
    expect(text("ceiling")).toBe("ceiling 138"); // the watch's own profile: 40 years, resting 60
    await userSets("age", textInput("23"));
    await userSets("restingHr", textInput("50"));
    await carry();
    expect(text("ceiling")).toBe("ceiling 145"); // the source's worked example: 145.55
    await userSets("age", textInput("abc")); // invalid: never sent, the watch keeps the last valid settings
    await carry();
    expect(text("ceiling")).toBe("ceiling 145");
    await relaunchFace();
    expect(text("ceiling")).toBe("ceiling 145");
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
