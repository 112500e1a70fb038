// After the run: did it stay a recovery run (the one rule, for the watch's summary card and the phone's verdict),
// and the card's lines (issue 12). A recovery run is easy and short (PRODUCT.md): a few brief excursions over the
// ceiling are hills, not a hidden workout. ES5-safe, no Fitbit imports; small, since the watch ships it.
import { RunSummary } from "./summary";
import { formatDuration } from "./format";

/** Time above the ceiling that still counts as easy: a minute, or 5% of the moving time if that is longer. */
export var ALLOWED_ABOVE_S = 60;
export var ALLOWED_ABOVE_FRACTION = 0.05;
/** Going this far past the time cap turns the run into a long one. */
export var OVER_CAP_GRACE_S = 5 * 60;

/** Why a run was not a recovery run, as bits (0: it stayed easy). */
export var TOO_LONG_ABOVE = 1;
export var AVERAGE_OVER = 2;
export var PAST_CAP = 4;

export function hardnessOf(run: RunSummary): number {
  return (run.secondsAboveCeiling > Math.max(ALLOWED_ABOVE_S, ALLOWED_ABOVE_FRACTION * run.movingS) ? TOO_LONG_ABOVE : 0) |
    (run.avgHr > run.ceilingBpm ? AVERAGE_OVER : 0) |
    (run.durationS - run.capMinutes * 60 > OVER_CAP_GRACE_S ? PAST_CAP : 0);
}

/** Where the run's summary is, in order: not on flash yet (storage full: the watch keeps trying), on the watch, on
 * the phone; and what the card's first line says for each. */
export var CARD_STATUSES = ["SAVING...", "SAVED ON THE WATCH", "SAVED ON YOUR PHONE"];

/** The card's lines for a run that just ended: status, duration, heart rate and time over, verdict. `t`: the watch's
 * language, English text (the .po msgid) to shown text (the shell passes i18n's gettext); absent: English. */
export function runCard(run: RunSummary, status: number, t?: (msgid: string) => string): string[] {
  var tr = t || String; // String(s) is s: no function of our own to keep on the watch's heap
  return [
    tr(CARD_STATUSES[status]),
    formatDuration(run.durationS),
    (run.avgHr > 0 ? tr("avg") + " " + run.avgHr + " " + tr("bpm") + ", " : "") +
      (run.secondsAboveCeiling > 0 ? formatDuration(run.secondsAboveCeiling) + " " + tr("over") : tr("never over")),
    tr(hardnessOf(run) ? "TOO HARD TODAY" : "STAYED EASY"),
  ];
}
