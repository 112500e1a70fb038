// Writes the face (common/watch/face-model.ts) to the screen. Element ids are the contract with resources/index.view.
// A DOM write costs on the watch, so each shown value is cached and written only when it changed.
import document from "document";
import { gettext } from "i18n";
import { Face } from "../common/watch/face-model";

/** Width of the progress bar at 100%, as in index.view. */
var BAR_W = 200;

/** The face's elements by their id in index.view, filled by initView. One object keyed by the id strings the lookups
 *  already hold, rather than a top-level variable each: every top-level binding costs the watch's JS heap. */
var els: { [id: string]: GraphicsElement } = {};

// Last values written ("" / -1 / null: nothing written yet). One object keyed by the Face's own field names rather
// than a variable each: on the watch every top-level variable costs a name string and a slot in the JS heap, and
// these keys are strings the face model already holds.
var shown = { time: "", hr: "", ceiling: "", label: "", stateClass: "", elapsed: "", endLabel: "", snoozeLabel: "", hint: "",
  hrOver: null as boolean | null, progress: -1, running: null as boolean | null };

export function initView(): void {
  var ids = ["time", "hr", "ceiling", "state-text", "state-pill", "elapsed", "progress-fg", "end-text", "end-btn",
    "snooze-btn", "snooze-text", "start-btn", "run-group", "run-controls", "hint"];
  for (var i = 0; i < ids.length; i++) {
    var e = document.getElementById(ids[i]);
    if (!e) throw new Error("index.view has no #" + ids[i]);
    els[ids[i]] = e as GraphicsElement;
  }
  // The two words index.view holds that no draw writes (the card's is here too: the card has no init of its own),
  // once in the watch's language: an app starts afresh when the language changes.
  (document.getElementById("hr-unit") as TextElement).text = gettext("bpm");
  (document.getElementById("card-dismiss") as TextElement).text = gettext("tap to close");
}

export interface TapHandlers {
  start: () => void;
  snooze: () => void;
  end: () => void;
}

/** The handlers themselves are bound (they take no arguments, so the click event is ignored): a wrapper closure
 * each would cost the watch's JS heap for good. */
export function bindTaps(h: TapHandlers): void {
  els["start-btn"].onclick = h.start;
  els["snooze-btn"].onclick = h.snooze;
  els["end-btn"].onclick = h.end;
}

export function draw(f: Face): void {
  var l = shown;
  if (f.running !== l.running) {
    l.running = f.running;
    var show: "inline" | "none" = f.running ? "inline" : "none";
    els["run-group"].style.display = show;
    els["run-controls"].style.display = show;
    els["start-btn"].style.display = f.running ? "none" : "inline";
  }
  if (f.time !== l.time) els.time.text = l.time = f.time;
  if (f.hr !== l.hr) els.hr.text = l.hr = f.hr;
  if (f.hint !== l.hint) els.hint.text = l.hint = f.hint;
  if (f.hrOver !== l.hrOver) els.hr.class = (l.hrOver = f.hrOver) ? "hr-over" : "hr-ok";
  if (f.ceiling !== l.ceiling) els.ceiling.text = l.ceiling = f.ceiling;
  if (f.label !== l.label) els["state-text"].text = l.label = f.label;
  if (f.stateClass !== l.stateClass) {
    l.stateClass = f.stateClass;
    els["state-pill"].class = "p-" + f.stateClass;
    els["state-text"].class = "t-" + f.stateClass;
  }
  if (!f.running) return;
  if (f.elapsed !== l.elapsed) els.elapsed.text = l.elapsed = f.elapsed;
  // shown.progress holds the bar's width in pixels, not the fraction.
  var w = Math.round(f.progress * BAR_W);
  if (w !== l.progress) (els["progress-fg"] as RectElement).width = l.progress = w;
  if (f.snoozeLabel !== l.snoozeLabel) els["snooze-text"].text = l.snoozeLabel = f.snoozeLabel;
  if (f.endLabel !== l.endLabel) {
    els["end-text"].text = l.endLabel = f.endLabel;
    els["end-btn"].class = f.endLabel === gettext("END") ? "b-end" : "b-armed"; // the label is in the watch's language
  }
}
