// The guard: a pure state machine. One sample in (time, bpm or none, on-wrist), the events to act on out.
// The state is a plain JSON-safe object so the watch can checkpoint it and resume after a restart.
// ES5-safe and allocation-light: the per-sample path reuses the state's arrays and a shared empty result, and
// step() runs its stages inline (a helper called once per sample would become a function object per sample).
//
// Two machines run side by side on every sample (README "The guard's shape" has the same tables):
//
// The breach machine, on a fresh level (a level older than staleS is a hole: evidence is held, nothing moves):
// | phase      | when                                                        | next       | event                      |
// |------------|-------------------------------------------------------------|------------|----------------------------|
// | clear      | level above the ceiling                                     | confirming |                            |
// | confirming | enough evidence (time and bpm-seconds above), not doubted   | over       | breach (silent if snoozed) |
// | confirming | below the band for dipForgiveS, or a hole over holeHoldS    | clear      |                            |
// | over       | clearly over (clearBpm) and reminderS since the last buzz   | over       | breach-reminder            |
// | over       | level at least hysteresisBpm under the ceiling              | easing     |                            |
// | easing     | level back above the band                                   | over       |                            |
// | easing     | rearmS under the band                                       | clear      | back-under (cue if on)     |
//
// The cap machine, on every sample (ticks of no reading included, so it never waits for the sensor):
// | phase   | when                                       | next    | event                              |
// |---------|--------------------------------------------|---------|------------------------------------|
// | running | warnS before the cap (when warnS > 0)      | warned  | cap-warning                        |
// | running, warned | the cap                            | capped  | cap                                |
// | capped  | capReminderS since the last, while worn    | capped  | cap-reminder                       |
import { Profile, maxHrOf } from "./profile";
import { ceilingOf, zoneOf } from "./zones";
import { GuardEventType, HapticPattern, patternFor } from "./haptics";

/** "Never happened": a time far enough in the past that every "since" test treats it as long ago. */
export var NEVER = -1e9;

/** The guard's numbers; each is justified from ../shared/traces in the README ("Why the guard's numbers"). */
export interface Tuning {
  /** Median over this many seconds of accepted readings: a one-sample drop-out (121 -> 70 -> 128) vanishes. */
  medianWindowS: number;
  /** A reading further than this from the current level is held until it persists. */
  jumpBpm: number;
  /** How long a jumped-to level must persist before it is believed (the under-reading strap's 60 bpm jump). */
  jumpConfirmS: number;
  /** Readings above max HR + this are implausible (the TomTom spike reaches 223). */
  implausibleMarginBpm: number;
  /** ...unless they add up to this long in one excursion: then the max HR setting is wrong, not the sensor. */
  implausiblePersistS: number;
  /** A suspect excursion is forgiven once the readings have been plausible for suspectHoldFactor times as long as
   * they were implausible (evidence then starts afresh): the longer the sensor said the impossible, the longer
   * it is doubted. */
  suspectHoldFactor: number;
  /** A reading older than this no longer counts. */
  staleS: number;
  /** Confirmation: at least confirmMinS above, and either confirmMaxS above or excessBpmS of bpm-seconds above. */
  confirmMinS: number;
  confirmMaxS: number;
  excessBpmS: number;
  /** The trend's lead: while confirming, the bpm-seconds count the level this many seconds ahead on its recent
   * slope (HR follows effort with a lag of tens of seconds, so a climb says where it is heading). */
  trendLeadS: number;
  /** While confirming, a dip under the band shorter than this keeps the evidence (the 5-s median dips). */
  dipForgiveS: number;
  /** While confirming, a sampling hole up to this long keeps the evidence (missing data, not a reset). */
  holeHoldS: number;
  /** A level that rose more than this in the last riseWindowS is still climbing: wait before confirming. */
  steepRiseBpm: number;
  riseWindowS: number;
  /** The band under the ceiling: re-arm only after the level is this far under for rearmS. */
  hysteresisBpm: number;
  rearmS: number;
  /** "Clearly over": reminders come only this far over the ceiling (a hover within it is said once). */
  clearBpm: number;
  /** Reminders while clearly over: this long after the last breach buzz. */
  reminderS: number;
  /** Within an open breach, a dip to the ceiling this long ends the stretch: the next confirmed stretch above is
   * a new one, reminded even if marginal, but not sooner than marginalReminderS after the last buzz. */
  reBreachDipS: number;
  marginalReminderS: number;
  /** "near the ceiling" on the face. */
  nearBpm: number;
  snoozeS: number;
  capReminderS: number;
  /** A run still going this long past its cap, or off the wrist this long, was forgotten: the watch ends it. */
  abandonAfterCapS: number;
  abandonOffWristS: number;
}

