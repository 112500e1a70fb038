// Issue 12 in the browser, on the built .fba's device JavaScript: the wrap-up hint on a run with drift, and the
// summary card when the run ends (saved, then on the phone), dismissed by a tap. Writes the README's pictures of both.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LABELS } from "../../common/watch/face-model";
import { CARD_STATUSES } from "../../common/watch/run-card";
import { openPreview, Preview } from "./browser";
import { face, faceText, runCsvUntil, setPlaying, shootFace } from "./preview";

let p: Preview;
beforeAll(async () => { p = await openPreview(); });
afterAll(async () => { await p?.close(); });

/** A steady run whose heart rate creeps up under the ceiling (cardiac drift): 12 min at 120, then +0.6 bpm a minute;
 * the hint comes about 28 min in, well before the recording ends. */
const DRIFT_CSV = "t,hr\n" + Array.from({ length: 40 * 60 }, (_, t) => `${t},${Math.round(t < 720 ? 120 : 120 + ((t - 720) / 60) * 0.6)}`).join("\n") + "\n";

describe("after the run", () => {
  it("the wrap-up hint on a run with drift, then the summary card: saved, on the phone, closed by a tap", async () => {
    const page = p.page;
    await runCsvUntil(page, p.server.url, DRIFT_CSV, "drift.csv", [LABELS.wrapUp], 120_000);
    const docs = join(__dirname, "../../docs");
    mkdirSync(docs, { recursive: true });
    writeFileSync(join(docs, "wrap-up.png"), await shootFace(page, "wrap-up"));

    await face(page, "end-btn").click();
    await face(page, "end-btn").click();
    await expect.poll(() => face(page, "card").getAttribute("display")).not.toBe("none");
    expect(await faceText(page, "card-duration")).toMatch(/^2\d min( \d\d s)?$/);
    expect(await faceText(page, "card-hr")).toMatch(/^avg 1\d\d bpm, never over$/);
    expect(await faceText(page, "card-verdict")).toBe("STAYED EASY");
    await setPlaying(page, true); // the link carries the summary; the phone's acknowledgement comes back
    await expect.poll(() => faceText(page, "card-status"), { timeout: 20_000 }).toBe(CARD_STATUSES[2]);
    await setPlaying(page, false);
    writeFileSync(join(docs, "summary-card.png"), await shootFace(page, "summary-card"));
    await face(page, "card-bg").click();
    expect(await face(page, "card").getAttribute("display")).toBe("none");
    expect(await faceText(page, "state-text")).toBe(LABELS.idle);
    expect(p.errors).toEqual([]);
  });
});
