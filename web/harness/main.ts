// The page: makes the simulated world (sim/world.ts: clock, link, the watch's senses, faults) on the browser's
// storage, the trace controls, the chart and the faults panel, then loads the real watch app and the real phone
// code against it.
import { DEMO_RUN_LABEL, generateDemoRun } from "../../common/dev/demo-run";
import { formatClock } from "../../common/watch/format";
import { ceilingOf } from "../../common/watch/zones";
import { DEFAULT_PROFILE } from "../../common/watch/profile";
import { parseTraceCsv, TraceSample } from "../../common/dev/trace";
import viewXml from "../../resources/index.view";
import stylesCss from "../../resources/styles.css";
import { browserStore, loadJson, saveJson } from "../../sim/store";
import { newWorld } from "../../sim/world";
import { DEFAULT_LANGUAGE, LANGUAGES } from "../../sim/phone/i18n";
import type { SimElement } from "../../sim/device/document";
import { beep } from "./beeper";
import { chartTimeAt, drawChart } from "./chart";
import { BuzzMeaning, BuzzNamer } from "./buzz-meaning";
import { FaceRenderer } from "./face-renderer";
import { drawSettingsPage } from "./settings-renderer";
import { TracePlayer } from "./trace-player";
import { WATCH_USER } from "./watch-user";

interface TraceInfo { name: string; note: string }
interface TraceEntry { id: string; label: string; note: string; load(): Promise<TraceSample[]> }
interface SimMemory {
  virtualNow: number;
  traceId: string;
  cursor: number;
  speed: number;
  playing: boolean;
  onWrist: boolean;
  displayOn: boolean;
  sound: boolean;
  ceilings: Array<{ t: number; bpm: number }>;
  buzzes: Array<{ t: number; pattern: string; meaning: BuzzMeaning }>;
}

const DEMO_ID = "generated:demo";
/** The real trace offered first: an easy start, then long stretches just over a typical recovery ceiling. */
const FIRST_TRACE = "real:run_garmin-fenix2-pauses_runalyze.csv";
const SPEEDS = [1, 2, 5, 10, 30, 60];

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const screen = document.getElementById("watch-screen") as unknown as SVGSVGElement;

const store = browserStore();
const storeGet = <T>(key: string, fallback: T): T => loadJson(store, key, fallback);
const storeSet = (key: string, value: unknown): void => saveJson(store, key, value);

const langParam = new URLSearchParams(location.search).get("lang"); // read before "?reset" drops the query
const watchLangParam = new URLSearchParams(location.search).get("watchLang");
// "?reset" starts from a fresh world (the e2e tests use it); the Reset button does the same.
if (new URLSearchParams(location.search).has("reset")) {
  store.clearAll();
  history.replaceState(null, "", location.pathname);
}
let resetting = false;

const mem: SimMemory = storeGet<SimMemory>("sim", {
  virtualNow: Date.now(), traceId: "", cursor: 0, speed: 10, playing: true,
  onWrist: true, displayOn: true, sound: true, ceilings: [], buzzes: [],
});
const world = newWorld({ now: mem.virtualNow, store, connected: true, delivery: "auto", viewXml });
const clock = world.clock;
const link = world.link;
const player = new TracePlayer();
const errors: string[] = [];

function showError(e: unknown): void {
  const text = e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e);
  errors.push(text);
  const box = $("errors");
  box.hidden = false;
  box.textContent = "The app threw (see the browser console too):\n" + errors.slice(-3).join("\n\n");
}
clock.onError = (e) => { console.error(e); showError(e); };
window.addEventListener("error", (e) => showError(e.error ?? e.message));
window.addEventListener("unhandledrejection", (e) => showError(e.reason));

/**
 * A language menu: its locale from the URL's `param` (read above, before "?reset" drops the query) when it is one the
 * project has, else the last one chosen (kept across reloads); a change is stored and handed to `changed`.
 */
