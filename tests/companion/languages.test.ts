// The phone in each of its four languages (issue 13): the settings page (settings/index.tsx on the sim's settings
// components) and the verdicts, with the sim's i18n stand-in switched to each language. A runner must never read
// a message id, an unfilled {placeholder} or English where their language has its own words.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { encodeSummary } from "../../common/watch/summary";
import { watchProfileMessage } from "../../common/watch/protocol";
import { sampleRun } from "../unit/sample-runs";
import { loadReal, resetWorld, world } from "../../sim/harness/watch";
import * as components from "../../sim/phone/settings-components";
import { LANGUAGES, gettext, poTable, setLanguage } from "../../sim/phone/i18n";
import { RESTING_HISTORY_KEY, encodeRestingHistory, dayKeyOf } from "../../common/phone/readiness";
import { addToHrProfile, encodeHrProfile, startHrProfile } from "../../common/watch/hr-profile";
import { verdictOf } from "../../common/phone/verdict";

interface Node { type: string; props: Record<string, any>; children: (Node | string)[] }
type Page = (props: { settings: Record<string, string | undefined>; settingsStorage: unknown }) => Node;

let page: Page;
const NOW = Date.UTC(2025, 2, 5, 12); // Wednesday 5 March
const EN = poTable("settings", "en-US");
const IDS = Object.keys(EN);

beforeAll(async () => {
  resetWorld();
  Object.assign(globalThis, components);
  await loadReal("settings/index");
  page = world().phone.settingsPage as unknown as Page;
});
afterEach(() => { setLanguage("en-US"); vi.useRealTimers(); });
afterAll(() => setLanguage("en-US"));

/** Every piece of text a runner reads: Text, titles, labels, sublabels, descriptions, a Select's option names. */
function texts(node: Node | string): string[] {
  if (typeof node === "string") return [node];
  const own = ["title", "label", "sublabel", "description"].map((k) => node.props[k]).filter((v) => typeof v === "string" && v !== "");
  const options = Array.isArray(node.props.options) ? node.props.options.map((o: { name: string }) => o.name) : [];
  return [...own, ...options, ...node.children.flatMap(texts)];
}

/** A page with everything on it: a profile, the watch's, a resting-HR hint, an easy run with a chart, a hard one. */
function fullPage(): string[] {
  vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
  const tz = new Date(NOW).getTimezoneOffset();
  const days = Array.from({ length: 15 }, (_, i) => ({ day: dayKeyOf(NOW - (14 - i) * 86400_000, tz), bpm: i === 14 ? 60 : 50 }));
  const p = startHrProfile();
  for (let t = 0; t < 25 * 60; t++) addToHrProfile(p, t, t > 20 * 60 && t < 22 * 60 ? 150 : 135, 145.55);
  const easy = sampleRun(NOW - 3600_000, 0.1, { hrProfile: encodeHrProfile(p), secondsAboveCeiling: 30 });
  const hard = sampleRun(NOW - 86400_000, 0.2, { secondsAboveCeiling: 900, avgHr: 150, durationS: 3000, buzzes: 4 });
  return texts(page({
    settings: {
      age: JSON.stringify({ name: "23" }), restingHr: JSON.stringify({ name: "50" }), useWatchRestingHr: "false",
      watchProfile: JSON.stringify(watchProfileMessage({ age: 40, restingHr: 58, maxHr: 181 })),
      recentRuns: "[" + [easy, hard].map(encodeSummary).join(",") + "]",
      [RESTING_HISTORY_KEY]: encodeRestingHistory(days),
    },
    settingsStorage: null,
  }));
}

