// The watch's budgets on the real face: DOM writes only for changed values, few file-system writes.
import { describe, it, expect, beforeEach } from "vitest";
import {
  resetWorld, launchFace, tap, runSeconds, resetCounters, setDisplay, pushHeartRate, world,
} from "../../sim/harness/watch";
import { generateDemoRun } from "../../common/dev/demo-run";

const CEILING = 138; // the fake watch's default runner

beforeEach(() => {
  resetWorld();
});

function demoBpm(): (i: number) => number {
  const run = generateDemoRun(CEILING, 7);
  return (i) => run[i % run.length].bpm;
}

describe("budgets", () => {
  it("a 30-minute run with a realistic heart rate stays under 120 DOM writes a minute", async () => {
    await launchFace();
    tap("start-btn");
    resetCounters();
    runSeconds(30 * 60, demoBpm());
    const perMinute = world().counters.domWrites / 30;
    expect(perMinute).toBeLessThanOrEqual(120);
    // Only what changes is written: the elapsed time once a second, the HR when it moves, little else.
    const byId = world().counters.domWritesById;
    expect(byId["elapsed"]).toBe(30 * 60);
    expect(byId["time"]).toBeLessThanOrEqual(31);
    expect(byId["ceiling"] || 0).toBe(0);
    expect(byId["hr"]).toBeLessThan(30 * 60);
  });

  it("idle with a steady heart rate, nothing is rewritten; with the display off, nothing is written at all", async () => {
    await launchFace();
    pushHeartRate(70);
    resetCounters();
    for (let i = 0; i < 120; i++) {
      pushHeartRate(70);
      runSeconds(1);
    }
    expect(world().counters.domWrites).toBe(2); // the minute, twice
    tap("start-btn");
    setDisplay(false);
    resetCounters();
    runSeconds(600, demoBpm());
    expect(world().counters.domWrites).toBe(0);
  });

  it("an hour's run writes the file system at most 20 times, snoozes included", async () => {
    await launchFace();
    resetCounters();
    tap("start-btn");
    const bpm = demoBpm();
    for (let minute = 0; minute < 60; minute++) {
      if (minute % 2 === 0) tap("snooze-btn"); // a hilly hour
      runSeconds(60, (i) => bpm(minute * 60 + i));
    }
    // Flash operations: every save is a write plus a rename (app/atomic-file.ts), and both count.
    expect(world().counters.fs.renames).toBeGreaterThan(0);
    expect(world().counters.fs.writes).toBeLessThanOrEqual(20);
    tap("end-btn");
    tap("end-btn");
    expect(world().counters.fs.writes).toBeLessThanOrEqual(23); // + the summary (write, rename) and the checkpoint's deletion
  });

  it("the fs stand-in counts renames and deletes as file-system writes: they are flash operations too", async () => {
    world().beginLaunch("watch");
    const fs = await import("../../sim/device/fs");
    resetCounters();
    fs.writeFileSync("a.txt", "x", "utf-8");
    fs.renameSync("a.txt", "b.txt");
    fs.unlinkSync("b.txt");
    expect(world().counters.fs).toMatchObject({ writes: 3, renames: 1, unlinks: 1 });
  });
});