function languageMenu(menuId: string, param: string | null, storeKey: string, set: (locale: string) => void, changed: () => void): void {
  const locale = param && (LANGUAGES as readonly string[]).indexOf(param) >= 0 ? param : storeGet<string>(storeKey, DEFAULT_LANGUAGE);
  set(locale);
  const menu = $<HTMLSelectElement>(menuId);
  menu.value = locale;
  menu.addEventListener("change", () => {
    set(menu.value);
    storeSet(storeKey, menu.value);
    changed();
  });
}
// The phone's language (sim/phone/i18n.ts reads world.phone.locale), "?lang=de-DE": the settings page redraws in it.
languageMenu("phone-language", langParam, "phone-locale", (l) => { world.phone.locale = l; }, () => world.signals.settingsWritten.emit());
// The watch's language (sim/device/i18n.ts reads world.watch.locale), "?watchLang=de-DE". A change relaunches the face
// (gracefully, its run kept), as the watch starts its app afresh in a new language: the face writes its fixed words
// ("bpm", "tap to close") once at launch.
languageMenu("watch-language", watchLangParam, "watch-locale", (l) => { world.watch.locale = l; }, () => { void relaunchFace().catch(showError); });

const watch = world.watch;
watch.onWrist = mem.onWrist;
watch.displayOn = mem.displayOn;
watch.user = { ...WATCH_USER };
// The trace moves with the monotonic clock, so a jump of the watch's wall clock does not move the replay.
watch.heartRateSource = (): number | null | undefined => {
  const bpm = player.heartRate(clock.monotonic()); // read even off the wrist: those samples are gone, not delayed
  return bpm === undefined || watch.onWrist ? bpm : null;
};
new FaceRenderer(world, screen, stylesCss);

// --- Traces -------------------------------------------------------------------------------------------------

const entries: TraceEntry[] = [];
let currentEntry: TraceEntry | null = null;

/** The ceiling the face shows now ("ceiling 145 bpm"), read off the watch screen: what the runner sees. */
function faceCeiling(): number | null {
  const text = screen.querySelector('[data-id="ceiling"]')?.textContent ?? "";
  const m = /(\d+(\.\d+)?)/.exec(text);
  return m ? Number(m[1]) : null;
}

function addEntry(e: TraceEntry): void {
  entries.push(e);
  const opt = document.createElement("option");
  opt.value = e.id;
  opt.textContent = e.label;
  $<HTMLSelectElement>("trace").appendChild(opt);
}

function droppedEntry(name: string, csv: string): TraceEntry {
  const parsed = parseTraceCsv(csv);
  const warn = parsed.warnings.length ? ` Skipped: ${parsed.warnings.join("; ")}.` : "";
  return {
    id: "dropped:" + name, label: `dropped: ${name}`, note: `Your file ${name}, ${parsed.samples.length} samples.${warn}`,
    load: () => Promise.resolve(parsed.samples),
  };
}

async function listTraces(): Promise<void> {
  let real: TraceInfo[] = [];
  let folderNote = "";
  try {
    const res = await fetch("api/traces"); // relative: the page also works from a static host's sub-folder
    const body = (await res.json()) as { traces: TraceInfo[]; folder: string; note?: string };
    real = body.traces;
    if (real.length === 0) folderNote = body.note ?? `No real traces: ${body.folder} is missing or empty, so only the generated demo run is offered.`;
  } catch (e) {
    // Opened from the file system, or a static host without the list: the generated demo run is always there.
    folderNote = "No list of real traces here (" + String(e) + "): the generated demo run is offered.";
  }
  for (const t of real) {
    addEntry({
      id: "real:" + t.name, label: t.name, note: `Real recording: ${t.note}`,
      load: async () => {
        const res = await fetch("api/traces/" + encodeURIComponent(t.name));
        const parsed = parseTraceCsv(await res.text());
        if (parsed.error) throw new Error(`${t.name}: ${parsed.error}`);
        return parsed.samples;
      },
    });
  }
  addEntry({
    id: DEMO_ID, label: "generated demo run",
    note: `${DEMO_RUN_LABEL}: a heart-rate model built around the ceiling the face shows (see common/dev/demo-run.ts).`,
    load: () => Promise.resolve(generateDemoRun(faceCeiling() ?? ceilingOf(DEFAULT_PROFILE))),
  });
  for (const d of storeGet<Array<{ name: string; csv: string }>>("dropped-traces", [])) addEntry(droppedEntry(d.name, d.csv));
  if (folderNote) $("trace-note").dataset.folder = folderNote;
}

