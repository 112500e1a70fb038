import { defineConfig } from "vitest/config";
import { resolve } from "node:path";
import { SimSide, standIns } from "./sim/modules";
import { poTextPlugin } from "./sim/po";

// Fitbit modules resolve to the sim's stand-ins (sim/modules.ts has the one list), so the real app/ and companion/
// code runs under test. Device and phone have modules of the same name ("messaging", "file-transfer"), so each
// side is its own project.
function aliases(side: SimSide) {
  return Object.entries(standIns(side)).map(([m, file]) => ({ find: new RegExp(`^${m}$`), replacement: resolve(__dirname, file) }));
}

// The .po files, as text (sim/phone/i18n.ts imports them).
const poText = poTextPlugin();

export default defineConfig({
  test: {
    projects: [
      { plugins: [poText], test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      { plugins: [poText], resolve: { alias: aliases("device") }, test: { name: "device", include: ["tests/device/**/*.test.ts"] } },
      { plugins: [poText], resolve: { alias: aliases("phone") }, test: { name: "companion", include: ["tests/companion/**/*.test.ts"] } },
      // The real app/ and companion/ under random fault schedules (tools/schedules.ts bundles each side itself).
      { plugins: [poText], test: { name: "property", include: ["tests/property/**/*.test.ts"], testTimeout: 180000 } },
    ],
  },
});
