// The preview's chart at 1280x720 (issue 13): every buzz named by what it meant (breach, reminder, back under) and
// the run's events (snooze, cap warning, cap) flagged beside them, labels inside the canvas and apart; the buzz log
// says the same in words; the phone's language menu switches the real settings page to another language.
// Timeline (TRACE_ID, see preview.ts): start, over and buzzed at about 6-7 min, a snooze tap, the cap warning at 25
// min, the cap at 30. About 40 s of real time at 60x.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LABELS } from "../../common/watch/face-model";
import { openPreview, Preview } from "./browser";
import { chooseTrace, face, openFresh, setPlaying, TRACE_ID, TRACE_NOTE, waitForState } from "./preview";

interface Marker { meaning: string; x: number; label: { x: number; y: number; w: number; h: number } | null }

let p: Preview;

beforeAll(async () => {
  console.log(`e2e chart markers: ${TRACE_NOTE}`);
  p = await openPreview();
  await p.page.setViewportSize({ width: 1280, height: 720 });
});
afterAll(async () => {
  await p?.close();
});

describe(`the chart names the buzzes and flags the run's events (${TRACE_NOTE})`, () => {
  it("breach, snooze, cap warning and cap: on the chart, labelled, inside it; in the log by meaning and pattern", async () => {
    const page = p.page;
    await openFresh(page, p.server.url);
    await chooseTrace(page, TRACE_ID, 60);
    await face(page, "start-btn").click();
    await setPlaying(page, true);

    // The first buzz over the ceiling is a breach; a tap on SNOOZE then buzzes as a snooze.
    await page.waitForSelector('#buzz-log li[data-meaning="breach"]', { timeout: 90_000 });
    await waitForState(page, [LABELS.over], 30_000);
    await face(page, "snooze-btn").click();
    await page.waitForFunction(() => (document.querySelector('#watch-screen [data-id="state-text"]')?.textContent ?? "").startsWith("SNOOZED"), undefined, { timeout: 10_000 });
    await page.waitForSelector('#buzz-log li[data-meaning="snooze"]', { timeout: 10_000 });
    await page.waitForSelector('#buzz-log li[data-meaning="cap warning"]', { timeout: 90_000 });
    await page.waitForSelector('#buzz-log li[data-meaning="cap"]', { timeout: 90_000 });
    await setPlaying(page, false);

    const log = await page.locator("#buzz-log li").evaluateAll((lis) => lis.map((li) => ({
      text: li.textContent ?? "", meaning: (li as HTMLElement).dataset.meaning, pattern: (li as HTMLElement).dataset.pattern,
    })));
    const first = (m: string) => log.find((l) => l.meaning === m)!;
    expect(log.filter((l) => /^(breach|reminder|back under)$/.test(l.meaning ?? ""))[0].meaning).toBe("breach");
    expect(first("breach").text).toMatch(/^\d+:\d\d {2}breach \(nudge(-max)?\)$/);
    expect(first("snooze").pattern).toBe("confirmation");
    expect(first("snooze").text).toMatch(/snooze \(confirmation\)$/);
    expect(first("cap warning").pattern).toBe("ping");
    expect(first("cap").text).toMatch(/ cap \(confirmation(-max)?\)$/);
    // No buzz goes unnamed, and every ping before the cap is its warning (none is called a reminder).
    expect(log.every((l) => /^(breach|reminder|back under|snooze|cap warning|cap|cap reminder)$/.test(l.meaning ?? ""))).toBe(true);
    const capAt = log.indexOf(first("cap"));
    expect(log.slice(0, capAt).filter((l) => l.pattern === "ping").every((l) => l.meaning === "cap warning")).toBe(true);

    // The chart: a marker per buzz, in time order, the events labelled, every label inside the canvas and apart.
    const chart = await page.locator("#chart").evaluate((c: HTMLCanvasElement) => ({
      markers: JSON.parse(c.dataset.markers ?? "[]"), width: c.width, height: c.height,
      shownWidth: c.getBoundingClientRect().width, right: c.getBoundingClientRect().right,
    }));
    const markers = chart.markers as Marker[];
    expect(markers.map((m) => m.meaning)).toEqual(log.map((l) => l.meaning));
    for (const m of ["breach", "snooze", "cap warning", "cap"]) {
      const marker = markers.find((k) => k.meaning === m)!;
      expect(marker.label, `${m} is labelled`).not.toBeNull();
    }
    const labels = markers.map((m) => m.label).filter((l): l is NonNullable<Marker["label"]> => l !== null);
    for (const l of labels) {
      expect(l.x).toBeGreaterThanOrEqual(0);
      expect(l.x + l.w).toBeLessThanOrEqual(chart.width);
      expect(l.y).toBeGreaterThanOrEqual(0);
      expect(l.y + l.h).toBeLessThanOrEqual(chart.height);
    }
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i], b = labels[j];
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart, `labels ${i} and ${j} overlap`).toBe(true);
      }
    }
    // Readable at 1280x720: the chart fits the window and is not shrunk (its 11-px labels stay at least 10 px).
    expect(chart.right).toBeLessThanOrEqual(1280);
    expect(chart.shownWidth / chart.width).toBeGreaterThanOrEqual(10 / 11);
    await expect(page.locator("#chart-legend").textContent()).resolves.toMatch(/breach.*reminder.*back under.*snooze.*cap warning/s);
    expect(p.errors).toEqual([]);
  });

  it("the phone's language menu: the real settings page in German, then French, and back", async () => {
    const page = p.page;
    const titles = () => page.locator("#settings-root").textContent();
    await page.locator("#phone-language").selectOption("de-DE");
    await expect.poll(titles).toContain("Soll ich heute laufen?");
    await page.locator("#phone-language").selectOption("fr-FR");
    await expect.poll(titles).toContain("Dois-je courir aujourd'hui ?");
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    await expect.poll(titles).toContain("Dois-je courir aujourd'hui ?"); // kept across a reload
    await page.locator("#phone-language").selectOption("en-US");
    await expect.poll(titles).toContain("Should I run today?");
    expect(p.errors).toEqual([]);
  });
});
