// Text for durations and clocks, shared by the face, the phone and the tools.

/** 7 -> "07": two digits for clocks and dates. */
export function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

/** 75 -> "1:15", 3725 -> "1:02:05". Negative or NaN -> "0:00". */
export function formatClock(seconds: number): string {
  var s = seconds > 0 ? Math.floor(seconds) : 0;
  var h = Math.floor(s / 3600);
  var m = Math.floor((s % 3600) / 60);
  var sec = s % 60;
  return h > 0 ? h + ":" + pad2(m) + ":" + pad2(sec) : m + ":" + pad2(sec);
}

/** A duration in words, never a clock: 45 -> "45 s", 1330 -> "22 min 10 s", 1320 -> "22 min", 3900 -> "1 h 05 min". */
export function formatDuration(seconds: number): string {
  var s = seconds > 0 ? Math.floor(seconds) : 0;
  if (s < 60) return s + " s";
  if (s < 3600) return Math.floor(s / 60) + " min" + (s % 60 ? " " + pad2(s % 60) + " s" : "");
  return Math.floor(s / 3600) + " h " + pad2(Math.floor((s % 3600) / 60)) + " min";
}

/** Any value as text for a message or log line, at most `max` characters. Never throws: String() would on an
 * object whose toString is not a function. */
export function shownValue(value: unknown, max: number): string {
  if (value !== null && (typeof value === "object" || typeof value === "function")) return "(" + typeof value + ")";
  return String(value).slice(0, max);
}

/** The message `id` translated by `t`, its {name} placeholders filled from `values` (one kept as written when it has
 * none, so a missing value shows instead of vanishing). The phone's say() and the settings' problems use it. */
export function fillMessage(t: (id: string) => string, id: string, values?: { [name: string]: string | number }): string {
  var template = t(id);
  if (!values) return template;
  return template.replace(/\{([a-zA-Z0-9_]+)\}/g, function (whole: string, name: string): string {
    return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
  });
}
