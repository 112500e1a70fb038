// The watch's end of the phone link (app/sync.ts, app/settings-inbox.ts) on the sim: finished runs reach
// the phone and leave the watch only once acknowledged; settings from the phone are checked, saved and applied.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  advance, fileNames, killFace, putFile, readFile, resetWorld, summaryFileNames, world, freshWorldEachTest
} from "../../sim/harness/watch";
import { failTransfer, filesFromWatch, sendFileToWatch, takeFileFromWatch } from "../../sim/harness/watch";
import { messageToWatch, messagesFromWatch, openPeer } from "../../sim/harness/watch";
import { encodeSummary, RunSummary } from "../../common/watch/summary";
import { ACK_FILE, SETTINGS_LINK_FILE, ackMessage, parseRunFile, runFileName, settingsMessage } from "../../common/watch/protocol";
import { sampleRun } from "../unit/sample-runs";
import { MAX_PENDING_RUNS } from "../../common/watch/outbox";
import { loadReal, ProfileSource } from "../../sim/harness/watch";

const day = (d: number) => Date.UTC(2025, 2, d, 7);
const runs = [sampleRun(day(1), 0.1), sampleRun(day(2), 0.2, { avgHr: 128 }), sampleRun(day(3), 0.3, { secondsAboveCeiling: 400 })];

function saveRunFile(run: RunSummary): void {
  putFile("run-" + run.id + ".txt", encodeSummary(run));
}

async function startWatch(): Promise<ProfileSource> {
  world().beginLaunch("watch"); // the face's modules, loaded one by one, as a launch
  vi.resetModules();
  const profileSource = await loadReal<ProfileSource>("app/profile-source");
  profileSource.reloadProfile();
  (await loadReal<{ startSync(): void }>("app/sync")).startSync();
  await flush();
  return profileSource;
}

async function restartWatch() {
  killFace();
  return startWatch();
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}


const warnings = freshWorldEachTest();

describe("finished runs to the phone", () => {
  it("sends the runs completed while the phone was away, oldest first, and deletes each only when acknowledged", async () => {
    runs.slice().reverse().forEach(saveRunFile);
    await startWatch();
    const queued = filesFromWatch();
    expect(queued.map((f) => f.name)).toEqual(runs.map((r) => runFileName(r.id)));
    expect(queued.map((f) => parseRunFile(f.name, f.text))).toEqual(runs.map((r) => ({ ok: true, value: r })));

    // The phone stores the first two and acknowledges them; the third is still in flight.
    takeFileFromWatch(); takeFileFromWatch();
    sendFileToWatch(ACK_FILE, JSON.stringify(ackMessage([runs[1].id, runs[0].id])));
    await flush();
    expect(summaryFileNames()).toEqual(["run-" + runs[2].id + ".txt"]);
    expect(fileNames()).not.toContain(ACK_FILE);

    // Acknowledgements also come by message when the phone is connected.
    messageToWatch(ackMessage([runs[2].id]));
    expect(summaryFileNames()).toEqual([]);
  });

  it("applies an acknowledgement that arrived while the face was not running, and does not send those runs again", async () => {
    runs.forEach(saveRunFile);
    sendFileToWatch(ACK_FILE, JSON.stringify(ackMessage([runs[1].id, runs[0].id]))); // waits in the inbox
    await startWatch();
    expect(summaryFileNames()).toEqual(["run-" + runs[2].id + ".txt"]);
    expect(filesFromWatch().map((f) => f.name)).toEqual([runFileName(runs[2].id)]);
    expect(fileNames()).not.toContain(ACK_FILE);
  });

  it("keeps unacknowledged runs across a face restart and sends them again", async () => {
    runs.forEach(saveRunFile);
    await startWatch();
    takeFileFromWatch(); takeFileFromWatch(); takeFileFromWatch(); // delivered, but the phone never answered
    await restartWatch();
    expect(filesFromWatch().map((f) => f.name)).toEqual(runs.map((r) => runFileName(r.id)));
    expect(summaryFileNames().length).toBe(3);
  });

  it("re-sends everything unacknowledged when the phone comes back, and tells it the watch's profile", async () => {
    world().watch.user = { age: 41, restingHeartRate: 52, maxHeartRate: 188 };
    saveRunFile(runs[0]);
    await startWatch();
    takeFileFromWatch();
    expect(filesFromWatch()).toEqual([]);
    openPeer();
    await flush();
    expect(filesFromWatch().map((f) => f.name)).toEqual([runFileName(runs[0].id)]);
    expect(messagesFromWatch()).toEqual([{ v: 1, type: "watch-profile", watch: { age: 41, restingHr: 52, maxHr: 188 } }]);
  });

  it("retries a failed transfer or a refused enqueue about a minute later, one retry at a time, not in a tight loop", async () => {
    saveRunFile(runs[0]);
    world().faults.failEnqueue("watch");
    await startWatch();
    expect(filesFromWatch()).toEqual([]);
    expect(warnings.join("\n")).toMatch(/Could not queue run/);
    advance(55 * 1000);
    await flush();
    expect(filesFromWatch()).toEqual([]); // not at once
    advance(10 * 1000);
    await flush();
    expect(filesFromWatch().length).toBe(1);
    failTransfer(runFileName(runs[0].id));
    await flush();
    expect(filesFromWatch()).toEqual([]);
    advance(65 * 1000);
    await flush();
    expect(filesFromWatch().length).toBe(1);
    // A link that refuses every enqueue is tried once a minute, not hammered.
    const tries = warnings.length;
    world().faults.failEnqueue("watch", 1000);
    failTransfer(runFileName(runs[0].id));
    await flush();
    for (let s = 0; s < 10 * 60; s += 5) {
      advance(5000);
      await flush();
    }
    const failedTries = warnings.slice(tries).filter((w) => /Could not queue run/.test(w)).length;
    expect(failedTries).toBeGreaterThanOrEqual(9);
    expect(failedTries).toBeLessThanOrEqual(12);
  });

  it("logs each run dropped at the watch's bound of unsent runs, by id", async () => {
    const many = Array.from({ length: MAX_PENDING_RUNS + 2 }, (_, i) => sampleRun(day(1) + i * 3600_000, 0.5));
    many.forEach(saveRunFile);
    await startWatch();
    expect(summaryFileNames().length).toBe(MAX_PENDING_RUNS);
    expect(filesFromWatch().length).toBe(MAX_PENDING_RUNS);
    for (const dropped of many.slice(0, 2)) {
      expect(warnings.join("\n")).toMatch(new RegExp("Run " + dropped.id + " dropped unacknowledged"));
    }
    expect(warnings.filter((w) => /dropped/.test(w)).length).toBe(2);
  });

  it("ignores malformed or unknown files from the phone with a log line, deleting nothing it should keep", async () => {
    runs.forEach(saveRunFile);
    await startWatch();
    sendFileToWatch(ACK_FILE, "{not json");
    sendFileToWatch("rg-firmware.bin", "boom");
    messageToWatch({ v: 99, type: "ack", ids: [runs[0].id] });
    messageToWatch({ v: 1, type: "ack", ids: ["../run.json"] });
    await flush();
    expect(summaryFileNames().length).toBe(3);
    expect(fileNames()).not.toContain("rg-firmware.bin");
    expect(warnings.join("\n")).toMatch(/Ignored rg-ack.json: not JSON/);
    expect(warnings.join("\n")).toMatch(/Ignored file: rg-firmware.bin/);
    expect(warnings.join("\n")).toMatch(/unknown version 99/);
    expect(warnings.join("\n")).toMatch(/malformed id/);
  });

  it("removes a corrupt run file instead of keeping it forever", async () => {
    putFile("run-zzzzzzzz-0000.txt", "[1,\"garbage\"]");
    saveRunFile(runs[0]);
    await startWatch();
    expect(summaryFileNames()).toEqual(["run-" + runs[0].id + ".txt"]);
    expect(filesFromWatch().length).toBe(1);
  });
});

