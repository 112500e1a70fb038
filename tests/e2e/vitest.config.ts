import { defineConfig } from "vitest/config";
import { poTextPlugin } from "../../sim/po";

// The browser tests: one Chromium at a time (the machine is small), generous timeouts for 60x replays.
export default defineConfig({
  plugins: [poTextPlugin()], // the .po files sim/phone/i18n.ts imports as text
  test: {
    name: "e2e",
    include: ["tests/e2e/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
