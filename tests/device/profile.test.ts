// Where the face's profile comes from: settings.json on the watch, else the watch's user profile, else the fallback.
import { describe, it, expect, beforeEach, vi } from "vitest";
import {
  resetWorld, launchFace, text, tap, runSeconds, putFile, grant, patterns, world,
} from "../../sim/harness/watch";
import { loadReal, ProfileSource } from "../../sim/harness/watch";

beforeEach(() => {
  resetWorld();
});

function warnings(spy: { mock: { calls: unknown[][] } }): string {
  return spy.mock.calls.map((c) => String(c[0])).join("\n");
}

describe("profile on the watch", () => {
  it("uses the watch's user profile when there are no settings (40 y, resting 60 -> 138)", async () => {
    await launchFace();
    expect(text("ceiling")).toBe("ceiling 138 bpm");
  });

  it("uses settings.json when present (the source's example: 23 y, resting 50 -> 145.55)", async () => {
    putFile("settings.json", JSON.stringify({ age: 23, restingHr: 50 }));
    await launchFace();
    expect(text("ceiling")).toBe("ceiling 145 bpm");
  });

  it("settings fields left out come from the watch (resting HR from the watch, ceiling % from settings)", async () => {
    putFile("settings.json", JSON.stringify({ ceilingPercent: 70 }));
    await launchFace();
    expect(text("ceiling")).toBe("ceiling 144 bpm"); // 60 + 0.70 x 120
  });

  it("a corrupt settings.json falls back with a log line", async () => {
    putFile("settings.json", "{\"age\": 23,");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await launchFace();
    expect(warnings(warn)).toMatch(/settings\.json/);
    expect(text("ceiling")).toBe("ceiling 138 bpm");
    warn.mockRestore();
  });

  it("invalid settings (age 5) fall back, and the log names the field and the problem", async () => {
    putFile("settings.json", JSON.stringify({ age: 5, restingHr: 50 }));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await launchFace();
    expect(warnings(warn)).toMatch(/Settings rejected: age out-of-range/);
    expect(text("ceiling")).toBe("ceiling 138 bpm");
    warn.mockRestore();
  });

  it("without user-profile access, or when the watch knows nothing, the documented fallback (35 y, resting 60)", async () => {
    grant("access_user_profile", false);
    await launchFace();
    expect(text("ceiling")).toBe("ceiling 141 bpm"); // 60 + 0.65 x (185 - 60) = 141.25
  });

  it("one odd value from the watch does not cost the others", async () => {
    // No resting HR yet (0) and an out-of-range max: the age still counts, with the fallback's resting 60.
    world().watch.user = { age: 23, restingHeartRate: 0, maxHeartRate: 250 };
    await launchFace();
    expect(text("ceiling")).toBe("ceiling 149 bpm"); // 60 + 0.65 x (197 - 60) = 149.05
  });

  it("applyProfile: new settings apply without a restart; a run keeps the profile it started with", async () => {
    await launchFace();
    const source = await loadReal<ProfileSource>("app/profile-source");
    tap("start-btn");
    runSeconds(60, 125);
    const result = source.applyProfile({ age: 23, restingHr: 50 });
    expect(result.ok).toBe(true);
    runSeconds(1, 125);
    expect(text("ceiling")).toBe("ceiling 138 bpm"); // the run's own, frozen
    tap("end-btn");
    tap("end-btn");
    expect(text("ceiling")).toBe("ceiling 145 bpm");
    tap("start-btn");
    runSeconds(60, 125);
    runSeconds(30, 141); // over 138 but under 145.55: the new run uses the new ceiling
    expect(patterns()).toEqual([]);
  });

  it("applyProfile with bad input keeps the profile in force and says why", async () => {
    await launchFace();
    const source = await loadReal<ProfileSource>("app/profile-source");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const result = source.applyProfile({ age: "abc" });
    expect(result.ok).toBe(false);
    expect(text("ceiling")).toBe("ceiling 138 bpm");
    expect(warnings(warn)).toMatch(/Settings rejected: age not-number/);
    warn.mockRestore();
  });

  it("reloadProfile picks up a settings.json written after launch", async () => {
    await launchFace();
    const source = await loadReal<ProfileSource>("app/profile-source");
    putFile("settings.json", JSON.stringify({ age: 23, restingHr: 50 }));
    source.reloadProfile();
    expect(text("ceiling")).toBe("ceiling 145 bpm");
  });
});
