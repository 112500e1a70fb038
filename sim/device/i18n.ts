/// <reference path="../po-text.d.ts" />
// "i18n" on the watch: gettext() from app/i18n/*.po, which fitbit-build compiles into the device bundle's language
// tables (l/<language>) and the watch reads natively, in the watch's own language (world().watch.locale, read at
// every call so the preview can switch it under a running face). As on the phone (sim/phone/i18n.ts), a missing
// id comes back as itself; the watch's msgids are the English the face writes.
import { parsePo, PoTable } from "../po";
import { world } from "../world";
import { Language, languageOf } from "../phone/i18n";
import de from "../../app/i18n/de-DE.po" with { type: "text" };
import en from "../../app/i18n/en-US.po" with { type: "text" };
import es from "../../app/i18n/es-ES.po" with { type: "text" };
import fr from "../../app/i18n/fr-FR.po" with { type: "text" };

const SOURCES: Record<Language, string> = { "en-US": en, "de-DE": de, "fr-FR": fr, "es-ES": es };
const tables = new Map<Language, PoTable>();

/** The watch's table for one language, as the build sees it. */
export function watchTable(language: Language): PoTable {
  let t = tables.get(language);
  if (!t) tables.set(language, (t = parsePo(SOURCES[language], `app/i18n/${language}.po`)));
  return t;
}

export function gettext(msgid: string): string {
  const id = String(msgid);
  return watchTable(languageOf(world().watch.locale))[id] || id;
}
