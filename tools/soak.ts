// npm run soak -- [--schedules N] [--from S] [--seed S]: random fault schedules on the real app/ and companion/
// (tools/schedules.ts). Each schedule's seed is its number (--from, default 1, onwards); a violation prints its seed
// and what broke, and `--seed S` replays that one schedule with its steps. Ends with the faults injected by kind,
// the time taken, and one line: "N schedules, V violations".
import { runSchedule, scheduleOf } from "./schedules";

function arg(name: string): number | null {
  const i = process.argv.indexOf(name);
  if (i < 0) return null;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < (name === "--schedules" ? 1 : 0)) {
    console.error(`${name} needs a whole number${name === "--schedules" ? " of at least 1" : ""}, not ${JSON.stringify(process.argv[i + 1])}`);
    process.exit(2);
  }
  return v;
}

async function main(): Promise<void> {
  const one = arg("--seed");
  const count = one !== null ? 1 : arg("--schedules") ?? 10000;
  const from = one !== null ? one : arg("--from") ?? 1;
  const t0 = Date.now();
  const faults: Record<string, number> = {};
  let violating = 0;
  for (let seed = from; seed < from + count; seed++) {
    if (one !== null) scheduleOf(seed).forEach((s, i) => console.log(`  step ${i}: ${JSON.stringify(s)}`));
    const o = await runSchedule(seed);
    for (const [k, n] of Object.entries(o.faults)) faults[k] = (faults[k] || 0) + n;
    if (o.violations.length > 0) {
      violating++;
      console.log(`seed ${seed}: ${o.violations.length} violation(s)`);
      for (const v of o.violations) console.log(`  ${v}`);
    }
    if (one === null && (seed - from + 1) % 1000 === 0) console.error(`  ${seed - from + 1} schedules, ${violating} violations so far (${Math.round((Date.now() - t0) / 1000)} s)`);
  }
  const kinds = Object.keys(faults).sort().map((k) => `${k} ${faults[k]}`).join(", ");
  console.log(`seeds ${from}-${from + count - 1}; faults injected: ${kinds || "none"}; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${count} schedules, ${violating} violations`);
  process.exitCode = violating > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
