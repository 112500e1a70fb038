// A small reader for the gettext .po files the Fitbit build compiles (settings/i18n/*.po, companion/i18n/*.po): the
// subset the build accepts (msgid and one msgstr, strings continued on the next lines, # comments, the usual
// escapes). A line it does not understand is an error naming the file and line, never skipped.

export type PoTable = Record<string, string>;

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\" };

function unquote(s: string, where: string): string {
  if (!/^"(?:[^"\\]|\\.)*"$/.test(s)) throw new Error(`${where}: expected a quoted string, got ${s}`);
  return s.slice(1, -1).replace(/\\(.)/g, (_, c: string) => {
    if (!(c in ESCAPES)) throw new Error(`${where}: unknown escape \\${c}`);
    return ESCAPES[c];
  });
}

/** msgid -> msgstr. A repeated msgid, a msgstr without a msgid or a plural form (which Fitbit's build refuses) is an
 * error; the header entry (empty msgid) is left out. */
export function parsePo(text: string, file: string): PoTable {
  const table: PoTable = {};
  let id: string | null = null;
  let str: string | null = null;
  let field: "id" | "str" | null = null;
  let idAt = "";
  const flush = (where: string): void => {
    if (id === null && str === null) return;
    if (id === null || str === null) throw new Error(`${where}: msgid "${id ?? ""}" has no msgstr`);
    if (Object.prototype.hasOwnProperty.call(table, id)) throw new Error(`${idAt}: msgid "${id}" appears twice`);
    if (id !== "") table[id] = str;
    id = str = null;
    field = null;
  };
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, i) => {
    const where = `${file}:${i + 1}`;
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const m = /^(msgid|msgstr|msgid_plural|msgstr\[\d+\]|msgctxt)\s+(.*)$/.exec(line);
    if (m) {
      if (m[1] === "msgid") {
        flush(where);
        id = unquote(m[2], where);
        idAt = where;
        field = "id";
      } else if (m[1] === "msgstr") {
        if (id === null) throw new Error(`${where}: msgstr without a msgid`);
        if (str !== null) throw new Error(`${where}: msgid "${id}" has two msgstr`);
        str = unquote(m[2], where);
        field = "str";
      } else {
        throw new Error(`${where}: ${m[1]} is not supported by Fitbit's i18n (one msgid, one msgstr)`);
      }
      return;
    }
    if (line.startsWith('"') && field !== null) {
      if (field === "id") id += unquote(line, where);
      else str += unquote(line, where);
      return;
    }
    throw new Error(`${where}: not a .po line: ${line.slice(0, 60)}`);
  });
  flush(`${file}:${lines.length}`);
  return table;
}

/** For vitest (vite): a .po file imported as its text, as esbuild's `with { type: "text" }` gives the page and the
 * soak's bundles. */
export function poTextPlugin(): { name: string; transform(code: string, id: string): { code: string; map: null } | null } {
  return {
    name: "po-text",
    transform(code: string, id: string) {
      return id.endsWith(".po") ? { code: "export default " + JSON.stringify(code) + ";", map: null } : null;
    },
  };
}