async function selectTrace(id: string, resumeAt: number | null): Promise<void> {
  const entry = entries.find((e) => e.id === id) ?? entries[0];
  currentEntry = entry;
  $<HTMLSelectElement>("trace").value = entry.id;
  const note = $("trace-note");
  note.textContent = "Loading " + entry.label + "...";
  try {
    const samples = await entry.load();
    player.load(samples, resumeAt ?? (samples.length ? samples[0].t : 0), clock.monotonic());
    mem.traceId = entry.id;
    if (resumeAt === null) { mem.ceilings = []; mem.buzzes = []; namer.reset(); }
    note.textContent = entry.note + (note.dataset.folder ? " " + note.dataset.folder : "");
    const seek = $<HTMLInputElement>("seek");
    seek.min = String(player.startT);
    seek.max = String(player.endT);
  } catch (e) {
    note.textContent = "Could not load the trace: " + String(e);
  }
  updateUi();
}

// --- Controls -----------------------------------------------------------------------------------------------

function setPlaying(playing: boolean): void {
  mem.playing = playing;
  $("play").textContent = playing ? "Pause" : "Play";
}

$<HTMLSelectElement>("trace").addEventListener("change", (e) => void selectTrace((e.target as HTMLSelectElement).value, null));
$("play").addEventListener("click", () => {
  if (!mem.playing && player.ended(clock.monotonic())) player.seek(player.startT, clock.monotonic());
  setPlaying(!mem.playing);
});
const speedSelect = $<HTMLSelectElement>("speed");
speedSelect.value = String(SPEEDS.indexOf(mem.speed) >= 0 ? mem.speed : 10);
speedSelect.addEventListener("change", () => { mem.speed = Number(speedSelect.value); });
$<HTMLInputElement>("seek").addEventListener("input", (e) => {
  player.seek(Number((e.target as HTMLInputElement).value), clock.monotonic());
  updateUi();
});
$<HTMLCanvasElement>("chart").addEventListener("click", (e) => {
  if (!player.loaded) return;
  player.seek(chartTimeAt(e.target as HTMLCanvasElement, player.all, e.clientX), clock.monotonic());
  updateUi();
});
$("reset").addEventListener("click", () => {
  resetting = true; // nothing may be saved on the way out
  store.clearAll();
  location.reload();
});

function setDisplay(on: boolean): void {
  clock.run(() => world.setDisplay(on));
}
world.signals.displayChanged.on((on) => {
  $("display-off").hidden = on;
  $<HTMLInputElement>("display").checked = on;
});
$<HTMLInputElement>("display").addEventListener("change", (e) => setDisplay((e.target as HTMLInputElement).checked));
$("display-off").addEventListener("click", () => setDisplay(true)); // a tap on a dark screen wakes it
$("display-off").hidden = watch.displayOn;
$<HTMLInputElement>("display").checked = watch.displayOn;

const wrist = $<HTMLInputElement>("wrist");
wrist.checked = watch.onWrist;
wrist.addEventListener("change", () => clock.run(() => world.setOnWrist(wrist.checked)));

const sound = $<HTMLInputElement>("sound");
sound.checked = mem.sound;
sound.addEventListener("change", () => { mem.sound = sound.checked; });

$("watch-button").addEventListener("click", () => clock.run(() => world.signals.buttonPressed.emit("back")));
$("watch-user").textContent = `The watch's user profile: age ${WATCH_USER.age}, resting HR ${WATCH_USER.restingHeartRate}, max HR ${WATCH_USER.maxHeartRate}.`;

const linkBox = $<HTMLInputElement>("link");
function showLink(): void {
  linkBox.checked = link.connected;
  $("link-label").textContent = link.connected ? "Watch and phone connected" : "Link cut: the phone is away";
}
linkBox.addEventListener("change", () => { clock.run(() => link.setConnected(linkBox.checked)); showLink(); });
showLink();

// Naming the buzzes (web/harness/buzz-meaning.ts): the page notes when it is handing the runner's tap to the face
// (the face's own click handler runs between this capturing listener and the window's, the tap's buzz inside it),
// and reads the face's state pill as it was before the buzz (the watch buzzes, then redraws).
const namer = new BuzzNamer();
let tapping = false;
screen.addEventListener("click", () => {
  tapping = true;
  if (faceStateClass() === "idle") namer.reset(); // a tap on the idle face starts a run
}, { capture: true });
// Over once the click has bubbled past the face (a microtask would end it between listeners, before the tap).
window.addEventListener("click", () => { tapping = false; });

