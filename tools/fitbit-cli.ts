// npm run fitbit: the Fitbit SDK's own CLI (sideloading to a real watch), from this project's node_modules only.
// A plain `npx fitbit` without @fitbit/sdk-cli installed offers to fetch an unrelated package called "fitbit", so
// this says what is missing instead. @fitbit/sdk-cli is optional: npm drops it whole when its keytar module cannot
// build, which it cannot without libsecret's headers.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const FITBIT_BIN = join(__dirname, "..", "node_modules", ".bin", "fitbit");

export const MISSING_CLI = `The Fitbit CLI (@fitbit/sdk-cli) is not installed: npm skips it when its keytar module cannot build.
On Debian or Ubuntu:
  sudo apt-get install libsecret-1-dev build-essential python3
  npm install
then run npm run fitbit again (not a plain "npx fitbit", which would fetch an unrelated package).`;

if (require.main === module) {
  if (!existsSync(FITBIT_BIN)) {
    process.stderr.write(MISSING_CLI + "\n");
    process.exitCode = 2;
  } else {
    const r = spawnSync(FITBIT_BIN, process.argv.slice(2), { stdio: "inherit" });
    process.exitCode = r.status ?? 1;
  }
}
