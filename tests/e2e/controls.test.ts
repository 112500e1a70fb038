// The page's own controls around the face: a dropped CSV is replayed, the display can be turned off (and a tap
// wakes it), taking the watch off the wrist shows on the face, and the faults panel's switches work on the face.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LABELS } from "../../common/watch/face-model";
import { openPreview, Preview } from "./browser";
import { dropCsv, face, faceText, openFresh, setPlaying, waitForState } from "./preview";

let p: Preview;

beforeAll(async () => {
  p = await openPreview();
});
afterAll(async () => {
  await p?.close();
});

/** Ten minutes at a steady 120 bpm, then a recording that stops. */
const STEADY_CSV = "t,hr,speed,cadence\n" + Array.from({ length: 600 }, (_, t) => `${t},120,,`).join("\n") + "\n";

describe("the preview's controls", () => {
  it("replays a CSV dropped on the page, and shows the display and the wrist switches on the face", async () => {
    const page = p.page;
    await openFresh(page, p.server.url);
    await dropCsv(page, STEADY_CSV);
    expect(await page.locator("#position").textContent()).toBe("0:00 / 9:59");

    await page.locator("#speed").selectOption("10");
    await face(page, "start-btn").click();
    await setPlaying(page, true);
    await expect.poll(() => faceText(page, "hr"), { timeout: 20_000 }).toBe("120");
    await waitForState(page, [LABELS.below], 10_000);

    // Display off: the screen goes dark; a tap on it wakes it, as on the watch.
    await page.locator("#display").uncheck();
    expect(await page.locator("#display-off").isVisible()).toBe(true);
    await page.locator("#display-off").click();
    expect(await page.locator("#display-off").isVisible()).toBe(false);
    expect(await page.locator("#display").isChecked()).toBe(true);

    // Off the wrist: no heart rate, and the face says why.
    await page.locator("#wrist").uncheck();
    await waitForState(page, [LABELS["off-wrist"]], 20_000);
    expect(await faceText(page, "hr")).toBe("--");
    await page.locator("#wrist").check();
    await waitForState(page, [LABELS.below], 20_000);
    expect(p.errors).toEqual([]);
  });

  it("the faults panel: the face killed mid-run comes back resuming the run; storage full and a clock jump are logged", async () => {
    const page = p.page;
    await openFresh(page, p.server.url);
    await dropCsv(page, STEADY_CSV);
    await face(page, "start-btn").click();
    await setPlaying(page, true);
    await waitForState(page, [LABELS.below], 20_000);
    const faceLaunch = (): Promise<number> => page.evaluate(() => (window as any).__recoveryGuardSimWorld.launchOf("watch")); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(await faceLaunch()).toBe(1);
    await page.locator("#fault-kill-face").click();
    await expect.poll(() => page.locator("#fault-log").textContent()).toContain("kill-face x1");
    await expect.poll(faceLaunch).toBe(2);
    // A fresh launch of the .fba's device JavaScript, resuming from its checkpoint: the run is still on.
    await waitForState(page, [LABELS.below, LABELS["no-signal"]], 20_000);
    expect(await face(page, "run-group").getAttribute("display")).toBeNull();
    await page.locator("#fault-storage-full").check();
    await page.locator("#fault-clock-forward").click();
    // Paused for the two taps: at 60x the End button's 4-s confirmation window is 67 ms of real time.
    await setPlaying(page, false);
    await face(page, "end-btn").click();
    await face(page, "end-btn").click();
    await setPlaying(page, true);
    await waitForState(page, [LABELS.idle], 10_000);
    await expect.poll(() => page.locator("#fault-log").textContent()).toMatch(/fs-write x\d/);
    await page.locator("#fault-storage-full").uncheck();
    expect(p.errors).toEqual([]);
  });
});
