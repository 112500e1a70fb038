// The words on the face agree with what the watch does (issue 12): confirmed over reads OVER, a snooze says itself
// and counts down and a second tap cancels it, and at the cap the face says TIME TO STOP while the number stays red.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LABELS } from "../../common/watch/face-model";
import { openPreview, Preview } from "./browser";
import { face, faceText, runCsvUntil, setPlaying, shootFace, waitForState } from "./preview";

let p: Preview;
beforeAll(async () => { p = await openPreview(); });
afterAll(async () => { await p?.close(); });

/** Two easy minutes at 125, then 165 bpm (well over the watch profile's 142 ceiling) past the 30-minute cap. */
const OVER_CSV = "t,hr\n" + Array.from({ length: 40 * 60 }, (_, t) => `${t},${t < 120 ? 125 : 165}`).join("\n") + "\n";

describe("the face's words", () => {
  it("over, snoozed with a countdown, resumed, and time to stop while still over", async () => {
    const page = p.page;
    await runCsvUntil(page, p.server.url, OVER_CSV, "over.csv", [LABELS.over], 60_000);
    expect(await faceText(page, "snooze-text")).toBe("SNOOZE");

    await face(page, "snooze-btn").click();
    await expect.poll(() => faceText(page, "state-text")).toMatch(/^SNOOZED [0-3]:\d\d$/);
    expect(await faceText(page, "snooze-text")).toBe("RESUME");
    await shootFace(page, "snoozed");
    await face(page, "snooze-btn").click();
    await expect.poll(() => faceText(page, "state-text")).toBe(LABELS.over);
    expect(await faceText(page, "snooze-text")).toBe("SNOOZE");

    await setPlaying(page, true);
    await waitForState(page, [LABELS.cap], 120_000);
    await setPlaying(page, false);
    expect(Number(await faceText(page, "hr"))).toBeGreaterThan(150);
    // The number is red (hr-over) while the words say stop.
    const fill = await face(page, "hr").getAttribute("fill");
    expect(fill?.toLowerCase()).toBe("#ff5252");
    await shootFace(page, "cap-while-over");
    expect(p.errors).toEqual([]);
  });
});
