// "document": the elements of resources/index.view, parsed afresh at each launch. As on the device,
// getElementById returns null for an id the view does not have; lengths like "50%" resolve against the screen
// (336 x 336 on atlas and vulcan); only a displayed element with pointer-events="visible" takes a tap. Every
// property write counts as a DOM write (world().counters), changed or not: the watch pays for each.
// The page draws these elements as SVG (web/page/face-renderer.ts); nothing here knows about a browser.
import { SimEventTarget } from "../events";
import { world } from "../world";

export const SCREEN_SIZE = 336;

/** "50%", "100%-20", "12": Fitbit's sums of percentages and pixels. */
export function resolveLength(value: string, size: number): number {
  let total = 0;
  const re = /([+-]?)\s*(\d*\.?\d+)(%?)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value.replace(/\s+/g, ""))) !== null) {
    const n = parseFloat(m[2]) * (m[3] ? size / 100 : 1);
    total += m[1] === "-" ? -n : n;
  }
  return total;
}

const STYLE_KEYS = ["display", "fill", "fillOpacity", "fontFamily", "fontSize", "fontWeight", "opacity", "strokeWidth", "textDecoration", "visibility"];
const STYLE_ATTRS: Record<string, string> = { fillOpacity: "fill-opacity", fontFamily: "font-family", fontSize: "font-size", fontWeight: "font-weight", strokeWidth: "stroke-width", textDecoration: "text-decoration" };
/** Properties the app may write, and the view attribute each one starts from. */
const PROPS: Record<string, string> = {
  x: "x", y: "y", width: "width", height: "height", cx: "cx", cy: "cy", r: "r", x1: "x1", y1: "y1", x2: "x2", y2: "y2",
  arcWidth: "arc-width", startAngle: "start-angle", sweepAngle: "sweep-angle", value: "value", state: "state", layer: "layer",
  mode: "mode", enabled: "enabled", href: "href", letterSpacing: "letter-spacing", textAnchor: "text-anchor",
  textOverflow: "text-overflow", writingMode: "writing-mode",
};
const VERTICAL = ["y", "height", "cy", "y1", "y2"];
const LENGTHS = ["x", "width", "cx", "r", "x1", "x2", ...VERTICAL];

function countWrite(el: SimElement): void {
  if (!el.alive) return; // a killed face's code may still be unwinding: it writes to nothing
  const c = world().counters;
  c.domWrites++;
  const id = el.id || "<" + el.type + ">";
  c.domWritesById[id] = (c.domWritesById[id] || 0) + 1;
  world().signals.elementChanged.emit(el);
}

export class SimElement extends SimEventTarget {
  readonly type: string;
  readonly attrs: Record<string, string>;
  parent: SimElement | null = null;
  children: SimElement[] = [];
  readonly style: Record<string, string | number | undefined>;
  private textValue = "";
  private classValue: string;
  private props: Record<string, unknown> = {};

  constructor(type: string, attrs: Record<string, string>) {
    super("watch");
    this.type = type;
    this.attrs = attrs;
    this.classValue = attrs["class"] || "";
    const values: Record<string, string | number | undefined> = {};
    const style = {} as Record<string, string | number | undefined>;
    for (const k of STYLE_KEYS) {
      Object.defineProperty(style, k, {
        enumerable: true,
        get: () => values[k],
        set: (v) => { values[k] = v; countWrite(this); },
      });
    }
    this.style = Object.seal(style);
    for (const p of Object.keys(PROPS)) {
      Object.defineProperty(this, p, {
        enumerable: true,
        get: () => (p in this.props ? this.props[p] : this.attrValue(p)),
        set: (v) => { this.props[p] = v; countWrite(this); },
      });
    }
  }

  get id(): string { return this.attrs.id || ""; }
  get text(): string { return this.textValue; }
  set text(v: string) { this.textValue = String(v); countWrite(this); }
  get textContent(): string { return this.textValue; }
  set textContent(v: string) { this.text = v; }
  get class(): string { return this.classValue; }
  set class(v: string) { this.classValue = String(v); countWrite(this); }
  get firstChild(): SimElement | null { return this.children[0] || null; }
  get nextSibling(): SimElement | null {
    const sib = this.parent ? this.parent.children : [];
    return sib[sib.indexOf(this) + 1] || null;
  }
  get image(): string { return this.attrs.href || ""; }

  /** A style or presentation value in force: set at run time, else the view's attribute ("" when neither). */
  presentation(cssName: string): string {
    const key = Object.keys(STYLE_ATTRS).find((k) => STYLE_ATTRS[k] === cssName) || cssName;
    const v = this.style[key];
    return v !== undefined ? String(v) : this.attrs[cssName] || "";
  }

  /** Displayed: neither it nor an ancestor has display none or visibility hidden. */
  isDisplayed(): boolean {
    for (let e: SimElement | null = this; e; e = e.parent) {
      if (e.presentation("display") === "none" || e.presentation("visibility") === "hidden") return false;
    }
    return true;
  }

  /** What a finger can tap: displayed, with pointer-events="visible" (Fitbit's default is none). */
  get touchable(): boolean {
    return this.isDisplayed() && this.attrs["pointer-events"] === "visible";
  }

