// The link's fault switches with both real sides running: the face (app/ on sim/device) and the companion
// (companion/ bundled onto sim/phone). Files delivered twice, late, out of order or never; the companion killed and
// relaunched for each launch reason.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { advance, deleteFile, fileNames, launchFace, readFile, resetWorld, runSeconds, summaryFileNames, tap, text, world } from "../../sim/harness/watch";
import { bundledCompanion, carry, connectWatch, disconnectWatch, filesForWatch, killCompanion, launchCompanion, localItem, userSets } from "../../sim/harness/phone";
import { decodeHistory } from "../../common/phone/history";
import { RESEND_AFTER_S } from "../../common/watch/outbox";
import { SETTINGS_LINK_FILE } from "../../common/watch/protocol";
import { decodeSummary, RunSummary } from "../../common/watch/summary";

let companion = "";
beforeAll(() => { companion = bundledCompanion(); });

function finishRun(seconds: number): RunSummary {
  const before = new Set(fileNames());
  tap("start-btn");
  runSeconds(seconds, 125);
  tap("end-btn");
  tap("end-btn");
  return decodeSummary(readFile(summaryFileNames().filter((n) => !before.has(n))[0]))!;
}

const historyIds = (): string[] => decodeHistory(localItem("runHistory")).history.runs.map((r) => r.id);

beforeEach(async () => {
  resetWorld();
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "log").mockImplementation(() => {});
  await launchFace();
  await launchCompanion({}, companion);
});
afterEach(() => { vi.restoreAllMocks(); });

describe("file-transfer faults", () => {
  it("a run delivered twice is stored once", async () => {
    const run = finishRun(300);
    world().faults.fileDelivery("twice");
    await connectWatch();
    await carry();
    expect(world().faults.injected["file-twice"]).toBe(1);
    expect(historyIds()).toEqual([run.id]);
    expect(summaryFileNames()).toEqual([]); // acknowledged, deleted on the watch
  });

  it("runs delivered out of order are kept newest first all the same", async () => {
    const runs = [finishRun(300), finishRun(200)];
    world().faults.fileDelivery("out-of-order");
    await connectWatch();
    await carry();
    expect(world().faults.injected["file-out-of-order"]).toBe(1);
    expect(historyIds()).toEqual([runs[1].id, runs[0].id]);
  });

  it("a run delivered late arrives after a newer one, and the history still has both in order", async () => {
    const first = finishRun(300);
    world().faults.fileDelivery("late");
    await connectWatch();
    await carry();
    expect(historyIds()).toEqual([]); // still held back
    const second = finishRun(200);
    await carry();
    world().link.deliverLate();
    await carry();
    expect(world().faults.injected["file-late"]).toBe(1);
    expect(historyIds()).toEqual([second.id, first.id]);
  });

  it("a run that never arrives stays on the watch and reaches the phone with a later re-send", async () => {
    const run = finishRun(300);
    world().faults.fileDelivery("never");
    await connectWatch();
    await carry();
    expect(world().faults.injected["file-never"]).toBe(1);
    expect(historyIds()).toEqual([]);
    expect(summaryFileNames()).toHaveLength(1); // unacknowledged: kept
    advance((RESEND_AFTER_S + 5 * 60) * 1000); // the watch re-sends what is overdue at its next rescan
    await carry();
    expect(historyIds()).toEqual([run.id]);
  });
});

describe("the companion killed and relaunched", () => {
  it("fileTransfer: a run that arrived while it was dead is stored at the relaunch", async () => {
    await connectWatch();
    killCompanion();
    const run = finishRun(300);
    await carry(); // the file crosses and waits in the phone's inbox
    expect(historyIds()).toEqual([]);
    await launchCompanion({ fileTransfer: true }, companion);
    expect(historyIds()).toEqual([run.id]);
  });

  it("settingsChanged: settings changed while it was dead reach the watch at the relaunch", async () => {
    await connectWatch();
    await carry();
    killCompanion();
    await userSets("age", JSON.stringify({ name: "23" }));
    await userSets("restingHr", JSON.stringify({ name: "50" }));
    await launchCompanion({ settingsChanged: true }, companion);
    await carry();
    expect(text("ceiling")).toBe("ceiling 145 bpm");
  });

  it("peerAppLaunched: the relaunched companion sends the settings in force again, even unchanged", async () => {
    await userSets("capMinutes", "45");
    await connectWatch();
    await carry();
    expect(JSON.parse(readFile("settings.json")!).capMinutes).toBe(45);
    deleteFile("settings.json"); // the watch lost them (a reinstall, say)
    await disconnectWatch(); // no socket open at the relaunch: only the launch reason can make it send
    killCompanion();
    await launchCompanion({ peerAppLaunched: true }, companion);
    expect(filesForWatch().map((f) => f.name)).toEqual([SETTINGS_LINK_FILE]);
    await connectWatch();
    await carry();
    expect(JSON.parse(readFile("settings.json")!).capMinutes).toBe(45);
  });
});
