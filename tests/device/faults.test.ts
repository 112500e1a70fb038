// The sim's fault switches on the watch, each shown working on the real face (app/ on sim/device). Where a fault
// triggers a known bug (issue 10 fixes those), the test asserts the fault was injected and what it left behind,
// not the buggy behaviour.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  advance, fileNames, hrSensorRunning, isShown, killFace, launchFace, readFile, relaunchFace, resetWorld, runSeconds,
  summaryFileNames, tap, text, world, putFile, filesFromWatch, takeFileFromWatch, sendFileToWatch, openPeer, freshWorldEachTest
} from "../../sim/harness/watch";
import { vibration } from "../../sim/device/haptics";
import { decodeSummary, encodeSummary } from "../../common/watch/summary";
import { ACK_FILE, ackMessage } from "../../common/watch/protocol";
import { sampleRun } from "../unit/sample-runs";

const EASY = 125;
const endRun = (): void => { tap("end-btn"); tap("end-btn"); };
const flush = async (): Promise<void> => { for (let i = 0; i < 10; i++) await Promise.resolve(); };

const warnings = freshWorldEachTest();

describe("file-system faults", () => {
  it("a write that throws once: the run's first checkpoint is not saved, the run goes on and the next save works", async () => {
    await launchFace();
    world().faults.failFs("write");
    tap("start-btn");
    expect(world().faults.injected["fs-write"]).toBe(1);
    expect(fileNames()).not.toContain("run.json");
    expect(warnings.join("\n")).toMatch(/Could not checkpoint/);
    runSeconds(720, EASY); // the next checkpoint is due
    expect(fileNames()).toContain("run.json");
    expect(text("elapsed")).toBe("12:00");
  });

  it("a rename that throws N times: at End neither the summary nor the ended checkpoint gets its name", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(60, EASY);
    world().faults.failFs("rename", 3); // the summary's rename, the ended checkpoint's, and its retry after deleting run.json
    endRun();
    expect(world().faults.injected["fs-rename"]).toBe(3);
    expect(summaryFileNames()).toEqual([]);
    // run.json went in the failed rename's fallback; the run's newest state, in the temporary file, is marked ended:
    // the next launch files it.
    expect(fileNames()).toEqual(["ended.json"]);
    await relaunchFace();
    expect(summaryFileNames()).toHaveLength(1);
    expect(text("state-text")).toBe("Tap to start");
  });

  it("a delete that throws: the acknowledged run stays on the watch, and the log says so", async () => {
    putFile("run-" + sampleRun(Date.UTC(2025, 2, 1, 7), 0.1).id + ".txt", encodeSummary(sampleRun(Date.UTC(2025, 2, 1, 7), 0.1)));
    await launchFace();
    world().faults.failFs("unlink");
    sendFileToWatch(ACK_FILE, JSON.stringify(ackMessage([sampleRun(Date.UTC(2025, 2, 1, 7), 0.1).id])));
    expect(world().faults.injected["fs-unlink"]).toBe(1);
    expect(warnings.join("\n")).toMatch(/Could not delete/);
  });

  it("storage full until cleared: nothing is saved meanwhile; once cleared, the run that ended is filed at the next start", async () => {
    await launchFace();
    world().faults.storageFull();
    tap("start-btn");
    runSeconds(300, EASY);
    endRun();
    expect(summaryFileNames()).toEqual([]);
    expect(world().faults.injected["fs-write"]).toBeGreaterThanOrEqual(3); // checkpoint, summary, ended checkpoint
    world().faults.clearFs();
    tap("start-btn");
    expect(summaryFileNames()).toHaveLength(1);
    expect(decodeSummary(readFile(summaryFileNames()[0]))!.durationS).toBe(300);
  });

  it("the face killed at the k-th operation: that one never happens, the dead face changes nothing, a relaunch finds the files as they were", async () => {
    await launchFace();
    world().faults.killFaceAtFsOp(2); // the start's checkpoint: the write of write.tmp, then (killed) its rename
    tap("start-btn");
    expect(world().faults.injected["kill-face"]).toBe(1);
    expect(world().isRunning("watch")).toBe(false);
    expect(fileNames()).toEqual(["write.tmp"]);
    runSeconds(60, EASY); // a dead face: no timer runs, nothing is written
    expect(fileNames()).toEqual(["write.tmp"]);
    await launchFace();
    // The checkpoint the dead face did not rename is the newest state: the run the runner started resumes.
    expect(text("elapsed")).not.toBe("");
    expect(text("state-text")).not.toBe("Tap to start");
  });

  for (const renameOntoExisting of ["replace", "throw"] as const) {
    it(`renameSync onto an existing file ${renameOntoExisting === "replace" ? "replaces it" : "throws"}: checkpoints still land and a relaunch resumes`, async () => {
      world().faults.renameOntoExisting = renameOntoExisting;
      await launchFace();
      tap("start-btn");
      runSeconds(800, EASY); // the start's checkpoint, then one at 12 minutes over it
      const checkpoint = JSON.parse(readFile("run.json")!);
      expect(Math.round(checkpoint.guard.lastT - checkpoint.startedAt)).toBe(720);
      expect(fileNames()).not.toContain("write.tmp");
      await relaunchFace();
      expect(isShown("run-group")).toBe(true); // resumed
    });
  }
});

