// The whole link, end to end: the real face (app/index.ts on the device fakes) and the real companion
// (companion/index.ts, bundled with esbuild onto the phone fakes, since both sides have modules of the same
// name), with the test carrying files and messages between them whenever the phone is in range.
import { beforeAll, beforeEach, afterEach, describe, expect, it, vi } from "vitest";
import { buildSync } from "esbuild";
import { resolve } from "node:path";
import { fileNames, launchFace, readFile, relaunchFace, resetDevice, runSeconds, tap, text, summaryFileNames } from "../fakes/device/control";
import { filesFromWatch, sendFileToWatch, takeFileFromWatch } from "../fakes/device/file-transfer";
import { messageToWatch, messagesFromWatch, openPeer, closePeer } from "../fakes/device/messaging";
import {
  connectWatch, disconnectWatch, filesForWatch, flush, killCompanion, messageToPhone, messagesFromPhone, phone,
  resetPhone, sendFileToPhone, takeFileForWatch, userSets,
} from "../fakes/companion/control";
import { decodeHistory, decodeRecentRuns } from "../../common/history";
import { decodeSummary, RunSummary } from "../../common/summary";
import { LaunchReasons } from "../fakes/companion/phone";

const COMPANION_MODULES = ["settings", "local-storage", "file-transfer", "messaging", "companion"];
let companionCode = "";

beforeAll(() => {
  const root = resolve(__dirname, "../..");
  const out = buildSync({
    entryPoints: [resolve(root, "companion/index.ts")], bundle: true, write: false, format: "iife", platform: "neutral",
    alias: Object.fromEntries(COMPANION_MODULES.map((m) => [m, resolve(root, "tests/fakes/companion/" + m + ".ts")])),
  });
  companionCode = out.outputFiles[0].text;
});

/** A fresh companion instance: its memory is new, the phone's storage is what it was. */
async function launchCompanion(reasons: LaunchReasons = {}): Promise<void> {
  const p = phone();
  p.launch = {};
  p.launchReasons = reasons;
  new Function(companionCode)();
  await flush();
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
  return decodeHistory(phone().local["runHistory"]).history.runs;
}

const textInput = (s: string) => JSON.stringify({ name: s });

beforeEach(() => {
  resetDevice();
  resetPhone();
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
    expect(decodeRecentRuns(phone().settings["recentRuns"])).toEqual([runs[2], runs[1], runs[0]]);
    expect(runs[1].secondsAboveCeiling).toBeGreaterThan(600); // the numbers are the run's own, not placeholders
    expect(fileNames().filter((n) => /^run-/.test(n))).toEqual([]); // acknowledged, so deleted on the watch

    // The same runs again (a late duplicate delivery) change nothing.
    await relaunchFace();
    await bringPhoneBack();
    expect(phoneHistory().map((r) => r.id)).toEqual([runs[2].id, runs[1].id, runs[0].id]);
  });
});
