// Writes the face (common/watch/face-model.ts) to the screen. Element ids are the contract with resources/index.view.
// A DOM write costs on the watch, so each shown value is cached and written only when it changed.
import document from "document";
import { Face } from "../common/watch/face-model";

/** Width of the progress bar at 100%, as in index.view. */
var BAR_W = 200;

function el(id: string): GraphicsElement {
  var e = document.getElementById(id);
  if (!e) throw new Error("index.view has no #" + id);
  return e as GraphicsElement;
}

var time: GraphicsElement, hr: GraphicsElement, ceiling: GraphicsElement, stateText: GraphicsElement;
var pill: GraphicsElement, elapsed: GraphicsElement, bar: GraphicsElement, endText: GraphicsElement;
var endBtn: GraphicsElement, snoozeBtn: GraphicsElement, snoozeText: GraphicsElement, startBtn: GraphicsElement;
var runGroup: GraphicsElement, controls: GraphicsElement, hint: GraphicsElement;

// Last values written ("" / -1 / null: nothing written yet). One object keyed by the Face's own field names rather
// than a variable each: on the watch every top-level variable costs a name string and a slot in the JS heap, and
// these keys are strings the face model already holds.
var shown = { time: "", hr: "", ceiling: "", label: "", stateClass: "", elapsed: "", endLabel: "", snoozeLabel: "", hint: "",
  hrOver: null as boolean | null, progress: -1, running: null as boolean | null };

export function initView(): void {
  time = el("time");
  hr = el("hr");
  ceiling = el("ceiling");
  stateText = el("state-text");
  pill = el("state-pill");
  elapsed = el("elapsed");
  bar = el("progress-fg");
  endText = el("end-text");
  endBtn = el("end-btn");
  snoozeBtn = el("snooze-btn");
  snoozeText = el("snooze-text");
  startBtn = el("start-btn");
  runGroup = el("run-group");
  controls = el("run-controls");
  hint = el("hint");
}

export interface TapHandlers {
  start: () => void;
  snooze: () => void;
  end: () => void;
}

export function bindTaps(h: TapHandlers): void {
  startBtn.onclick = function () { h.start(); };
  snoozeBtn.onclick = function () { h.snooze(); };
  endBtn.onclick = function () { h.end(); };
}

export function draw(f: Face): void {
  var l = shown;
  if (f.running !== l.running) {
    l.running = f.running;
    var show: "inline" | "none" = f.running ? "inline" : "none";
    runGroup.style.display = show;
    controls.style.display = show;
    startBtn.style.display = f.running ? "none" : "inline";
  }
  if (f.time !== l.time) time.text = l.time = f.time;
  if (f.hr !== l.hr) hr.text = l.hr = f.hr;
  if (f.hint !== l.hint) hint.text = l.hint = f.hint;
  if (f.hrOver !== l.hrOver) hr.class = (l.hrOver = f.hrOver) ? "hr-over" : "hr-ok";
  if (f.ceiling !== l.ceiling) ceiling.text = l.ceiling = f.ceiling;
  if (f.label !== l.label) stateText.text = l.label = f.label;
  if (f.stateClass !== l.stateClass) {
    l.stateClass = f.stateClass;
    pill.class = "p-" + f.stateClass;
    stateText.class = "t-" + f.stateClass;
  }
  if (!f.running) return;
  if (f.elapsed !== l.elapsed) elapsed.text = l.elapsed = f.elapsed;
  // shown.progress holds the bar's width in pixels, not the fraction.
  var w = Math.round(f.progress * BAR_W);
  if (w !== l.progress) (bar as RectElement).width = l.progress = w;
  if (f.snoozeLabel !== l.snoozeLabel) snoozeText.text = l.snoozeLabel = f.snoozeLabel;
  if (f.endLabel !== l.endLabel) {
    endText.text = l.endLabel = f.endLabel;
    endBtn.class = f.endLabel === "END" ? "b-end" : "b-armed";
  }
}
