// The sim's fault switches on the phone, shown on the real companion (companion/ on sim/phone). Both faults here
// trigger known bugs (issue 10: bugs 7 and 8): the tests assert that the fault was injected and what it left,
// not the buggy outcome.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deliverAllToWatch, filesForWatch, launchCompanion, localItem, resetWorld, sendFileToPhone, userSets, world, freshWorldEachTest } from "../../sim/harness/phone";
import { decodeHistory } from "../../common/phone/history";
import { ACK_FILE, SETTINGS_LINK_FILE, runFileName } from "../../common/watch/protocol";
import { encodeSummary } from "../../common/watch/summary";
import { sampleRun } from "../unit/sample-runs";

const runs = [1, 2, 3].map((d) => sampleRun(Date.UTC(2025, 2, d, 7), d / 10));
const warnings = freshWorldEachTest();

describe("phone storage faults", () => {
  it("localStorage.getItem throws: the companion cannot read the history it has, and says so", async () => {
    await launchCompanion();
    await sendFileToPhone(runFileName(runs[0].id), encodeSummary(runs[0]));
    await sendFileToPhone(runFileName(runs[1].id), encodeSummary(runs[1]));
    expect(decodeHistory(localItem("runHistory")).history.runs).toHaveLength(2);
    world().faults.failPhoneStorage("getItem", "until-cleared");
    await launchCompanion({ fileTransfer: true });
    await sendFileToPhone(runFileName(runs[2].id), encodeSummary(runs[2]));
    expect(world().faults.injected["phone-getItem"]).toBeGreaterThanOrEqual(1);
    expect(warnings.join("\n")).toMatch(/Could not read the run history/);
  });

  it("localStorage.setItem throws: the run is not acknowledged, so the watch keeps it", async () => {
    await launchCompanion();
    world().faults.failPhoneStorage("setItem");
    await sendFileToPhone(runFileName(runs[0].id), encodeSummary(runs[0]));
    expect(world().faults.injected["phone-setItem"]).toBe(1);
    expect(localItem("runHistory")).toBeNull();
    expect(filesForWatch().map((f) => f.name)).not.toContain(ACK_FILE);
  });
});

describe("link faults on the phone's side", () => {
  it("outbox.enqueue rejects: the settings file is not queued for the watch", async () => {
    await launchCompanion();
    deliverAllToWatch(); // whatever the launch queued has crossed
    world().faults.failEnqueue("phone");
    await userSets("age", JSON.stringify({ name: "34" }));
    expect(world().faults.injected["enqueue-phone"]).toBe(1);
    expect(filesForWatch()).toEqual([]);
    await userSets("age", JSON.stringify({ name: "35" })); // the next change goes out
    expect(filesForWatch().map((f) => f.name)).toEqual([SETTINGS_LINK_FILE]);
  });
});
