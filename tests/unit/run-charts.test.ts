// The phone's pictures: a run's heart rate against its ceiling, and the weekly view, as SVG data URIs with text.
import { describe, expect, it } from "vitest";
import { gettext } from "../../sim/phone/i18n";
import { addToHrProfile, decodeHrProfile, encodeHrProfile, HR_PROFILE_BUCKETS, startHrProfile, HrProfileState } from "../../common/watch/hr-profile";
import { escapeXml, runChartSvg, runChartText, runSummaryChartSvg, runSummaryChartText, svgDataUri, weekChartSvg, weekChartText, weekView } from "../../common/phone/run-charts";
import { addRestingHr, RestingDay } from "../../common/phone/readiness";
import { sampleRun } from "./sample-runs";

/** Well-formed enough: one root svg, every tag closed in order, attributes quoted, no raw & or < in text. */
function checkXml(svg: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let at = 0;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(svg)) !== null) {
    const between = svg.slice(at, m.index);
    if (/[<>]/.test(between) || /&(?!(amp|lt|gt|quot|apos);)/.test(between)) problems.push(`bad text before ${m[0]}: ${between}`);
    at = tag.lastIndex;
    if (m[1]) { if (stack.pop() !== m[2]) problems.push(`unbalanced </${m[2]}>`); }
    else if (!m[4]) stack.push(m[2]);
    else if (stack.length === 0) problems.push("element outside the root");
    if (!m[1] && stack.length === 1 && m[2] !== "svg" && !m[4]) problems.push("root is not svg");
  }
  if (at !== svg.length) problems.push(`trailing or unparsed: ${svg.slice(at, at + 40)}`);
  if (stack.length) problems.push(`unclosed ${stack.join(",")}`);
  if (!svg.startsWith("<svg ")) problems.push("does not start with <svg");
  return problems;
}

/** A 30-minute run: 125 rising to 150, over a 145 ceiling from minute 22 to 25. */
function profileOf(minutes: number, level: (t: number) => number | null, ceiling = 145.55): HrProfileState {
  const p = startHrProfile();
  for (let t = 0; t < minutes * 60; t++) addToHrProfile(p, t, level(t), ceiling);
  return p;
}
const climb = (t: number) => (t >= 22 * 60 && t < 25 * 60 ? 150 : 125 + t / 120);

describe("the per-run heart-rate profile", () => {
  it("is a minute a bucket for a recovery run, about 100 bytes, and decodes back", () => {
    const text = encodeHrProfile(profileOf(30, climb));
    expect(text.length).toBeLessThan(110);
    const p = decodeHrProfile(text)!;
    expect(p.widthS).toBe(60);
    expect(p.levels.length).toBe(30);
    expect(p.levels[0]).toBe(125);
    expect(p.levels[23]).toBe(150);
    expect(p.over.slice(21, 26)).toEqual([0, 9, 9, 9, 0]);
  });

  it("stays bounded on a long run: buckets merge in pairs, at most 32 of them, under 130 bytes", () => {
    const text = encodeHrProfile(profileOf(7 * 60, () => 140));
    const p = decodeHrProfile(text)!;
    expect(p.levels.length).toBeLessThanOrEqual(HR_PROFILE_BUCKETS);
    expect(p.widthS).toBe(60 * 16);
    expect(p.levels.every((x) => x === 140)).toBe(true);
    expect(text.length).toBeLessThan(130);
  });

  it("marks any time over the ceiling, however short, and leaves holes as holes", () => {
    const p = decodeHrProfile(encodeHrProfile(profileOf(5, (t) => (t < 60 ? null : t === 130 ? 150 : 130))))!;
    expect(p.levels[0]).toBe(0);
    expect(p.over).toEqual([0, 0, 1, 0, 0]);
  });

  it("rejects anything that is not a version-1 profile, without throwing", () => {
    for (const bad of [null, 7, "", "[", "[2,60,\"\",\"\"]", "[1,61,\"\",\"\"]", "[1,60,\"3x\",\"\"]", "[1,60,\"zz\",\"0\"]", "[1,60,\"3X\",\"0\"]", JSON.stringify([1, 60, "3x".repeat(33), "0".repeat(33)])]) {
      expect(decodeHrProfile(bad)).toBeNull();
    }
  });
});

