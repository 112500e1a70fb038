// Issue 13: the face in each of the four languages at 336x336, and every translated string it can show fits the box
// it goes into, measured in Chromium on the rendered SVG text (getBBox of a copy of the very element, with its font,
// size and anchor, holding the string): the state words within the 256-px pill, the button words within their
// 124-px buttons, the ceiling line and the card's lines within the screen. Composed strings at their longest
// ("SNOOZED 2:59", "avg 199 bpm, 59 min 59 s over"), made by the face's own functions with the language's table.
// The watch-language menu relaunches the face in the new language. docs/face-de.png: the running face in German.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { Page } from "playwright-core";
import { LABELS, ceilingText } from "../../common/watch/face-model";
import { CARD_STATUSES, runCard } from "../../common/watch/run-card";
import { formatClock } from "../../common/watch/format";
import { RunSummary } from "../../common/watch/summary";
import { watchTable } from "../../sim/device/i18n";
import { LANGUAGES } from "../../sim/phone/i18n";
import { openPreview, Preview } from "./browser";
import { SCREENSHOTS, face, faceText, setPlaying, shootFace, waitVirtualSeconds } from "./preview";

let p: Preview;
beforeAll(async () => { p = await openPreview(); });
afterAll(async () => { await p?.close(); });

/** Inner padding a string keeps from its box's edges. */
const PAD = 4;
/** The boxes, as in resources/index.view: the pill and the buttons; the screen for the free-standing lines. */
const PILL = { x0: 40 + PAD, x1: 296 - PAD };
const SNOOZE_BTN = { x0: 40 + PAD, x1: 164 - PAD };
const END_BTN = { x0: 172 + PAD, x1: 296 - PAD };
const SCREEN = { x0: 8, x1: 336 - 8 };

interface Check { id: string; text: string; box: { x0: number; x1: number } }

/** Every string the face can show in `lang`, with the element it goes into and that element's box. */
function checks(lang: string): Check[] {
  const table = watchTable(lang as never);
  const tr = (id: string): string => {
    expect(table[id], `${lang} has "${id}"`).toBeTruthy();
    return table[id];
  };
  const out: Check[] = [];
  for (const label of Object.values(LABELS)) out.push({ id: "state-text", text: tr(label), box: PILL });
  out.push({ id: "state-text", text: tr(LABELS.snoozed) + " " + formatClock(179), box: PILL }); // the longest countdown
  for (const s of ["SNOOZE", "RESUME"]) out.push({ id: "snooze-text", text: tr(s), box: SNOOZE_BTN });
  for (const s of ["END", "TAP AGAIN"]) out.push({ id: "end-text", text: tr(s), box: END_BTN });
  out.push({ id: "ceiling", text: ceilingText(199, tr), box: SCREEN });
  out.push({ id: "hr-unit", text: tr("bpm"), box: SCREEN });
  out.push({ id: "card-dismiss", text: tr("tap to close"), box: SCREEN });
  const longest = { id: "x", durationS: 3599, avgHr: 199, ceilingBpm: 145, secondsAboveCeiling: 3599, movingS: 3599, capMinutes: 30 } as unknown as RunSummary;
  const easy = { ...longest, avgHr: 120, secondsAboveCeiling: 0, durationS: 600 } as unknown as RunSummary;
  for (let status = 0; status < CARD_STATUSES.length; status++) {
    for (const run of [longest, easy]) {
      const [st, duration, hr, verdict] = runCard(run, status, tr);
      out.push({ id: "card-status", text: st, box: SCREEN }, { id: "card-duration", text: duration, box: SCREEN },
        { id: "card-hr", text: hr, box: SCREEN }, { id: "card-verdict", text: verdict, box: SCREEN });
    }
  }
  return out.filter((c, i) => out.findIndex((d) => d.id === c.id && d.text === c.text) === i);
}

/** Each string's rendered extent, in a copy of its element (so hidden groups measure too) on the face's own SVG. */
async function measure(page: Page, list: Check[]): Promise<Array<Check & { left: number; right: number }>> {
  return page.evaluate((list) => {
    const screen = document.getElementById("watch-screen") as unknown as SVGSVGElement;
    return list.map((c) => {
      const el = screen.querySelector(`[data-id="${c.id}"]`) as SVGTextElement;
      const copy = el.cloneNode(false) as SVGTextElement;
      copy.removeAttribute("display");
      copy.textContent = c.text;
      screen.appendChild(copy);
      const b = copy.getBBox();
      copy.remove();
      return { ...c, left: b.x, right: b.x + b.width };
    });
  }, list);
}

async function open(lang: string): Promise<void> {
  await p.page.goto(`${p.server.url}?reset&watchLang=${lang}`);
  await p.page.waitForSelector("body[data-ready=true]");
  await setPlaying(p.page, false);
}

describe("the face in four languages", () => {
  it("the watch-language menu relaunches the face in the chosen language, and it is kept", async () => {
    await open("en-US");
    expect(await faceText(p.page, "state-text")).toBe(LABELS.idle);
    await p.page.locator("#watch-language").selectOption("fr-FR");
    const fr = watchTable("fr-FR");
    await expect.poll(() => faceText(p.page, "state-text")).toBe(fr[LABELS.idle]);
    expect(await faceText(p.page, "hr-unit")).toBe(fr["bpm"]);
    expect(await faceText(p.page, "card-dismiss")).toBe(fr["tap to close"]);
    await p.page.reload();
    await p.page.waitForSelector("body[data-ready=true]");
    expect(await faceText(p.page, "state-text")).toBe(fr[LABELS.idle]);
    expect(await p.page.locator("#watch-language").inputValue()).toBe("fr-FR");
    expect(p.errors).toEqual([]);
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: the running face at 336x336, and every string it can show fits its box`, async () => {
      await open(lang);
      const table = watchTable(lang);
      expect(await p.page.locator("#watch-language").inputValue()).toBe(lang);
      expect(await face(p.page, "state-text").textContent()).toBe(table[LABELS.idle]);
      await face(p.page, "start-btn").click();
      await setPlaying(p.page, true);
      await waitVirtualSeconds(p.page, 40);
      await setPlaying(p.page, false);
      expect(await faceText(p.page, "end-text")).toBe(table["END"]);
      expect(await faceText(p.page, "ceiling")).toMatch(new RegExp(`^${table["ceiling"]} \\d+ ${table["bpm"]}$`));
      const box = await p.page.locator("#watch-screen").boundingBox();
      expect([box?.width, box?.height]).toEqual([336, 336]);
      await shootFace(p.page, `face-${lang}`);
      if (lang === "de-DE") copyFileSync(join(SCREENSHOTS, "face-de-DE.png"), join(__dirname, "..", "..", "docs", "face-de.png"));

      const measured = await measure(p.page, checks(lang));
      expect(measured.every((m) => m.right - m.left > 0), "every string renders").toBe(true);
      const outside = measured.filter((m) => m.left < m.box.x0 || m.right > m.box.x1)
        .map((m) => `${m.id} "${m.text}": ${m.left.toFixed(1)}..${m.right.toFixed(1)} outside ${m.box.x0}..${m.box.x1}`);
      expect(outside).toEqual([]);
      expect(p.errors).toEqual([]);
    });
  }
});
