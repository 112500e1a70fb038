// Issue 12 on the watch: the summary card when a run ends, and the wrap-up hint when the heart rate drifts up at a
// steady effort. The real face (app/ on sim/device).
import { describe, expect, it } from "vitest";
import {
  advance, freshWorldEachTest, isShown, launchFace, patterns, putFile, runSeconds, sendFileToWatch, setOnWrist, summaryFileNames,
  tap, text, world, readFile, className,
} from "../../sim/harness/watch";
import { decodeSummary } from "../../common/watch/summary";
import { ACK_FILE, ackMessage } from "../../common/watch/protocol";
import { CARD_STATUSES } from "../../common/watch/run-card";
import { LABELS } from "../../common/watch/face-model";

freshWorldEachTest();
const endRun = (): void => { tap("end-btn"); tap("end-btn"); };

/** A steady run whose heart rate creeps up (cardiac drift), all under the 141 ceiling: 12 min at 120, then +0.6 bpm a minute. */
const drift = (i: number): number => Math.round(i < 720 ? 120 : 120 + ((i - 720) / 60) * 0.6);
/** Intervals: 3 min hard (still under the ceiling) and 3 min easy, over and over. */
const intervals = (i: number): number => (Math.floor(i / 180) % 2 === 0 ? 112 : 138);

describe("the summary card", () => {
  it("when the runner ends a run: duration, average HR and time over, the verdict in words, saved; then on the phone", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(600, 125);
    runSeconds(120, 160); // two minutes well over
    endRun();
    expect(isShown("card")).toBe(true);
    expect(text("card-status")).toBe(CARD_STATUSES[1]);
    expect(text("card-duration")).toBe("12 min");
    expect(text("card-hr")).toMatch(/^avg 1\d\d bpm, 1 min \d\d s over$/);
    expect(text("card-verdict")).toBe("TOO HARD TODAY");
    expect(className("card-verdict")).toBe("card-hard");
    const [name] = summaryFileNames();
    sendFileToWatch(ACK_FILE, JSON.stringify(ackMessage([decodeSummary(readFile(name))!.id])));
    expect(text("card-status")).toBe(CARD_STATUSES[2]);
    tap("card-bg");
    expect(isShown("card")).toBe(false);
    expect(text("state-text")).toBe(LABELS.idle);
  });

  it("an easy run says it stayed easy; the card goes by itself after 30 s", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(300, 125);
    endRun();
    expect(text("card-verdict")).toBe("STAYED EASY");
    expect(text("card-hr")).toBe("avg 125 bpm, never over");
    advance(29_000);
    expect(isShown("card")).toBe(true);
    advance(2_000);
    expect(isShown("card")).toBe(false);
  });

  it("storage full at End: the card says it is saving, and saved once a retry gets it on flash", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(300, 125);
    world().faults.storageFull();
    endRun();
    expect(text("card-status")).toBe(CARD_STATUSES[0]);
    world().faults.clearFs();
    advance(6_000);
    expect(text("card-status")).toBe(CARD_STATUSES[1]);
  });

  it("a run the watch ends as forgotten (15 minutes off the wrist) shows its card too", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(300, 125);
    setOnWrist(false);
    runSeconds(15 * 60 + 10, null);
    expect(text("state-text")).toBe(LABELS.idle);
    expect(isShown("card")).toBe(true);
  });
});

describe("the wrap-up hint", () => {
  it("a steady run with drift: EASY: WRAP UP once the heart rate has crept up, with no buzz of its own", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(12 * 60, drift);
    expect(text("state-text")).toBe(LABELS.below);
    let at = -1;
    for (let s = 12 * 60; s < 29 * 60 && at < 0; s++) {
      runSeconds(1, () => drift(s));
      if (text("state-text") === LABELS.wrapUp) at = s;
    }
    expect(at).toBeGreaterThan(20 * 60);
    expect(patterns().filter((p) => p !== "ping")).toEqual([]); // (the cap's warning pings at 25 min)
  });

  it("the watch's clock set back an hour mid-run: the hint still comes, at the same point of the run", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(15 * 60, drift);
    world().clock.jump(-3_600_000);
    let at = -1;
    for (let s = 15 * 60; s < 29 * 60 && at < 0; s++) {
      runSeconds(1, () => drift(s));
      if (text("state-text") === LABELS.wrapUp) at = s;
    }
    expect(at).toBeGreaterThan(20 * 60);
  });

  it("does not come on intervals, nor with the setting off", async () => {
    await launchFace();
    tap("start-btn");
    runSeconds(29 * 60, intervals);
    expect(text("state-text")).not.toBe(LABELS.wrapUp);
    endRun();
    tap("card-bg");
    putFile("settings.json", JSON.stringify({ wrapUpHint: false }));
    await launchFace();
    tap("start-btn");
    runSeconds(29 * 60, drift);
    expect(text("state-text")).toBe(LABELS.below);
  });
});
