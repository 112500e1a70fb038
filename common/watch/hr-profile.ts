// A run's heart-rate profile, small enough to travel with its summary: at most 32 buckets of the believed level, a
// minute each (two, four... minutes when the run is longer: pairs merge), each with the share of its time over the
// ceiling, fed the level the guard believes once a second; at most about 130 bytes encoded, so a summary that
// carries it stays under the 256-byte budget (48 buckets would not). The watch does not record it yet: wired into
// app/run.ts it cost the engine check's app peak a 2 KB step over its floor (README, "HR profile"). ES5-safe.
//
// Encoded: [1, widthS, levels, over] where levels holds two base-36 characters a bucket (the bucket's mean level in
// whole bpm, "00" for no reading) and over one digit a bucket (0 none, else ceil(9 x seconds over / seconds read)).
// The closed buckets are kept in that form as they close: two short strings, not arrays of numbers, are the
// cheapest state for the watch's heap and its checkpoint.

export var HR_PROFILE_VERSION = 1;
export var HR_PROFILE_BUCKETS = 32;
var FIRST_WIDTH_S = 60;

export interface HrProfileState {
  /** Seconds a bucket covers: 60, doubled each time the run outgrows the buckets. */
  w: number;
  /** The bucket being gathered, its level sum, seconds read and seconds over the ceiling. */
  b: number;
  sum: number;
  n: number;
  o: number;
  /** The closed buckets, encoded (levels: two characters a bucket; over: one). */
  lv: string;
  ov: string;
}

export interface HrProfile {
  widthS: number;
  /** Whole bpm per bucket, 0 where the watch had no reading. */
  levels: number[];
  /** 0-9 per bucket: the share of its time over the ceiling, rounded up (any time over shows). */
  over: number[];
}

export function startHrProfile(): HrProfileState {
  return { w: FIRST_WIDTH_S, b: 0, sum: 0, n: 0, o: 0, lv: "", ov: "" };
}

function level2(x: number): string {
  return (x < 36 ? "0" : "") + x.toString(36);
}

/** Closes the bucket being gathered; when that fills the profile, pairs merge (their mean, their share over). */
function closeBucket(p: HrProfileState): void {
  p.lv += level2(p.n > 0 ? Math.min(1295, Math.round(p.sum / p.n)) : 0); // two characters, whatever comes
  p.ov += p.n > 0 ? Math.ceil((9 * p.o) / p.n) : 0;
  p.sum = p.n = p.o = 0;
  if (++p.b < HR_PROFILE_BUCKETS) return;
  var lv = "";
  var ov = "";
  for (var i = 0; i < p.b; i += 2) {
    var a = parseInt(p.lv.substr(2 * i, 2), 36);
    var c = parseInt(p.lv.substr(2 * i + 2, 2), 36);
    lv += level2(a > 0 && c > 0 ? Math.round((a + c) / 2) : a + c);
    ov += Math.ceil((+p.ov.charAt(i) + +p.ov.charAt(i + 1)) / 2);
  }
  p.lv = lv;
  p.ov = ov;
  p.b /= 2;
  p.w *= 2;
}

/** One second of the run, `t` seconds into it: the believed level (0 or null: none) and the run's ceiling. */
export function addToHrProfile(p: HrProfileState, t: number, bpm: number | null, ceiling: number): void {
  if (!(t >= 0)) return;
  while (p.b < Math.floor(t / p.w)) closeBucket(p);
  if (bpm !== null && bpm > 0) {
    p.sum += bpm;
    p.n++;
    if (bpm > ceiling) p.o++;
  }
}

/** The run's profile as its summary carries it: the bucket being gathered is closed first, when it has a reading
 * (so encoding again, as a retried filing does, gives the same text). */
export function encodeHrProfile(p: HrProfileState): string {
  if (p.n > 0) closeBucket(p);
  return JSON.stringify([HR_PROFILE_VERSION, p.w, p.lv, p.ov]);
}

/** The profile, or null for anything that is not a well-formed version-1 profile (text or parsed). Phone side. */
export function decodeHrProfile(stored: unknown): HrProfile | null {
  var a = stored;
  if (typeof stored === "string") {
    if (stored.length > 512) return null;
    try { a = JSON.parse(stored); } catch (e) { return null; }
  }
  if (!(a instanceof Array) || a.length !== 4 || a[0] !== HR_PROFILE_VERSION) return null;
  var w = a[1];
  var lv = a[2];
  var ov = a[3];
  if (typeof w !== "number" || !(w >= FIRST_WIDTH_S) || w % FIRST_WIDTH_S !== 0 || w > 7 * 86400) return null;
  if (typeof lv !== "string" || typeof ov !== "string" || lv.length !== 2 * ov.length || ov.length > HR_PROFILE_BUCKETS) return null;
  if (!/^[0-9a-z]*$/.test(lv) || !/^[0-9]*$/.test(ov)) return null;
  var levels: number[] = [];
  var over: number[] = [];
  for (var i = 0; i < ov.length; i++) {
    var x = parseInt(lv.substr(2 * i, 2), 36);
    if (x !== 0 && (x < 30 || x > 260)) return null;
    levels.push(x);
    over.push(x > 0 ? +ov.charAt(i) : 0);
  }
  return { widthS: w, levels: levels, over: over };
}
