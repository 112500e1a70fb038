// The .po files (issue 13): every folder Fitbit's build reads translations from has the same four languages with
// the same message ids, every message is translated and keeps its placeholders; the sim reads them exactly as the
// build's own parser (pofile) does; and the built .fba carries them.
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { PROBLEM_WORDS } from "../../common/watch/profile";
import { join } from "node:path";
import { createRequire } from "node:module";
import { parsePo } from "../../sim/po";
import { LANGUAGES, languageOf, poTable, setLanguage, language, gettext } from "../../sim/phone/i18n";
import { phoneJs } from "../../tools/fba";
import { readinessFace } from "../../common/phone/readiness";
import { MAX_HINT_CHARS } from "../../common/watch/protocol";

const ROOT = join(__dirname, "..", "..");
// fitbit-build looks for translations here (componentTargets: app/i18n, companion/i18n, settings/i18n).
const FOLDERS = ["app", "companion", "settings"].filter((f) => existsSync(join(ROOT, f, "i18n")));
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

function placeholders(s: string): string[] {
  return (s.match(/\{[a-zA-Z0-9_]+\}/g) ?? []).sort();
}

function tableOf(folder: string, lang: string): Record<string, string> {
  const file = join(folder, "i18n", lang + ".po");
  return parsePo(readFileSync(join(ROOT, file), "utf8"), file);
}

describe("every .po file the project has", () => {
  it("exists for the phone's two parts, and package.json's default language is one of the four", () => {
    expect(FOLDERS).toEqual(expect.arrayContaining(["companion", "settings"]));
    expect(pkg.fitbit.defaultLanguage).toBe("en-US");
  });

  for (const folder of FOLDERS) {
    it(`${folder}/i18n: the four languages, each with every message id, translated, with the same placeholders`, () => {
      const files = readdirSync(join(ROOT, folder, "i18n")).filter((f) => f.endsWith(".po")).sort();
      expect(files).toEqual(LANGUAGES.map((l) => l + ".po").sort());
      const en = tableOf(folder, "en-US");
      const ids = Object.keys(en).sort();
      expect(ids.length).toBeGreaterThan(0);
      for (const lang of LANGUAGES) {
        const t = tableOf(folder, lang);
        expect(Object.keys(t).sort(), `${folder}/i18n/${lang}.po ids`).toEqual(ids);
        for (const id of ids) {
          expect(t[id].trim(), `${folder}/i18n/${lang}.po "${id}" is empty`).not.toBe("");
          expect(placeholders(t[id]), `${folder}/i18n/${lang}.po "${id}" placeholders`).toEqual(placeholders(en[id]));
        }
      }
    });

    it(`${folder}/i18n: read by the sim exactly as fitbit-build's own .po parser (pofile) reads it`, () => {
      const pofile = createRequire(require.resolve("@fitbit/sdk/package.json"))("pofile");
      for (const lang of LANGUAGES) {
        const text = readFileSync(join(ROOT, folder, "i18n", lang + ".po"), "utf8");
        const theirs: Record<string, string> = {};
        for (const item of pofile.parse(text).items) theirs[item.msgid] = item.msgstr[0];
        expect(tableOf(folder, lang)).toEqual(theirs);
      }
    });
  }

  it("German, French and Spanish are translations, not English copies (beyond numbers, units and names)", () => {
    for (const folder of FOLDERS) {
      const en = tableOf(folder, "en-US");
      for (const lang of LANGUAGES.filter((l) => l !== "en-US")) {
        const t = tableOf(folder, lang);
        const same = Object.keys(en).filter((id) => t[id] === en[id] && /[a-z]{3}/i.test(en[id].replace(/\{[^}]*\}|bpm|Zone|Tanaka|min|Jan|Feb|Apr|Jun|Jul|Aug|Sep|Nov/g, "")));
        expect(same, `${folder}/i18n/${lang}.po untranslated`).toEqual([]);
      }
    }
  });
});

