import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ackMessage, parseLinkMessage, parseLinkText, parseRunFile, runFileName, runIdOfFileName, settingsMessage,
  utf8Bytes, watchProfileMessage, PROTOCOL_VERSION, MAX_ACK_IDS, MAX_ACK_MESSAGE_IDS, MAX_MESSAGE_BYTES, ackMessageForSocket,
  MAX_RUN_ID_LENGTH, parseForWatch, MAX_HINT_CHARS,
} from "../../common/watch/protocol";
import { encodeSummary } from "../../common/watch/summary";
import { sampleRun } from "./sample-runs";

describe("link messages", () => {
  it("round-trip the phone's files (settings, acks) through JSON text, and every message through JSON", () => {
    const settings = settingsMessage({ age: "34", ceilingPercent: 65, backUnderCue: true });
    const ack = ackMessage(["mf0a1b2c-00zz", "mf0a1b2d-0a1b"]);
    const watchProfile = watchProfileMessage({ age: 41, restingHr: 52, maxHr: null });
    for (const m of [settings, ack]) {
      expect(parseLinkText(JSON.stringify(m))).toEqual({ ok: true, value: m });
      expect(parseForWatch(JSON.parse(JSON.stringify(m)))).toEqual({ ok: true, value: m });
    }
    for (const m of [settings, ack, watchProfile]) expect(parseLinkMessage(JSON.parse(JSON.stringify(m)))).toEqual({ ok: true, value: m });
    // The watch never receives its own profile back: it ignores one, with a reason.
    expect(parseForWatch(watchProfile)).toEqual({ ok: false, reason: "unknown type watch-profile" });
  });

  it.each([
    ["another version", { v: PROTOCOL_VERSION + 1, type: "ack", ids: [] }, /unknown version/],
    ["an unknown type", { v: PROTOCOL_VERSION, type: "reboot" }, /unknown type reboot/],
    ["an ack with a path for an id", { v: PROTOCOL_VERSION, type: "ack", ids: ["../settings.json"] }, /malformed id/],
    ["an oversized ack", { v: PROTOCOL_VERSION, type: "ack", ids: new Array(MAX_ACK_IDS + 1).fill("abc-0000") }, /list of ids/],
    ["settings holding an object", { v: PROTOCOL_VERSION, type: "settings", profile: { age: { evil: 1 } } }, /not a plain value/],
    ["settings without a profile", { v: PROTOCOL_VERSION, type: "settings" }, /without a profile/],
    ["an impossible watch resting HR", { v: PROTOCOL_VERSION, type: "watch-profile", watch: { age: 30, restingHr: 999, maxHr: null } }, /out of range/],
    ["an array", [1, "settings"], /not an object/],
  ])("rejects %s with a reason", (_what, data, reason) => {
    const r = parseLinkMessage(data);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it("rejects text that is not JSON or too large", () => {
    expect(parseLinkText("{oops")).toEqual({ ok: false, reason: "not JSON" });
    expect(parseLinkText(" ".repeat(9000) + "{}").ok).toBe(false);
  });
});

describe("run files", () => {
  const run = sampleRun(Date.UTC(2026, 0, 5, 7), 0.25);

  it("carry the run id in their name and the encoded summary inside", () => {
    expect(runIdOfFileName(runFileName(run.id))).toBe(run.id);
    expect(parseRunFile(runFileName(run.id), encodeSummary(run))).toEqual({ ok: true, value: run });
  });

  it("are rejected when the name and the content disagree, or either is malformed", () => {
    const other = sampleRun(Date.UTC(2026, 0, 6, 7), 0.5);
    expect(parseRunFile(runFileName(other.id), encodeSummary(run)).ok).toBe(false);
    expect(parseRunFile("rg-settings.json", encodeSummary(run)).ok).toBe(false);
    expect(parseRunFile(runFileName(run.id), "[1,2,3]").ok).toBe(false);
    expect(runIdOfFileName("rg-run-../x.json")).toBeNull();
  });
});

describe("validator fuzz", () => {
  const anyValue = fc.oneof(fc.jsonValue(), fc.anything());
  const nearMessage = fc.record({
    v: fc.oneof(fc.constant(PROTOCOL_VERSION), anyValue),
    type: fc.oneof(fc.constantFrom("settings", "ack", "watch-profile", "run"), fc.string()),
    hint: fc.oneof(fc.string(), anyValue),
    ids: fc.oneof(fc.array(fc.oneof(fc.constant("abc-0000"), fc.string())), anyValue),
    profile: fc.oneof(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())), anyValue),
    watch: fc.oneof(fc.record({ age: anyValue, restingHr: anyValue, maxHr: anyValue }), anyValue),
  }, { requiredKeys: [] });

  it("never throw on random values, near-miss messages or random text, and always say why", () => {
    fc.assert(fc.property(fc.oneof(anyValue, nearMessage), fc.string(), fc.string(), (data, text, name) => {
      for (const r of [parseLinkMessage(data), parseLinkText(text), parseLinkText(JSON.stringify(data) ?? ""), parseRunFile(name, text)]) {
        if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
      }
      const accepted = parseLinkMessage(data);
      // What is accepted is clean: re-validating it gives the same message.
      if (accepted.ok) expect(parseLinkMessage(JSON.parse(JSON.stringify(accepted.value)))).toEqual(accepted);
    }), { numRuns: 3000 });
  });

  it("encode any text as UTF-8 the way Node does", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => {
      expect(Buffer.from(utf8Bytes(s))).toEqual(Buffer.from(s, "utf8"));
    }), { numRuns: 1000 });
  });
});