/**
 * The tuning the watch ships. Never changed at run time: the bench and the replay pass their own. Returned by a
 * function rather than written as the variable's value: JerryScript parses a 26-property literal in the bundle's
 * top-level code at a cost of about 700 B more heap (tools/engine; the parse peak is the watch's tightest moment).
 */
export var TUNING: Tuning = (function (): Tuning { return {
  medianWindowS: 5,
  jumpBpm: 20,
  jumpConfirmS: 8,
  implausibleMarginBpm: 10,
  implausiblePersistS: 60,
  suspectHoldFactor: 1.5,
  staleS: 10,
  confirmMinS: 13,
  confirmMaxS: 28,
  excessBpmS: 30,
  trendLeadS: 0,
  dipForgiveS: 6,
  holeHoldS: 40,
  steepRiseBpm: 20,
  riseWindowS: 10,
  hysteresisBpm: 3,
  rearmS: 10,
  clearBpm: 3,
  reminderS: 50,
  reBreachDipS: 8,
  marginalReminderS: 60,
  nearBpm: 5,
  snoozeS: 180,
  capReminderS: 300,
  abandonAfterCapS: 3600,
  abandonOffWristS: 900,
}; }).call(null);

export var BREACH_PHASES = ["clear", "confirming", "over", "easing"] as const;
export var CAP_PHASES = ["running", "warned", "capped"] as const;
export type BreachPhase = (typeof BREACH_PHASES)[number];
export type CapPhase = (typeof CAP_PHASES)[number];

export interface GuardEvent {
  /** Seconds on the caller's clock (the sample's t). */
  t: number;
  type: GuardEventType;
  pattern: HapticPattern | null;
}

export interface RunTotals {
  durationS: number;
  movingS: number;
  hrWeightedSum: number;
  maxHr: number;
  secondsAboveCeiling: number;
  breaches: number;
  buzzes: number;
  zoneSeconds: number[];
  capReached: boolean;
}

export var GUARD_STATE_VERSION = 2;

export interface GuardState {
  v: number;
  startT: number;
  lastT: number;
  // The profile, frozen for the run so a settings change mid-run cannot move the goalposts.
  ceiling: number;
  maxHr: number;
  restingHr: number;
  capS: number;
  warnS: number;
  strong: boolean;
  backUnderCue: boolean;
  // Artefact filter.
  recentT: number[];
  recentBpm: number[];
  /** Accepted levels by time, for the rise over the last riseWindowS. */
  historyT: number[];
  historyLevel: number[];
  level: number;
  levelT: number;
  jumpSinceT: number;
  /** Seconds of implausible readings in the current excursion, and when the last one came. */
  implausibleS: number;
  lastImplausibleT: number;
  suspect: boolean;
  /** Readings above max HR persisted: the runner's max HR setting is too low, so stop doubting high levels. */
  maxHrTooLow: boolean;
  // Breach machine.
  phase: BreachPhase;
  aboveS: number;
  excess: number;
  /** When the current dip under the band (confirming, easing) began, or NEVER. */
  belowSinceT: number;
  /** When the level last went to or under the ceiling while over, or NEVER while it is above. */
  notOverSinceT: number;
  lastBreachBuzzT: number;
  reminders: number;
  snoozeUntil: number;
  // Cap machine.
  capPhase: CapPhase;
  lastCapBuzzT: number;
  lastOnWristT: number;
  totals: RunTotals;
  /** The last level believed without doubt: what the totals count while the level is in doubt. */
  trustedLevel: number;
}

export interface Sample {
  t: number;
  /** null (or 0) when the sensor has no reading. */
  bpm: number | null;
  onWrist: boolean;
  /** false when onWrist is an assumption (no body-presence sensor, or its permission denied): then only a fresh
   * reading shows the watch is worn. Omitted means body presence reported it. */
  presenceKnown?: boolean;
}