function faceStateClass(): string | null {
  if (!watch.displayOn) return null; // the face is not redrawn while the display is off: what it shows is stale
  const pill = (world.watch.root as SimElement | null)?.getElementById("state-pill");
  const m = pill ? /\bp-([a-z-]+)/.exec(pill.class) : null;
  return m ? m[1] : null;
}

let buzzTimer = 0;
world.signals.buzzed.on((pattern) => {
  const t = player.loaded ? player.cursor(clock.monotonic()) : 0;
  const meaning = namer.name({ pattern, faceState: faceStateClass(), duringTap: tapping });
  mem.buzzes.push({ t, pattern, meaning });
  const frame = $("watch-frame");
  frame.classList.remove("buzzing");
  void frame.offsetWidth; // restart the animation for back-to-back buzzes
  frame.classList.add("buzzing");
  $("buzz").textContent = `Buzz: ${pattern} (${meaning})`;
  window.clearTimeout(buzzTimer);
  buzzTimer = window.setTimeout(() => { frame.classList.remove("buzzing"); $("buzz").innerHTML = "&nbsp;"; }, 1500);
  if (mem.sound) beep(pattern);
  showBuzzLog();
});

function showBuzzLog(): void {
  const log = $("buzz-log");
  log.replaceChildren(...mem.buzzes.map((b) => {
    const li = document.createElement("li");
    li.textContent = `${formatClock(b.t - player.startT)}  ${b.meaning ?? "buzz"} (${b.pattern})`;
    li.dataset.pattern = b.pattern;
    li.dataset.meaning = b.meaning ?? "";
    return li;
  }));
  log.scrollTop = log.scrollHeight;
}

// Drop a CSV anywhere to replay it.
document.addEventListener("dragover", (e) => { e.preventDefault(); document.body.classList.add("dragging"); });
document.addEventListener("dragleave", () => document.body.classList.remove("dragging"));
document.addEventListener("drop", (e) => {
  e.preventDefault();
  document.body.classList.remove("dragging");
  const file = e.dataTransfer?.files[0];
  if (file) void file.text().then((csv) => addDropped(file.name, csv));
});

async function addDropped(name: string, csv: string): Promise<void> {
  const parsed = parseTraceCsv(csv);
  if (parsed.error) {
    $("trace-note").textContent = `${name}: ${parsed.error}`;
    return;
  }
  const kept = storeGet<Array<{ name: string; csv: string }>>("dropped-traces", []).filter((d) => d.name !== name);
  kept.push({ name, csv });
  storeSet("dropped-traces", kept);
  if (!entries.some((x) => x.id === "dropped:" + name)) addEntry(droppedEntry(name, csv));
  await selectTrace("dropped:" + name, null);
}

// --- Faults: the sim's switches, so a person can watch the watch survive them ------------------------------------

let launches = 0;
/** The face dies (nothing runs on the way out) and starts again: a fresh bundle, the files as they were. */
async function killFace(): Promise<void> {
  world.faults.injected["kill-face"] = (world.faults.injected["kill-face"] || 0) + 1;
  world.kill("watch");
  world.beginLaunch("watch");
  await loadScript("watch.js?launch=" + ++launches);
}
/** The face closes as the OS closes it (its unload runs) and starts again: the watch's language changed. */
async function relaunchFace(): Promise<void> {
  world.kill("watch", world.watch.unload ?? undefined);
  world.beginLaunch("watch");
  await loadScript("watch.js?launch=" + ++launches);
}
const fullBox = $<HTMLInputElement>("fault-storage-full");
fullBox.addEventListener("change", () => { if (fullBox.checked) world.faults.storageFull(); else world.faults.clearFs(); showFaults(); });
$("fault-kill-face").addEventListener("click", () => void killFace().then(showFaults, showError));
function jumpClock(ms: number): void {
  world.faults.injected["clock-jump"] = (world.faults.injected["clock-jump"] || 0) + 1;
  clock.jump(ms);
  showFaults();
}
$("fault-clock-forward").addEventListener("click", () => jumpClock(3600 * 1000));
$("fault-clock-back").addEventListener("click", () => jumpClock(-3600 * 1000));
$("fault-phone-storage").addEventListener("click", () => { world.faults.failPhoneStorage("setItem"); showFaults(); });
$("fault-link-flap").addEventListener("click", () => { clock.run(() => link.flap()); showFaults(); });
function showFaults(): void {
  const fired = Object.entries(world.faults.injected).map(([k, n]) => `${k} x${n}`).join(", ");
  $("fault-log").textContent = fired ? `Injected so far: ${fired}.` : "No fault injected yet.";
}
showFaults();

