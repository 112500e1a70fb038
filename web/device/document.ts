// The "document" module: resources/index.view with resources/styles.css, drawn as SVG in the page's watch
// screen. Taps on the screen reach the element's handlers; the page's button sends key events.
import viewXml from "../../resources/index.view";
import stylesCss from "../../resources/styles.css";
import { host } from "../shared/host";
import { parseCss } from "./fitbit-css";
import { FitbitElement, FitbitEvent, View } from "./view";

const world = host();
const view = new View(viewXml, parseCss(stylesCss), world.watch.screen);

type Handler = (event: FitbitEvent) => unknown;
const docHandlers: Record<string, Handler[]> = {};
const onHandlers: Record<string, Handler | null> = {};

function fire(type: string, event: FitbitEvent): void {
  world.clock.run(() => {
    onHandlers[type]?.(event);
    for (const h of (docHandlers[type] ?? []).slice()) h(event);
  });
}

// Touches: the browser picks the element under the finger; only elements marked pointer-events="visible" take it.
function touch(type: string, browserEvent: MouseEvent): void {
  const el = view.elementOf(browserEvent.target as Element);
  if (el === null || !el.touchable) return;
  const rect = world.watch.screen.getBoundingClientRect();
  const event: FitbitEvent = {
    type, target: el,
    screenX: Math.round(((browserEvent.clientX - rect.left) * 336) / rect.width),
    screenY: Math.round(((browserEvent.clientY - rect.top) * 336) / rect.height),
  };
  world.clock.run(() => el.dispatch(event));
}
world.watch.screen.addEventListener("mousedown", (e) => touch("mousedown", e));
world.watch.screen.addEventListener("mouseup", (e) => touch("mouseup", e));
world.watch.screen.addEventListener("click", (e) => touch("click", e));

world.watch.buttonPressed.on((key) => {
  for (const type of ["keydown", "keypress", "keyup"]) fire(type, { type, target: null, key });
});

function handlerProperty(type: string): PropertyDescriptor {
  return { get: () => onHandlers[type] ?? null, set: (h: Handler | null) => { onHandlers[type] = h; }, enumerable: true };
}

const documentModule = {
  getElementById: (id: string): FitbitElement | null => (view.root.id === id ? view.root : view.root.getElementById(id)),
  getElementsByClassName: (c: string): FitbitElement[] => view.root.getElementsByClassName(c),
  getElementsByTagName: (t: string): FitbitElement[] => view.root.getElementsByTagName(t),
  getElementsByTypeName: (t: string): FitbitElement[] => view.root.getElementsByTypeName(t),
  addEventListener: (type: string, h: Handler): void => { (docHandlers[type] ??= []).push(h); },
  removeEventListener: (type: string, h: Handler): void => { docHandlers[type] = (docHandlers[type] ?? []).filter((x) => x !== h); },
  getEventHandler: (type: string): Handler | null => onHandlers[type] ?? null,
  setEventHandler: (type: string, h: Handler): void => { onHandlers[type] = h; },
  location: { pathname: "./resources/index.view", assign: () => Promise.reject(new Error("The preview has one view.")), replace: () => Promise.reject(new Error("The preview has one view.")) },
  history: { length: 1, back: () => {}, forward: () => {}, go: () => {} },
  replaceSync: (): void => { throw new Error("The preview has one view."); },
};
for (const type of ["keypress", "keydown", "keyup", "click", "activate", "load", "beforeunload", "unload"]) {
  Object.defineProperty(documentModule, "on" + type, handlerProperty(type));
}

export default documentModule;
