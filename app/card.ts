// The summary card (issue 12): when a run ends the face shows what it was (common/watch/run-card.ts) until tapped or
// 30 s pass, and its first line follows the summary: saving, on the watch, then on the phone. The state is one
// object: every top-level name costs the watch's JS heap. It keeps the run's id, not its summary, and its one
// hide handler is made once: a closure per card would keep that card's summary and lines alive for good.
import document from "document";
import { gettext } from "i18n";
import { CARD_STATUSES, hardnessOf, runCard } from "../common/watch/run-card";
import { RunSummary } from "../common/watch/summary";

var card = {
  id: "",
  status: 0,
  timer: -1,
  ids: ["card-status", "card-duration", "card-hr", "card-verdict"],
  hide: function () {
    (document.getElementById("card") as GraphicsElement).style.display = "none";
  },
};

/**
 * Show the card of a run that just ended (status: 0 saving, 1 on the watch, 2 on the phone), or move the shown
 * one's status on, never back. An acknowledgement of another run shows nothing.
 */
export function showCard(run: RunSummary, status: number): void {
  if (run.id === card.id) {
    cardOnPhone(run.id, status);
    return;
  }
  if (status > 1) return;
  var lines = runCard(run, status, gettext);
  var line: TextElement;
  for (var i = 0; i < 4; i++) (line = document.getElementById(card.ids[i]) as TextElement).text = lines[i];
  line!.class = hardnessOf(run) ? "card-hard" : "card-easy"; // the last line: the verdict
  card.id = run.id;
  card.status = status;
  var g = document.getElementById("card") as GraphicsElement;
  g.style.display = "inline";
  (document.getElementById("card-bg") as GraphicsElement).onclick = card.hide;
  clearTimeout(card.timer);
  card.timer = setTimeout(card.hide, 30000);
}

/** The shown run's summary moved on (the phone has it, by default): only the status line changes. */
export function cardOnPhone(id: string, status?: number): void {
  var s = status === undefined ? 2 : status;
  if (id !== card.id || s <= card.status) return;
  card.status = s;
  (document.getElementById("card-status") as TextElement).text = gettext(CARD_STATUSES[s]);
}
