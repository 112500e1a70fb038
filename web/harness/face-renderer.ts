// Draws the simulated watch's document (sim/device/document.ts: resources/index.view as elements the app writes)
// as browser SVG in the page's watch screen, with resources/styles.css applied, and turns a click on the screen
// into a tap on the element under it. Redraws an element whenever the app writes one of its properties.
import type { SimElement } from "../../sim/device/document";
import type { World } from "../../sim/world";
import { cascade, CssRule, Matchable, parseCss } from "./fitbit-css";

const SVG_NS = "http://www.w3.org/2000/svg";
const STYLE_NAMES: Record<string, string> = {
  fill: "fill", display: "display", visibility: "visibility", opacity: "opacity", "fill-opacity": "fillOpacity",
  "font-size": "fontSize", "font-family": "fontFamily", "font-weight": "fontWeight", "stroke-width": "strokeWidth",
};

function fontOf(family: string): { family: string; weight: string } {
  const weight = /bold|black|heavy/i.test(family) ? "700" : /semibold|medium/i.test(family) ? "600" : /light|thin/i.test(family) ? "300" : "400";
  return { family: "'DejaVu Sans Condensed', 'Roboto Condensed', 'Arial Narrow', sans-serif", weight };
}

function browserTag(el: SimElement): string {
  switch (el.type) {
    case "svg": return el.parent === null ? "g" : "svg";
    case "rect": case "gradientRect": return "rect";
    case "text": case "textarea": return "text";
    case "circle": return "circle";
    case "line": return "line";
    case "image": return "image";
    case "arc": case "gradientArc": return "path";
    default: return "g";
  }
}

const SKIPPED = ["defs", "link", "animate", "set"];

export class FaceRenderer {
  private nodes = new Map<SimElement, SVGElement>();
  private elements = new Map<Element, SimElement>();
  private rules: CssRule[];

  constructor(private readonly world: World, private readonly screen: SVGSVGElement, css: string) {
    this.rules = parseCss(css);
    world.signals.elementChanged.on((el) => {
      if (el === null) this.build();
      else this.restyle(el as SimElement);
    });
    screen.addEventListener("click", (e) => {
      const el = this.elements.get(e.target as Element);
      if (el) world.clock.run(() => el.tap());
    });
    if (world.watch.root) this.build();
  }

  /** A new launch loaded its document: draw it afresh. */
  private build(): void {
    const root = this.world.watch.root as SimElement | null;
    this.screen.replaceChildren();
    this.nodes.clear();
    this.elements.clear();
    if (!root) return;
    this.screen.style.background = root.attrs["viewport-fill"] || "black";
    this.screen.appendChild(this.make(root));
    this.restyle(root);
  }

  private make(el: SimElement): SVGElement {
    const node = document.createElementNS(SVG_NS, browserTag(el));
    node.setAttribute("data-id", el.id);
    node.setAttribute("data-fitbit", el.type);
    this.nodes.set(el, node);
    this.elements.set(node, el);
    for (const c of el.children) if (SKIPPED.indexOf(c.type) < 0) node.appendChild(this.make(c));
    return node;
  }

  /** Redraw an element and everything under it (a class or a viewport change reaches the descendants). */
  private restyle(el: SimElement): void {
    this.draw(el);
    for (const c of el.children) if (this.nodes.has(c)) this.restyle(c);
  }

  private draw(el: SimElement): void {
    const n = this.nodes.get(el);
    if (!n) return;
    const matchable = (e: SimElement): Matchable => ({ tag: e.type, id: e.id, classes: e.class.split(/\s+/).filter(Boolean), parent: e.parent ? matchable(e.parent) : null });
    const css = cascade(this.rules, matchable(el));
    // Set at run time, else the stylesheet, else the view's attribute.
    const value = (name: string): string => {
      const runtime = STYLE_NAMES[name] ? el.style[STYLE_NAMES[name]] : undefined;
      return runtime !== undefined ? String(runtime) : css[name] ?? el.attrs[name] ?? "";
    };
    const set = (name: string, v: string | number | null): void => {
      if (v === null || v === "") n.removeAttribute(name);
      else n.setAttribute(name, String(v));
    };
    set("display", value("display") === "none" ? "none" : null);
    set("visibility", value("visibility") || null);
    set("opacity", value("opacity") || null);
    set("pointer-events", el.attrs["pointer-events"] === "visible" ? "visible" : "none");
    const fill = value("fill");
    const num = (k: string): number => Number(el[k]) || 0;
    if (el.type === "arc") {
      const x = num("x"), y = num("y"), w = num("width"), h = num("height"), aw = num("arcWidth");
      const rx = (w - aw) / 2, ry = (h - aw) / 2, cx = x + w / 2, cy = y + h / 2;
      const start = num("startAngle"), sweep = Math.max(-359.99, Math.min(359.99, num("sweepAngle")));
      const pt = (deg: number): string => {
        const rad = ((deg - 90) * Math.PI) / 180;
        return `${cx + rx * Math.cos(rad)} ${cy + ry * Math.sin(rad)}`;
      };
      n.setAttribute("d", sweep === 0 ? "" : `M ${pt(start)} A ${rx} ${ry} 0 ${Math.abs(sweep) > 180 ? 1 : 0} ${sweep > 0 ? 1 : 0} ${pt(start + sweep)}`);
      n.setAttribute("fill", "none");
      n.setAttribute("stroke", fill || "white");
      n.setAttribute("stroke-width", String(aw));
      return;
    }
    set("fill", fill || null);
    set("fill-opacity", value("fill-opacity") || null);
    const family = value("font-family");
    if (family) {
      const f = fontOf(family);
      set("font-family", f.family);
      set("font-weight", value("font-weight") === "bold" ? "700" : f.weight);
    }
    set("font-size", value("font-size") || null);
    set("text-anchor", el.textAnchor !== undefined ? String(el.textAnchor) : null);
    set("letter-spacing", el.letterSpacing !== undefined ? String(el.letterSpacing) : null);
    for (const g of ["x", "y", "width", "height", "cx", "cy", "r", "x1", "x2", "y1", "y2"]) if (el[g] !== undefined) set(g, num(g));
    if (el.type === "line") set("stroke", fill || null), set("stroke-width", value("stroke-width") || "1");
    if (el.type === "image") set("href", el.href ? "resources/" + String(el.href).replace(/^\//, "") : null);
    if (el.type === "text" || el.type === "textarea") n.textContent = el.text;
  }
}
