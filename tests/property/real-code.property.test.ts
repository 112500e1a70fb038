// Issue 10's property test, on the real code: random schedules (fast-check, tools/schedules.ts) of runner actions,
// heart rate, settings changes, link events and the sim's faults, run against the shipped app/ and companion/ on
// the sim; after each, once the link has been healthy long enough, the invariants must hold. It replaces
// the model of the sync this file's predecessor (tests/unit/link-sync.property.test.ts) checked.
// `npm run soak -- --schedules N` runs more; `--seed S` replays one with its steps.
import { describe, expect, it, vi } from "vitest";
import { FIXED_SEEDS, runSchedule } from "../../tools/schedules";

/** Enough for npm test (about 30 s here); the soak runs 10,000. */
const SCHEDULES = 2000;

describe("the real app and companion under random fault schedules", () => {
  it(`${SCHEDULES} schedules (seeds 1-${SCHEDULES}) keep every invariant`, async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    const broken: string[] = [];
    const faults: Record<string, number> = {};
    for (let seed = 1; seed <= SCHEDULES; seed++) {
      const o = await runSchedule(seed);
      for (const [k, n] of Object.entries(o.faults)) faults[k] = (faults[k] || 0) + n;
      if (o.violations.length > 0) broken.push(`seed ${seed}: ${o.violations.join("; ")}`);
    }
    vi.restoreAllMocks();
    expect(broken).toEqual([]);
    // Every kind of fault was exercised.
    for (const kind of ["clock-jump", "timezone-change", "companion-killed", "permission-denied", "hr-sensor-missing", "rename-onto-existing-throws", "kill-face", "fs-write", "fs-rename", "fs-unlink", "torn-write", "phone-getItem", "phone-setItem", "enqueue-watch", "enqueue-phone", "file-twice", "file-late", "file-out-of-order", "file-never", "link-flap"]) {
      expect(faults[kind] ?? 0, kind).toBeGreaterThan(0);
    }
  });

  for (const seed of FIXED_SEEDS) {
    it(`seed ${seed}, once a violation, keeps every invariant`, async () => {
      expect((await runSchedule(seed)).violations).toEqual([]);
    });
  }
});
