// Issue 13 on the watch: the real face (app/ on sim/device) speaks the watch's language, read from app/i18n/*.po as
// the device reads its compiled tables. The End button's armed colour follows the state, not the English word.
import { describe, expect, it } from "vitest";
import { className, freshWorldEachTest, launchFace, runSeconds, tap, text, world } from "../../sim/harness/watch";
import { watchTable } from "../../sim/device/i18n";

freshWorldEachTest();

describe("the face in the watch's language", () => {
  for (const lang of ["de-DE", "fr-FR", "es-ES"] as const) {
    it(`${lang}: idle, running, the armed End button and the card, all from app/i18n/${lang}.po`, async () => {
      const tr = watchTable(lang);
      world().watch.locale = lang;
      await launchFace();
      expect(text("state-text")).toBe(tr["Tap to start"]);
      expect(text("hr-unit")).toBe(tr["bpm"]);
      expect(text("card-dismiss")).toBe(tr["tap to close"]);
      expect(text("ceiling")).toMatch(new RegExp(`^${tr["ceiling"]} \\d+ ${tr["bpm"]}$`));
      tap("start-btn");
      runSeconds(60, 120);
      expect(text("state-text")).toBe(tr["EASY"]);
      expect(text("snooze-text")).toBe(tr["SNOOZE"]);
      expect(text("end-text")).toBe(tr["END"]);
      expect(className("end-btn")).toBe("b-end");
      tap("end-btn");
      runSeconds(1, 120);
      expect(text("end-text")).toBe(tr["TAP AGAIN"]);
      expect(className("end-btn")).toBe("b-armed");
      tap("end-btn");
      expect(text("card-status")).toBe(tr["SAVED ON THE WATCH"]);
      expect(text("card-hr")).toBe(`${tr["avg"]} 120 ${tr["bpm"]}, ${tr["never over"]}`);
      expect(text("card-verdict")).toBe(tr["STAYED EASY"]);
    });
  }

  it("en-US (the default) is the English the face model writes", async () => {
    await launchFace();
    expect(text("state-text")).toBe("Tap to start");
    expect(text("hr-unit")).toBe("bpm");
  });
});