describe("the run chart", () => {
  const p = decodeHrProfile(encodeHrProfile(profileOf(30, climb)))!;

  it("is well-formed SVG with the HR line, the ceiling and the minutes over it marked", () => {
    const svg = runChartSvg(p, 145.55, gettext);
    expect(checkXml(svg)).toEqual([]);
    expect(svg.match(/class="over"/g)!.length).toBe(3);
    expect(svg).toContain('class="ceiling"');
    expect(svg).toContain('class="hr"');
    expect(svg).toContain(">145<");
    expect(svg).toContain(">30 min<");
  });

  it("says the same in words, as the fallback and the image's title", () => {
    const text = runChartText(p, 145.55, gettext);
    expect(text).toBe("Heart rate 125-150 bpm against your 145 bpm ceiling: over it at 22-25 min (3 min or less).");
    expect(runChartSvg(p, 145.55, gettext)).toContain("<title>" + text + "</title>");
    expect(runChartText(decodeHrProfile(encodeHrProfile(profileOf(30, () => 130)))!, 145.55, gettext)).toMatch(/never over it\.$/);
    expect(runChartText({ widthS: 60, levels: [], over: [] }, 145, gettext)).toBe("No heart rate was recorded for this run.");
  });

  it("breaks the line at a hole instead of drawing through it", () => {
    const holed = decodeHrProfile(encodeHrProfile(profileOf(20, (t) => (t >= 600 && t < 720 ? null : 130))))!;
    expect(runChartSvg(holed, 145, gettext).match(/class="hr"/g)!.length).toBe(2);
  });

  it("travels as a data URI that decodes back to the same SVG, and is the same every time", () => {
    const svg = runChartSvg(p, 145.55, gettext);
    const uri = svgDataUri(svg);
    expect(uri.startsWith("data:image/svg+xml;charset=utf-8,")).toBe(true);
    expect(uri).not.toMatch(/[<>"# ]/);
    expect(decodeURIComponent(uri.slice(uri.indexOf(",") + 1))).toBe(svg);
    expect(runChartSvg(p, 145.55, gettext)).toBe(svg);
    expect(uri.length).toBeLessThan(8000);
  });

  it("escapes text", () => {
    expect(escapeXml(`<a & "b" 'c'>`)).toBe("&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;");
  });
});

describe("the chart of a run without an HR profile (as the watch sends runs): its figures against the ceiling", () => {
  /** A numeric attribute of the first element of a class. */
  const attr = (svg: string, cls: string, name: string): number => Number(new RegExp(`class="${cls}"[^>]*?\\s${name}="([\\d.]+)"`).exec(svg)![1]);

  it("is well-formed SVG: the ceiling dashed with the range over it shaded, the average and the maximum on its scale", () => {
    const run = sampleRun(Date.UTC(2026, 2, 3, 7), 0.1, { avgHr: 132, maxHr: 149, ceilingBpm: 145.6 });
    const svg = runSummaryChartSvg(run, gettext);
    expect(checkXml(svg)).toEqual([]);
    expect(svg).toContain('class="ceiling"');
    expect(svg).toContain(">145<");
    expect(svg).toContain(">avg 132<");
    expect(svg).toContain(">max 149<");
    // On one scale: the average left of the ceiling, the maximum right of it (over it, in the shaded range).
    expect(attr(svg, "avg", "cx")).toBeLessThan(attr(svg, "ceiling", "x1"));
    expect(attr(svg, "max", "x1")).toBeGreaterThan(attr(svg, "ceiling", "x1"));
    expect(attr(svg, "over", "x")).toBe(attr(svg, "ceiling", "x1"));
  });

  it("marks the time over the ceiling on the run's time bar, at least a sliver however short, and none when never over", () => {
    const brief = runSummaryChartSvg(sampleRun(Date.UTC(2026, 2, 3, 7), 0.1, { durationS: 1800, secondsAboveCeiling: 5 }), gettext);
    expect(attr(brief, "over-time", "width")).toBeGreaterThanOrEqual(2);
    expect(brief).toContain(">over 5 s<");
    const long = runSummaryChartSvg(sampleRun(Date.UTC(2026, 2, 3, 7), 0.1, { durationS: 1800, secondsAboveCeiling: 900 }), gettext);
    // Half the run over: half the bar, easy and over together the whole of it.
    expect(attr(long, "over-time", "width")).toBeCloseTo(attr(long, "easy", "width"), 0);
    const never = runSummaryChartSvg(sampleRun(Date.UTC(2026, 2, 3, 7), 0.1, { secondsAboveCeiling: 0, maxHr: 140 }), gettext);
    expect(never).not.toContain('class="over-time"');
    expect(checkXml(never)).toEqual([]);
  });

  it("says the same in words, as the image's title", () => {
    const run = sampleRun(Date.UTC(2026, 2, 3, 7), 0.1, { secondsAboveCeiling: 95, durationS: 1630 });
    const text = runSummaryChartText(run, gettext);
    expect(text).toBe("Average 132 bpm, max 149 bpm, against your 145 bpm ceiling: over it for 1 min 35 s of 27 min 10 s.");
    expect(runSummaryChartSvg(run, gettext)).toContain("<title>" + text + "</title>");
    expect(runSummaryChartText(sampleRun(Date.UTC(2026, 2, 3, 7), 0.1, { secondsAboveCeiling: 0 }), gettext))
      .toBe("Average 132 bpm, max 149 bpm, against your 145 bpm ceiling: never over it in 30 min.");
  });

  it("draws a run without any heart rate without markers or failing, and says so", () => {
    const run = sampleRun(Date.UTC(2026, 2, 3, 7), 0.1, { avgHr: 0, maxHr: 0, secondsAboveCeiling: 0, movingS: 0 });
    const svg = runSummaryChartSvg(run, gettext);
    expect(checkXml(svg)).toEqual([]);
    expect(svg).not.toContain('class="avg"');
    expect(runSummaryChartText(run, gettext)).toBe("No heart rate was recorded for this run.");
  });
});

describe("the weekly chart", () => {
  const now = Date.UTC(2026, 2, 4, 12); // Wednesday 4 March
  const runs = [
    sampleRun(Date.UTC(2026, 2, 3, 7), 0.1, { secondsAboveCeiling: 0 }),
    sampleRun(Date.UTC(2026, 2, 2, 7), 0.2, { secondsAboveCeiling: 600 }),
    sampleRun(Date.UTC(2026, 1, 24, 7), 0.3, { secondsAboveCeiling: 30 }),
  ];
  let resting: RestingDay[] = [];
  for (let d = 0; d < 21; d++) resting = addRestingHr(resting, new Date(Date.UTC(2026, 1, 12 + d)).toISOString().slice(0, 10), 50 + Math.floor(d / 7) * 2);
  const v = weekView(runs, resting, now, 0, 4);

  it("totals each week, oldest first, with the week's median resting HR", () => {
    expect(v.weeks.map((w) => [w.easy, w.hard])).toEqual([[0, 0], [0, 0], [1, 0], [1, 1]]);
    expect(v.resting).toEqual([50, 52, 54, 54]); // 12-15 Feb at 50; then 52 and 54 take the middle of each week
  });

  it("is well-formed SVG with bars for easy and too-hard runs, minutes over, and the resting-HR trend", () => {
    const svg = weekChartSvg(v, gettext);
    expect(checkXml(svg)).toEqual([]);
    expect(svg.match(/class="easy"/g)!.length).toBe(2);
    expect(svg.match(/class="hard"/g)!.length).toBe(1);
    expect(svg.match(/class="resting"/g)!.length).toBe(4);
    expect(svg).toContain('class="resting-trend"');
    expect(svg).toContain(">10 min<");
    expect(svg).toContain(">1 min<"); // 30 s over: any time over shows
    expect(decodeURIComponent(svgDataUri(svg).split(",").slice(1).join(","))).toBe(svg);
  });

  it("says it in words too", () => {
    expect(weekChartText(v, gettext)).toBe("Last 4 weeks, oldest first: recovery runs 0, 0, 1, 1+1 (+ too hard); time over the ceiling 0 s, 0 s, 30 s, 10 min. Resting HR 50 to 54 bpm.");
  });

  it("draws an empty history without failing", () => {
    const svg = weekChartSvg(weekView([], [], now, 0, 6), gettext);
    expect(checkXml(svg)).toEqual([]);
    expect(svg).not.toContain('class="resting"');
  });
});
