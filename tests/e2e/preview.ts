// What a runner sees and does on the preview page, for the browser tests.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Page } from "playwright-core";
import { expect } from "vitest";
import { tracesAvailable } from "../../tools/trace-files";

export const SCREENSHOTS = join(__dirname, "screenshots");

/**
 * The real trace the tests replay: with the watch's profile (age 30, resting 55: ceiling 142) it starts easy,
 * goes over at about 6:20 and stays over long enough to be confirmed, gets the cap warning at 25:00 and is
 * back under the ceiling after 32:46, past the 30-minute cap. Without the traces folder: the generated demo run.
 */
export const REAL_TRACE = "run_garmin-fenix2-pauses_runalyze.csv";
export const TRACE_ID = tracesAvailable() ? "real:" + REAL_TRACE : "generated:demo";
export const TRACE_NOTE = tracesAvailable()
  ? `replaying the real trace ${REAL_TRACE} at 60x`
  : "the shared traces folder is missing: replaying the GENERATED demo run at 60x instead";

export function face(page: Page, id: string) {
  return page.locator(`#watch-screen [data-id="${id}"]`);
}

export async function faceText(page: Page, id: string): Promise<string> {
  return ((await face(page, id).textContent()) ?? "").trim();
}

/** Waits until the face's state words are one of `labels` (the replay runs meanwhile). */
export async function waitForState(page: Page, labels: string[], timeoutMs: number): Promise<string> {
  await page.waitForFunction(
    (wanted) => wanted.indexOf((document.querySelector('#watch-screen [data-id="state-text"]')?.textContent ?? "").trim()) >= 0,
    labels, { timeout: timeoutMs, polling: 50 },
  );
  return faceText(page, "state-text");
}

export async function openFresh(page: Page, url: string): Promise<void> {
  // A fresh world: no files on the watch, nothing on the phone, the link up.
  await page.goto(url + "?reset");
  await page.waitForSelector("body[data-ready=true]");
  await setPlaying(page, false);
}

export async function setPlaying(page: Page, playing: boolean): Promise<void> {
  const button = page.locator("#play");
  if (((await button.textContent()) === "Pause") !== playing) await button.click();
}

export async function chooseTrace(page: Page, id: string, speed: number): Promise<void> {
  await page.locator("#trace").selectOption(id);
  await page.locator("#speed").selectOption(String(speed));
  await page.waitForFunction((want) => (document.querySelector("#trace-note")?.textContent ?? "").indexOf("Loading") < 0 && (document.querySelector("#trace") as HTMLSelectElement).value === want, id);
}

/**
 * Waits until the page's virtual clock (which drives the face, the phone and the link) has moved on by at least
 * `seconds`, however fast the replay runs: a wait on simulated time, not on the wall clock. It reads the trace
 * position the page shows ("m:ss / m:ss"), which moves with the virtual clock while the replay plays.
 */
export async function waitVirtualSeconds(page: Page, seconds: number, timeoutMs = 30_000): Promise<void> {
  const position = (): Promise<number> => page.evaluate(() =>
    (document.querySelector("#position")?.textContent ?? "").split("/")[0].trim().split(":").reduce((acc, part) => acc * 60 + Number(part), 0));
  const from = await position();
  await expect.poll(position, { timeout: timeoutMs, interval: 50 }).toBeGreaterThanOrEqual(from + seconds);
}

/** The face as a PNG, saved under tests/e2e/screenshots/. */
export async function shootFace(page: Page, name: string): Promise<Buffer> {
  const png = await page.locator("#watch-screen").screenshot();
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(join(SCREENSHOTS, name + ".png"), png);
  return png;
}

export interface RegionStats {
  /** Pixels that are clearly not the black background. */
  inked: number;
  total: number;
  mean: [number, number, number];
}

/** Pixel statistics of a region of a face screenshot, decoded by the browser itself (no image library). */
export async function regionStats(page: Page, png: Buffer, r: { x: number; y: number; w: number; h: number }): Promise<RegionStats> {
  return page.evaluate(async ({ data, r }) => {
    const img = await createImageBitmap(await (await fetch("data:image/png;base64," + data)).blob());
    const canvas = new OffscreenCanvas(img.width, img.height);
    const ctx = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(r.x, r.y, r.w, r.h).data;
    let inked = 0;
    const sum = [0, 0, 0];
    for (let i = 0; i < px.length; i += 4) {
      if (px[i] + px[i + 1] + px[i + 2] > 90) inked++;
      sum[0] += px[i]; sum[1] += px[i + 1]; sum[2] += px[i + 2];
    }
    const n = px.length / 4;
    return { inked, total: n, mean: [sum[0] / n, sum[1] / n, sum[2] / n] as [number, number, number] };
  }, { data: png.toString("base64"), r });
}

/** A fresh preview replaying `csv` at 60x from a run started at its first second, paused once the face's words are
 * one of `labels`; returns them. */
export async function runCsvUntil(page: Page, url: string, csv: string, name: string, labels: string[], timeoutMs: number): Promise<string> {
  await openFresh(page, url);
  await dropCsv(page, csv, name);
  await page.locator("#speed").selectOption("60");
  await face(page, "start-btn").click();
  await setPlaying(page, true);
  const shown = await waitForState(page, labels, timeoutMs);
  await setPlaying(page, false);
  return shown;
}

/** Drop a CSV on the page, as a runner does with a file: it becomes the trace replayed (as "dropped:<name>"). */
export async function dropCsv(page: Page, csv: string, name = "my-run.csv"): Promise<void> {
  await page.evaluate(({ text, name }) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type: "text/csv" }));
    document.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, { text: csv, name });
  await expect.poll(() => page.locator("#trace").inputValue()).toBe("dropped:" + name);
}
