// Part of npm test: the browser tests need Debian's Chromium at /usr/bin/chromium (CI installs it). Without it
// they are skipped, and this says so plainly rather than failing or downloading a browser.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const CHROMIUM = "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  console.log(`Browser tests SKIPPED: ${CHROMIUM} is missing. Install it with "apt-get install -y chromium", then run "npm run test:e2e".`);
  process.exit(0);
}
console.log(`Browser tests: running "npm run test:e2e" with ${CHROMIUM}.`);
const result = spawnSync("npm", ["run", "test:e2e"], { stdio: "inherit" });
process.exit(result.status ?? 1);
