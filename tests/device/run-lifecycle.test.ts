// A run's life on the file system: checkpoints, restarts, the summary at the end, failures.
import { describe, it, expect, beforeEach, vi } from "vitest";
import {
  advance, resetWorld, launchFace, relaunchFace, killFace, text, tap, runSeconds, patterns, isShown, readFile, fileNames, putFile, setDisplay, setOnWrist, summaryFileNames, world,
} from "../../sim/harness/watch";
import { decodeSummary } from "../../common/watch/summary";
import { runFileName } from "../../common/watch/protocol";
import { filesFromWatch } from "../../sim/harness/watch";

const EASY = 125;
const OVER = 145;


function endRun(): void {
  tap("end-btn");
  tap("end-btn");
}

beforeEach(() => {
  resetWorld();
});

describe("checkpoint and resume", () => {
  it("a face killed mid-run resumes the run with its elapsed time", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(400, EASY);
    expect(text("elapsed")).toBe("6:40");
    killFace(); // no unload: the last checkpoint (at 4 min) is all there is
    runSeconds(20, null); // the face is gone for 20 s
    await launchFace();
    expect(isShown("run-group")).toBe(true);
    expect(text("elapsed")).toBe("7:00");
    runSeconds(10, EASY);
    expect(text("elapsed")).toBe("7:10");
    expect(text("state-text")).toBe("EASY");
    endRun();
    const s = decodeSummary(readFile(summaryFileNames()[0]));
    expect(s).not.toBeNull();
    expect(s!.durationS).toBe(430);
  });

  it("a graceful restart checkpoints on unload and keeps the breach count", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(60, EASY);
    runSeconds(30, OVER);
    expect(patterns()).toEqual(["nudge-max"]);
    await relaunchFace({ graceful: true });
    runSeconds(20, OVER); // still the same breach: no new breach buzz
    expect(patterns()).toEqual(["nudge-max"]);
    runSeconds(60, OVER);
    expect(patterns()).toEqual(["nudge-max", "nudge-max"]); // the reminder, on the old breach's clock
    endRun();
    const s = decodeSummary(readFile(summaryFileNames()[0]))!;
    expect(s.breaches).toBe(1);
    expect(s.buzzes).toBe(2);
  });

  it("the time cap keeps counting across a restart", async () => {
    await launchFace();
    tap("start-btn");
    setDisplay(false);
    runSeconds(20 * 60, EASY);
    await relaunchFace({ graceful: true });
    runSeconds(5 * 60 + 5, EASY);
    expect(patterns()).toEqual(["ping"]);
  });

  it("a corrupt checkpoint is logged and ignored: the face starts idle", async () => {
    putFile("run.json", "{\"v\":1,\"id\":");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await launchFace();
    expect(warn.mock.calls.some((c) => /run\.json corrupt/.test(String(c[0])))).toBe(true);
    expect(text("state-text")).toBe("Tap to start");
    expect(fileNames()).not.toContain("run.json");
    warn.mockRestore();
  });

  it("a checkpoint with impossible numbers is not resumed", async () => {
    putFile("run.json", JSON.stringify({ v: 1, id: "abc-0000", startedAt: 1, guard: { v: 1, startT: "x" } }));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await launchFace();
    expect(text("state-text")).toBe("Tap to start");
    warn.mockRestore();
  });

  it("a checkpoint whose guard is in no known phase, or has a value of the wrong type, is not resumed", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(30, EASY);
    killFace();
    const good = JSON.parse(readFile("run.json")!);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (const guard of [{ ...good.guard, phase: "sprinting" }, { ...good.guard, capPhase: 7 }, { ...good.guard, trustedLevel: "x" }]) {
      putFile("run.json", JSON.stringify({ ...good, guard }));
      await launchFace();
      expect(text("state-text")).toBe("Tap to start");
      killFace();
    }
    putFile("run.json", JSON.stringify(good));
    await launchFace();
    expect(text("state-text")).not.toBe("Tap to start");
    warn.mockRestore();
  });

  it("a run abandoned hours ago (the watch died) is filed as it stood, not resumed", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(800, EASY); // one checkpoint after the start's, at CHECKPOINT_EVERY_S = 720 s
    killFace();
    advance(5 * 3600 * 1000); // five hours with the face dead
    await launchFace();
    expect(text("state-text")).toBe("Tap to start");
    const files = summaryFileNames();
    expect(files).toHaveLength(1);
    expect(decodeSummary(readFile(files[0]))!.durationS).toBe(720); // as of the last checkpoint
    expect(fileNames()).not.toContain("run.json");
  });
});

