import { describe, expect, it } from "vitest";
import { gettext } from "../../sim/phone/i18n";
import { formatDuration } from "../../common/watch/format";
import { weekLine, weeklyTotals } from "../../common/phone/week";
import { sampleRun } from "./sample-runs";

describe("durations in words", () => {
  it.each([
    [0, "0 s"], [-5, "0 s"], [NaN, "0 s"], [45, "45 s"], [60, "1 min"], [63, "1 min 03 s"], [1330, "22 min 10 s"],
    [1320, "22 min"], [3599, "59 min 59 s"], [3600, "1 h 00 min"], [3900, "1 h 05 min"], [3959, "1 h 05 min"], [7260, "2 h 01 min"],
  ])("%s s reads %s", (s, text) => {
    expect(formatDuration(s as number)).toBe(text);
  });
});

describe("this week's recovery runs", () => {
  const now = Date.UTC(2026, 2, 4, 12); // Wednesday
  const easy = (day: number, rand: number) => sampleRun(Date.UTC(2026, 2, day, 7), rand, { secondsAboveCeiling: 0 });
  const hard = (day: number, rand: number) => sampleRun(Date.UTC(2026, 2, day, 7), rand, { secondsAboveCeiling: 600 });

  it("counts only the runs that stayed easy as recovery runs, and says the others apart", () => {
    expect(weekLine([easy(4, 0.1), hard(3, 0.2), easy(2, 0.3)], now, 0, gettext)).toBe("This week: 2 recovery runs, and 1 run that went too hard.");
    expect(weekLine([easy(4, 0.1)], now, 0, gettext)).toBe("This week: 1 recovery run.");
    expect(weekLine([hard(4, 0.1), hard(3, 0.2)], now, 0, gettext)).toBe("This week: no recovery runs, and 2 runs that went too hard.");
  });

  it("leaves out last week's runs", () => {
    expect(weekLine([easy(1, 0.1)], now, 0, gettext)).toBe("This week: no runs yet."); // Sunday 1 March
  });

  it("totals every week, oldest first, a week without runs as zeros", () => {
    const w = weeklyTotals([easy(4, 0.1), hard(3, 0.2), sampleRun(Date.UTC(2026, 1, 10, 7), 0.3)], now, 0, 3);
    expect(w.map((x) => x.runs)).toEqual([0, 0, 2]); // 10 February is before the three weeks shown
    const v = weeklyTotals([hard(3, 0.2), sampleRun(Date.UTC(2026, 1, 18, 7), 0.4, { secondsAboveCeiling: 120, movingS: 1000 })], now, 0, 3);
    expect(v.map((x) => [x.runs, x.easy, x.hard, x.secondsAboveCeiling])).toEqual([[1, 0, 1, 120], [0, 0, 0, 0], [1, 0, 1, 600]]);
    expect(v[2].startS).toBe(Date.UTC(2026, 2, 2) / 1000);
  });
});
