// The phone's pictures and the readiness hint in the browser preview (Chromium): 8 days of resting HR and a few runs
// seeded into the sim's phone storage, then the real companion and settings page run; the watch's own resting HR
// (55, web/harness/watch-user.ts) arrives when the face connects, 7 over the seeded usual 48.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gettext } from "../../sim/phone/i18n";
import { encodeRestingHistory, RestingDay } from "../../common/phone/readiness";
import { addToHrProfile, encodeHrProfile, startHrProfile } from "../../common/watch/hr-profile";
import { encodeSummary, RunSummary } from "../../common/watch/summary";
import { sampleRun } from "../unit/sample-runs";
import { weekLine } from "../../common/phone/week";
import { WATCH_USER } from "../../web/harness/watch-user";
import { openPreview, Preview } from "./browser";
import { faceText, openFresh, setPlaying, shootFace } from "./preview";

const STORE = "recovery-guard:"; // sim/store.ts browserStore's prefix
const DAY_MS = 86400_000;
const SEEDED_USUAL = 48;

let p: Preview;

beforeAll(async () => {
  p = await openPreview();
});
afterAll(async () => {
  await p?.close();
});

/** A run with an HR profile: steady at `level`, over the 142 bpm ceiling from minute `overFrom` for `overMin` minutes. */
function runWithProfile(startMs: number, rand: number, level: number, overFrom: number, overMin: number): RunSummary {
  const hp = startHrProfile();
  for (let t = 0; t < 28 * 60; t++) {
    const over = t >= overFrom * 60 && t < (overFrom + overMin) * 60;
    addToHrProfile(hp, t, over ? 146 + (t % 4) : level + Math.round(4 * Math.sin(t / 200)), 142.5);
  }
  return sampleRun(startMs, rand, { ceilingBpm: 142.5, durationS: 28 * 60, movingS: 27 * 60, secondsAboveCeiling: overMin * 60, hrProfile: encodeHrProfile(hp) });
}

describe("the phone's charts and the readiness hint in the browser preview", () => {
  it("show on the settings page: the hint with its numbers, the weekly chart and every run's own chart as images", async () => {
    const page = p.page;
    await openFresh(page, p.server.url);
    const nowMs = await page.evaluate(() => Date.now());
    const tz = await page.evaluate(() => new Date().getTimezoneOffset());
    const dayKey = (ms: number): string => new Date(ms - tz * 60000).toISOString().slice(0, 10);
    const resting: RestingDay[] = [];
    for (let i = 9; i >= 1; i--) resting.push({ day: dayKey(nowMs - i * DAY_MS), bpm: i === 5 ? SEEDED_USUAL + 1 : SEEDED_USUAL });
    const runs = [
      // As the watch sends a run today: no HR profile, so its chart is of its figures.
      sampleRun(nowMs - 3 * 3600_000, 0.11, { ceilingBpm: 142.5, durationS: 26 * 60, movingS: 25 * 60, avgHr: 133, maxHr: 147, secondsAboveCeiling: 75 }),
      runWithProfile(nowMs - 2 * DAY_MS, 0.22, 134, 18, 4),
      runWithProfile(nowMs - 9 * DAY_MS, 0.33, 130, 0, 0),
      runWithProfile(nowMs - 11 * DAY_MS, 0.44, 131, 0, 0),
      runWithProfile(nowMs - 17 * DAY_MS, 0.55, 136, 10, 6),
    ].sort((a, b) => b.startedAt - a.startedAt);
    await page.evaluate(({ prefix, history, recent }) => {
      localStorage.setItem(prefix + "phone-local/restingHistory", history);
      localStorage.setItem(prefix + "phone-settings/recentRuns", recent);
    }, { prefix: STORE, history: encodeRestingHistory(resting), recent: "[" + runs.map(encodeSummary).join(",") + "]" });
    // The companion and the face start again on the seeded storage; the face connects and sends its profile.
    await page.goto(p.server.url);
    await page.waitForSelector("body[data-ready=true]");
    await setPlaying(page, true); // the virtual clock runs: the face connects and the link carries its message

    const today = page.locator("#settings-root section", { hasText: "Should I run today?" });
    const delta = WATCH_USER.restingHeartRate - SEEDED_USUAL;
    await expect.poll(() => today.textContent(), { timeout: 20_000 })
      .toContain(`Resting HR today is ${WATCH_USER.restingHeartRate} bpm, ${delta} above your usual ${SEEDED_USUAL} bpm (the median of 9 of the last 14 days).`);
    expect(await today.locator(".fb-bold").count()).toBe(1); // the hint reads as one
    // ...and it reaches the watch: the idle face shows the same hint in a quiet line.
    await expect.poll(() => faceText(page, "hint"), { timeout: 20_000 }).toBe(`Resting HR +${delta}: rest or walk?`);
    expect(await faceText(page, "state-text")).toBe("Tap to start");
    await shootFace(page, "idle-readiness-hint");

    const recent = page.locator("#settings-root section", { hasText: "Recent runs" });
    await expect(recent.textContent()).resolves.toContain(weekLine(runs, nowMs, tz, gettext));
    const images = recent.locator("img.fb-icon");
    expect(await images.count()).toBe(1 + runs.length); // the weeks, then each run's own chart
    await page.waitForFunction(() => Array.from(document.querySelectorAll("#settings-root img.fb-icon")).every((i) => (i as HTMLImageElement).complete));
    // Every chart decoded as an image of the SVG's size (a broken data URI has naturalWidth 0).
    const sizes = await images.evaluateAll((els) => els.map((e) => [(e as HTMLImageElement).naturalWidth, (e as HTMLImageElement).naturalHeight]));
    expect(sizes).toEqual(new Array(1 + runs.length).fill([300, 120]));
    expect(await images.first().getAttribute("src")).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    expect(await recent.textContent()).toContain("over it at 18-22 min");
    // The newest run (after the weeks' chart) is the one without a profile: drawn from its figures.
    const newest = decodeURIComponent((await images.nth(1).getAttribute("src"))!.split(",").slice(1).join(","));
    expect(newest).toContain("<title>Average 133 bpm, max 147 bpm, against your 142 bpm ceiling: over it for 1 min 15 s of 26 min.</title>");

    // For the README: the whole section, not the phone frame's scrolled window onto it.
    await page.addStyleTag({ content: ".phone-frame { max-height: none !important; overflow: visible !important; }" });
    const docs = join(__dirname, "../../docs");
    mkdirSync(docs, { recursive: true });
    writeFileSync(join(docs, "phone-charts.png"), await recent.screenshot());
    writeFileSync(join(docs, "phone-readiness.png"), await today.screenshot());
    expect(p.errors).toEqual([]);
  }, 60_000);
});
