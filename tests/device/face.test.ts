// The real app/index.ts on the fake watch: what the runner sees and feels.
import { describe, it, expect, beforeEach } from "vitest";
import {
  resetWorld, launchFace, text, tap, runSeconds, patterns, isShown, className, setDisplay, hrSensorRunning, bodySensorRunning, pushHeartRate, setOnWrist, grant, prop, tickClock, world,
} from "../../sim/harness/watch";

// The fake watch's default runner: 40 y, resting 60 -> max 180, ceiling 60 + 0.65 x 120 = 138.
const EASY = 125;
const OVER = 145;

beforeEach(() => {
  resetWorld();
});

describe("idle face", () => {
  it("shows the time, today's ceiling and Tap to start, without run controls", async () => {
    await launchFace();
    expect(text("time")).toBe("07:00");
    expect(text("ceiling")).toBe("ceiling 138 bpm");
    expect(text("state-text")).toBe("Tap to start");
    expect(text("hr")).toBe("--");
    expect(isShown("run-group")).toBe(false);
    expect(tap("snooze-btn")).toBe(false); // hidden: a tap cannot reach it
    expect(tap("end-btn")).toBe(false);
  });

  it("shows the heart rate while the display is on, and the clock follows the minutes", async () => {
    await launchFace();
    pushHeartRate(72);
    expect(text("hr")).toBe("72");
    runSeconds(60);
    expect(text("time")).toBe("07:01");
    tickClock();
    expect(text("time")).toBe("07:01");
  });
});

describe("a run", () => {
  it("starts with a tap: elapsed time, progress, state, snooze and end appear", async () => {
    await launchFace();
    expect(tap("start-btn")).toBe(true);
    expect(isShown("run-group")).toBe(true);
    expect(isShown("snooze-btn")).toBe(true);
    expect(isShown("start-btn")).toBe(false);
    runSeconds(90, EASY);
    expect(text("elapsed")).toBe("1:30");
    expect(text("hr")).toBe(String(EASY));
    expect(text("state-text")).toBe("EASY");
    expect(className("state-pill")).toBe("p-below");
    expect(prop("progress-fg", "width")).toBe(10); // 90 s of 30 min on a 200 px bar
    expect(patterns()).toEqual([]);
  });

  it("a sustained breach buzzes once with the breach pattern and the face says over", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(60, EASY);
    runSeconds(30, OVER);
    expect(patterns()).toEqual(["nudge-max"]);
    expect(text("state-text")).toBe("OVER: EASE OFF");
    expect(className("state-pill")).toBe("p-over");
    expect(className("state-text")).toBe("t-over");
    expect(text("hr")).toBe(String(OVER));
  });

  it("a long breach escalates to the alert pattern, and the watch stops it after two seconds", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(60, EASY);
    runSeconds(200, OVER);
    expect(patterns()).toEqual(["nudge-max", "nudge-max", "alert", "alert"]);
    const d = world().counters;
    const alerts = d.buzzes.filter((v) => v.pattern === "alert");
    expect(d.vibrationStops).toHaveLength(alerts.length);
    d.vibrationStops.forEach((stopMs, i) => expect(stopMs - alerts[i].atMs).toBe(2000));
  });

  it("a one-sample spike does not buzz", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(60, EASY);
    runSeconds(1, 205);
    runSeconds(60, EASY);
    expect(patterns()).toEqual([]);
    expect(text("state-text")).toBe("EASY");
  });

  it("snooze from the face silences the reminders", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(60, EASY);
    runSeconds(30, OVER);
    expect(patterns()).toEqual(["nudge-max"]);
    expect(tap("snooze-btn")).toBe(true);
    expect(patterns()).toEqual(["nudge-max", "confirmation"]);
    runSeconds(1, OVER);
    expect(text("state-text")).toBe("SNOOZED 2:59");
    expect(className("state-pill")).toBe("p-snoozed");
    runSeconds(170, OVER);
    expect(patterns()).toEqual(["nudge-max", "confirmation"]);
    // Without the snooze the reminder would have come a minute after the breach.
    resetWorld();
    await launchFace();
    tap("start-btn");
    runSeconds(60, EASY);
    runSeconds(100, OVER);
    expect(patterns()).toEqual(["nudge-max", "nudge-max"]);
  });

  it("a second tap on the snooze button (it reads RESUME) cancels the snooze: the reminders are back", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(60, EASY);
    runSeconds(30, OVER);
    tap("snooze-btn");
    runSeconds(1, OVER);
    expect(text("snooze-text")).toBe("RESUME");
    tap("snooze-btn");
    runSeconds(1, OVER);
    expect(text("snooze-text")).toBe("SNOOZE");
    expect(text("state-text")).toBe("OVER: EASE OFF");
    runSeconds(60, OVER);
    expect(patterns().filter((p) => p.startsWith("nudge")).length).toBeGreaterThanOrEqual(2);
  });

  it("warns before the cap and buzzes at it with the display off (no clock ticks)", async () => {
    await launchFace();
    tap("start-btn");
    setDisplay(false);
    world().counters.ticks = 0;
    runSeconds(25 * 60 - 5, EASY);
    expect(patterns()).toEqual([]);
    runSeconds(10, EASY);
    expect(patterns()).toEqual(["ping"]);
    runSeconds(5 * 60, EASY);
    expect(patterns()).toEqual(["ping", "confirmation-max"]);
    expect(world().counters.ticks).toBe(0);
    setDisplay(true);
    expect(text("state-text")).toBe("TIME TO STOP");
    expect(className("state-pill")).toBe("p-cap");
    expect(prop("progress-fg", "width")).toBe(200);
  });

  it("the End button needs a second tap within a few seconds", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(20, EASY);
    tap("end-btn");
    expect(text("end-text")).toBe("TAP AGAIN");
    expect(className("end-btn")).toBe("b-armed");
    runSeconds(5, EASY);
    expect(text("end-text")).toBe("END");
    expect(isShown("run-group")).toBe(true); // still running
    tap("end-btn");
    runSeconds(1, EASY);
    tap("end-btn");
    expect(isShown("run-group")).toBe(false);
    expect(text("state-text")).toBe("Tap to start");
  });

  it("off the wrist the face says so instead of showing a stale number", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(30, EASY);
    setOnWrist(false);
    runSeconds(2, null);
    expect(text("state-text")).toBe("OFF WRIST");
    expect(text("hr")).toBe("--");
    setOnWrist(true);
    runSeconds(10, EASY);
    expect(text("state-text")).toBe("EASY");
  });
});

