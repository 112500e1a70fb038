// The subset of CSS Fitbit views use: rules of simple selectors (tag, #id, .class, compound, descendant),
// declarations of presentation properties. Later rules and more specific selectors win, as in browsers.

export interface CssRule {
  /** Each selector is a descendant chain of compound selectors, e.g. [["g", "#run"], [".t-over"]]. */
  selector: CompoundSelector[];
  specificity: number;
  order: number;
  declarations: Record<string, string>;
}

interface CompoundSelector {
  tag: string | null;
  id: string | null;
  classes: string[];
}

export interface Matchable {
  tag: string;
  id: string;
  classes: string[];
  parent: Matchable | null;
}

function parseCompound(text: string): CompoundSelector {
  const sel: CompoundSelector = { tag: null, id: null, classes: [] };
  const re = /([#.]?)([A-Za-z0-9_-]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[1] === "#") sel.id = m[2];
    else if (m[1] === ".") sel.classes.push(m[2]);
    else sel.tag = m[2];
  }
  return sel;
}

export function parseCss(css: string): CssRule[] {
  const rules: CssRule[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const re = /([^{}]+)\{([^}]*)\}/g;
  let m: RegExpExecArray | null;
  let order = 0;
  while ((m = re.exec(text)) !== null) {
    const declarations: Record<string, string> = {};
    for (const decl of m[2].split(";")) {
      const i = decl.indexOf(":");
      if (i > 0) declarations[decl.slice(0, i).trim().toLowerCase()] = decl.slice(i + 1).trim();
    }
    for (const selText of m[1].split(",")) {
      const parts = selText.trim().split(/\s+/).filter(Boolean).map(parseCompound);
      if (parts.length === 0) continue;
      let specificity = 0;
      for (const p of parts) specificity += (p.id ? 100 : 0) + p.classes.length * 10 + (p.tag ? 1 : 0);
      rules.push({ selector: parts, specificity, order: order++, declarations });
    }
  }
  return rules;
}

function matchesCompound(sel: CompoundSelector, el: Matchable): boolean {
  if (sel.tag !== null && sel.tag !== el.tag) return false;
  if (sel.id !== null && sel.id !== el.id) return false;
  for (const c of sel.classes) if (el.classes.indexOf(c) < 0) return false;
  return true;
}

function matches(rule: CssRule, el: Matchable): boolean {
  const chain = rule.selector;
  if (!matchesCompound(chain[chain.length - 1], el)) return false;
  let ancestor = el.parent;
  for (let i = chain.length - 2; i >= 0; i--) {
    while (ancestor !== null && !matchesCompound(chain[i], ancestor)) ancestor = ancestor.parent;
    if (ancestor === null) return false;
    ancestor = ancestor.parent;
  }
  return true;
}

/** The declarations that apply to an element, lowest precedence first already merged. */
export function cascade(rules: CssRule[], el: Matchable): Record<string, string> {
  const applicable = rules.filter((r) => matches(r, el)).sort((a, b) => a.specificity - b.specificity || a.order - b.order);
  const out: Record<string, string> = {};
  for (const r of applicable) Object.assign(out, r.declarations);
  return out;
}