describe("settings from the phone", () => {
  it("are checked, saved as settings.json and applied at once", async () => {
    const source = await startWatch();
    sendFileToWatch(SETTINGS_LINK_FILE, JSON.stringify(settingsMessage({ age: "23", restingHr: "50", ceilingPercent: 70 })));
    await flush();
    expect(source.currentProfile()).toMatchObject({ age: 23, restingHr: 50, ceilingFraction: 0.7 });
    expect(JSON.parse(readFile("settings.json")!)).toEqual({ age: "23", restingHr: "50", ceilingPercent: 70 });
    expect(fileNames()).not.toContain(SETTINGS_LINK_FILE);
    // The same settings again (the phone re-sends on every reconnect) are not written again.
    const { writes, unlinks } = world().counters.fs;
    sendFileToWatch(SETTINGS_LINK_FILE, JSON.stringify(settingsMessage({ age: "23", restingHr: "50", ceilingPercent: 70 })));
    await flush();
    expect(world().counters.fs.unlinks - unlinks).toBe(1); // the incoming file, read and deleted
    expect(world().counters.fs.writes - writes).toBe(1); // ...and nothing else: no write, no rename
    expect(fileNames()).not.toContain(SETTINGS_LINK_FILE);
    // ...and survive a restart.
    const after = await restartWatch();
    expect(after.currentProfile()).toMatchObject({ age: 23, restingHr: 50 });
  });

  it("leave the last valid settings in force when invalid, foreign or of another version", async () => {
    const source = await startWatch();
    sendFileToWatch(SETTINGS_LINK_FILE, JSON.stringify(settingsMessage({ age: "23", restingHr: "50" })));
    sendFileToWatch(SETTINGS_LINK_FILE, JSON.stringify(settingsMessage({ age: "5" })));
    sendFileToWatch(SETTINGS_LINK_FILE, JSON.stringify({ v: 2, type: "settings", profile: { age: 60 } }));
    await flush();
    expect(source.currentProfile().age).toBe(23);
    expect(JSON.parse(readFile("settings.json")!).age).toBe("23");
    expect(warnings.join("\n")).toMatch(/Settings rejected: age out-of-range/);
    expect(warnings.join("\n")).toMatch(/unknown version 2/);
  });

  it("a save cut short (the face dies mid-write) leaves the previous settings.json whole", async () => {
    await startWatch();
    sendFileToWatch(SETTINGS_LINK_FILE, JSON.stringify(settingsMessage({ age: "23", restingHr: "50" })));
    await flush();
    world().faults.tearNextWrite();
    sendFileToWatch(SETTINGS_LINK_FILE, JSON.stringify(settingsMessage({ age: "30", restingHr: "50" })));
    await flush();
    expect(JSON.parse(readFile("settings.json")!)).toEqual({ age: "23", restingHr: "50" });
  });

  it("still apply when saving fails, and the log says so", async () => {
    const source = await startWatch();
    world().faults.failFs("write");
    sendFileToWatch(SETTINGS_LINK_FILE, JSON.stringify(settingsMessage({ age: "30" })));
    await flush();
    expect(source.currentProfile().age).toBe(30);
    expect(warnings.join("\n")).toMatch(/Could not save settings.json/);
  });
});
