// THE list of Fitbit modules the sim stands in for, one file each in sim/device/ and sim/phone/. It feeds the
// vitest aliases (vitest.config.ts), the page's bundles (web/build.ts), the device JavaScript's require() map on the
// page and the bench's device run (sim/device-run.ts). Adding a module: add its name here and its file there.
export const DEVICE_MODULES = [
  "appbit", "body-presence", "cbor", "clock", "display", "document", "file-transfer", "fs", "haptics", "heart-rate",
  "messaging", "user-profile",
] as const;
export const PHONE_MODULES = ["companion", "file-transfer", "local-storage", "messaging", "settings"] as const;

export type SimSide = "device" | "phone";

/** Module name -> stand-in file, relative to the project root. */
export function standIns(side: SimSide): Record<string, string> {
  const names: readonly string[] = side === "device" ? DEVICE_MODULES : PHONE_MODULES;
  const out: Record<string, string> = {};
  for (const m of names) out[m] = `sim/${side}/${m}.ts`;
  return out;
}

/** Source of a module whose export `modules` maps each name to its stand-in (the device JS's require map). */
export function requireMapSource(side: SimSide, fromDir = "."): string {
  const entries = Object.entries(standIns(side)).map(([m, file]) => `  ${JSON.stringify(m)}: require(${JSON.stringify(fromDir + "/" + file)}),`);
  return `module.exports.modules = {\n${entries.join("\n")}\n};\n`;
}
