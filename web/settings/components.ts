// The Fitbit settings components (Page, Section, TextInput, Slider, Toggle, Select, Text, Button, ...) as HTML,
// injected by esbuild for the globals settings/index.tsx uses. Values are stored as the phone stores them:
// strings; JSON {"name": ...} for TextInput, JSON {"selected": [...], "values": [...]} for Select.
import { settingsStorage } from "../companion/settings";
import { host } from "../shared/host";

type Props = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Child = VNode | Node | string | number | boolean | null | undefined | Child[];
type Component = (props: Props) => Child;

interface VNode {
  type: Component;
  props: Props;
}

export function createComponent(type: Component, props: Props | null, ...children: Child[]): VNode {
  return { type, props: { ...(props ?? {}), children: children.length === 1 ? children[0] : children } };
}

function isVNode(c: unknown): c is VNode {
  return typeof c === "object" && c !== null && typeof (c as VNode).type === "function";
}

/** Built-in components render to DOM; the page's own components are called until built-ins remain. */
const builtIns = new Map<Component, (props: Props) => Node>();

function builtIn(render: (props: Props) => Node): Component {
  const c: Component = () => null;
  builtIns.set(c, render);
  return c;
}

function renderChild(c: Child, into: Node): void {
  if (c === null || c === undefined || c === false || c === true) return;
  if (Array.isArray(c)) {
    for (const x of c) renderChild(x, into);
    return;
  }
  if (typeof c === "string" || typeof c === "number") {
    into.appendChild(document.createTextNode(String(c)));
    return;
  }
  if (c instanceof Node) {
    into.appendChild(c);
    return;
  }
  if (!isVNode(c)) return;
  const own = builtIns.get(c.type);
  if (own) into.appendChild(own(c.props));
  else renderChild(c.type(c.props), into);
}

function el(tag: string, className: string, ...children: Child[]): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  for (const c of children) renderChild(c, e);
  return e;
}

/** A write from the page, on the virtual clock so the companion's handlers run in simulated time. */
function write(key: string | undefined, value: string): void {
  if (key) host().clock.run(() => settingsStorage.setFromPage(key, value));
}

