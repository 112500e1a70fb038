// resources/index.view as live elements: each Fitbit element keeps its attributes, the CSS that matches it and
// what the app set at run time, and draws itself as a browser SVG element inside the page's watch screen.
import { cascade, CssRule, Matchable } from "./fitbit-css";

const SVG_NS = "http://www.w3.org/2000/svg";
export const SCREEN_SIZE = 336;

type Handler = (event: FitbitEvent) => unknown;

export interface FitbitEvent {
  type: string;
  target: FitbitElement | null;
  screenX?: number;
  screenY?: number;
  key?: string;
  defaultPrevented?: boolean;
  preventDefault?: () => void;
}

/** Geometry that Fitbit resolves against the enclosing viewport, and on which axis. */
const GEOMETRY: Record<string, "w" | "h"> = { x: "w", width: "w", cx: "w", x1: "w", x2: "w", r: "w", y: "h", height: "h", cy: "h", y1: "h", y2: "h" };

/** "50%", "100%-20", "12": Fitbit's sums of percentages and pixels. */
export function resolveLength(value: string | undefined, size: number): number {
  if (value === undefined || value === "") return 0;
  let total = 0;
  const re = /([+-]?)\s*(\d*\.?\d+)(%?)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value.replace(/\s+/g, ""))) !== null) {
    const n = parseFloat(m[2]) * (m[3] ? size / 100 : 1);
    total += m[1] === "-" ? -n : n;
  }
  return total;
}

function fontOf(family: string): { family: string; weight: string } {
  const weight = /bold|black|heavy/i.test(family) ? "700" : /semibold|medium/i.test(family) ? "600" : /light|thin/i.test(family) ? "300" : "400";
  return { family: "'DejaVu Sans Condensed', 'Roboto Condensed', 'Arial Narrow', sans-serif", weight };
}

const STYLE_PROPS: Record<string, string> = {
  fill: "fill", display: "display", visibility: "visibility", opacity: "opacity", fillOpacity: "fill-opacity",
  fontSize: "font-size", fontFamily: "font-family", fontWeight: "font-weight", strokeWidth: "stroke-width",
  textDecoration: "text-decoration",
};

export class FitbitElement implements Matchable {
  readonly children: FitbitElement[] = [];
  readonly node: SVGElement;
  private readonly attrs: Record<string, string>;
  private css: Record<string, string> = {};
  private runtime: Record<string, string> = {};
  private textValue: string;
  private handlers: Record<string, Handler[]> = {};
  readonly style: Record<string, string | number | undefined>;
  layer = 0;
  state = "";
  mode: number | [number, number] = 0;
  value: number | [number, number] = 0;
  enabled = true;

  constructor(readonly view: View, readonly tag: string, source: Element, public parent: FitbitElement | null) {
    this.attrs = {};
    for (const a of Array.from(source.attributes)) this.attrs[a.name] = a.value;
    this.textValue = tag === "text" || tag === "textarea" ? (source.textContent ?? "") : "";
    this.node = document.createElementNS(SVG_NS, this.browserTag());
    this.node.setAttribute("data-id", this.id);
    this.node.setAttribute("data-fitbit", tag);
    const self = this;
    this.style = new Proxy({} as Record<string, string | number | undefined>, {
      get: (_t, p: string) => (STYLE_PROPS[p] ? self.prop(STYLE_PROPS[p]) : undefined),
      set: (_t, p: string, v) => {
        if (STYLE_PROPS[p]) self.setProp(STYLE_PROPS[p], v);
        return true;
      },
    });
  }

  get id(): string { return this.attrs.id ?? ""; }
  get type(): string { return this.tag; }
  get classes(): string[] { return (this.prop("class") || "").split(/\s+/).filter(Boolean); }
  get class(): string { return this.prop("class") || ""; }
  set class(v: string) {
    this.runtime["class"] = String(v);
    this.view.restyle(this);
  }
  get text(): string { return this.textValue; }
  set text(v: string) {
    const s = String(v);
    if (s === this.textValue) return;
    this.textValue = s;
    this.draw();
  }
  get textContent(): string { return this.text; }
  set textContent(v: string) { this.text = v; }
  get firstChild(): FitbitElement | null { return this.children[0] ?? null; }
  get nextSibling(): FitbitElement | null {
    if (!this.parent) return null;
    return this.parent.children[this.parent.children.indexOf(this) + 1] ?? null;
  }
  get image(): string { return this.prop("href"); }
  get href(): string { return this.prop("href"); }
  set href(v: string) { this.setProp("href", v); }
  get textAnchor(): string { return this.prop("text-anchor"); }
  set textAnchor(v: string) { this.setProp("text-anchor", v); }
  get letterSpacing(): number { return Number(this.prop("letter-spacing")) || 0; }
  set letterSpacing(v: number) { this.setProp("letter-spacing", v); }
  get x(): number { return this.num("x"); } set x(v: number) { this.setProp("x", v); }
  get y(): number { return this.num("y"); } set y(v: number) { this.setProp("y", v); }
  get width(): number { return this.num("width"); } set width(v: number) { this.setProp("width", v); }
  get height(): number { return this.num("height"); } set height(v: number) { this.setProp("height", v); }
  get cx(): number { return this.num("cx"); } set cx(v: number) { this.setProp("cx", v); }
  get cy(): number { return this.num("cy"); } set cy(v: number) { this.setProp("cy", v); }
  get r(): number { return this.num("r"); } set r(v: number) { this.setProp("r", v); }
  get x1(): number { return this.num("x1"); } set x1(v: number) { this.setProp("x1", v); }
  get x2(): number { return this.num("x2"); } set x2(v: number) { this.setProp("x2", v); }
  get y1(): number { return this.num("y1"); } set y1(v: number) { this.setProp("y1", v); }
  get y2(): number { return this.num("y2"); } set y2(v: number) { this.setProp("y2", v); }
  get arcWidth(): number { return Number(this.prop("arc-width")) || 0; } set arcWidth(v: number) { this.setProp("arc-width", v); }
  get startAngle(): number { return Number(this.prop("start-angle")) || 0; } set startAngle(v: number) { this.setProp("start-angle", v); }
  get sweepAngle(): number { return Number(this.prop("sweep-angle")) || 0; } set sweepAngle(v: number) { this.setProp("sweep-angle", v); }

