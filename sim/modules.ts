// THE list of Fitbit modules the sim stands in for, one file each in sim/device/ and sim/phone/. It feeds the
// vitest aliases (vitest.config.ts), the page's bundles (web/build.ts), the device JavaScript's require() map on the
// page and the bench's device run (sim/device-run.ts). Adding a module: add its name here and its file there.
export const DEVICE_MODULES = [
  "appbit", "body-presence", "cbor", "clock", "display", "document", "file-transfer", "fs", "haptics", "heart-rate",
  "i18n", "messaging", "user-profile",
] as const;
export const PHONE_MODULES = ["companion", "file-transfer", "i18n", "local-storage", "messaging", "settings"] as const;

export type SimSide = "device" | "phone";

/** Module name -> stand-in file, relative to the project root. */
export function standIns(side: SimSide): Record<string, string> {
  const names: readonly string[] = side === "device" ? DEVICE_MODULES : PHONE_MODULES;
  const out: Record<string, string> = {};
  for (const m of names) out[m] = `sim/${side}/${m}.ts`;
  return out;
}

/** Source of an ES module exporting MODULES: each name mapped to its stand-in, imported from `root` (the device
 * JavaScript's require() map on the page). */
export function moduleMapSource(side: SimSide, root: string): string {
  const entries = Object.entries(standIns(side));
  const imports = entries.map(([, file], i) => `import * as m${i} from ${JSON.stringify(root + "/" + file)};`);
  const map = entries.map(([m], i) => `  ${JSON.stringify(m)}: m${i},`);
  return `${imports.join("\n")}\nexport const MODULES = {\n${map.join("\n")}\n};\n`;
}
