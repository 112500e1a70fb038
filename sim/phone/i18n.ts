/// <reference path="../po-text.d.ts" />
// "i18n" on the phone: gettext() from the same .po files fitbit-build compiles into the companion and the settings
// page (companion/i18n/*.po, settings/i18n/*.po). One stand-in serves both sides, so it looks a message up in both
// folders' tables (an id in both must say the same; tests/unit/translations.test.ts checks which side's table each
// side's words come from). The language follows the world's phone locale (world().phone.locale, set by setLanguage
// or the preview's language menu), read at every call: where Fitbit reads the phone's locale once, at load, the sim
// can switch it under a running page.
import { parsePo, PoTable } from "../po";
import { world } from "../world";
import companionDe from "../../companion/i18n/de-DE.po" with { type: "text" };
import companionEn from "../../companion/i18n/en-US.po" with { type: "text" };
import companionEs from "../../companion/i18n/es-ES.po" with { type: "text" };
import companionFr from "../../companion/i18n/fr-FR.po" with { type: "text" };
import settingsDe from "../../settings/i18n/de-DE.po" with { type: "text" };
import settingsEn from "../../settings/i18n/en-US.po" with { type: "text" };
import settingsEs from "../../settings/i18n/es-ES.po" with { type: "text" };
import settingsFr from "../../settings/i18n/fr-FR.po" with { type: "text" };

/** The languages the project translates into, the default (package.json fitbit.defaultLanguage) first. */
export const LANGUAGES = ["en-US", "de-DE", "fr-FR", "es-ES"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en-US";

const SOURCES: Record<"companion" | "settings", Record<Language, string>> = {
  companion: { "en-US": companionEn, "de-DE": companionDe, "fr-FR": companionFr, "es-ES": companionEs },
  settings: { "en-US": settingsEn, "de-DE": settingsDe, "fr-FR": settingsFr, "es-ES": settingsEs },
};

/** One folder's table for one language, as the build sees it. */
export function poTable(side: "companion" | "settings", language: Language): PoTable {
  return parsePo(SOURCES[side][language], `${side}/i18n/${language}.po`);
}

function merged(language: Language): PoTable {
  const out: PoTable = { ...poTable("companion", language) };
  for (const [id, text] of Object.entries(poTable("settings", language))) {
    if (id in out && out[id] !== text) throw new Error(`msgid "${id}" differs between companion/i18n and settings/i18n (${language})`);
    out[id] = text;
  }
  return out;
}

const tables = new Map<Language, PoTable>();
function table(language: Language): PoTable {
  let t = tables.get(language);
  if (!t) tables.set(language, (t = merged(language)));
  return t;
}

/** As Fitbit's companion-gettext maps a phone locale: its language's supported tag ("de-AT" -> "de-DE"), else the
 * default language. */
export function languageOf(locale: string): Language {
  const exact = LANGUAGES.find((l) => l.toLowerCase() === locale.toLowerCase());
  if (exact) return exact;
  const byLang = LANGUAGES.find((l) => l.slice(0, 2) === locale.slice(0, 2).toLowerCase());
  return byLang ?? DEFAULT_LANGUAGE;
}

/** Switches the phone's locale (any: "fr-CA" speaks fr-FR, "it-IT" the default). Returns the language it speaks. */
export function setLanguage(locale: string): Language {
  if (typeof locale !== "string" || !/^[a-zA-Z]{2}(-[a-zA-Z0-9]+)*$/.test(locale)) {
    throw new Error(`setLanguage: "${String(locale)}" is not a locale like "de-DE"`);
  }
  world().phone.locale = locale;
  return languageOf(locale);
}

/** The language the phone speaks now. */
export function language(): Language {
  return languageOf(world().phone.locale);
}

/** Fitbit's gettext (@fitbit-sdk/companion-gettext): the message from the current language's table, else the id
 * itself. As there, a language's missing id is not looked up in the default language. */
export function gettext(msgid: string): string {
  const id = String(msgid);
  return table(language())[id] || id;
}