describe("the settings page in each language", () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: every line in ${lang}, no message id, no unfilled placeholder`, () => {
      setLanguage(lang);
      const table = poTable("settings", lang);
      const all = fullPage();
      const joined = all.join("\n");
      for (const id of IDS) expect(joined, `message id ${id} shown`).not.toMatch(new RegExp("\\b" + id + "\\b"));
      expect(joined).not.toMatch(/\{[a-z]+\}/);
      // The page's fixed words are this language's: the section titles and a label, verbatim.
      for (const id of ["section_today", "section_you", "section_guard", "section_ceiling", "section_runs", "label_back_under", "option_strength_gentle"]) {
        expect(all).toContain(table[id]);
      }
      // The computed sentences start as this language's templates do.
      const start = (id: string): string => table[id].split("{")[0];
      expect(all.some((s) => s.startsWith(start("ready_hint")))).toBe(true);
      expect(all.some((s) => s.startsWith(start("ceiling_max_hr")))).toBe(true);
      expect(all.some((s) => s.startsWith(start("week_line")))).toBe(true);
      expect(all.some((s) => s.includes(start("verdict_too_hard")))).toBe(true);
      expect(all.some((s) => s.startsWith(start("watch_note")))).toBe(true);
      if (lang !== "en-US") {
        // Nothing from the English page survives, apart from what is the same in both (numbers, units, names).
        const english = new Set(Object.values(EN).filter((s) => !Object.values(table).includes(s)));
        expect(all.filter((s) => english.has(s))).toEqual([]);
      }
    });
  }

  it("German, written out: the week line, a hard run's verdict and the date", () => {
    setLanguage("de-DE");
    const all = fullPage();
    expect(all).toContain("Diese Woche: 1 Erholungslauf und 1 Lauf, der zu hart war.");
    expect(all.find((s) => s.startsWith("Di 4. Mär, "))).toMatch(/Zu hart für einen Erholungslauf: 15 min über deiner Obergrenze von 145 bpm, im Schnitt 150 bpm, 20 min über das Limit von 30 min gelaufen\.$/);
  });

  it("a wrong field's problem in the runner's language: German, French and Spanish, not the English sentence", () => {
    const bad = (): string[] => texts(page({ settings: { age: JSON.stringify({ name: "abc" }), restingHr: JSON.stringify({ name: "50" }) }, settingsStorage: null }));
    setLanguage("de-DE");
    expect(bad().join("\n")).toContain('Alter muss eine Zahl sein, nicht "abc".');
    setLanguage("fr-FR");
    expect(bad().join("\n")).toContain('L\'âge doit être un nombre, pas "abc".');
    setLanguage("es-ES");
    expect(bad().join("\n")).toContain('La edad debe ser un número, no "abc".');
    setLanguage("en-US");
    expect(bad().join("\n")).toContain('Age must be a number, not "abc".');
  });

  it("a phone in a language the project does not have (it-IT) reads the default, English", () => {
    setLanguage("it-IT");
    expect(fullPage()).toContain("Should I run today?");
  });
});

describe("the verdicts in each language", () => {
  const easy = sampleRun(NOW, 0.1, { secondsAboveCeiling: 45 });
  const hard = sampleRun(NOW, 0.2, { secondsAboveCeiling: 400, movingS: 1700 });
  const expected: Record<string, [string, string]> = {
    "en-US": ["Stayed easy (45 s briefly over 145 bpm).", "Too hard for a recovery run: 6 min 40 s above your 145 bpm ceiling."],
    "de-DE": ["Locker geblieben (45 s kurz über 145 bpm).", "Zu hart für einen Erholungslauf: 6 min 40 s über deiner Obergrenze von 145 bpm."],
    "fr-FR": ["Resté facile (45 s brièvement au-dessus de 145 bpm).", "Trop dur pour une course de récupération : 6 min 40 s au-dessus de votre plafond de 145 bpm."],
    "es-ES": ["Se mantuvo suave (45 s brevemente por encima de 145 ppm).", "Demasiado duro para una carrera de recuperación: 6 min 40 s por encima de tu techo de 145 ppm."],
  };
  for (const lang of LANGUAGES) {
    it(`${lang}`, () => {
      setLanguage(lang);
      expect(verdictOf(easy, gettext).text).toBe(expected[lang][0]);
      expect(verdictOf(hard, gettext)).toMatchObject({ easy: false, text: expected[lang][1] });
    });
  }
});