describe("the settings' problems (common/watch/profile.ts describeProblem)", () => {
  it("say in settings/i18n/en-US.po exactly the English the tools and logs use (PROBLEM_WORDS): one English", () => {
    const en = tableOf("settings", "en-US");
    for (const [id, text] of Object.entries(PROBLEM_WORDS)) expect(en[id], id).toBe(text);
  });
});

describe("the .po reader", () => {
  it("joins continued strings and unescapes, skips comments and the header", () => {
    const t = parsePo('# c\nmsgid ""\nmsgstr "Language: de\\n"\n\nmsgid "a"\nmsgstr "Sag "\n"\\"hallo\\""\n', "x.po");
    expect(t).toEqual({ a: 'Sag "hallo"' });
  });

  it("refuses what the build would not take, naming the file and line", () => {
    expect(() => parsePo('msgid "a"\nmsgstr "1"\nmsgid "a"\nmsgstr "2"\n', "de-DE.po")).toThrow(/de-DE\.po:3: msgid "a" appears twice/);
    expect(() => parsePo('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\n', "f.po")).toThrow(/f\.po:2: msgid_plural is not supported/);
    expect(() => parsePo('msgid "a"\nmsgstr "x\n', "f.po")).toThrow(/f\.po:2: expected a quoted string/);
    expect(() => parsePo('msgid "a"\n\nmsgid "b"\nmsgstr "x"\n', "f.po")).toThrow(/f\.po:3: msgid "a" has no msgstr/);
    expect(() => parsePo("hello\n", "f.po")).toThrow(/f\.po:1: not a \.po line: hello/);
  });
});

describe("the sim's phone language", () => {
  it("maps a phone locale as Fitbit's companion gettext does: same language, else the default", () => {
    expect(languageOf("fr-CA")).toBe("fr-FR");
    expect(languageOf("de-AT")).toBe("de-DE");
    expect(languageOf("es-MX")).toBe("es-ES");
    expect(languageOf("it-IT")).toBe("en-US");
    expect(languageOf("en-GB")).toBe("en-US");
  });

  it("switches gettext, and says clearly what a bad locale is", () => {
    try {
      setLanguage("de-DE");
      expect(gettext("section_runs")).toBe("Letzte Läufe");
      expect(gettext("no_such_id")).toBe("no_such_id");
      setLanguage("es");
      expect(language()).toBe("es-ES");
      expect(() => setLanguage("deutsch please")).toThrow(/setLanguage: "deutsch please" is not a locale like "de-DE"/);
    } finally {
      setLanguage("en-US");
    }
  });
});

describe("the companion's own words", () => {
  it("the idle face's hint comes from companion/i18n alone, and fits the watch's limit in every language", () => {
    for (const lang of LANGUAGES) {
      const table = poTable("companion", lang);
      const t = (id: string): string => table[id] || id;
      const hint = readinessFace({ kind: "hint", todayBpm: 80, baselineBpm: 50, deltaBpm: 30, knownDays: 14, marginBpm: 5 }, t)!;
      expect(hint).toContain("+30");
      expect(hint).not.toMatch(/hint_face|\{/);
      expect(hint.length, `${lang}: "${hint}"`).toBeLessThanOrEqual(MAX_HINT_CHARS);
    }
  });
});

describe("the built .fba (npm run build, fitbit-build)", () => {
  // The build compiles each folder's .po files into its own bundle (a table per language, picked by the phone's
  // locale at load): the companion's into companion.js, the settings page's into settings.js.
  function unescaped(js: string): string {
    return js.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\\(['"\\])/g, "$1");
  }
  for (const [folder, file] of [["companion", "companion.js"], ["settings", "settings.js"]] as const) {
    it(`${file} carries every ${folder}/i18n translation`, () => {
      const js = unescaped(phoneJs(file));
      for (const lang of LANGUAGES) {
        expect(js).toContain(JSON.stringify(lang).slice(1, -1));
        for (const [id, text] of Object.entries(poTable(folder, lang))) {
          if (!js.includes(text)) throw new Error(`${file} lacks ${folder}/i18n/${lang}.po "${id}": ${text}`);
        }
      }
    });
  }
});
