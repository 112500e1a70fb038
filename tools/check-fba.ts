// Fails the build unless build/app.fba holds device code for both targets and the companion.
import { deviceJsPerTarget, hasCompanion, FBA_PATH } from "./fba";

try {
  const targets = deviceJsPerTarget();
  if (!hasCompanion()) throw new Error(`${FBA_PATH} has no companion.zip`);
  console.log(`build/app.fba: ${targets.map((t) => `${t.target} ${t.jsBytes} bytes of JS`).join(", ")}, companion included`);
} catch (e) {
  console.error(`Build check failed: ${(e as Error).message}`);
  process.exit(1);
}