describe("sensors", () => {
  it("idle with the display off: HR stops; idle with it on: HR runs; during a run: HR runs whatever the display", async () => {
    await launchFace();
    expect(hrSensorRunning()).toBe(true);
    expect(bodySensorRunning()).toBe(false);
    setDisplay(false);
    expect(hrSensorRunning()).toBe(false);
    setDisplay(true);
    tap("start-btn");
    setDisplay(false);
    expect(hrSensorRunning()).toBe(true);
    expect(bodySensorRunning()).toBe(true);
    runSeconds(60, OVER);
    expect(patterns()).toContain("nudge-max"); // readings still reached the guard with the screen dark
    setDisplay(true);
    tap("end-btn");
    tap("end-btn");
    expect(hrSensorRunning()).toBe(true);
    expect(bodySensorRunning()).toBe(false);
    setDisplay(false);
    expect(hrSensorRunning()).toBe(false);
  });

  it("denied heart-rate permission: a clear state, no crash, the run still times itself", async () => {
    grant("access_heart_rate", false);
    await launchFace();
    expect(text("hr")).toBe("--");
    expect(text("state-text")).toBe("HR NOT ALLOWED");
    expect(tap("start-btn")).toBe(true);
    runSeconds(30 * 60, null);
    expect(text("state-text")).toBe("TIME TO STOP");
    expect(patterns()).toEqual(["ping", "confirmation-max"]);
  });

  it("a watch without a heart-rate sensor says so and does not crash", async () => {
    world().watch.hasHeartRateSensor = false;
    await launchFace();
    expect(text("state-text")).toBe("NO HR SENSOR");
    tap("start-btn");
    runSeconds(5, null);
    expect(text("elapsed")).toBe("0:05");
  });

  it("without body presence (no permission) the run trusts the HR sensor", async () => {
    grant("access_activity", false);
    await launchFace();
    tap("start-btn");
    runSeconds(60, EASY);
    runSeconds(30, OVER);
    expect(patterns()).toEqual(["nudge-max"]);
  });
});
