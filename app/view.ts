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

// Last values written ("" / -1 / null: nothing written yet).
var lTime = "", lHr = "", lCeiling = "", lLabel = "", lState = "", lElapsed = "", lEnd = "", lSnooze = "", lHint = "";
var lHrOver: boolean | null = null;
var lBar = -1;
var lRunning: boolean | null = null;

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
  if (f.running !== lRunning) {
    lRunning = f.running;
    var show: "inline" | "none" = f.running ? "inline" : "none";
    runGroup.style.display = show;
    controls.style.display = show;
    startBtn.style.display = f.running ? "none" : "inline";
  }
  if (f.time !== lTime) time.text = lTime = f.time;
  if (f.hr !== lHr) hr.text = lHr = f.hr;
  if (f.hint !== lHint) hint.text = lHint = f.hint;
  if (f.hrOver !== lHrOver) hr.class = (lHrOver = f.hrOver) ? "hr-over" : "hr-ok";
  if (f.ceiling !== lCeiling) ceiling.text = lCeiling = f.ceiling;
  if (f.label !== lLabel) stateText.text = lLabel = f.label;
  if (f.stateClass !== lState) {
    lState = f.stateClass;
    pill.class = "p-" + lState;
    stateText.class = "t-" + lState;
  }
  if (!f.running) return;
  if (f.elapsed !== lElapsed) elapsed.text = lElapsed = f.elapsed;
  var w = Math.round(f.progress * BAR_W);
  if (w !== lBar) (bar as RectElement).width = lBar = w;
  if (f.snoozeLabel !== lSnooze) snoozeText.text = lSnooze = f.snoozeLabel;
  if (f.endLabel !== lEnd) {
    endText.text = lEnd = f.endLabel;
    endBtn.class = f.endLabel === "END" ? "b-end" : "b-armed";
  }
}
