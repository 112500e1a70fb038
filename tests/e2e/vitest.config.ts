import { defineConfig } from "vitest/config";

// The browser tests: one Chromium at a time (the machine is small), generous timeouts for 60x replays.
export default defineConfig({
  test: {
    name: "e2e",
    include: ["tests/e2e/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