  getBBox(): { x: number; y: number; left: number; top: number; width: number; height: number; right: number; bottom: number } {
    const n = (k: string): number => Number(this[k]) || 0;
    const x = n("x"), y = n("y"), w = n("width"), h = n("height");
    return { x, y, left: x, top: y, width: w, height: h, right: x + w, bottom: y + h };
  }

  /** A finger on it: mousedown, mouseup, click at its centre. False (nothing happens) when it cannot be tapped. */
  tap(): boolean {
    if (!this.touchable) return false;
    const box = this.getBBox();
    for (const type of ["mousedown", "mouseup", "click"]) this.emit(type, { screenX: box.x + box.width / 2, screenY: box.y + box.height / 2 });
    return true;
  }

  /** Text from the view itself (not a write). */
  initialText(t: string): void { this.textValue += t; }

  animate(): void {}
  sendEvent(event: { type: string }): void { this.emit(event.type, event); }
  getElementById(id: string): SimElement | null { return findAll(this, (e) => e.id === id)[0] || null; }
  getElementsByClassName(c: string): SimElement[] { return findAll(this, (e) => e.class.split(/\s+/).indexOf(c) >= 0); }
  getElementsByTagName(t: string): SimElement[] { return findAll(this, (e) => e.type === t); }
  getElementsByTypeName(t: string): SimElement[] { return this.getElementsByTagName(t); }

  /** The view's attribute for a property: lengths resolved against the enclosing viewport, numbers as numbers. */
  private attrValue(prop: string): unknown {
    const raw = this.attrs[PROPS[prop]];
    if (raw === undefined) return undefined;
    if (LENGTHS.indexOf(prop) >= 0) return resolveLength(raw, this.viewport()[VERTICAL.indexOf(prop) >= 0 ? 1 : 0]);
    return isNaN(Number(raw)) ? raw : Number(raw);
  }

  private viewport(): [number, number] {
    for (let p = this.parent; p; p = p.parent) if (p.type === "svg" && p.parent) return [Number(p.width) || 0, Number(p.height) || 0];
    return [SCREEN_SIZE, SCREEN_SIZE];
  }
}

function findAll(root: SimElement, pred: (e: SimElement) => boolean): SimElement[] {
  const out: SimElement[] = [];
  const walk = (e: SimElement): void => {
    for (const c of e.children) {
      if (pred(c)) out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([\w:-]+)\s*=\s*"([^"]*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) attrs[m[1]] = m[2];
  return attrs;
}

/** A small parser for Fitbit .view files: elements, attributes, text; comments dropped. The root is the <svg>. */
export function parseView(source: string): SimElement {
  const doc = new SimElement("#document", {});
  const stack: SimElement[] = [doc];
  const re = /<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>|([^<]+)/g;
  const text = source.replace(/<!--[\s\S]*?-->/g, "");
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const top = stack[stack.length - 1];
    if (m[5] !== undefined) {
      if (m[5].trim()) top.initialText(m[5].trim());
      continue;
    }
    if (m[1] === "/") {
      if (top.type !== m[2]) throw new Error("index.view: </" + m[2] + "> closes <" + top.type + ">");
      stack.pop();
      continue;
    }
    const el = new SimElement(m[2], parseAttrs(m[3]));
    el.parent = top === doc ? null : top;
    top.children.push(el);
    if (m[4] !== "/") stack.push(el);
  }
  if (stack.length !== 1) throw new Error("index.view: <" + stack[stack.length - 1].type + "> is not closed");
  if (doc.children.length !== 1) throw new Error("index.view: one root element expected");
  return doc.children[0];
}

const root = parseView(world().watch.viewXml);
world().watch.root = root;
for (const e of [root, ...findAll(root, () => true)]) {
  if (!e.id) continue;
  if (world().watch.elements[e.id]) throw new Error("index.view: duplicate id " + e.id);
  world().watch.elements[e.id] = e;
}
world().signals.elementChanged.emit(null);

// Key presses (the watch's button) go to the document's handlers.
const keys = new SimEventTarget("watch");
world().signals.buttonPressed.on((key) => { for (const type of ["keydown", "keypress", "keyup"]) keys.emit(type, { key }); });

function unsupported(): never {
  throw new Error("The sim has one view: document.location and replaceSync are not simulated");
}

const document = {
  root,
  getElementById: (id: string): SimElement | null => world().watch.elements[id] || null,
  getElementsByClassName: (c: string): SimElement[] => root.getElementsByClassName(c),
  getElementsByTagName: (t: string): SimElement[] => root.getElementsByTagName(t),
  getElementsByTypeName: (t: string): SimElement[] => root.getElementsByTypeName(t),
  addEventListener: (type: string, fn: (e: unknown) => void): void => keys.addEventListener(type, fn),
  removeEventListener: (type: string, fn: (e: unknown) => void): void => keys.removeEventListener(type, fn),
  getEventHandler: (type: string): unknown => keys["on" + type] || null,
  setEventHandler: (type: string, fn: unknown): void => { keys["on" + type] = fn; },
  location: { pathname: "/index.view", assign: () => Promise.reject(new Error("one view")), replace: () => Promise.reject(new Error("one view")) },
  history: { length: 1, back() {}, forward() {}, go() {} },
  replaceSync: unsupported,
};

export default document;