/** A sample this far behind the last one means the wall clock was set back, not jitter: the guard re-anchors. */
var CLOCK_SET_BACK_S = 5;

var NO_EVENTS: GuardEvent[] = [];
/** The median window's readings in order, reused for every reading. */
var sorted: number[] = [];

function filled(n: number, x: number): number[] {
  var a: number[] = [];
  for (var i = 0; i < n; i++) a.push(x);
  return a;
}

export function startGuard(profile: Profile, t: number, tuning?: Tuning): GuardState {
  var k = tuning || TUNING;
  // Slots for readings: the median window at 1 Hz, plus room for repeated timestamps; for past levels: the rise
  // window at 1 Hz, plus its two ends.
  var recent = Math.ceil(k.medianWindowS) + 3;
  var history = Math.ceil(k.riseWindowS) + 2;
  return {
    v: GUARD_STATE_VERSION, startT: t, lastT: t,
    ceiling: ceilingOf(profile), maxHr: maxHrOf(profile), restingHr: profile.restingHr,
    capS: profile.capMinutes * 60, warnS: profile.warnBeforeCapMinutes * 60,
    strong: profile.buzzStrength === "strong", backUnderCue: profile.backUnderCue,
    recentT: filled(recent, NEVER), recentBpm: filled(recent, 0),
    historyT: filled(history, NEVER), historyLevel: filled(history, 0),
    level: 0, levelT: NEVER, jumpSinceT: NEVER, implausibleS: 0, lastImplausibleT: NEVER, suspect: false, maxHrTooLow: false,
    phase: "clear", aboveS: 0, excess: 0, belowSinceT: NEVER, notOverSinceT: NEVER, lastBreachBuzzT: NEVER, reminders: 0, snoozeUntil: NEVER,
    capPhase: "running", lastCapBuzzT: NEVER, lastOnWristT: t,
    totals: {
      durationS: 0, movingS: 0, hrWeightedSum: 0, maxHr: 0, secondsAboveCeiling: 0,
      breaches: 0, buzzes: 0, zoneSeconds: filled(6, 0), capReached: false,
    },
    trustedLevel: 0,
  };
}

function emit(s: GuardState, out: GuardEvent[], t: number, type: GuardEventType, buzz: boolean): GuardEvent[] {
  var pattern = buzz ? patternFor(type, s.strong ? "strong" : "gentle", s.reminders) : null;
  if (pattern !== null && type !== "snooze") s.totals.buzzes++;
  if (out === NO_EVENTS) out = [];
  out.push({ t: t, type: type, pattern: pattern });
  return out;
}

function hasFreshLevel(s: GuardState, t: number, k: Tuning): boolean {
  return s.level > 0 && t - s.levelT <= k.staleS;
}

function oldestSlot(times: number[]): number {
  var oldest = 0;
  for (var i = 1; i < times.length; i++) if (times[i] < times[oldest]) oldest = i;
  return oldest;
}

/** How much the level rose over the last riseWindowS (0 when there is no history that old). */
function recentRise(s: GuardState, t: number, k: Tuning): number {
  var times = s.historyT;
  var oldestT = t;
  var oldestLevel = s.level;
  for (var i = 0; i < times.length; i++) {
    if (times[i] >= t - k.riseWindowS && times[i] < oldestT) {
      oldestT = times[i];
      oldestLevel = s.historyLevel[i];
    }
  }
  return s.level - oldestLevel;
}

function clearRecent(s: GuardState): void {
  for (var i = 0; i < s.recentT.length; i++) s.recentT[i] = NEVER;
}

/** A level the guard does not yet believe: a suspect excursion, a steep climb, or above max HR. */
function isDoubtful(s: GuardState, t: number, k: Tuning): boolean {
  return s.suspect || (!s.maxHrTooLow && s.level > s.maxHr) || recentRise(s, t, k) > k.steepRiseBpm;
}

/** Enough evidence above the ceiling: at least confirmMinS, and confirmMaxS or excessBpmS of bpm-seconds. */
function isConfirmed(s: GuardState, k: Tuning): boolean {
  return s.aboveS >= k.confirmMinS && (s.aboveS >= k.confirmMaxS || s.excess >= k.excessBpmS);
}

/** Enter a breach phase with the evidence started afresh. */
function enterPhase(s: GuardState, phase: BreachPhase): void {
  s.phase = phase;
  s.aboveS = 0;
  s.excess = 0;
  s.belowSinceT = NEVER;
  s.notOverSinceT = NEVER;
}