  // Events: on<type> properties and listeners, as on the device.
  get onclick(): Handler | null { return this.handler("click"); } set onclick(h: Handler | null) { this.setHandler("click", h); }
  get onmousedown(): Handler | null { return this.handler("mousedown"); } set onmousedown(h: Handler | null) { this.setHandler("mousedown", h); }
  get onmouseup(): Handler | null { return this.handler("mouseup"); } set onmouseup(h: Handler | null) { this.setHandler("mouseup", h); }
  get onmousemove(): Handler | null { return this.handler("mousemove"); } set onmousemove(h: Handler | null) { this.setHandler("mousemove", h); }
  get onactivate(): Handler | null { return this.handler("activate"); } set onactivate(h: Handler | null) { this.setHandler("activate", h); }

  addEventListener(type: string, h: Handler): void {
    (this.handlers[type] ??= []).push(h);
  }
  removeEventListener(type: string, h: Handler): void {
    this.handlers[type] = (this.handlers[type] ?? []).filter((x) => x !== h);
  }
  dispatch(event: FitbitEvent): void {
    const on = this.onHandlers[event.type];
    if (on) on.call(this, event);
    for (const h of (this.handlers[event.type] ?? []).slice()) h.call(this, event);
  }
  sendEvent(event: FitbitEvent): void {
    this.dispatch({ ...event, target: this });
  }
  animate(_trigger: string): void {
    // Fitbit <animate> elements are not rendered by the preview; the app's state still changes.
  }

  getBBox(): DOMRect {
    const b = (this.node as SVGGraphicsElement).getBBox?.() ?? new DOMRect();
    return { x: b.x, y: b.y, width: b.width, height: b.height, left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height } as DOMRect;
  }

  getElementById(id: string): FitbitElement | null { return this.view.search(this, (e) => e.id === id)[0] ?? null; }
  getElementsByClassName(c: string): FitbitElement[] { return this.view.search(this, (e) => e.classes.indexOf(c) >= 0); }
  getElementsByTagName(t: string): FitbitElement[] { return this.view.search(this, (e) => e.tag === t); }
  getElementsByTypeName(t: string): FitbitElement[] { return this.getElementsByTagName(t); }

  /** The effective value of a property: run-time setting, then CSS, then the view's attribute. */
  prop(name: string): string {
    return this.runtime[name] ?? this.css[name] ?? this.attrs[name] ?? "";
  }

  restyle(rules: CssRule[]): void {
    this.css = cascade(rules, this);
    this.draw();
  }

  /** The enclosing viewport's size, for percentages. */
  viewportSize(): { w: number; h: number } {
    for (let p = this.parent; p !== null; p = p.parent) {
      if (p.tag === "svg" && p.parent !== null) return { w: p.num("width"), h: p.num("height") };
    }
    return { w: SCREEN_SIZE, h: SCREEN_SIZE };
  }

  /** Can this element be tapped? Fitbit elements only get touches with pointer-events="visible". */
  get touchable(): boolean {
    return this.prop("pointer-events") === "visible";
  }

