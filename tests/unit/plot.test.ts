// `npm run replay -- ... --plot out.svg`: the picture must open anywhere (well-formed XML) and show every buzz
// the replay made, by kind, plus one shaded band per sustained breach of the ground truth.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runReplayCli } from "../../tools/replay";
import { MARKER_KINDS } from "../../tools/plot";
import { sustainedBreaches } from "../../tools/alert-quality";
import { generateDemoRun } from "../../common/dev/demo-run";
import { parseTraceCsv } from "../../common/dev/trace";
import { HAVE_TRACES } from "./traces";
import { TRACES_DIR } from "../../tools/trace-files";

const dir = mkdtempSync(join(tmpdir(), "plot-"));

const NAME = "[A-Za-z_][\\w:.-]*";
const ENTITY = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
const TOKEN = new RegExp(
  `<!--[\\s\\S]*?-->|<\\?xml[^?]*\\?>|</(${NAME})\\s*>|<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>|([^<]+)|(<)`,
  "g",
);

/** A small XML well-formedness check: balanced tags, one root, quoted unique attributes, escaped & and <. */
function xmlError(xml: string): string | null {
  const open: string[] = [];
  let roots = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const [whole, close, tag, attrs, selfClose, text, stray] = m;
    if (stray) return `stray "<" at ${m.index}`;
    if (text !== undefined) {
      if (ENTITY.test(text)) return `unescaped & in text at ${m.index}`;
      if (open.length === 0 && text.trim()) return `text outside the root at ${m.index}`;
    } else if (close) {
      if (open.pop() !== close) return `</${close}> does not close the open element at ${m.index}`;
    } else if (tag) {
      if (open.length === 0 && ++roots > 1) return "more than one root element";
      const names = [...attrs.matchAll(new RegExp(`(${NAME})\\s*=\\s*("[^"]*"|'[^']*')`, "g"))];
      if (new Set(names.map((a) => a[1])).size !== names.length) return `duplicate attribute in <${tag}> at ${m.index}`;
      if (names.some((a) => ENTITY.test(a[2]))) return `unescaped & in an attribute of <${tag}> at ${m.index}`;
      if (!selfClose) open.push(tag);
    } else if (!whole.startsWith("<!--") && !whole.startsWith("<?xml")) return `unreadable markup at ${m.index}`;
  }
  if (open.length) return `unclosed <${open[open.length - 1]}>`;
  return roots === 1 ? null : "no root element";
}

const count = (svg: string, cls: string) => (svg.match(new RegExp(`class="${cls}"`, "g")) ?? []).length;

function replayWithPlot(args: string[]): { svg: string; events: { type: string; pattern: string | null }[]; ceiling: number } {
  const out = join(dir, `plot-${Math.random().toString(36).slice(2)}.svg`);
  const r = runReplayCli([...args, "--json", "--plot", out]);
  expect(r.code, r.stderr).toBe(0);
  const json = JSON.parse(r.stdout);
  return { svg: readFileSync(out, "utf8"), events: json.events, ceiling: json.profile.ceilingBpm };
}

function expectMarkersMatchBuzzes(svg: string, events: { type: string; pattern: string | null }[]): void {
  for (const k of MARKER_KINDS) {
    const buzzes = events.filter((e) => e.pattern !== null && (k.types as string[]).includes(e.type)).length;
    expect(count(svg, `buzz buzz-${k.kind}`), k.kind).toBe(buzzes);
  }
}

describe("the well-formedness check itself", () => {
  it("rejects what a viewer would refuse to open", () => {
    expect(xmlError("<svg><g></svg>")).toMatch(/does not close/);
    expect(xmlError("<svg><text>a & b</text></svg>")).toMatch(/unescaped &/);
    expect(xmlError('<svg><rect x="1" x="2"/></svg>')).toMatch(/duplicate/);
    expect(xmlError("<svg/><svg/>")).toMatch(/more than one root/);
    expect(xmlError("<svg><text>a < b</text></svg>")).toMatch(/stray/);
    expect(xmlError('<svg><text x="1">a &amp; b</text></svg>')).toBeNull();
  });
});

describe("npm run replay -- --plot", () => {
  it("draws the demo run: well formed, axes in minutes and bpm, a legend, every buzz by kind, each sustained breach shaded", () => {
    const { svg, events, ceiling } = replayWithPlot(["--demo", "--age", "35", "--rest", "60"]);
    expect(xmlError(svg)).toBeNull();
    expect(svg).toContain("time (minutes)");
    expect(svg).toContain("heart rate (bpm)");
    expect(count(svg, "legend")).toBe(1);
    expect(count(svg, "ceiling")).toBe(1);
    // The demo's hill and its time cap give a breach, its back-under cue and the cap buzzes.
    for (const kind of ["breach", "back-under", "cap"]) expect(count(svg, `buzz buzz-${kind}`), kind).toBeGreaterThan(0);
    expectMarkersMatchBuzzes(svg, events);
    expect(count(svg, "sustained-breach")).toBe(sustainedBreaches(generateDemoRun(ceiling), ceiling).length);
  });

  it("draws a real trace with reminders and its gaps", { skip: !HAVE_TRACES }, () => {
    const file = join(TRACES_DIR, "run_garmin-fr735xt-ohr_runalyze.csv");
    const { svg, events, ceiling } = replayWithPlot([file, "--age", "35", "--rest", "55", "--max", "200", "--cap-min", "45"]);
    expect(xmlError(svg)).toBeNull();
    expect(count(svg, "buzz buzz-reminder")).toBeGreaterThan(0);
    expectMarkersMatchBuzzes(svg, events);
    const samples = parseTraceCsv(readFileSync(file, "utf8")).samples;
    expect(count(svg, "sustained-breach")).toBe(sustainedBreaches(samples, ceiling).length);
  });

  it("stays well formed when the file name holds XML's special characters", () => {
    const rows = ["t,hr"];
    for (let t = 0; t < 900; t++) rows.push(`${t},${t >= 300 && t < 500 ? 170 : 120}`);
    const file = join(dir, `a&b <"run">.csv`);
    writeFileSync(file, rows.join("\n"));
    const { svg, events } = replayWithPlot([file, "--age", "35", "--rest", "60"]);
    expect(xmlError(svg)).toBeNull();
    expect(svg).toContain("a&amp;b &lt;&quot;run&quot;&gt;.csv");
    expectMarkersMatchBuzzes(svg, events);
  });

  it("says so when the plot cannot be written", () => {
    const r = runReplayCli(["--demo", "--plot", join(dir, "no-such-dir", "out.svg")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot write the plot/);
  });
});