/**
 * Feed one sample. Samples must come in time order (equal times are fine); a sample with bpm null is also
 * how the watch advances the time cap while the sensor has nothing to say.
 */
export function step(s: GuardState, sample: Sample, tuning?: Tuning): GuardEvent[] {
  var k = tuning || TUNING;
  var t = sample.t;
  // The wall clock set back (by the runner, a time-zone change, a phone sync): carry on from here, the run's
  // elapsed time and every window intact. Jitter and NaN are ignored, never fatal.
  if (t < s.lastT - CLOCK_SET_BACK_S) rebaseClock(s, t - s.lastT);
  if (!(t >= s.lastT)) return NO_EVENTS;
  var dt = t - s.lastT;

  // The totals count what the guard believed: while the level is in doubt (a steep climb, above max HR, a suspect
  // excursion) its seconds count at the last level believed without doubt, so the TomTom spike puts neither
  // 199 bpm nor a zone-5 second in the run's history. A real climb counts from the moment it stops being steep.
  // Moving time is time covered by a fresh reading; the rest (gaps, off-wrist) counts as paused.
  var tot = s.totals;
  tot.durationS = t - s.startT;
  // A reading covers at most staleS (beyond that it is a hole): for moving time, and for an implausible excursion.
  var covered = dt < k.staleS ? dt : k.staleS;
  if (hasFreshLevel(s, s.lastT, k) && dt > 0) {
    if (!isDoubtful(s, s.lastT, k) || s.trustedLevel === 0) s.trustedLevel = s.level;
    var level = s.trustedLevel;
    tot.movingS += covered;
    tot.hrWeightedSum += level * covered;
    if (level > tot.maxHr) tot.maxHr = level;
    if (level > s.ceiling) tot.secondsAboveCeiling += covered;
    tot.zoneSeconds[zoneOf(level, s.restingHr, s.maxHr)] += covered;
  }

  // The artefact filter: a reading is believed at once, or held until it proves itself, or not at all.
  var bpm = 0; // no reading (null and 0 alike)
  if (sample.onWrist) {
    s.lastOnWristT = t;
    bpm = sample.bpm || 0;
  } else {
    s.level = 0;
    clearRecent(s);
  }
  var believed = bpm >= 30 && bpm < 260;
  var jump = believed && hasFreshLevel(s, t, k) && Math.abs(bpm - s.level) > k.jumpBpm;
  if (believed && bpm > s.maxHr + k.implausibleMarginBpm && !s.maxHrTooLow) {
    // A lone spike (a jump away from the level) is simply not believed. A level that climbs smoothly into
    // implausible territory makes the whole excursion suspect, until the readings have added up to
    // implausiblePersistS: then they are believed, and it is the max HR setting that is too low.
    believed = false;
    if (!jump) {
      s.implausibleS += covered;
      s.lastImplausibleT = t;
      s.suspect = s.implausibleS < k.implausiblePersistS;
      s.maxHrTooLow = !s.suspect;
      believed = s.maxHrTooLow;
    }
  }
  if (believed && jump) {
    if (s.jumpSinceT === NEVER) s.jumpSinceT = t;
    believed = t - s.jumpSinceT >= k.jumpConfirmS;
    // The new level persisted: restart the median from it.
    if (believed) clearRecent(s);
  }
  if (believed) {
    s.jumpSinceT = NEVER;
    // It takes the oldest reading's slot, and the level is the median of the window's readings (sorted by
    // insertion as they are gathered: a handful of them, and no comparator function to keep).
    var recentT = s.recentT;
    var slot = oldestSlot(recentT);
    recentT[slot] = t;
    s.recentBpm[slot] = bpm;
    var n = 0;
    for (var i = 0; i < recentT.length; i++) {
      if (t - recentT[i] < k.medianWindowS) {
        var x = s.recentBpm[i];
        for (var j = n++; j > 0 && sorted[j - 1] > x; j--) sorted[j] = sorted[j - 1];
        sorted[j] = x;
      }
    }
    var mid = n >> 1;
    s.level = n === 0 ? 0 : n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    s.levelT = t;
    slot = oldestSlot(s.historyT);
    s.historyT[slot] = t;
    s.historyLevel[slot] = s.level;
  }
  s.lastT = t;

  // The breach machine, on a fresh level (its event, if any: one at most).
  var out = NO_EVENTS;
  var fresh = hasFreshLevel(s, t, k);
  if (!fresh) {
    // A hole in the readings is missing data: a confirmation in progress keeps its evidence for a while;
    // an open breach stays open but quiet.
    if (s.phase === "confirming" && t - s.levelT > k.holeHoldS) enterPhase(s, "clear");
  } else {
    var over = s.level - s.ceiling;
    var under = over <= -k.hysteresisBpm;
    if (s.suspect && t - s.lastImplausibleT >= k.suspectHoldFactor * s.implausibleS) {
      // Forgiven: whatever is still above the ceiling must now prove itself from scratch.
      s.suspect = false;
      s.aboveS = 0;
      s.excess = 0;
    }
    if (under) {
      s.suspect = false;
      s.implausibleS = 0;
      if (s.belowSinceT === NEVER) s.belowSinceT = t;
    } else {
      s.belowSinceT = NEVER;
    }
    var snoozed = t < s.snoozeUntil;
    switch (s.phase) {
      case "clear":
        if (over > 0) enterPhase(s, "confirming");
        else break;
      // falls through: the first second above already counts as evidence
      case "confirming":
        if (under && t - s.belowSinceT >= k.dipForgiveS) { enterPhase(s, "clear"); break; }
        if (over <= 0) break; // in the band, or a short dip: the evidence is held
        s.aboveS += dt;
        // The bpm-seconds count how far over the level is heading: now, plus its slope over the rise window
        // times the trend's lead.
        var ahead = k.trendLeadS <= 0 ? over : over + recentRise(s, t, k) / k.riseWindowS * k.trendLeadS;
        s.excess += (ahead > 0 ? ahead : 0) * dt;
        if (!isConfirmed(s, k)) break;
        // Suspicion, a steep climb and a level above max HR hold back a first breach (not the reminders of one).
        if (isDoubtful(s, t, k)) break;
        // (Over the ceiling, so neither dip has begun: entering afresh only restarts the stretch's evidence.)
        enterPhase(s, "over");
        s.reminders = 0;
        tot.breaches++;
        s.lastBreachBuzzT = snoozed ? NEVER : t;
        out = emit(s, out, t, "breach", !snoozed);
        break;
      case "easing":
        if (under) {
          if (t - s.belowSinceT >= k.rearmS) {
            enterPhase(s, "clear");
            out = emit(s, out, t, "back-under", s.backUnderCue);
          }
          break;
        }
        s.phase = "over";
      // falls through: back over the band
      case "over":
        if (under) { s.phase = "easing"; break; }
        if (over <= 0) {
          if (s.notOverSinceT === NEVER) s.notOverSinceT = t;
          if (t - s.notOverSinceT >= k.reBreachDipS) { s.aboveS = 0; s.excess = 0; }
          break;
        }
        s.notOverSinceT = NEVER;
        s.aboveS += dt;
        s.excess += over * dt;
        if (snoozed) break;
        // Remind on how far over the runner is, not on each dip: clearly over, every reminderS; a marginal hover
        // only on a fresh confirmed stretch after a dip (a new breach in all but name). A breach confirmed while
        // snoozed is told when the snooze ends.
        var since = t - s.lastBreachBuzzT;
        if (s.lastBreachBuzzT === NEVER ||
          (over >= k.clearBpm && since >= k.reminderS) ||
          (since >= k.marginalReminderS && isConfirmed(s, k))) {
          if (s.lastBreachBuzzT !== NEVER) s.reminders++;
          s.lastBreachBuzzT = t;
          enterPhase(s, "over"); // a new stretch (over the ceiling: no dip to forget)
          out = emit(s, out, t, "breach-reminder", true);
        }
    }
  }

  // The cap machine.
  var elapsed = t - s.startT;
  if (s.capPhase === "running" && s.warnS > 0 && elapsed >= s.capS - s.warnS && elapsed < s.capS) {
    s.capPhase = "warned";
    out = emit(s, out, t, "cap-warning", true);
  }
  // At the cap, then every capReminderS, but reminders only with evidence the watch is worn (a fresh reading, or
  // body presence): none for a watch lying on a table.
  if (elapsed >= s.capS && (s.capPhase !== "capped" || (t - s.lastCapBuzzT >= k.capReminderS &&
      (fresh || (sample.onWrist && sample.presenceKnown !== false))))) {
    var type: GuardEventType = s.capPhase === "capped" ? "cap-reminder" : "cap";
    s.capPhase = "capped";
    tot.capReached = true;
    s.lastCapBuzzT = t;
    out = emit(s, out, t, type, true);
  }
  return out;
}

