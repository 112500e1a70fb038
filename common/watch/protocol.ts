// The watch-phone link: the names and shapes of every file and message that crosses it, and their validators.
// Anything that fails validation is ignored by the receiver with a log line (the reason string returned here).
// ES5-safe: the watch decodes these too.
import { ProfileInput } from "./profile";
import { RunSummary, decodeSummary, isRunId } from "./summary";
import { shownValue } from "./format";

/** Bumped only when a payload changes shape; a receiver ignores any other version. */
export var PROTOCOL_VERSION = 1;

/**
 * Phone -> watch: the whole current settings, the file on the link. One fixed name, so a newer file replaces a
 * pending older one. (Not the watch's stored copy: that is app/profile-source.ts SETTINGS_STORE_FILE.)
 */
export var SETTINGS_LINK_FILE = "rg-settings.json";
/** Phone -> watch: the run ids the phone has stored. Cumulative, so replacing a pending ack loses nothing. */
export var ACK_FILE = "rg-ack.json";
var RUN_FILE_PREFIX = "rg-run-";
var RUN_FILE_SUFFIX = ".json";
/** More ids than one ack can carry is a malformed ack, not a bigger one. */
export var MAX_ACK_IDS = 200;
/** The messaging module's limit for one peer-socket message, in bytes (peerSocket.MAX_MESSAGE_SIZE). */
export var MAX_MESSAGE_BYTES = 1027;
/** The longest id summary.ts isRunId allows: 12 + "-" + 4 characters. */
var MAX_RUN_ID_CHARS = 17;
var MAX_PAYLOAD_CHARS = 8192;
var MAX_SETTINGS_FIELDS = 20;
/** The longest idle-face hint a settings message may carry ("Resting HR +7: rest or walk?" is 28). */
export var MAX_HINT_CHARS = 40;

/** Watch -> phone: one file per run, named by its id (a re-send of the same run replaces its pending copy). */
export function runFileName(id: string): string {
  return RUN_FILE_PREFIX + id + RUN_FILE_SUFFIX;
}

/** The run id a run file's name carries, or null when the name is not a run file's. */
export function runIdOfFileName(name: string): string | null {
  if (typeof name !== "string") return null;
  if (name.indexOf(RUN_FILE_PREFIX) !== 0) return null;
  if (name.slice(-RUN_FILE_SUFFIX.length) !== RUN_FILE_SUFFIX) return null;
  var id = name.slice(RUN_FILE_PREFIX.length, name.length - RUN_FILE_SUFFIX.length);
  return isRunId(id) ? id : null;
}

/** What the watch knows about its wearer (user-profile), so the phone computes the same ceiling as the watch. */
export interface WatchProfile {
  age: number | null;
  restingHr: number | null;
  maxHr: number | null;
}