describe("clock faults", () => {
  it("the wall clock jumps forwards: the face's time follows", async () => {
    await launchFace();
    expect(text("time")).toBe("07:00");
    world().clock.jump(3 * 3600 * 1000);
    runSeconds(60);
    expect(text("time")).toBe("10:01");
  });

  it("the wall clock jumps backwards: Date.now() goes back by that much (the face's handling of it is issue 10's)", async () => {
    await launchFace();
    const before = Date.now();
    world().clock.jump(-3600 * 1000);
    expect(before - Date.now()).toBe(3600 * 1000);
    runSeconds(60); // nothing throws on the way
  });

  it("a timezone change moves the face's local time", async () => {
    await launchFace();
    const offset = new Date().getTimezoneOffset();
    world().clock.setTimezoneOffset(offset - 120); // two hours east of where the watch was
    runSeconds(60);
    expect(text("time")).toBe("09:01");
  });
});

describe("sensor and motor faults", () => {
  it("the heart-rate sensor reports an error and stops; the face starts it again and the readings come back", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(10, EASY);
    world().heartRateError();
    expect(hrSensorRunning()).toBe(false);
    expect(warnings.join("\n")).toMatch(/Heart-rate sensor error/);
    runSeconds(10, 131);
    expect(hrSensorRunning()).toBe(true);
    expect(text("hr")).toBe("131");
  });

  it("vibration.start returns false while a continuous pattern plays, true again once stopped", async () => {
    await launchFace();
    expect(vibration.start("alert")).toBe(true);
    expect(vibration.start("nudge")).toBe(false);
    vibration.stop();
    expect(vibration.start("nudge")).toBe(true);
  });
});

describe("link faults on the watch's side", () => {
  it("a flap loses the messages in flight; the watch, seeing the link back, queues its unacknowledged runs again", async () => {
    const run = sampleRun(Date.UTC(2025, 2, 1, 7), 0.1);
    putFile("run-" + run.id + ".txt", encodeSummary(run));
    await launchFace();
    takeFileFromWatch(); // it crossed, but the phone never acknowledged it
    openPeer();
    await flush();
    expect(world().link.sent("watch").length).toBe(1); // the watch's profile, on its way
    takeFileFromWatch(); // the re-send on link-up crossed too, unacknowledged
    const sentBefore = world().link.sent("watch").length;
    world().link.flap();
    await flush();
    // What was in flight is lost; only what the watch sent after the link came back can cross.
    expect(world().link.deliverMessages("watch")).toBe(world().link.sent("watch").length - sentBefore);
    expect(filesFromWatch().map((f) => f.name)).toEqual(["rg-run-" + run.id + ".json"]);
    expect(world().faults.injected["link-flap"]).toBe(1);
  });

  it("killFace then advance: a killed face's timers are gone", async () => {
    await launchFace();
    tap("start-btn");
    killFace();
    expect(world().clock.pendingTimers("watch")).toBe(0);
    advance(60_000);
    await relaunchFace();
    expect(isShown("run-group")).toBe(true); // resumed from the start's checkpoint
  });
});