/** The state's times that may be NEVER (which stays NEVER when the clock moves). */
type MaybeNeverTime = "levelT" | "jumpSinceT" | "lastImplausibleT" | "belowSinceT" | "notOverSinceT" | "lastBreachBuzzT" |
  "snoozeUntil" | "lastCapBuzzT" | "lastOnWristT";

/**
 * Moves every time the state holds by delta seconds: the same run, on a clock that was re-set. The watch calls it
 * when its clock jumps; step() does it itself when a sample comes from before the last one.
 */
export function rebaseClock(s: GuardState, delta: number): void {
  if (!isFinite(delta) || delta === 0) return;
  s.startT += delta;
  s.lastT += delta;
  // Listed here, not kept at module level: a rare call, so the list lives on the heap only while it runs.
  var times: MaybeNeverTime[] = ["levelT", "jumpSinceT", "lastImplausibleT", "belowSinceT", "notOverSinceT",
    "lastBreachBuzzT", "snoozeUntil", "lastCapBuzzT", "lastOnWristT"];
  for (var i = 0; i < times.length; i++) if (s[times[i]] !== NEVER) s[times[i]] += delta;
  var slots = [s.recentT, s.historyT];
  for (var l = 0; l < 2; l++) {
    for (var j = 0; j < slots[l].length; j++) if (slots[l][j] !== NEVER) slots[l][j] += delta;
  }
}

