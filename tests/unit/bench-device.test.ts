// The bench's device costs come from the real watch app on the sim, run outside vitest's module system
// (tools/device-costs.ts): check that the simulated run is the run a runner would have had.
import { describe, expect, it } from "vitest";
import { measureDeviceRun, DEVICE_RUN_TRACE, GENERATED_RUN } from "../../tools/device-costs";
import { DEMO_RUN_LABEL } from "../../common/dev/demo-run";
import { decodeSummary } from "../../common/watch/summary";
import { HAVE_TRACES } from "./traces";

describe("simulated run on the sim", { skip: !HAVE_TRACES }, () => {
  it("runs the app for the whole half hour at the chosen ceiling and files one summary of the measured size", () => {
    const r = measureDeviceRun(() => 165.5, DEVICE_RUN_TRACE, 30);
    const s = decodeSummary(r.summary);
    expect(s).not.toBeNull();
    expect(s!.ceilingBpm).toBe(165.5);
    expect(Math.abs(s!.durationS - 30 * 60)).toBeLessThanOrEqual(2);
    expect(r.summaryBytes).toBe(Buffer.byteLength(r.summary));
    // The start checkpoint and the summary at least, and the face redrawn every second (the elapsed time).
    expect(r.fsWrites).toBeGreaterThanOrEqual(2);
    expect(r.domWrites).toBeGreaterThanOrEqual(30 * 60);
    expect(r.buzzes).toBe(s!.buzzes);
  });

  it("buzzes more for a runner with a lower ceiling on the same trace", () => {
    const low = measureDeviceRun(() => 150.5, DEVICE_RUN_TRACE, 10);
    const high = measureDeviceRun(() => 185.5, DEVICE_RUN_TRACE, 10);
    expect(low.buzzes).toBeGreaterThan(high.buzzes);
  });
});

describe("simulated run without the real traces", () => {
  it("runs on the generated demo run, labelled as generated", () => {
    const r = measureDeviceRun(() => 145.5, GENERATED_RUN, 10);
    expect(r.generated).toBe(true);
    expect(r.trace).toBe(DEMO_RUN_LABEL);
    expect(decodeSummary(r.summary)!.ceilingBpm).toBe(145.5);
    expect(r.domWrites).toBeGreaterThanOrEqual(10 * 60);
    expect(r.fsWritesPerHour).toBeGreaterThan(0);
  });
});
