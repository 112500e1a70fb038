// The phone's readiness hint ("should I run today?") on the real watch face: a quiet line when idle, gone during a
// run, and never a block: the run still starts (issue 12).
import { beforeEach, describe, expect, it } from "vitest";
import { isShown, launchFace, resetWorld, runSeconds, sendFileToWatch, tap, text } from "../../sim/harness/watch";
import { SETTINGS_LINK_FILE, settingsMessage } from "../../common/watch/protocol";

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

beforeEach(() => resetWorld());

describe("the idle face's hint", () => {
  it("shows the phone's hint when idle, hides it during a run, and the run starts anyway", async () => {
    await launchFace();
    expect(text("hint")).toBe("");
    sendFileToWatch(SETTINGS_LINK_FILE, JSON.stringify(settingsMessage({ age: "23", restingHr: "50" }, "Resting HR +7: rest or walk?")));
    await flush();
    runSeconds(1, 120);
    expect(text("hint")).toBe("Resting HR +7: rest or walk?");
    expect(text("state-text")).toBe("Tap to start");
    tap("start-btn");
    runSeconds(2, 120);
    expect(isShown("run-group")).toBe(true);
    expect(text("hint")).toBe("");
  });

  it("goes away when the phone's next settings carry none, and a hint that is not a short string is dropped", async () => {
    await launchFace();
    sendFileToWatch(SETTINGS_LINK_FILE, JSON.stringify(settingsMessage({ age: "23", restingHr: "50" }, "Resting HR +7: rest or walk?")));
    await flush();
    sendFileToWatch(SETTINGS_LINK_FILE, JSON.stringify(settingsMessage({ age: "23", restingHr: "50" })));
    await flush();
    runSeconds(1, 120);
    expect(text("hint")).toBe("");
    sendFileToWatch(SETTINGS_LINK_FILE, JSON.stringify({ ...settingsMessage({ age: "23", restingHr: "50" }), hint: "x".repeat(500) }));
    await flush();
    runSeconds(1, 120);
    expect(text("hint")).toBe("");
  });
});
