// Issue 10 on the phone: the real companion (companion/ on sim/phone) when its storage or its outbox fails. Each
// test here failed before its fix (the behaviours 7 and 8).
import { describe, expect, it } from "vitest";
import {
  deliverAllToWatch, filesForWatch, freshWorldEachTest, launchCompanion, localItem, putLocalItem, sendFileToPhone, userSets, world,
} from "../../sim/harness/phone";
import { EMPTY_HISTORY, History, decodeHistory, encodeHistory, receiveRun } from "../../common/phone/history";
import { SETTINGS_LINK_FILE, runFileName } from "../../common/watch/protocol";
import { encodeSummary } from "../../common/watch/summary";
import { sampleRun } from "../unit/sample-runs";

const warnings = freshWorldEachTest();

function history(n: number): History {
  let h = EMPTY_HISTORY;
  for (let i = 0; i < n; i++) h = receiveRun(h, sampleRun(Date.UTC(2025, 0, 1 + i, 7), (i + 1) / 100)).history;
  return h;
}
const storedRuns = (): number => decodeHistory(localItem("runHistory")).history.runs.length;
const asideKeys = (): string[] => world().store.keys("phone-local/").filter((k) => k.indexOf("runHistory.unreadable.") === 0).map((k) => "phone-local/" + k);
const newRun = sampleRun(Date.UTC(2025, 5, 1, 7), 0.5);

describe("the phone's history is never overwritten by a failed read (issue 10: 7)", () => {
  it("one localStorage.getItem that throws at launch, then a run arrives: the 40 runs stay, the new one joins them", async () => {
    putLocalItem("runHistory", encodeHistory(history(40)));
    world().faults.failPhoneStorage("getItem", 1);
    await launchCompanion({ fileTransfer: true });
    await sendFileToPhone(runFileName(newRun.id), encodeSummary(newRun));
    expect(world().faults.injected["phone-getItem"]).toBe(1);
    expect(storedRuns()).toBe(41);
  });

  it("getItem throwing all along: nothing is written, nothing acknowledged", async () => {
    putLocalItem("runHistory", encodeHistory(history(40)));
    world().faults.failPhoneStorage("getItem", "until-cleared");
    await launchCompanion({ fileTransfer: true });
    await sendFileToPhone(runFileName(newRun.id), encodeSummary(newRun));
    expect(storedRuns()).toBe(40);
    expect(filesForWatch().map((f) => f.name)).not.toContain("ack.json");
  });

  for (const [what, text] of [["corrupt", "{\"format\":1,\"runs\":[[1,2"], ["of an unknown format", "{\"format\":99,\"runs\":[]}"]]) {
    it(`a stored history ${what}: it is copied aside before the new run is saved`, async () => {
      putLocalItem("runHistory", text);
      await launchCompanion({ fileTransfer: true });
      await sendFileToPhone(runFileName(newRun.id), encodeSummary(newRun));
      expect(storedRuns()).toBe(1);
      expect(asideKeys()).toHaveLength(1);
      expect(world().store.get(asideKeys()[0])).toBe(text);
      expect(warnings.join("\n")).toMatch(/kept as runHistory\.unreadable\./);
    });
  }
});

describe("settings that could not be queued are not recorded as sent (issue 10: 8)", () => {
  it("outbox.enqueue of the settings rejects: the next launch sends them", async () => {
    await launchCompanion();
    deliverAllToWatch();
    world().faults.failEnqueue("phone");
    await userSets("age", JSON.stringify({ name: "34" }));
    expect(world().faults.injected["enqueue-phone"]).toBe(1);
    expect(filesForWatch()).toEqual([]);
    await launchCompanion({}); // not a peer launch: only settings not yet sent go
    const files = filesForWatch().filter((f) => f.name === SETTINGS_LINK_FILE);
    expect(files).toHaveLength(1);
    expect(JSON.parse(files[0].text).profile.age).toBe("34");
  });
});
