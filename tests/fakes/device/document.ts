// Fake of the device "document" module: the elements of resources/index.view, loaded afresh at each launch.
// As on the device, getElementById returns null for an id the view does not have; elements have text, class,
// style, geometry and event handlers; only displayed elements with pointer-events="visible" can be tapped
// (control.ts tap). Every property write counts as a DOM write (device().domWrites, per id in domWritesById).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FakeEventTarget, device } from "./state";

export var DEFAULT_VIEW = fileURLToPath(new URL("../../../resources/index.view", import.meta.url));

function countWrite(el: FakeElement): void {
  var d = device();
  d.domWrites++;
  var id = el.id || "<" + el.type + ">";
  d.domWritesById[id] = (d.domWritesById[id] || 0) + 1;
}

var STYLE_KEYS = ["display", "fill", "fillOpacity", "fontFamily", "fontSize", "fontWeight", "opacity", "strokeWidth", "textDecoration", "visibility"];

function makeStyle(el: FakeElement): any {
  var values: { [k: string]: any } = {};
  var style: any = {};
  STYLE_KEYS.forEach(function (k) {
    Object.defineProperty(style, k, {
      enumerable: true,
      get: function () { return values[k]; },
      set: function (v) { values[k] = v; countWrite(el); },
    });
  });
  return Object.seal(style);
}

/** Numeric and plain properties the app may write; each write counts. */
var PROPS = ["x", "y", "width", "height", "cx", "cy", "r", "x1", "y1", "x2", "y2", "arcWidth", "startAngle", "sweepAngle",
  "value", "state", "layer", "mode", "enabled", "href", "letterSpacing", "textAnchor", "textOverflow", "writingMode"];

var ATTR_NAMES: { [prop: string]: string } = {
  arcWidth: "arc-width", startAngle: "start-angle", sweepAngle: "sweep-angle", letterSpacing: "letter-spacing",
  textAnchor: "text-anchor", textOverflow: "text-overflow", writingMode: "writing-mode",
};

export class FakeElement extends FakeEventTarget {
  readonly type: string;
  readonly id: string;
  readonly attrs: { [name: string]: string };
  parent: FakeElement | null = null;
  children: FakeElement[] = [];
  readonly style: any;
  private _text = "";
  private _class: string;
  private _props: { [k: string]: any } = {};

  constructor(type: string, attrs: { [name: string]: string }) {
    super();
    this.type = type;
    this.attrs = attrs;
    this.id = attrs.id || "";
    this._class = attrs["class"] || "";
    this.style = makeStyle(this);
    var self = this;
    PROPS.forEach(function (p) {
      var attr = ATTR_NAMES[p] || p;
      if (attrs[attr] !== undefined) self._props[p] = isNaN(Number(attrs[attr])) ? attrs[attr] : Number(attrs[attr]);
      Object.defineProperty(self, p, {
        enumerable: true,
        get: function () { return self._props[p]; },
        set: function (v) { self._props[p] = v; countWrite(self); },
      });
    });
  }

  get text(): string { return this._text; }
  set text(v: string) { this._text = String(v); countWrite(this); }
  get textContent(): string { return this._text; }
  set textContent(v: string) { this.text = v; }
  get class(): string { return this._class; }
  set class(v: string) { this._class = String(v); countWrite(this); }
  get firstChild(): FakeElement | null { return this.children[0] || null; }
  get nextSibling(): FakeElement | null {
    if (!this.parent) return null;
    var sib = this.parent.children;
    return sib[sib.indexOf(this) + 1] || null;
  }
  get image(): string { return this.attrs.href || ""; }

  /** Initial text from the view, without counting a write. */
  setInitialText(t: string): void { this._text = t; }

  /** Displayed: neither it nor an ancestor has display none (style, else the view's attribute). */
  isDisplayed(): boolean {
    for (var e: FakeElement | null = this; e; e = e.parent) {
      var display = e.style.display !== undefined ? e.style.display : e.attrs.display;
      var visibility = e.style.visibility !== undefined ? e.style.visibility : e.attrs.visibility;
      if (display === "none" || visibility === "hidden") return false;
    }
    return true;
  }