export type LinkMessage =
  | { v: number; type: "settings"; profile: ProfileInput; hint?: string }
  | { v: number; type: "ack"; ids: string[] }
  | { v: number; type: "watch-profile"; watch: WatchProfile };

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * `hint`: an optional quiet line for the idle face (the phone's readiness hint), left out when empty. Optional and
 * ignored when malformed, so a watch that does not know it reads the settings as before (same version).
 */
export function settingsMessage(profile: ProfileInput, hint?: string): LinkMessage {
  var m: LinkMessage = { v: PROTOCOL_VERSION, type: "settings", profile: profile };
  if (isHint(hint)) m.hint = hint;
  return m;
}

function isHint(x: unknown): x is string {
  return typeof x === "string" && x.length > 0 && x.length <= MAX_HINT_CHARS;
}

export function ackMessage(ids: string[]): LinkMessage {
  return { v: PROTOCOL_VERSION, type: "ack", ids: ids.slice(0, MAX_ACK_IDS) };
}

/**
 * Ids one ack MESSAGE may carry (the ack file carries them all): floor((MAX_MESSAGE_BYTES - the JSON of an ack
 * with no ids) / (MAX_RUN_ID_CHARS + two quotes and a comma)) = floor((1027 - 30) / 20) = 49 ids of the longest
 * kind (today's ids are 13 characters). A literal, checked by a test, so the watch's bundle does not compute it.
 */
export var MAX_ACK_MESSAGE_IDS = 49;
export var MAX_RUN_ID_LENGTH = MAX_RUN_ID_CHARS;

/** The ack for the peer socket: the newest ids (ids come newest first) that fit in one message. */
export function ackMessageForSocket(ids: string[]): LinkMessage {
  return ackMessage(ids.slice(0, MAX_ACK_MESSAGE_IDS));
}

export function watchProfileMessage(watch: WatchProfile): LinkMessage {
  return { v: PROTOCOL_VERSION, type: "watch-profile", watch: watch };
}

function fail<T>(reason: string): Parsed<T> {
  return { ok: false, reason: reason };
}

function optionalWholeNumber(x: unknown, min: number, max: number): number | null | undefined {
  if (x === null || x === undefined) return null;
  if (typeof x !== "number" || Math.floor(x) !== x || x < min || x > max) return undefined;
  return x;
}

type Fields = { [key: string]: unknown };

function parseWatchProfile(m: Fields): Parsed<LinkMessage> {
  var w = m["watch"];
  if (w === null || typeof w !== "object") return fail("watch-profile without values");
  var wp = w as Fields;
  var age = optionalWholeNumber(wp["age"], 1, 120);
  var restingHr = optionalWholeNumber(wp["restingHr"], 20, 150);
  var maxHr = optionalWholeNumber(wp["maxHr"], 60, 250);
  if (age === undefined || restingHr === undefined || maxHr === undefined) return fail("watch-profile with values out of range");
  return { ok: true, value: { v: PROTOCOL_VERSION, type: "watch-profile", watch: { age: age, restingHr: restingHr, maxHr: maxHr } } };
}

/**
 * What the watch reads: the phone's settings and acks. Kept apart from parseLinkMessage so the watch's
 * JavaScript (24 KB budget) does not carry the validator of a message only the phone receives. Never throws.
 */
export function parseForWatch(data: unknown): Parsed<LinkMessage> {
  // The envelope every message shares, the settings and the ack are all checked here rather than in functions of
  // their own: the watch's parse pays for each function (and the minifier would make each a closure per call).
  if (data === null || typeof data !== "object" || data instanceof Array) return fail("not an object");
  var m = data as Fields;
  if (m["v"] !== PROTOCOL_VERSION) return fail("unknown version " + shownValue(m["v"], 20));
  var type = m["type"];
  if (type === "settings") {
    var input = m["profile"] as ProfileInput | null;
    if (input === null || typeof input !== "object" || input instanceof Array) return fail("settings without a profile object");
    // Only the shape is checked here: the watch validates the values against its own base profile (the
    // phone sends only the fields the runner set; the rest come from the watch's user profile).
    var keys = 0;
    for (var key in input) {
      if (!Object.prototype.hasOwnProperty.call(input, key)) continue;
      var value = input[key];
      if (++keys > MAX_SETTINGS_FIELDS) return fail("settings with too many fields");
      if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return fail("settings field " + key.slice(0, 20) + " is not a plain value");
    }
    // A hint that is not a short string is dropped, never a reason to refuse the settings.
    var settings: LinkMessage = { v: PROTOCOL_VERSION, type: "settings", profile: input };
    if (isHint(m["hint"])) settings.hint = m["hint"];
    return { ok: true, value: settings };
  }
  if (type !== "ack") return fail("unknown type " + shownValue(type, 20));
  var ids = m["ids"];
  if (!(ids instanceof Array) || ids.length > MAX_ACK_IDS) return fail("ack without a list of ids");
  for (var i = 0; i < ids.length; i++) if (!isRunId(ids[i])) return fail("ack with a malformed id");
  return { ok: true, value: { v: PROTOCOL_VERSION, type: "ack", ids: ids.slice() as string[] } };
}

/** Validates any decoded message (from a file's JSON text or a peer-socket message). Never throws. */
export function parseLinkMessage(data: unknown): Parsed<LinkMessage> {
  // Anything but a watch-profile of this version: parseForWatch checks the envelope and says what is wrong.
  if (data !== null && typeof data === "object" && !(data instanceof Array)) {
    var m = data as Fields;
    if (m["v"] === PROTOCOL_VERSION && m["type"] === "watch-profile") return parseWatchProfile(m);
  }
  return parseForWatch(data);
}

/**
 * A file from the phone (settings or ack): JSON of a message. Size-capped before parsing so a huge file cannot
 * exhaust the watch's heap. (Files the other way are run files: parseRunFile.)
 */
export function parseLinkText(text: unknown): Parsed<LinkMessage> {
  if (typeof text !== "string") return fail("not text");
  if (text.length > MAX_PAYLOAD_CHARS) return fail("too large (" + text.length + " chars)");
  var data: unknown;
  try { data = JSON.parse(text); } catch (e) { return fail("not JSON"); }
  return parseForWatch(data);
}

/** A run file from the watch: its name must carry the id of the summary inside (encodeSummary text). */
export function parseRunFile(name: string, text: unknown): Parsed<RunSummary> {
  var id = runIdOfFileName(name);
  if (id === null) return fail("not a run file name: " + shownValue(name, 40));
  var summary = decodeSummary(text);
  if (summary === null) return fail("malformed run summary in " + name);
  if (summary.id !== id) return fail("run file " + name + " holds run " + summary.id);
  return { ok: true, value: summary };
}

/** UTF-8 bytes of a string, for file-transfer (which sends bytes); ES5, no TextEncoder on the watch. */
export function utf8Bytes(s: string): Uint8Array {
  var out: number[] = [];
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      var lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00); i++; }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(out);
}
