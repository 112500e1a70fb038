// One copy of each rule: the run-id pattern, the two settings files' names, pad2 and the handling of incoming
// files are each defined once and used everywhere, so two copies cannot drift apart.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { isRunId, makeRunId, decodeSummary, encodeSummary } from "../../common/summary";
import { SETTINGS_LINK_FILE, parseLinkMessage, runFileName, runIdOfFileName } from "../../common/protocol";
import { sampleRun } from "./sample-runs";

const ROOT = resolve(__dirname, "../..");

/** Every source file of the watch, the phone and the shared core, with its text. */
function sources(): { path: string; text: string }[] {
  return ["common", "app", "companion", "settings"].flatMap((dir) =>
    readdirSync(join(ROOT, dir)).filter((f) => /\.tsx?$/.test(f)).map((f) => ({ path: dir + "/" + f, text: readFileSync(join(ROOT, dir, f), "utf-8") })));
}

function filesMatching(re: RegExp): string[] {
  return sources().filter((s) => re.test(s.text)).map((s) => s.path);
}

describe("one copy of each rule", () => {
  it("the run-id pattern lives in common/summary.ts isRunId only", () => {
    expect(filesMatching(/\[0-9a-z\]\{1,12\}/)).toEqual(["common/summary.ts"]);
  });

  it("file names, acks and summaries agree on what a run id is", () => {
    for (const id of [makeRunId(Date.UTC(2025, 2, 3), 0.5), "a-0000", "zzzzzzzzzzzz-zzzz", "A-0000", "abc-000", "abcdefghijklm-0000", "../run-0000", ""]) {
      const valid = isRunId(id);
      expect(runIdOfFileName(runFileName(id))).toBe(valid ? id : null);
      expect(parseLinkMessage({ v: 1, type: "ack", ids: [id] }).ok).toBe(valid);
      expect(decodeSummary(encodeSummary({ ...sampleRun(Date.UTC(2025, 2, 3), 0.5), id })) !== null).toBe(valid);
    }
  });

  it("the settings file on the link and the one stored on the watch have distinct names that say which", () => {
    expect(SETTINGS_LINK_FILE).toBe("rg-settings.json");
    expect(readFileSync(join(ROOT, "app/profile-source.ts"), "utf-8")).toMatch(/export var SETTINGS_STORE_FILE = "settings.json";/);
    expect(filesMatching(/\bSETTINGS_FILE\b/)).toEqual([]);
  });

  it("pad2 is defined once, in common/format.ts", () => {
    expect(filesMatching(/function pad2\(/)).toEqual(["common/format.ts"]);
  });

  it("incoming files are read, deleted and logged in one place", () => {
    expect(filesMatching(/Could not delete the incoming/)).toEqual(["app/incoming.ts"]);
  });
});
