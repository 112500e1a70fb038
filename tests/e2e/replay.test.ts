// A runner's view of a replayed run in the browser preview: the real face, fed a real trace at 60x.
// Timeline (TRACE_ID, see preview.ts): idle -> tap to start -> easy -> over, confirmed, buzzed -> a reload
// mid-run resumes the run -> cap warning (a "ping" 5 minutes before the 30-minute cap) -> time to stop.
// About 45 s of real time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { validateProfile } from "../../common/watch/profile";
import { ceilingOf } from "../../common/watch/zones";
import { LABELS } from "../../common/watch/face-model";
import { WATCH_USER } from "../../web/harness/watch-user";
import { openPreview, Preview } from "./browser";
import { chooseTrace, face, faceText, openFresh, regionStats, setPlaying, shootFace, TRACE_ID, TRACE_NOTE, waitForState } from "./preview";

/** Where the big HR digits and the state pill are on the 336x336 face (resources/index.view). */
const HR_REGION = { x: 40, y: 110, w: 256, h: 100 };
const PILL_REGION = { x: 40, y: 250, w: 256, h: 34 };

const profile = validateProfile({ age: WATCH_USER.age, restingHr: WATCH_USER.restingHeartRate });
if (!profile.ok) throw new Error("the preview's watch profile is invalid");
const expectedCeiling = `ceiling ${Math.floor(ceilingOf(profile.profile))} bpm`;

let p: Preview;

beforeAll(async () => {
  console.log(`e2e replay: ${TRACE_NOTE}`);
  p = await openPreview();
});
afterAll(async () => {
  await p?.close();
});

function elapsedSeconds(text: string): number {
  return text.split(":").reduce((acc, part) => acc * 60 + Number(part), 0);
}

describe(`the face during a replayed run (${TRACE_NOTE})`, () => {
  it("shows HR and ceiling, buzzes on a sustained breach, survives a reload, warns before the cap and says when to stop", async () => {
    const page = p.page;
    await openFresh(page, p.server.url);
    await chooseTrace(page, TRACE_ID, 60);

    // Idle: the clock, today's ceiling from the watch's own profile, "Tap to start".
    expect(await faceText(page, "state-text")).toBe(LABELS.idle);
    expect(await faceText(page, "ceiling")).toBe(expectedCeiling);
    expect(await faceText(page, "time")).toMatch(/^\d\d:\d\d$/);
    await setPlaying(page, true);
    await page.waitForFunction(() => /^\d+$/.test(document.querySelector('#watch-screen [data-id="hr"]')?.textContent ?? ""));
    await setPlaying(page, false);
    const idle = await shootFace(page, "idle");

    // Tap to start, then run.
    await face(page, "start-btn").click();
    await setPlaying(page, true);
    await waitForState(page, [LABELS.below], 60_000);
    const hr = Number(await faceText(page, "hr"));
    expect(hr).toBeGreaterThan(60);
    expect(hr).toBeLessThan(Number(expectedCeiling.split(" ")[1]) - 4);
    expect(await faceText(page, "ceiling")).toBe(expectedCeiling);
    const below = await shootFace(page, "running-below");

    // Over the ceiling for long enough: the face says so and the watch buzzes (shown on the page).
    await waitForState(page, [LABELS.over], 90_000);
    await page.waitForFunction(() => /Buzz: nudge/.test(document.querySelector("#buzz")?.textContent ?? ""), undefined, { timeout: 30_000, polling: 50 });
    expect(Number(await faceText(page, "hr"))).toBeGreaterThan(Number(expectedCeiling.split(" ")[1]));
    await expect.poll(() => page.locator("#watch-frame.buzzing").count()).toBe(1);
    const over = await shootFace(page, "running-over");
    if (process.env.RECOVERY_GUARD_DOCS_SCREENSHOT) {
      // The README's picture: the whole page mid-run, over the ceiling, just after a buzz.
      mkdirSync(join(__dirname, "../../docs"), { recursive: true });
      writeFileSync(join(__dirname, "../../docs/screenshot.png"), await page.screenshot());
    }

    // A reload mid-run (the face restarted): the run goes on from its files.
    const before = elapsedSeconds(await faceText(page, "elapsed"));
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    expect(await faceText(page, "state-text")).not.toBe(LABELS.idle);
    expect(elapsedSeconds(await faceText(page, "elapsed"))).toBeGreaterThanOrEqual(before);
    await setPlaying(page, true);

    // The cap warning: a "ping" 5 minutes before the 30-minute cap.
    await page.waitForSelector('#buzz-log li[data-pattern="ping"]', { timeout: 90_000 });
    const atWarning = elapsedSeconds(await faceText(page, "elapsed"));
    expect(atWarning).toBeGreaterThanOrEqual(25 * 60);
    expect(atWarning).toBeLessThan(27 * 60);

    // Past the cap and back under the ceiling: "time to stop".
    await waitForState(page, [LABELS.cap], 120_000);
    expect(elapsedSeconds(await faceText(page, "elapsed"))).toBeGreaterThanOrEqual(30 * 60);
    const cap = await shootFace(page, "cap");
    await setPlaying(page, false);

    // The screenshots are real renders: digits drawn, and the states look different.
    for (const shot of [idle, below, over, cap]) {
      const digits = await regionStats(page, shot, HR_REGION);
      expect(digits.inked / digits.total).toBeGreaterThan(0.05);
    }
    const pillBelow = await regionStats(page, below, PILL_REGION);
    const pillOver = await regionStats(page, over, PILL_REGION);
    const colourDistance = Math.hypot(...pillBelow.mean.map((c, i) => c - pillOver.mean[i]));
    expect(colourDistance).toBeGreaterThan(60);
    expect(p.errors).toEqual([]);
    expect(await page.locator("#errors").isHidden()).toBe(true);
    // The cap screenshot is the cap state as drawn (the blue pill, unlike the green and red ones), and on file.
    const pillCap = await regionStats(page, cap, PILL_REGION);
    expect(pillCap.mean[2]).toBeGreaterThan(pillCap.mean[0] + 30);
    for (const other of [pillBelow, pillOver]) expect(Math.hypot(...pillCap.mean.map((c, i) => c - other.mean[i]))).toBeGreaterThan(60);
    expect(readFileSync(join(__dirname, "screenshots", "cap.png")).equals(cap)).toBe(true);
  });
});