// --- The loop -----------------------------------------------------------------------------------------------

function updateUi(): void {
  const now = clock.monotonic();
  const cursor = player.loaded ? Math.min(player.cursor(now), player.endT) : 0;
  const shown = faceCeiling();
  const lastCeiling = mem.ceilings[mem.ceilings.length - 1];
  if (player.loaded && shown !== null && (!lastCeiling || lastCeiling.bpm !== shown)) mem.ceilings.push({ t: cursor, bpm: shown });
  $("position").textContent = `${formatClock(cursor - player.startT)} / ${formatClock(player.endT - player.startT)}`;
  const seek = $<HTMLInputElement>("seek");
  if (document.activeElement !== seek) seek.value = String(cursor);
  drawChart($<HTMLCanvasElement>("chart"), { samples: player.all, cursor, ceilings: mem.ceilings, buzzes: mem.buzzes });
  const waitingWatch = link.pending("watch").length, waitingPhone = link.pending("phone").length;
  $("link-queue").textContent = waitingWatch + waitingPhone === 0 ? "Nothing waiting to cross."
    : `Waiting to cross: ${waitingWatch} file(s) from the watch, ${waitingPhone} from the phone.`;
}

// The face times taps in its own clock (End's confirming second tap must come within seconds): after a tap
// the replay runs at 1x for a while, so a human can tap as on the wrist even during a 60x replay.
const TAP_GRACE_MS = 5000;
let tapGraceUntil = 0;
screen.addEventListener("pointerdown", () => { tapGraceUntil = performance.now() + TAP_GRACE_MS; });

const macrotask = (): Promise<void> => new Promise((resolve) => window.setTimeout(resolve, 0));
let lastReal = performance.now();
let busy = false;

async function frame(): Promise<void> {
  if (busy) return;
  busy = true;
  const nowReal = performance.now();
  const dtReal = Math.min(nowReal - lastReal, 500);
  lastReal = nowReal;
  if (mem.playing && player.loaded) {
    // Advance in steps of at most a simulated second, letting the apps' promise callbacks run in between.
    const tapGrace = nowReal < tapGraceUntil;
    $("speed-note").textContent = tapGrace && mem.speed > 1 ? "1x for a moment after a tap" : "";
    let remaining = dtReal * (tapGrace ? 1 : mem.speed);
    while (remaining > 0) {
      const step = Math.min(remaining, 1000);
      clock.advance(step);
      remaining -= step;
      await macrotask();
    }
    if (player.ended(clock.monotonic())) {
      setPlaying(false);
      $("trace-note").textContent = `End of ${currentEntry?.label ?? "the trace"}. Press Play to replay it from the start.`;
    }
  }
  updateUi();
  showFaults();
  busy = false;
}

function save(): void {
  if (resetting) return;
  mem.virtualNow = clock.now();
  mem.cursor = player.loaded ? player.cursor(clock.monotonic()) : mem.cursor;
  mem.onWrist = watch.onWrist;
  mem.displayOn = watch.displayOn;
  storeSet("sim", mem);
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error("Could not load " + src));
    document.body.appendChild(s);
  });
}

async function start(): Promise<void> {
  setPlaying(mem.playing);
  await listTraces();
  const resuming = mem.traceId !== "" && entries.some((e) => e.id === mem.traceId);
  // The watch and the phone start (or, after a reload, resume from their files) before the replay goes on.
  world.beginLaunch("watch");
  await loadScript("watch.js");
  world.beginLaunch("phone");
  await loadScript("phone.js");
  drawSettingsPage(world, $("settings-root"));
  const first = entries.find((e) => e.id === FIRST_TRACE) ?? entries.find((e) => e.id.startsWith("real:")) ?? entries[entries.length - 1];
  await selectTrace(resuming ? mem.traceId : first.id, resuming ? mem.cursor : null);
  showBuzzLog();
  window.setInterval(() => void frame(), 50);
  window.setInterval(save, 1000);
  window.addEventListener("pagehide", save);
  document.body.dataset.ready = "true";
}

void start().catch(showError);