describe("the end of a run", () => {
  it("a run forgotten on a table ends by itself after 15 minutes off the wrist, and its summary is filed", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(20 * 60, EASY);
    setOnWrist(false);
    runSeconds(14 * 60, null);
    expect(text("state-text")).not.toBe("Tap to start");
    runSeconds(2 * 60, null);
    expect(text("state-text")).toBe("Tap to start");
    const s = decodeSummary(readFile(summaryFileNames()[0]))!;
    expect(s.durationS).toBeGreaterThanOrEqual(35 * 60 - 5);
    expect(s.durationS).toBeLessThanOrEqual(36 * 60);
    expect(patterns().filter((p) => p === "ping").length).toBeLessThanOrEqual(1); // the cap warning, no reminders
  });

  it("writes one summary file that decodeSummary accepts, and removes the checkpoint", async () => {
    await launchFace();
    tap("start-btn");
    expect(fileNames()).toContain("run.json");
    runSeconds(60, EASY);
    runSeconds(40, OVER);
    runSeconds(60, EASY);
    endRun();
    const files = summaryFileNames();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^run-[0-9a-z]+-[0-9a-z]{4}\.txt$/);
    const s = decodeSummary(readFile(files[0]));
    expect(s).not.toBeNull();
    expect(files[0]).toBe("run-" + s!.id + ".txt");
    expect(s).toMatchObject({ durationS: 160, breaches: 1, capReached: false, capMinutes: 30, maxHr: OVER });
    expect(s!.startedAt).toBe(Math.round(new Date(2025, 2, 3, 7, 0, 0).getTime() / 1000));
    expect(fileNames()).not.toContain("run.json");
    expect(text("state-text")).toBe("Tap to start");
  });

  it("the ended run is queued for the phone at once (the face wires app/sync.ts)", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(90, EASY);
    endRun();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    const id = decodeSummary(readFile(summaryFileNames()[0]))!.id;
    expect(filesFromWatch().map((f) => f.name)).toEqual([runFileName(id)]);
  });

  it("each run gets its own file, and ids never repeat", async () => {
    await launchFace();
    for (let i = 0; i < 3; i++) {
      tap("start-btn");
      runSeconds(30, EASY);
      endRun();
      runSeconds(5);
    }
    const ids = summaryFileNames().map((n) => decodeSummary(readFile(n))!.id);
    expect(new Set(ids).size).toBe(3);
  });

  it("a failing summary write keeps the run on file as ended; the next launch saves it", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(100, EASY);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    world().faults.failFs("write");
    endRun();
    expect(summaryFileNames()).toHaveLength(0);
    expect(warn).toHaveBeenCalled();
    expect(text("state-text")).toBe("Tap to start"); // the runner's run is over either way
    await relaunchFace();
    expect(text("state-text")).toBe("Tap to start"); // not resumed
    expect(summaryFileNames()).toHaveLength(1);
    expect(decodeSummary(readFile(summaryFileNames()[0]))!.durationS).toBe(100);
    expect(fileNames()).not.toContain("run.json");
    warn.mockRestore();
  });

  it("a checkpoint left behind by a run that was filed is dropped, not resumed twice", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(50, EASY);
    const checkpoint = readFile("run.json")!;
    endRun();
    putFile("run.json", checkpoint); // as if deleting it had failed
    await relaunchFace();
    expect(text("state-text")).toBe("Tap to start");
    expect(summaryFileNames()).toHaveLength(1);
    expect(fileNames()).not.toContain("run.json");
  });

  it("a failing checkpoint write never stops the run", async () => {
    await launchFace();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    world().faults.failFs("write", 3);
    tap("start-btn");
    runSeconds(600, EASY);
    expect(text("elapsed")).toBe("10:00");
    endRun();
    expect(summaryFileNames()).toHaveLength(1);
    warn.mockRestore();
  });
});
