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
    if (problem) {
      skipped++;
      if (warnings.length < 5) warnings.push("line " + (i + 1) + ": " + problem + "; skipped");
      continue;
    }
    lastT = t;
    samples.push({ t: t, bpm: bpm });
  }
  if (skipped > warnings.length) warnings.push((skipped - warnings.length) + " more bad lines skipped");
  if (samples.length === 0) {
    return { samples: samples, warnings: warnings, error: "The trace has no usable samples." };
  }
  return { samples: samples, warnings: warnings, error: null };
}