function storedJson(key: string | undefined): any { // eslint-disable-line @typescript-eslint/no-explicit-any
  const raw = key ? settingsStorage.getItem(key) : null;
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function callback(fn: unknown, ...args: unknown[]): void {
  if (typeof fn === "function") host().clock.run(() => fn(...args));
}

function labelled(label: Child, control: HTMLElement, extra?: Node): HTMLElement {
  const row = el("label", "fb-row", el("span", "fb-label", label));
  row.appendChild(control);
  if (extra) row.appendChild(extra);
  return row;
}

export const Fragment = builtIn((p) => {
  const f = document.createDocumentFragment();
  renderChild(p.children, f);
  return f;
});
export const Page = builtIn((p) => el("div", "fb-page", p.children));
export const Section = builtIn((p) => el("section", "fb-section", el("h3", "fb-section-title", p.title), p.description ? el("div", "fb-section-description", p.description) : null, p.children));
export const Text = builtIn((p) => {
  const e = el("p", "fb-text" + (p.bold ? " fb-bold" : "") + (p.italic ? " fb-italic" : ""), p.children);
  if (p.align) e.style.textAlign = p.align;
  return e;
});
export const TextImageRow = builtIn((p) => el("div", "fb-text-image-row", el("div", "fb-label", p.label), p.sublabel ? el("div", "fb-sublabel", p.sublabel) : null));
export const Link = builtIn((p) => {
  const a = el("a", "fb-link", p.children) as HTMLAnchorElement;
  a.href = p.source;
  a.target = "_blank";
  a.rel = "noopener";
  return a;
});
export const Button = builtIn((p) => {
  const b = el("button", "fb-button" + (p.list ? " fb-list" : ""), p.label);
  b.addEventListener("click", (e) => callback(p.onClick, e));
  return b;
});
export const Toggle = builtIn((p) => {
  const input = document.createElement("input");
  input.type = "checkbox";
  input.dataset.settingsKey = p.settingsKey;
  input.checked = storedJson(p.settingsKey) === true;
  input.addEventListener("change", () => {
    write(p.settingsKey, String(input.checked));
    callback(p.onChange, input.checked);
  });
  return labelled(p.label, input);
});
export const Slider = builtIn((p) => {
  const input = document.createElement("input");
  input.type = "range";
  input.min = String(p.min);
  input.max = String(p.max);
  input.step = String(p.step ?? 1);
  input.dataset.settingsKey = p.settingsKey ?? "";
  const stored = storedJson(p.settingsKey);
  input.value = stored !== undefined ? String(stored) : String(p.min); // an unset slider sits at its minimum
  const shown = el("output", "fb-slider-value", input.value);
  input.addEventListener("input", () => { shown.textContent = input.value; });
  input.addEventListener("change", () => {
    write(p.settingsKey, input.value);
    callback(p.onChange, Number(input.value));
  });
  return labelled(p.label, input, shown);
});
export const TextInput = builtIn((p) => {
  const input = document.createElement("input");
  input.type = p.type || "text";
  input.placeholder = p.placeholder ?? "";
  input.disabled = !!p.disabled;
  input.dataset.settingsKey = p.settingsKey ?? "";
  const stored = storedJson(p.settingsKey);
  input.value = p.value ?? (stored && typeof stored === "object" ? String(stored.name ?? "") : stored !== undefined ? String(stored) : "");
  // The phone commits a text input when its dialog is confirmed: here, on Enter or leaving the field.
  input.addEventListener("change", () => {
    write(p.settingsKey, p.useSimpleValue ? input.value : JSON.stringify({ name: input.value }));
    callback(p.onChange, p.useSimpleValue ? input.value : { name: input.value });
  });
  return labelled(p.label ?? p.title, input);
});
export const Select = builtIn((p) => {
  const select = document.createElement("select");
  select.disabled = !!p.disabled;
  select.dataset.settingsKey = p.settingsKey ?? "";
  const options: Props[] = p.options ?? [];
  options.forEach((o, i) => {
    const opt = document.createElement("option");
    opt.value = String(i);
    opt.textContent = o.name;
    select.appendChild(opt);
  });
  const stored = storedJson(p.settingsKey);
  const selected: number[] = p.selected ?? (stored && Array.isArray(stored.selected) ? stored.selected : []);
  if (selected.length > 0) select.value = String(selected[0]);
  else select.selectedIndex = -1;
  select.addEventListener("change", () => {
    const i = Number(select.value);
    const value = { selected: [i], values: [options[i]] };
    write(p.settingsKey, JSON.stringify(value));
    callback(p.onSelection, value);
  });
  return labelled(p.label ?? p.title, select);
});

function unsupported(name: string): Component {
  return builtIn(() => el("div", "fb-unsupported", `${name} is not shown in the browser preview.`));
}
export const AdditiveList = unsupported("AdditiveList");
export const ColorSelect = unsupported("ColorSelect");
export const ImagePicker = unsupported("ImagePicker");
export const Oauth = unsupported("Oauth");
export const StravaLogin = unsupported("StravaLogin");

let registered: Component | null = null;

function redraw(): void {
  if (registered === null) return;
  const root = host().phone.settingsRoot;
  const settings: Record<string, string> = {};
  for (let i = 0; i < settingsStorage.length; i++) {
    const k = settingsStorage.key(i);
    if (k !== null) settings[k] = settingsStorage.getItem(k) ?? "";
  }
  // A redraw (say, the companion storing a run that just arrived) must not eat what the runner is typing.
  const active = document.activeElement;
  const editing = active instanceof HTMLInputElement && root.contains(active) && active.dataset.settingsKey
    ? { key: active.dataset.settingsKey, value: active.value } : null;
  const page = document.createDocumentFragment();
  renderChild(createComponent(registered, { settings, settingsStorage }), page);
  root.replaceChildren(page);
  if (editing === null) return;
  const again = root.querySelector<HTMLInputElement>(`input[data-settings-key="${CSS.escape(editing.key)}"]`);
  if (again === null) return;
  if (again.type !== "checkbox" && again.type !== "range") again.value = editing.value;
  again.focus();
}

export function registerSettingsPage(component: Component): void {
  registered = component;
  redraw();
}

settingsStorage.written.on(redraw);
