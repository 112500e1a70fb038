// Text for durations and clocks, shared by the face, the phone and the tools.

function pad2(n: number): string {
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
