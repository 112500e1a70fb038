// The phone side in the browser preview: the real settings page and companion, linked to the real face.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateProfile } from "../../common/watch/profile";
import { ceilingOf } from "../../common/watch/zones";
import { LABELS } from "../../common/watch/face-model";
import { WATCH_USER } from "../../web/harness/watch-user";
import { openPreview, Preview } from "./browser";
import { chooseTrace, face, faceText, openFresh, setPlaying, TRACE_ID, TRACE_NOTE, waitForState, waitVirtualSeconds } from "./preview";

function ceilingFor(age: number): string {
  const r = validateProfile({ age, restingHr: WATCH_USER.restingHeartRate });
  if (!r.ok) throw new Error(r.errors.join(" "));
  return `ceiling ${Math.floor(ceilingOf(r.profile))} bpm`;
}

let p: Preview;

beforeAll(async () => {
  console.log(`e2e phone: ${TRACE_NOTE}`);
  p = await openPreview();
});
afterAll(async () => {
  await p?.close();
});

describe("the phone and the watch in the browser preview", () => {
  it("a new age on the settings page moves the ceiling on the watch", async () => {
    const page = p.page;
    await openFresh(page, p.server.url);
    await chooseTrace(page, TRACE_ID, 10);
    await setPlaying(page, true);
    expect(await faceText(page, "ceiling")).toBe(ceilingFor(WATCH_USER.age));

    const age = page.locator('#settings-root input[data-settings-key="age"]');
    await age.fill("50");
    await age.press("Enter");
    const wanted = ceilingFor(50);
    expect(wanted).not.toBe(ceilingFor(WATCH_USER.age));
    await expect.poll(() => faceText(page, "ceiling"), { timeout: 20_000 }).toBe(wanted);
    // The settings page shows the same ceiling the watch now uses.
    await expect(page.locator("#settings-root section", { hasText: "Your ceiling" }).textContent()).resolves.toContain(wanted.split(" ")[1]);
    expect(p.errors).toEqual([]);
  });

  it("a run finished with the link cut arrives in Recent runs once the link is back, once", async () => {
    const page = p.page;
    await openFresh(page, p.server.url);
    await chooseTrace(page, TRACE_ID, 60);
    const recent = page.locator("#settings-root section", { hasText: "Recent runs" });
    const runRows = recent.locator(".fb-text-image-row", { hasNotText: "Your weeks" }); // the weekly chart's row is always there
    expect(await runRows.count()).toBe(0);

    await page.locator("#link").uncheck();
    await face(page, "start-btn").click();
    await setPlaying(page, true);
    await page.waitForFunction(() => /^([5-9]|\d\d):\d\d$/.test(document.querySelector('#watch-screen [data-id="elapsed"]')?.textContent ?? ""), undefined, { timeout: 60_000 });
    // Paused for the two taps: at 60x the End button's 4-s confirmation window is 67 ms of real time.
    await setPlaying(page, false);
    await face(page, "end-btn").click();
    await face(page, "end-btn").click();
    await setPlaying(page, true);
    await waitForState(page, [LABELS.idle], 10_000);

    // Offline: the summary waits on the watch, the phone has nothing.
    await expect.poll(() => page.locator("#link-queue").textContent(), { timeout: 10_000 }).toContain("1 file(s) from the watch");
    await waitVirtualSeconds(page, 6); // four file crossings' worth of simulated time: nothing crosses a cut link
    expect(await runRows.count()).toBe(0);
    expect(await page.locator("#link-queue").textContent()).toContain("1 file(s) from the watch");

    await page.locator("#link").check();
    await expect.poll(() => runRows.count(), { timeout: 20_000 }).toBe(1);
    await waitVirtualSeconds(page, 6); // a second delivery (a duplicate) would have crossed by now
    expect(await runRows.count()).toBe(1);
    expect(await page.locator("#link-queue").textContent()).toBe("Nothing waiting to cross.");
    expect(p.errors).toEqual([]);
  });
});
