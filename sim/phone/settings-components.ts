// The Fitbit settings components settings/index.tsx uses as globals (Page, Section, TextInput, Slider, Toggle,
// Select, Text, TextImageRow, ...), and its JSX factory. A built-in renders to a plain node { type, props,
// children } (the page's own components are called at once), so a test reads the page as a tree and the browser
// preview draws the same tree as HTML (web/page/settings-renderer.ts). registerSettingsPage hands the page to the
// world.
import { world } from "../world";

export interface SettingsNode {
  type: string;
  props: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  children: unknown[];
}

type Component = string | ((props: Record<string, unknown>) => unknown);

function flatten(children: unknown[]): unknown[] {
  return children.flatMap((c) => (Array.isArray(c) ? flatten(c) : c === null || c === undefined || c === false || c === true ? [] : [c]));
}

export function createComponent(type: Component, props: Record<string, unknown> | null, ...children: unknown[]): unknown {
  const kids = flatten(children);
  if (typeof type === "function") return type({ ...(props || {}), children: kids });
  return { type, props: props || {}, children: kids } as SettingsNode;
}

export const Fragment = "Fragment";
export const Page = "Page";
export const Section = "Section";
export const Text = "Text";
export const TextImageRow = "TextImageRow";
export const Link = "Link";
export const Button = "Button";
export const Toggle = "Toggle";
export const Slider = "Slider";
export const TextInput = "TextInput";
export const Select = "Select";
export const AdditiveList = "AdditiveList";
export const ColorSelect = "ColorSelect";
export const ImagePicker = "ImagePicker";
export const Oauth = "Oauth";
export const StravaLogin = "StravaLogin";

export function registerSettingsPage(component: (props: { settings: Record<string, string>; settingsStorage: unknown }) => unknown): void {
  world().phone.settingsPage = component;
  world().signals.settingsWritten.emit();
}