  draw(): void {
    const n = this.node;
    const set = (name: string, value: string | number | null): void => {
      if (value === null || value === "") n.removeAttribute(name);
      else n.setAttribute(name, String(value));
    };
    const display = this.prop("display");
    set("display", display === "none" ? "none" : null);
    set("visibility", this.prop("visibility") || null);
    set("opacity", this.prop("opacity") || null);
    set("pointer-events", this.touchable ? "visible" : "none");
    const fill = this.prop("fill");
    if (this.tag === "arc") {
      this.drawArc(fill);
      return;
    }
    set("fill", fill || null);
    set("fill-opacity", this.prop("fill-opacity") || null);
    const family = this.prop("font-family");
    if (family) {
      const f = fontOf(family);
      set("font-family", f.family);
      set("font-weight", this.prop("font-weight") === "bold" ? "700" : f.weight);
    }
    set("font-size", this.prop("font-size") || null);
    set("text-anchor", this.prop("text-anchor") || null);
    set("letter-spacing", this.prop("letter-spacing") || null);
    for (const g of ["x", "y", "width", "height", "cx", "cy", "r", "x1", "x2", "y1", "y2"]) {
      if (this.prop(g) !== "") set(g, this.num(g));
    }
    if (this.tag === "line") set("stroke", fill || null), set("stroke-width", this.prop("stroke-width") || "1");
    if (this.tag === "image") set("href", this.prop("href") ? "/resources/" + this.prop("href").replace(/^\//, "") : null);
    if (this.tag === "text" || this.tag === "textarea") n.textContent = this.textValue;
  }

  private drawArc(fill: string): void {
    const x = this.num("x"), y = this.num("y"), w = this.num("width"), h = this.num("height");
    const aw = this.arcWidth;
    const rx = (w - aw) / 2, ry = (h - aw) / 2, cx = x + w / 2, cy = y + h / 2;
    const start = this.startAngle, sweep = Math.max(-359.99, Math.min(359.99, this.sweepAngle));
    const pt = (deg: number): string => {
      const rad = ((deg - 90) * Math.PI) / 180;
      return `${cx + rx * Math.cos(rad)} ${cy + ry * Math.sin(rad)}`;
    };
    this.node.setAttribute("d", sweep === 0 ? "" : `M ${pt(start)} A ${rx} ${ry} 0 ${Math.abs(sweep) > 180 ? 1 : 0} ${sweep > 0 ? 1 : 0} ${pt(start + sweep)}`);
    this.node.setAttribute("fill", "none");
    this.node.setAttribute("stroke", fill || "white");
    this.node.setAttribute("stroke-width", String(aw));
  }

  private num(name: string): number {
    const raw = this.prop(name);
    const axis = GEOMETRY[name];
    if (!axis) return Number(raw) || 0;
    const size = this.viewportSize();
    return resolveLength(raw, axis === "w" ? size.w : size.h);
  }

  private setProp(name: string, value: unknown): void {
    const s = value === undefined || value === null ? "" : String(value);
    if (this.runtime[name] === s) return;
    this.runtime[name] = s;
    this.draw();
    if (this.tag === "svg") for (const c of this.view.descendants(this)) c.draw();
  }

  private onHandlers: Record<string, Handler | null> = {};
  private handler(type: string): Handler | null { return this.onHandlers[type] ?? null; }
  private setHandler(type: string, h: Handler | null): void { this.onHandlers[type] = h; }

  private browserTag(): string {
    switch (this.tag) {
      case "svg": return this.parent === null ? "g" : "svg";
      case "rect": case "gradientRect": return "rect";
      case "text": case "textarea": return "text";
      case "circle": return "circle";
      case "line": return "line";
      case "image": return "image";
      case "arc": case "gradientArc": return "path";
      default: return "g";
    }
  }
}

/** The face: the parsed view, its styles, and the root drawn into the page's <svg>. */
export class View {
  readonly root: FitbitElement;
  private all: FitbitElement[] = [];

  constructor(viewXml: string, private rules: CssRule[], screen: SVGSVGElement) {
    const doc = new DOMParser().parseFromString(viewXml, "application/xml");
    const err = doc.querySelector("parsererror");
    if (err) throw new Error("resources/index.view is not well-formed XML: " + err.textContent);
    this.root = this.build(doc.documentElement, null);
    for (const e of this.all) e.restyle(this.rules);
    const fill = doc.documentElement.getAttribute("viewport-fill");
    screen.style.background = fill || "black";
    screen.appendChild(this.root.node);
  }

  search(from: FitbitElement, test: (e: FitbitElement) => boolean): FitbitElement[] {
    return this.descendants(from).filter(test);
  }

  descendants(from: FitbitElement): FitbitElement[] {
    const out: FitbitElement[] = [];
    const walk = (e: FitbitElement): void => {
      for (const c of e.children) {
        out.push(c);
        walk(c);
      }
    };
    walk(from);
    return out;
  }

  restyle(el: FitbitElement): void {
    el.restyle(this.rules);
    for (const d of this.descendants(el)) d.restyle(this.rules);
  }

  /** The face element drawn as this browser node (the target of a tap). */
  elementOf(node: Element | null): FitbitElement | null {
    for (const e of this.all) if (e.node === node) return e;
    return null;
  }

  private build(source: Element, parent: FitbitElement | null): FitbitElement {
    const el = new FitbitElement(this, source.localName, source, parent);
    this.all.push(el);
    for (const child of Array.from(source.children)) {
      if (child.localName === "defs" || child.localName === "link" || child.localName === "animate" || child.localName === "set") continue;
      const c = this.build(child, el);
      el.children.push(c);
      el.node.appendChild(c.node);
    }
    return el;
  }
}