/** The runner tapped snooze: breach buzzes pause for snoozeS; the breach itself is still tracked. */
export function snooze(s: GuardState, t: number, tuning?: Tuning): GuardEvent[] {
  s.snoozeUntil = t + (tuning || TUNING).snoozeS;
  return emit(s, NO_EVENTS, t, "snooze", true);
}

/**
 * The run was forgotten (still going an hour past its cap, or off the wrist for 15 minutes): the watch ends it,
 * so it stops pinging a watch on a table and the summary reaches the phone.
 */
export function isAbandoned(s: GuardState, t: number, tuning?: Tuning): boolean {
  var k = tuning || TUNING;
  return t - s.startT >= s.capS + k.abandonAfterCapS || t - s.lastOnWristT >= k.abandonOffWristS;
}

export type FaceState = "no-signal" | "below" | "near" | "above" | "over" | "snoozed" | "cap";

/**
 * What the face shows, decided here from the machines' phases so the words agree with the buzzes: "above" is a
 * level over the ceiling the guard has not confirmed (no buzz yet), "over" a confirmed breach; at the cap the
 * face says so even while over (faceModel shows the over-ness on the number); a snooze says itself.
 */
export function faceStateOf(s: GuardState, t: number, tuning?: Tuning): FaceState {
  var k = tuning || TUNING;
  if (!hasFreshLevel(s, t, k)) return "no-signal";
  if (t < s.snoozeUntil) return "snoozed";
  if (s.capPhase === "capped") return "cap";
  if (s.phase === "over") return "over";
  if (s.level > s.ceiling) return "above";
  if (s.level > s.ceiling - k.nearBpm) return "near";
  return "below";
}

/** Seconds of snooze left (0 when not snoozed). */
export function snoozeLeftS(s: GuardState, t: number): number {
  return t < s.snoozeUntil ? s.snoozeUntil - t : 0;
}

/** The runner cancelled the snooze: breach buzzes are back at once (a breach still open reminds when due). */
export function cancelSnooze(s: GuardState): void {
  s.snoozeUntil = NEVER;
}

/** The level is over the ceiling and fresh (the face's number shows it, whatever the state's words say). */
export function isOverNow(s: GuardState, t: number, tuning?: Tuning): boolean {
  return hasFreshLevel(s, t, tuning || TUNING) && s.level > s.ceiling;
}

export function currentBpm(s: GuardState, t: number, tuning?: Tuning): number {
  return hasFreshLevel(s, t, tuning || TUNING) ? Math.round(s.level) : 0;
}
