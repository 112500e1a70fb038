// The settings page (settings/index.tsx) rendered with the sim's stand-in for Fitbit's settings components: a plain
// tree whose text the tests search. Stored values are strings, as the phone stores them.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { encodeSummary } from "../../common/watch/summary";
import { watchProfileMessage } from "../../common/watch/protocol";
import { sampleRun } from "../unit/sample-runs";
import { LIMITS, validateProfile } from "../../common/watch/profile";
import { ceilingOf } from "../../common/watch/zones";
import { startGuard } from "../../common/watch/guard";
import { summarize } from "../../common/watch/summary";
import { ceilingText } from "../../common/watch/face-model";
import { loadReal, resetWorld, world } from "../../sim/harness/watch";
import * as components from "../../sim/phone/settings-components";
import { READINESS_MARGIN_LIMITS, RESTING_HISTORY_KEY, encodeRestingHistory, dayKeyOf, RestingDay } from "../../common/phone/readiness";
import { addToHrProfile, encodeHrProfile, startHrProfile } from "../../common/watch/hr-profile";

/** A resting-HR history ending today (the test's fake now), oldest first: bpms[0] is `bpms.length - 1` days ago. */
function restingDays(nowMs: number, bpms: number[]): string {
  const days: RestingDay[] = bpms.map((bpm, i) => ({ day: dayKeyOf(nowMs - (bpms.length - 1 - i) * 86400_000, new Date(nowMs).getTimezoneOffset()), bpm }));
  return encodeRestingHistory(days);
}

/** Every TextImageRow in a tree. */
function imageRows(node: Node | string): Node[] {
  if (typeof node === "string") return [];
  return [...(node.type === "TextImageRow" ? [node] : []), ...(node.children as (Node | string)[]).flatMap(imageRows)];
}

interface Node { type: string; props: Record<string, any>; children: Node[] | string[] }
type Page = (props: { settings: Record<string, string | undefined>; settingsStorage: unknown }) => Node;

let page: Page;

beforeAll(async () => {
  // The sim's settings components, as the globals the page uses: a built-in renders to { type, props, children }.
  resetWorld();
  Object.assign(globalThis, components);
  await loadReal("settings/index");
  page = world().phone.settingsPage as unknown as Page;
});

function render(settings: Record<string, string>): Node {
  return page({ settings, settingsStorage: null });
}

/** Every piece of text a runner would read: Text contents, labels, titles, descriptions. */
function texts(node: Node | string): string[] {
  if (typeof node === "string") return [node];
  const own = ["title", "label", "sublabel", "description"].map((k) => node.props[k]).filter((v) => typeof v === "string" && v !== "");
  return [...own, ...(node.children as (Node | string)[]).flatMap(texts)];
}

function section(tree: Node, title: string): string[] {
  const found = (tree.children as Node[]).find((c) => c.props.title === title);
  if (!found) throw new Error("No section " + title);
  return texts({ ...found, props: { ...found.props, title: undefined } });
}

function fields(node: Node): string[] {
  if (typeof node === "string") return [];
  return [...(node.props.settingsKey ? [node.props.settingsKey] : []), ...(node.children as Node[]).flatMap(fields)];
}

const textInput = (s: string) => JSON.stringify({ name: s });

