// Heart-rate traces in the shared CSV format (header t,hr[,speed,cadence]; t in seconds, hr in bpm).
// Parsing is lenient about rows and strict about the file: bad rows are counted and reported, never fatal.

export interface TraceSample {
  t: number;
  bpm: number;
}

export interface ParsedTrace {
  samples: TraceSample[];
  /** Human messages about skipped rows (at most a few, then a count). */
  warnings: string[];
  /** Set when the file cannot be used at all. */
  error: string | null;
}

/** The longest a trace may span: a watch run never lasts longer (the watch's summaries allow at most 7 days). */
export var MAX_TRACE_SPAN_S = 7 * 24 * 3600;

export function parseTraceCsv(text: string): ParsedTrace {
  var samples: TraceSample[] = [];
  var warnings: string[] = [];
  var lines = String(text).split(/\r?\n/);
  var header = (lines[0] || "").trim().toLowerCase().split(",");
  var ti = header.indexOf("t");
  var hi = header.indexOf("hr");
  if (ti < 0 || hi < 0) {
    return { samples: samples, warnings: warnings, error: "Not a heart-rate trace: the first line must be a header with columns t and hr (like \"t,hr,speed,cadence\")." };
  }
  var skipped = 0;
  var lastT = -Infinity;
  for (var i = 1; i < lines.length; i++) {
    var line = lines[i].trim();
    if (line === "") continue;
    var cells = line.split(",");
    var t = Number(cells[ti]);
    var bpm = Number(cells[hi]);
    var problem = "";
    if (cells[ti] === undefined || cells[ti] === "" || !isFinite(t) || t < 0) problem = "time \"" + cells[ti] + "\" is not a number of seconds";
    else if (cells[hi] === undefined || cells[hi] === "" || !isFinite(bpm) || bpm < 0 || bpm > 300) problem = "heart rate \"" + cells[hi] + "\" is not a bpm value";
    else if (t < lastT) problem = "time " + t + " goes backwards";
    else if (samples.length > 0 && t - samples[0].t > MAX_TRACE_SPAN_S) problem = "time " + cells[ti] + " is more than 7 days after the first sample (no run lasts that long)";
    if (problem) {
      skipped++;
      if (warnings.length < 5) warnings.push("line " + (i + 1) + ": " + problem + "; skipped");
      continue;
    }
    lastT = t;
    samples.push({ t: t, bpm: bpm });
  }
  if (skipped > warnings.length) warnings.push((skipped - warnings.length) + " more bad lines skipped");
  var error = samples.length === 0 ? "The trace has no usable samples." : missingFrom(samples);
  return { samples: samples, warnings: warnings, error: error };
}

/** What a trace lacks to be replayed as a run, in words, or null when it has it. */
function missingFrom(samples: TraceSample[]): string | null {
  var anyHr = false;
  for (var i = 0; i < samples.length; i++) if (samples[i].bpm > 0) anyHr = true;
  if (!anyHr) return "No sample has a heart rate (every hr is 0): there is nothing to replay.";
  if (samples.length === 1) return "The trace has a single sample: a run needs readings over time.";
  if (samples[samples.length - 1].t === samples[0].t) return "Every sample has the same time (t = " + samples[0].t + "): a run needs readings over time.";
  return null;
}

/**
 * How a trace reaches the heart-rate sensor: ONE rule for the replay (common/dev/replay.ts), the browser preview
 * (web/harness/trace-player.ts) and the bench's simulated watch (tools/device-costs.ts). Read at time t, the
 * sensor reports the samples whose recorded time falls in (previous read, t], each exactly once and in order
 * (repeated timestamps are separate readings). Between samples it is silent: no reading at all, never the last
 * one repeated, so a gap in the recording is a gap for the guard too, and the guard's own staleness rule
 * handles it. A sample of 0 bpm is a reading of "no heart rate".
 */
export interface TraceCursor {
  samples: TraceSample[];
  /** Index of the first sample not yet reported. */
  next: number;
}

export function traceCursor(samples: TraceSample[]): TraceCursor {
  return { samples: samples, next: 0 };
}

/** The next sample recorded up to t that was not reported yet, or null (none left up to t); each is reported once. */
export function nextReading(c: TraceCursor, t: number): TraceSample | null {
  return c.next < c.samples.length && c.samples[c.next].t <= t ? c.samples[c.next++] : null;
}

/** All the samples recorded up to t that were not reported yet ([] in a gap), in order. */
export function readTo(c: TraceCursor, t: number): TraceSample[] {
  var out: TraceSample[] = [];
  for (var s = nextReading(c, t); s !== null; s = nextReading(c, t)) out.push(s);
  return out;
}

/** The recorded time of the next sample not yet reported (Infinity past the end). */
export function nextSampleT(c: TraceCursor): number {
  return c.next < c.samples.length ? c.samples[c.next].t : Infinity;
}

/** A seek: the next read reports the samples recorded from t on (a sample exactly at t included). */
export function seekCursor(c: TraceCursor, t: number): void {
  var lo = 0;
  var hi = c.samples.length;
  while (lo < hi) {
    var mid = (lo + hi) >> 1;
    if (c.samples[mid].t < t) lo = mid + 1;
    else hi = mid;
  }
  c.next = lo;
}
