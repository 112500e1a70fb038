// The summary card (issue 12): when a run ends the face shows what it was (common/watch/run-card.ts) until tapped or
// 30 s pass, and its first line follows the summary: saving, on the watch, then on the phone. The state is one
// object: every top-level name costs the watch's JS heap.
import document from "document";
import { hardnessOf, runCard } from "../common/watch/run-card";
import { RunSummary } from "../common/watch/summary";

var card = { run: null as RunSummary | null, status: 0, timer: -1, ids: ["card-status", "card-duration", "card-hr", "card-verdict"] };

/**
 * Show the card of a run that just ended (status: 0 saving, 1 on the watch, 2 on the phone), or move the shown
 * one's status on, never back. An acknowledgement of another run shows nothing.
 */
export function showCard(run: RunSummary, status: number): void {
  var same = card.run !== null && card.run.id === run.id;
  if (same ? status <= card.status : status > 1) return;
  var lines = runCard(run, status);
  for (var i = 0; i < 4; i++) (document.getElementById(card.ids[i]) as TextElement).text = lines[i];
  (document.getElementById("card-verdict") as TextElement).class = hardnessOf(run) ? "card-hard" : "card-easy";
  card.status = status;
  if (same) return;
  card.run = run;
  var g = document.getElementById("card") as GraphicsElement;
  var hide = function () {
    g.style.display = "none";
  };
  g.style.display = "inline";
  (document.getElementById("card-bg") as GraphicsElement).onclick = hide;
  clearTimeout(card.timer);
  card.timer = setTimeout(hide, 30000);
}

/** The phone has this run: its card, if up, says so. */
export function cardOnPhone(id: string): void {
  if (card.run && card.run.id === id) showCard(card.run, 2);
}
