// The watch's files survive a crash at any moment: the checkpoint and the summary are written whole to a temporary
// file and renamed, so an interrupted write (tearNextWrite: half the data on file, then the face dies) never
// leaves a half run.json or run-<id>.txt that a later launch trusts.
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  fileNames, killFace, launchFace, putFile, readFile, resetWorld, runSeconds, tap, text, isShown, summaryFileNames, world, freshWorldEachTest
} from "../../sim/harness/watch";
import { decodeSummary, encodeSummary } from "../../common/watch/summary";
import { sampleRun } from "../unit/sample-runs";

const EASY = 125;


const warnings = freshWorldEachTest();

describe("writes that are interrupted", () => {
  it("a checkpoint write cut short leaves the previous checkpoint, and the run resumes from it", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(730, EASY); // the 12-minute checkpoint (CHECKPOINT_EVERY_S) is on file
    const before = readFile("run.json");
    world().faults.tearNextWrite();
    // The 24-minute checkpoint is torn, and the face dies right then (before its retry a second later).
    for (let s = 0; s < 720 && !warnings.join("\n").match(/Could not checkpoint/); s++) runSeconds(1, EASY);
    expect(warnings.join("\n")).toMatch(/Could not checkpoint/);
    expect(readFile("run.json")).toBe(before);
    killFace();
    await launchFace();
    expect(isShown("run-group")).toBe(true);
    expect(warnings.join("\n")).not.toMatch(/corrupt/);
  });

  it("a summary write cut short is not taken for a saved run: the next launch saves it whole", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(300, EASY);
    world().faults.tearNextWrite();
    tap("end-btn");
    tap("end-btn");
    expect(summaryFileNames()).toEqual([]); // nothing half on file under a run's name
    killFace();
    await launchFace();
    const files = summaryFileNames();
    expect(files.length).toBe(1);
    const s = decodeSummary(readFile(files[0]));
    expect(s).not.toBeNull();
    expect(s!.durationS).toBe(300);
    expect(text("state-text")).not.toBe("EASY"); // filed, not resumed
  });

  it("a half summary file already on the watch does not count as saved", async () => {
    // As a crash left it before writes were atomic: the run ended, its summary is half written, the checkpoint
    // (marked ended) still holds the whole run.
    await launchFace();
    tap("start-btn");
    runSeconds(300, EASY);
    killFace();
    const cp = JSON.parse(readFile("run.json")!);
    cp.endedAt = cp.guard.lastT;
    putFile("run.json", JSON.stringify(cp));
    const whole = encodeSummary({ ...sampleRun(Date.now(), 0.5), id: cp.id });
    putFile("run-" + cp.id + ".txt", whole.slice(0, 40));
    await launchFace();
    const s = decodeSummary(readFile("run-" + cp.id + ".txt"));
    expect(s).not.toBeNull();
    expect(s!.id).toBe(cp.id);
    expect(fileNames()).not.toContain("run.json");
  });

  it("leaves no temporary file behind after a normal run", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(600, EASY);
    tap("end-btn");
    tap("end-btn");
    expect(fileNames().filter((n) => n !== "settings.json")).toEqual(summaryFileNames());
  });
});
