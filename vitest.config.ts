import { defineConfig } from "vitest/config";
import { resolve } from "node:path";

// Fitbit modules are resolved to our fakes, so the real app/ and companion/ code runs under test.
// Device and companion have modules of the same name ("messaging", "file-transfer"), so each side is its own project.
const DEVICE_MODULES = ["document", "heart-rate", "haptics", "body-presence", "user-profile", "fs", "clock", "display", "appbit", "file-transfer", "messaging"];
const COMPANION_MODULES = ["settings", "local-storage", "file-transfer", "messaging", "companion"];

function aliases(side: "device" | "companion", modules: string[]) {
  return modules.map((m) => ({ find: new RegExp(`^${m}$`), replacement: resolve(__dirname, `tests/fakes/${side}/${m}.ts`) }));
}

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      { resolve: { alias: aliases("device", DEVICE_MODULES) }, test: { name: "device", include: ["tests/device/**/*.test.ts"] } },
      { resolve: { alias: aliases("companion", COMPANION_MODULES) }, test: { name: "companion", include: ["tests/companion/**/*.test.ts"] } },
    ],
  },
});
