// Draws the settings page as HTML: settings/index.tsx renders, with the sim's settings components
// (sim/phone/settings-components.ts), to a tree of { type, props, children }; this turns that tree into inputs
// that store what the runner enters as the phone stores it (strings; JSON {"name": ...} for TextInput,
// {"selected": [...], "values": [...]} for Select). Redrawn on every write to the settings, from either side.
import type { SettingsNode } from "../../sim/phone/settings-components";
import { setFromPage, storedSettings } from "../../sim/settings-store";
import type { World } from "../../sim/world";

type Props = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function drawSettingsPage(world: World, root: HTMLElement): void {
  const write = (key: string | undefined, value: string): void => {
    if (key) world.clock.run(() => setFromPage(key, value));
  };
  const stored = (key: string | undefined): any => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const raw = key ? storedSettings()[key] : undefined;
    if (raw === undefined) return undefined;
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  };
  const callback = (fn: unknown, ...args: unknown[]): void => {
    if (typeof fn === "function") world.clock.run(() => fn(...args));
  };

  function el(tag: string, className: string, ...children: unknown[]): HTMLElement {
    const e = document.createElement(tag);
    if (className) e.className = className;
    for (const c of children) render(c, e);
    return e;
  }

  function labelled(label: unknown, control: HTMLElement, extra?: Node): HTMLElement {
    const row = el("label", "fb-row", el("span", "fb-label", label));
    row.appendChild(control);
    if (extra) row.appendChild(extra);
    return row;
  }

  const BUILT_INS: Record<string, (p: Props, kids: unknown[]) => Node> = {
    Fragment: (_p, kids) => { const f = document.createDocumentFragment(); for (const k of kids) render(k, f); return f; },
    Page: (_p, kids) => el("div", "fb-page", kids),
    Section: (p, kids) => el("section", "fb-section", el("h3", "fb-section-title", p.title), p.description ? el("div", "fb-section-description", p.description) : null, kids),
    Text: (p, kids) => {
      const e = el("p", "fb-text" + (p.bold ? " fb-bold" : "") + (p.italic ? " fb-italic" : ""), kids);
      if (p.align) e.style.textAlign = p.align;
      return e;
    },
    TextImageRow: (p) => {
      const row = el("div", "fb-text-image-row", el("div", "fb-label", p.label), p.sublabel ? el("div", "fb-sublabel", p.sublabel) : null);
      if (typeof p.icon === "string" && p.icon !== "") {
        const img = document.createElement("img"); // the icon: a URL or, for the charts, an SVG data URI
        img.className = "fb-icon";
        img.src = p.icon;
        img.alt = p.sublabel ?? p.label ?? "";
        row.insertBefore(img, row.firstChild);
      }
      return row;
    },
    Link: (p, kids) => {
      const a = el("a", "fb-link", kids) as HTMLAnchorElement;
      a.href = p.source;
      a.target = "_blank";
      a.rel = "noopener";
      return a;
    },
    Button: (p) => {
      const b = el("button", "fb-button" + (p.list ? " fb-list" : ""), p.label);
      b.addEventListener("click", (e) => callback(p.onClick, e));
      return b;
    },
    Toggle: (p) => {
      const input = document.createElement("input");
      input.type = "checkbox";
      input.dataset.settingsKey = p.settingsKey;
      input.checked = stored(p.settingsKey) === true;
      input.addEventListener("change", () => {
        write(p.settingsKey, String(input.checked));
        callback(p.onChange, input.checked);
      });
      return labelled(p.label, input);
    },
    Slider: (p) => {
      const input = document.createElement("input");
      input.type = "range";
      input.min = String(p.min);
      input.max = String(p.max);
      input.step = String(p.step ?? 1);
      input.dataset.settingsKey = p.settingsKey ?? "";
      const value = stored(p.settingsKey);
      input.value = value !== undefined ? String(value) : String(p.min); // an unset slider sits at its minimum
      const shown = el("output", "fb-slider-value", input.value);
      input.addEventListener("input", () => { shown.textContent = input.value; });
      input.addEventListener("change", () => {
        write(p.settingsKey, input.value);
        callback(p.onChange, Number(input.value));
      });
      return labelled(p.label, input, shown);
    },
    TextInput: (p) => {
      const input = document.createElement("input");
      input.type = p.type || "text";
      input.placeholder = p.placeholder ?? "";
      input.disabled = !!p.disabled;
      input.dataset.settingsKey = p.settingsKey ?? "";
      const value = stored(p.settingsKey);
      input.value = p.value ?? (value && typeof value === "object" ? String(value.name ?? "") : value !== undefined ? String(value) : "");
      // The phone commits a text input when its dialog is confirmed: here, on Enter or leaving the field.
      input.addEventListener("change", () => {
        write(p.settingsKey, p.useSimpleValue ? input.value : JSON.stringify({ name: input.value }));
        callback(p.onChange, p.useSimpleValue ? input.value : { name: input.value });
      });
      return labelled(p.label ?? p.title, input);
    },
    Select: (p) => {
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
      const value = stored(p.settingsKey);
      const selected: number[] = p.selected ?? (value && Array.isArray(value.selected) ? value.selected : []);
      if (selected.length > 0) select.value = String(selected[0]);
      else select.selectedIndex = -1;
      select.addEventListener("change", () => {
        const i = Number(select.value);
        const chosen = { selected: [i], values: [options[i]] };
        write(p.settingsKey, JSON.stringify(chosen));
        callback(p.onSelection, chosen);
      });
      return labelled(p.label ?? p.title, select);
    },
  };

  function render(c: unknown, into: Node): void {
    if (c === null || c === undefined || c === false || c === true) return;
    if (Array.isArray(c)) {
      for (const x of c) render(x, into);
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
    const node = c as SettingsNode;
    const draw = BUILT_INS[node.type];
    into.appendChild(draw ? draw(node.props, node.children) : el("div", "fb-unsupported", `${node.type} is not shown in the browser preview.`));
  }

  function redraw(): void {
    const page = world.phone.settingsPage;
    if (page === null) return;
    // A redraw (say, the companion storing a run that just arrived) must not eat what the runner is typing.
    const active = document.activeElement;
    const editing = active instanceof HTMLInputElement && root.contains(active) && active.dataset.settingsKey
      ? { key: active.dataset.settingsKey, value: active.value } : null;
    const fragment = document.createDocumentFragment();
    render(page({ settings: storedSettings(), settingsStorage: null }), fragment);
    root.replaceChildren(fragment);
    if (editing === null) return;
    const again = root.querySelector<HTMLInputElement>(`input[data-settings-key="${CSS.escape(editing.key)}"]`);
    if (again === null) return;
    if (again.type !== "checkbox" && again.type !== "range") again.value = editing.value;
    again.focus();
  }

  world.signals.settingsWritten.on(redraw);
  redraw();
}