describe("the settings page", () => {
  it("has the five sections and a field for every setting", () => {
    const tree = render({});
    expect((tree.children as Node[]).map((s) => s.props.title)).toEqual(["Should I run today?", "You", "Guard", "Your ceiling", "Recent runs"]);
    expect(fields(tree)).toEqual(["readinessMarginBpm", "age", "useWatchRestingHr", "restingHr", "maxHrMethod", "ceilingPercent", "capMinutes",
      "warnBeforeCapMinutes", "buzzStrength", "backUnderCue", "wrapUpHint"]);
  });

  it("offers on each slider exactly the range the watch accepts (LIMITS)", () => {
    const sliders: Node[] = [];
    const walk = (n: Node | string): void => {
      if (typeof n === "string") return;
      if (n.type === "Slider") sliders.push(n);
      (n.children as (Node | string)[]).forEach(walk);
    };
    walk(render({}));
    const ranges = Object.fromEntries(sliders.map((s) => [s.props.settingsKey, [Number(s.props.min), Number(s.props.max)]]));
    expect(ranges).toEqual({
      readinessMarginBpm: [READINESS_MARGIN_LIMITS.min, READINESS_MARGIN_LIMITS.max],
      ceilingPercent: [LIMITS.ceilingPercent.min, LIMITS.ceilingPercent.max],
      capMinutes: [LIMITS.capMinutes.min, LIMITS.capMinutes.max],
      warnBeforeCapMinutes: [LIMITS.warnBeforeCapMinutes.min, LIMITS.warnBeforeCapMinutes.max],
    });
    expect(sliders.map((s) => s.props.label)).toContain("Ceiling (% of heart-rate reserve, 50-75)");
  });

  it("shows the ceiling computed from the stored values: the source's worked example", () => {
    const ceiling = section(render({ age: textInput("23"), restingHr: textInput("50") }), "Your ceiling");
    expect(ceiling).toContain("Max heart rate: 197 bpm (220 - age)");
    expect(ceiling).toContain("Heart-rate reserve: 147 bpm (max 197 - resting 50)");
    expect(ceiling).toContain("Ceiling: 145.6 bpm, so stay at 145 or below (65% of reserve, zone 2)");
    expect(ceiling).toContain("Zone 1: 124-138 bpm");
    expect(ceiling).toContain("Zone 5: 182-197 bpm");
  });

  it("follows the chosen method, percentage and the watch's own values", () => {
    const watch = JSON.stringify(watchProfileMessage({ age: 41, restingHr: 52, maxHr: 188 }));
    const tree = render({
      watchProfile: watch, useWatchRestingHr: "true", restingHr: textInput("70"), ceilingPercent: "70",
      maxHrMethod: JSON.stringify({ selected: [2], values: [{ name: "The watch's max heart rate", value: "watch" }] }),
    });
    expect(section(tree, "You")).toContain("Your watch says: age 41, resting 52 bpm, max 188 bpm. Fields left empty use these.");
    const ceiling = section(tree, "Your ceiling");
    expect(ceiling).toContain("Max heart rate: 188 bpm (the watch's value)");
    expect(ceiling).toContain("Ceiling: 147.2 bpm, so stay at 147 or below (70% of reserve, zone 3)");
  });

  it("puts a clear message next to an invalid field and says nothing is sent", () => {
    const tree = render({ age: textInput("5"), restingHr: textInput("abc") });
    const you = section(tree, "You");
    expect(you).toContain("Not saved: Age must be between 10 and 100 years (got 5).");
    expect(you).toContain("Not saved: Resting heart rate must be a number, not \"abc\".");
    expect(you.indexOf("Not saved: Age must be between 10 and 100 years (got 5).")).toBe(you.indexOf("Age (years)") + 1);
    const ceiling = section(tree, "Your ceiling");
    expect(ceiling[0]).toMatch(/^Not sent to the watch/);
    expect(ceiling.join(" ")).not.toMatch(/Ceiling:/);
  });

  it("asks for the measured max once 'measured' is chosen", () => {
    const tree = render({ maxHrMethod: JSON.stringify({ selected: [3], values: [{ name: "Measured", value: "measured" }] }) });
    expect(fields(tree)).toContain("measuredMaxHr");
    expect(section(tree, "You")).toContain("Not saved: Enter your measured max heart rate, or choose another max heart rate method.");
  });

  it("lists recent runs newest first with their numbers and verdicts, and counts this week's recovery runs", () => {
    const now = Date.UTC(2025, 2, 5, 12); // a Wednesday noon: the runs an hour or two ago are this week anywhere
    vi.useFakeTimers({ now, toFake: ["Date"] });
    const easy = sampleRun(now - 2 * 3600_000, 0.1, { secondsAboveCeiling: 0, durationS: 1500, avgHr: 131, maxHr: 143, buzzes: 0, capReached: false });
    const hard = sampleRun(now - 1 * 3600_000, 0.2, { secondsAboveCeiling: 400, buzzes: 3 });
    const old = sampleRun(now - 30 * 86400_000, 0.3);
    const runs = "[" + [old, easy, hard].map(encodeSummary).join(",") + "]";
    const recent = section(render({ recentRuns: runs }), "Recent runs");
    // Only the run that stayed easy is a recovery run; the one that went too hard is said apart.
    expect(recent[0]).toBe("This week: 1 recovery run, and 1 run that went too hard.");
    expect(recent[1]).toBe("Your weeks");
    expect(recent[2]).toBe("Last 6 weeks, oldest first: recovery runs 0, 1, 0, 0, 0, 1+1 (+ too hard); time over the ceiling 0 s, 20 s, 0 s, 0 s, 0 s, 6 min 40 s.");
    const rows = recent.slice(3);
    expect(rows[0]).toMatch(/^(Wed 5|Thu 6) Mar, \d\d:\d\d - Too hard for a recovery run: 6 min 40 s above your 145 bpm ceiling\.$/);
    expect(rows[1]).toBe("30 min - avg 132 / max 149 bpm - 6 min 40 s above 145 bpm - 3 buzzes - cap reached");
    expect(rows[2]).toMatch(/ - Stayed easy\.$/);
    expect(rows[3]).toBe("25 min - avg 131 / max 143 bpm - never above 145 bpm - 0 buzzes");
    expect(rows[4]).toMatch(/^\w{3} [34] Feb, /);
    expect(rows.length).toBe(6);
    vi.useRealTimers();
  });

  it("shows the worked example's ceiling as 145 everywhere: watch face, recent runs, your ceiling", () => {
    // Age 23, resting 50: ceiling 145.55 bpm, so 145 is fine and 146 is over (the summary keeps 145.6).
    const checked = validateProfile({ age: 23, restingHr: 50 });
    if (!checked.ok) throw new Error(checked.errors.join("; "));
    const guard = startGuard(checked.profile, 0);
    expect(ceilingText(ceilingOf(checked.profile))).toBe("ceiling 145 bpm");
    const start = Date.UTC(2025, 2, 5, 7);
    const run = { ...summarize(guard, "m7u8h2k0-abcd", start / 1000), durationS: 1800, movingS: 1700, secondsAboveCeiling: 400 };
    expect(run.ceilingBpm).toBe(145.55); // stored as the watch had it, so "145" below is not a rounding of 145.6
    const tree = render({ age: textInput("23"), restingHr: textInput("50"), recentRuns: "[" + encodeSummary(run) + "]" });
    const recent = section(tree, "Recent runs").join("\n");
    expect(recent).toMatch(/6 min 40 s above your 145 bpm ceiling\./);
    expect(recent).toMatch(/6 min 40 s above 145 bpm - /);
    expect(recent).not.toMatch(/146/);
    expect(section(tree, "Your ceiling")).toContain("Ceiling: 145.6 bpm, so stay at 145 or below (65% of reserve, zone 2)");
  });

  it("says when there are no runs yet, and survives a corrupt runs entry", () => {
    expect(section(render({ recentRuns: "{oops" }), "Recent runs")).toContain("No runs yet: finish a run on the watch and it appears here.");
  });

  it("says what the readiness hint needs until 7 of the last 14 days are known", () => {
    const now = Date.UTC(2025, 2, 5, 12);
    vi.useFakeTimers({ now, toFake: ["Date"] });
    expect(section(render({}), "Should I run today?")[0]).toBe("The resting-HR hint needs 7 days of resting HR in the last 14 (have 0).");
    const six = section(render({ [RESTING_HISTORY_KEY]: restingDays(now, [50, 51, 50, 52, 50, 51, 60]) }), "Should I run today?");
    expect(six[0]).toBe("The resting-HR hint needs 7 days of resting HR in the last 14 (have 6).");
    vi.useRealTimers();
  });

  it("shows the readiness hint with its numbers when today's resting HR is raised, and the usual otherwise", () => {
    const now = Date.UTC(2025, 2, 5, 12);
    vi.useFakeTimers({ now, toFake: ["Date"] });
    const raised = render({ [RESTING_HISTORY_KEY]: restingDays(now, [52, 52, 51, 53, 52, 52, 52, 52, 59]) });
    const text = section(raised, "Should I run today?");
    expect(text[0]).toMatch(/^Resting HR today is 59 bpm, 7 above your usual 52 bpm \(the median of 8 of the last 14 days\)\. /);
    expect(text[0]).toMatch(/a rest day or a walk is not a failure/);
    expect(text[1]).toBe("Hint when resting HR is this much over your usual (bpm, 3-15)");
    // A bigger margin (the slider) turns the hint into the usual sentence.
    const calm = section(render({ [RESTING_HISTORY_KEY]: restingDays(now, [52, 52, 51, 53, 52, 52, 52, 52, 59]), readinessMarginBpm: "8" }), "Should I run today?");
    expect(calm[0]).toBe("Resting HR today is 59 bpm, your usual 52 bpm (the median of 8 of the last 14 days): no sign you need a rest day (the hint shows at +8).");
    vi.useRealTimers();
  });

  it("draws the weekly view as an SVG data URI in Recent runs, with the same in words beside it", () => {
    const now = Date.UTC(2025, 2, 5, 12);
    vi.useFakeTimers({ now, toFake: ["Date"] });
    const easy = sampleRun(now - 2 * 3600_000, 0.1, { secondsAboveCeiling: 0 });
    const hard = sampleRun(now - 8 * 86400_000, 0.2, { secondsAboveCeiling: 400 });
    const tree = render({ recentRuns: "[" + [easy, hard].map(encodeSummary).join(",") + "]", [RESTING_HISTORY_KEY]: restingDays(now, [50, 51, 52]) });
    const [week] = imageRows(tree);
    expect(week.props.label).toBe("Your weeks");
    expect(week.props.icon).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    const svg = decodeURIComponent(week.props.icon.split(",").slice(1).join(","));
    expect(svg).toContain("<title>" + week.props.sublabel + "</title>");
    expect(week.props.sublabel).toBe("Last 6 weeks, oldest first: recovery runs 0, 0, 0, 0, 0+1, 1 (+ too hard); time over the ceiling 0 s, 0 s, 0 s, 0 s, 6 min 40 s, 0 s. Resting HR 51 bpm.");
    vi.useRealTimers();
  });

  it("draws a run's HR over time when the run carries an HR profile, and its figures against the ceiling without one", () => {
    const now = Date.UTC(2025, 2, 5, 12);
    vi.useFakeTimers({ now, toFake: ["Date"] });
    const p = startHrProfile();
    for (let t = 0; t < 25 * 60; t++) addToHrProfile(p, t, t > 20 * 60 && t < 22 * 60 ? 150 : 135, 145.55);
    const withProfile = sampleRun(now - 3600_000, 0.3, { hrProfile: encodeHrProfile(p) });
    const without = sampleRun(now - 2 * 3600_000, 0.4);
    const rows = imageRows(render({ recentRuns: "[" + [withProfile, without].map(encodeSummary).join(",") + "]" })).slice(1);
    expect(rows[0].props.icon).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    expect(rows[0].props.sublabel).toMatch(/ - Heart rate 135-150 bpm against your 145 bpm ceiling: over it at 20-22 min/);
    // A run as the watch sends it today (no profile) still gets a picture: its figures, which the stats say in words.
    const figures = decodeURIComponent(rows[1].props.icon.split(",").slice(1).join(","));
    expect(figures).toContain("<title>Average 132 bpm, max 149 bpm, against your 145 bpm ceiling: over it for 20 s of 30 min.</title>");
    expect(figures).toContain('class="over-time"');
    expect(rows[1].props.sublabel).toBe("30 min - avg 132 / max 149 bpm - 20 s above 145 bpm - 1 buzz - cap reached");
    vi.useRealTimers();
  });
});
