// A run's heart-rate profile, small enough to travel with its summary: at most 48 buckets of the believed level, a
// minute each (two, four... minutes when the run is longer: pairs merge), each with the share of its time over the
// ceiling. Built on the watch from the level it feeds the guard each second; about 160 bytes encoded. ES5-safe.
//
// Encoded: [1, widthS, levels, over] where levels holds two base-36 characters a bucket (the bucket's mean level in
// whole bpm, "00" for no reading) and over one digit a bucket (0 none, else ceil(9 x seconds over / seconds read)).

export var HR_PROFILE_VERSION = 1;
export var HR_PROFILE_BUCKETS = 48;
var FIRST_WIDTH_S = 60;

export interface HrProfileState {
  t0: number;
  /** Seconds a bucket covers: 60, doubled each time the run outgrows the buckets. */
  w: number;
  /** Per bucket: sum of levels, seconds read, seconds over the ceiling. */
  sum: number[];
  n: number[];
  over: number[];
}

export interface HrProfile {
  widthS: number;
  /** Whole bpm per bucket, 0 where the watch had no reading. */
  levels: number[];
  /** 0-9 per bucket: the share of its time over the ceiling, rounded up (any time over shows). */
  over: number[];
}

export function startHrProfile(t0: number): HrProfileState {
  return { t0: t0, w: FIRST_WIDTH_S, sum: [], n: [], over: [] };
}

function halve(a: number[]): number[] {
  var out: number[] = [];
  for (var i = 0; i < a.length; i += 2) out.push(a[i] + (i + 1 < a.length ? a[i + 1] : 0));
  return out;
}

/** One second of the run: the believed level (0 or null: none) and the run's ceiling. */
export function addToHrProfile(p: HrProfileState, t: number, bpm: number | null, ceiling: number): void {
  if (bpm === null || !(bpm > 0) || !(t >= p.t0)) return;
  var i = Math.floor((t - p.t0) / p.w);
  while (i >= HR_PROFILE_BUCKETS) {
    p.sum = halve(p.sum);
    p.n = halve(p.n);
    p.over = halve(p.over);
    p.w *= 2;
    i = Math.floor((t - p.t0) / p.w);
  }
  while (p.n.length <= i) { p.sum.push(0); p.n.push(0); p.over.push(0); }
  p.sum[i] += bpm;
  p.n[i]++;
  if (bpm > ceiling) p.over[i]++;
}

export function encodeHrProfile(p: HrProfileState): string {
  var levels = "";
  var over = "";
  for (var i = 0; i < p.n.length; i++) {
    var x = p.n[i] > 0 ? Math.min(1295, Math.round(p.sum[i] / p.n[i])) : 0;
    levels += (x < 36 ? "0" : "") + x.toString(36);
    over += p.n[i] > 0 ? Math.ceil((9 * p.over[i]) / p.n[i]) : 0;
  }
  return JSON.stringify([HR_PROFILE_VERSION, p.w, levels, over]);
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