  getBBox(): any {
    var x = Number(this._props.x) || 0, y = Number(this._props.y) || 0;
    var w = Number(this._props.width) || 0, h = Number(this._props.height) || 0;
    return { x: x, y: y, left: x, top: y, width: w, height: h, right: x + w, bottom: y + h };
  }
  animate(): void {}
  sendEvent(event: any): void { this.dispatchFake(event.type, event); }
  getElementById(id: string): FakeElement | null { return findAll(this, function (e) { return e.id === id; })[0] || null; }
  getElementsByClassName(c: string): FakeElement[] {
    return findAll(this, function (e) { return e.class.split(/\s+/).indexOf(c) >= 0; });
  }
  getElementsByTagName(t: string): FakeElement[] { return findAll(this, function (e) { return e.type === t; }); }
  getElementsByTypeName(t: string): FakeElement[] { return this.getElementsByTagName(t); }
}

function findAll(root: FakeElement, pred: (e: FakeElement) => boolean): FakeElement[] {
  var out: FakeElement[] = [];
  (function walk(e: FakeElement) {
    e.children.forEach(function (c) {
      if (pred(c)) out.push(c);
      walk(c);
    });
  })(root);
  return out;
}

function parseAttrs(s: string): { [name: string]: string } {
  var attrs: { [name: string]: string } = {};
  var re = /([\w:-]+)\s*=\s*"([^"]*)"/g;
  var m: RegExpExecArray | null;
  while ((m = re.exec(s))) attrs[m[1]] = m[2];
  return attrs;
}

/** A small parser for Fitbit .view files: elements, attributes, text; comments dropped. */
export function parseView(source: string): FakeElement {
  var text = source.replace(/<!--[\s\S]*?-->/g, "");
  var root = new FakeElement("#document", {});
  var stack: FakeElement[] = [root];
  var re = /<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>|([^<]+)/g;
  var m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    var top = stack[stack.length - 1];
    if (m[5] !== undefined) {
      var t = m[5].trim();
      if (t) top.setInitialText(top.text + t);
      continue;
    }
    if (m[1] === "/") {
      if (top.type !== m[2]) throw new Error("index.view: </" + m[2] + "> closes <" + top.type + ">");
      stack.pop();
      continue;
    }
    var el = new FakeElement(m[2], parseAttrs(m[3]));
    el.parent = top === root ? null : top;
    top.children.push(el);
    if (m[4] !== "/") stack.push(el);
  }
  if (stack.length !== 1) throw new Error("index.view: <" + stack[stack.length - 1].type + "> is not closed");
  return root;
}

function load(): FakeElement {
  var d = device();
  var root = parseView(readFileSync(d.viewPath || DEFAULT_VIEW, "utf-8"));
  var byId: { [id: string]: FakeElement } = {};
  findAll(root, function (e) { return !!e.id; }).forEach(function (e) {
    if (byId[e.id]) throw new Error("index.view: duplicate id " + e.id);
    byId[e.id] = e;
  });
  d.launch.root = root;
  d.launch.byId = byId;
  return root;
}

var root = load();

const document = {
  getElementById(id: string): FakeElement | null { return device().launch.byId[id] || null; },
  getElementsByClassName(c: string): FakeElement[] { return root.getElementsByClassName(c); },
  getElementsByTagName(t: string): FakeElement[] { return root.getElementsByTagName(t); },
  getElementsByTypeName(t: string): FakeElement[] { return root.getElementsByTypeName(t); },
  addEventListener(type: string, fn: (e: any) => void): void { root.addEventListener(type, fn); },
  removeEventListener(type: string, fn: (e: any) => void): void { root.removeEventListener(type, fn); },
  getEventHandler(): null { return null; },
  setEventHandler(): void {},
  location: {
    pathname: "/index.view",
    assign(): Promise<void> { return Promise.reject(new Error("document.location is not implemented by the test fake")); },
    replace(): Promise<void> { return Promise.reject(new Error("document.location is not implemented by the test fake")); },
  },
  history: { length: 1, back() {}, forward() {}, go() {} },
  replaceSync(): void { throw new Error("document.replaceSync is not implemented by the test fake"); },
};

export default document;
