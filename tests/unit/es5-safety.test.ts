// The watch runs JerryScript (ES5.1). common/watch is type-checked against the ES5 library, but app/ is checked with the
// SDK's device types, which pull in ES2015 library types: a call like Array.prototype.find would type-check there and
// crash on the watch. This scans the code that runs on the watch for the ES2015+ library calls it must not use.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const FORBIDDEN: [RegExp, string][] = [
  [/\.(find|findIndex|includes|startsWith|endsWith|padStart|padEnd|repeat|fill|flat|flatMap|copyWithin)\(/, "an ES2015+ array or string method"],
  [/\bArray\.(from|of)\(/, "Array.from/of"],
  [/\bObject\.(assign|entries|values|fromEntries|is)\(/, "an ES2015+ Object function"],
  [/\bNumber\.(isNaN|isFinite|isInteger|parseFloat|parseInt|EPSILON)\b/, "an ES2015+ Number member"],
  [/\bnew (Map|Set|WeakMap|WeakSet|Proxy)\b/, "an ES2015 collection"],
  [/\b(Symbol|Reflect)\./, "Symbol/Reflect"],
  [/\bfor \((const|let|var) [A-Za-z_$][\w$]* of\b/, "for...of (needs iterators)"],
];

function watchSources(): string[] {
  const files: string[] = [];
  for (const dir of ["app", "common/watch"]) { // what the watch ships: common/phone and common/dev never reach it
    for (const f of readdirSync(join(ROOT, dir))) if (f.endsWith(".ts")) files.push(join(dir, f));
  }
  return files;
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
}

describe("code that runs on the watch", () => {
  it("uses no ES2015+ library calls that JerryScript lacks", () => {
    const problems: string[] = [];
    expect(watchSources()).toEqual(expect.arrayContaining(["app/index.ts", "common/watch/guard.ts"])); // the scan reads them
    for (const file of watchSources()) {
      const lines = withoutComments(readFileSync(join(ROOT, file), "utf8")).split("\n");
      lines.forEach((line, i) => {
        for (const [pattern, what] of FORBIDDEN) if (pattern.test(line)) problems.push(`${file}:${i + 1} uses ${what}: ${line.trim()}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it("the scan itself catches what it is meant to", () => {
    const caught = (code: string) => FORBIDDEN.some(([pattern]) => pattern.test(code));
    expect(caught("var x = runs.find(function (r) { return r.id; });")).toBe(true);
    expect(caught("var o = Object.assign({}, a);")).toBe(true);
    expect(caught("for (var id of ids) send(id);")).toBe(true);
    expect(caught("var keys = Object.keys(o); var i = list.indexOf(x);")).toBe(false);
  });
});