describe("hostile payloads (found by the fuzz above)", () => {
  it("an object whose toString is not a function is rejected with a reason, not a throw", () => {
    for (const v of [{ toString: false }, { toString: null }, Object.create(null)]) {
      const r = parseLinkMessage({ v, type: "ack", ids: [] });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/unknown version \(object\)/);
      expect(parseLinkMessage({ v: 1, type: v }).ok).toBe(false);
    }
  });
});

describe("the ack message", () => {
  it("always fits the socket's 1027-byte limit: the newest ids, as many as fit at the longest id", () => {
    const longest = Array.from({ length: 300 }, (_, i) => i.toString(36).padStart(12, "z") + "-zzzz"); // 17 chars
    expect(parseLinkMessage(ackMessage(longest.slice(0, 1))).ok).toBe(true); // a valid id of the longest kind
    const m = ackMessageForSocket(longest);
    expect(m.type === "ack" && m.ids).toEqual(longest.slice(0, MAX_ACK_MESSAGE_IDS));
    expect(MAX_MESSAGE_BYTES).toBe(1027);
    expect(utf8Bytes(JSON.stringify(m)).length).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(MAX_ACK_MESSAGE_IDS).toBeGreaterThanOrEqual(40); // still more than a few weeks of runs
    // The literal is the formula: as many of the longest ids as fit beside an empty ack.
    expect(MAX_ACK_MESSAGE_IDS).toBe(Math.floor((MAX_MESSAGE_BYTES - JSON.stringify(ackMessage([])).length) / (MAX_RUN_ID_LENGTH + 3)));
  });
});

describe("the settings message's optional idle-face hint", () => {
  it("is carried when it is a short string, and left out when empty: a message without it is unchanged", () => {
    const profile = { age: "34" };
    expect(settingsMessage(profile)).toEqual({ v: PROTOCOL_VERSION, type: "settings", profile });
    expect("hint" in settingsMessage(profile, "")).toBe(false);
    const withHint = settingsMessage(profile, "Resting HR +7: rest or walk?");
    expect(withHint).toEqual({ v: PROTOCOL_VERSION, type: "settings", profile, hint: "Resting HR +7: rest or walk?" });
    expect(parseLinkText(JSON.stringify(withHint))).toEqual({ ok: true, value: withHint });
    expect(parseForWatch(JSON.parse(JSON.stringify(withHint)))).toEqual({ ok: true, value: withHint });
  });

  it("is ignored (the settings still apply) when it is not a string of at most MAX_HINT_CHARS", () => {
    const profile = { age: "34" };
    for (const hint of [7, null, "", "x".repeat(MAX_HINT_CHARS + 1), { text: "hi" }, ["a"]]) {
      const r = parseLinkText(JSON.stringify({ v: PROTOCOL_VERSION, type: "settings", profile, hint }));
      expect(r).toEqual({ ok: true, value: { v: PROTOCOL_VERSION, type: "settings", profile } });
    }
    expect(settingsMessage(profile, "x".repeat(MAX_HINT_CHARS + 1))).toEqual({ v: PROTOCOL_VERSION, type: "settings", profile });
    expect(parseLinkText(JSON.stringify(settingsMessage(profile, "x".repeat(MAX_HINT_CHARS)))).ok).toBe(true);
  });
});
