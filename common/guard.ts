// The guard: a pure state machine. One sample in (time, bpm or none, on-wrist), the events to act on out.
// The state is a plain JSON-safe object so the watch can checkpoint it and resume after a restart.
// ES5-safe and allocation-light: the per-sample path reuses the state's arrays and a shared empty result.
import { Profile, maxHrOf } from "./profile";
import { ceilingOf, zoneOf } from "./zones";
import { GuardEventType, HapticPattern, patternFor } from "./haptics";

/**
 * The guard's numbers. Each one was chosen by replaying ../shared/traces (see README "Why the guard's
 * numbers are what they are" and `npm run bench`); change them only with the bench's figures in hand.
 */
export var TUNING = {
  /** Median over this many seconds of accepted readings: a one-sample drop-out (121 -> 70 -> 128) vanishes. */
  medianWindowS: 5,
  /** A reading further than this from the current level is held until it persists. Real 1 Hz traces never
   * move more than 8 bpm in a second; the drop-out artefact moves 51. */
  jumpBpm: 20,
  /** How long a jumped-to level must persist before it is believed (the under-reading strap's 60 bpm jump). */
  jumpConfirmS: 8,
  /** Readings above max HR + this are implausible (the TomTom spike reaches 223). */
  implausibleMarginBpm: 10,
  /** ...unless they add up to this long in one excursion: then the max HR setting is wrong, not the sensor. */
  implausiblePersistS: 60,
  /** A suspect excursion is forgiven after this long without an implausible reading (evidence starts afresh). */
  suspectHoldS: 90,
  /** A reading older than this no longer counts: the traces' own recording gaps exceed it only when paused. */
  staleS: 10,
  /** Confirmation: at least confirmMinS above, and either confirmMaxS above or excessBpmS of bpm-seconds above. */
  confirmMinS: 12,
  confirmMaxS: 28,
  excessBpmS: 30,
  /** A level that rose more than this in the last riseWindowS is still climbing: wait and see where it
   * tops out before confirming (the TomTom artefact climbs 47 bpm in 20 s straight past max HR). A level
   * above max HR waits too. Neither rule delays a single real breach on the shared traces (see the bench). */
  steepRiseBpm: 20,
  riseWindowS: 10,
  /** Re-arm only after the level is this far below the ceiling for rearmS (steady-state noise is +-2-3 bpm). */
  hysteresisBpm: 3,
  rearmS: 10,
  /** Reminders while still above: never more often than this. */
  reminderS: 60,
  /** "near the ceiling" on the face. */
  nearBpm: 5,
  snoozeS: 180,
  capReminderS: 300,
  /** A run still going this long past its cap, or off the wrist this long, was forgotten: the watch ends it. */
  abandonAfterCapS: 3600,
  abandonOffWristS: 900,
};

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

export interface GuardState {
  v: 1;
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
  aboveS: number;
  excess: number;
  inBreach: boolean;
  belowSinceT: number;
  lastBreachBuzzT: number;
  reminders: number;
  snoozeUntil: number;
  // Time cap.
  capWarned: boolean;
  lastCapBuzzT: number;
  lastOnWristT: number;
  totals: RunTotals;
}

export interface Sample {
  t: number;
  /** null (or 0) when the sensor has no reading. */
  bpm: number | null;
  onWrist: boolean;
}

var RECENT_SLOTS = 8;
var HISTORY_SLOTS = 12;
var NO_EVENTS: GuardEvent[] = [];
var scratch: number[] = [];

export function startGuard(profile: Profile, t: number): GuardState {
  var recentT: number[] = [];
  var recentBpm: number[] = [];
  for (var i = 0; i < RECENT_SLOTS; i++) { recentT.push(-1e9); recentBpm.push(0); }
  var historyT: number[] = [];
  var historyLevel: number[] = [];
  for (var j = 0; j < HISTORY_SLOTS; j++) { historyT.push(-1e9); historyLevel.push(0); }
  return {
    v: 1, startT: t, lastT: t,
    ceiling: ceilingOf(profile), maxHr: maxHrOf(profile), restingHr: profile.restingHr,
    capS: profile.capMinutes * 60, warnS: profile.warnBeforeCapMinutes * 60,
    strong: profile.buzzStrength === "strong", backUnderCue: profile.backUnderCue,
    recentT: recentT, recentBpm: recentBpm, historyT: historyT, historyLevel: historyLevel, level: 0, levelT: -1e9, jumpSinceT: -1, implausibleS: 0, lastImplausibleT: -1e9, suspect: false, maxHrTooLow: false,
    aboveS: 0, excess: 0, inBreach: false, belowSinceT: -1, lastBreachBuzzT: -1e9, reminders: 0, snoozeUntil: -1e9,
    capWarned: false, lastCapBuzzT: -1e9, lastOnWristT: t,
    totals: {
      durationS: 0, movingS: 0, hrWeightedSum: 0, maxHr: 0, secondsAboveCeiling: 0,
      breaches: 0, buzzes: 0, zoneSeconds: [0, 0, 0, 0, 0, 0], capReached: false,
    },
  };
}

function emit(s: GuardState, out: GuardEvent[], t: number, type: GuardEventType, buzz: boolean): GuardEvent[] {
  var pattern = buzz ? patternFor(type, s.strong ? "strong" : "gentle", s.reminders) : null;
  if (pattern !== null && type !== "snooze") s.totals.buzzes++;
  if (out === NO_EVENTS) out = [];
  out.push({ t: t, type: type, pattern: pattern });
  return out;
}

function hasFreshLevel(s: GuardState, t: number): boolean {
  return s.level > 0 && t - s.levelT <= TUNING.staleS;
}

function ascending(a: number, b: number): number {
  return a - b;
}

function medianOfRecent(s: GuardState, t: number): number {
  scratch.length = 0;
  for (var i = 0; i < RECENT_SLOTS; i++) {
    if (t - s.recentT[i] < TUNING.medianWindowS) scratch.push(s.recentBpm[i]);
  }
  if (scratch.length === 0) return 0;
  scratch.sort(ascending);
  var mid = scratch.length >> 1;
  return scratch.length % 2 ? scratch[mid] : (scratch[mid - 1] + scratch[mid]) / 2;
}

function accept(s: GuardState, t: number, bpm: number): void {
  // Overwrite the oldest slot.
  var oldest = 0;
  for (var i = 1; i < RECENT_SLOTS; i++) if (s.recentT[i] < s.recentT[oldest]) oldest = i;
  s.recentT[oldest] = t;
  s.recentBpm[oldest] = bpm;
  s.level = medianOfRecent(s, t);
  s.levelT = t;
  var slot = 0;
  for (var j = 1; j < HISTORY_SLOTS; j++) if (s.historyT[j] < s.historyT[slot]) slot = j;
  s.historyT[slot] = t;
  s.historyLevel[slot] = s.level;
}

/** How much the level rose over the last riseWindowS (0 when there is no history that old). */
function recentRise(s: GuardState, t: number): number {
  var oldestT = t;
  var oldestLevel = s.level;
  for (var i = 0; i < HISTORY_SLOTS; i++) {
    if (s.historyT[i] >= t - TUNING.riseWindowS && s.historyT[i] < oldestT) {
      oldestT = s.historyT[i];
      oldestLevel = s.historyLevel[i];
    }
  }
  return s.level - oldestLevel;
}

function clearRecent(s: GuardState): void {
  for (var i = 0; i < RECENT_SLOTS; i++) s.recentT[i] = -1e9;
}

/** Decide whether a reading is believed, and update the level. */
function filterReading(s: GuardState, t: number, dt: number, bpm: number): void {
  var jump = hasFreshLevel(s, t) && Math.abs(bpm - s.level) > TUNING.jumpBpm;
  if (bpm > s.maxHr + TUNING.implausibleMarginBpm && !s.maxHrTooLow) {
    // A lone spike (a jump away from the level) is simply not believed. A level that climbs smoothly into
    // implausible territory makes the whole excursion suspect, until the readings have added up to
    // implausiblePersistS: then they are believed, and it is the max HR setting that is too low.
    if (jump) return;
    s.implausibleS += dt < TUNING.staleS ? dt : TUNING.staleS;
    s.lastImplausibleT = t;
    if (s.implausibleS < TUNING.implausiblePersistS) {
      s.suspect = true;
      return;
    }
    s.maxHrTooLow = true;
    s.suspect = false;
  }
  if (jump) {
    if (s.jumpSinceT < 0) s.jumpSinceT = t;
    if (t - s.jumpSinceT < TUNING.jumpConfirmS) return;
    // The new level persisted: restart the median from it.
    clearRecent(s);
  }
  s.jumpSinceT = -1;
  accept(s, t, bpm);
}

/** Advance the breach machine by dt seconds at the current level. */
function stepBreach(s: GuardState, t: number, dt: number, out: GuardEvent[]): GuardEvent[] {
  var fresh = hasFreshLevel(s, t);
  if (!fresh) {
    // No signal: nothing can be confirmed or re-armed; an open breach stays open but quiet.
    s.aboveS = 0; s.excess = 0; s.belowSinceT = -1;
    return out;
  }
  var snoozed = t < s.snoozeUntil;
  var over = s.level - s.ceiling;
  if (s.suspect && t - s.lastImplausibleT >= TUNING.suspectHoldS) {
    // Forgiven: whatever is still above the ceiling must now prove itself from scratch.
    s.suspect = false;
    s.aboveS = 0;
    s.excess = 0;
  }
  if (over > 0) {
    s.belowSinceT = -1;
    s.aboveS += dt;
    s.excess += over * dt;
  } else if (over <= -TUNING.hysteresisBpm) {
    s.suspect = false;
    s.implausibleS = 0;
    s.aboveS = 0;
    s.excess = 0;
    if (s.inBreach) {
      if (s.belowSinceT < 0) s.belowSinceT = t;
      if (t - s.belowSinceT >= TUNING.rearmS) {
        s.inBreach = false;
        s.belowSinceT = -1;
        out = emit(s, out, t, "back-under", s.backUnderCue);
      }
    }
    return out;
  } else {
    // Inside the hysteresis band: a first breach keeps its evidence; an open breach needs a fresh,
    // confirmed stretch above before it reminds (reminders at the tail of a breach were nuisance).
    s.belowSinceT = -1;
    if (s.inBreach) { s.aboveS = 0; s.excess = 0; }
    return out;
  }
  // Above the ceiling: the same evidence rule confirms a breach and each reminder.
  // Suspicion, a steep climb and a level above max HR hold back a first breach, not the reminders of one
  // already confirmed (the runner was over before the sensor misbehaved).
  var confirmed = s.aboveS >= TUNING.confirmMinS &&
    (s.aboveS >= TUNING.confirmMaxS || s.excess >= TUNING.excessBpmS) &&
    (s.inBreach || (!s.suspect && recentRise(s, t) <= TUNING.steepRiseBpm && (s.level <= s.maxHr || s.maxHrTooLow)));
  if (!confirmed) return out;
  if (!s.inBreach) {
    s.inBreach = true;
    s.reminders = 0;
    s.totals.breaches++;
    out = emit(s, out, t, "breach", !snoozed);
    s.lastBreachBuzzT = snoozed ? -1e9 : t;
  } else if (!snoozed && t - s.lastBreachBuzzT >= TUNING.reminderS) {
    s.reminders++;
    out = emit(s, out, t, "breach-reminder", true);
    s.lastBreachBuzzT = t;
  }
  return out;
}

function stepCap(s: GuardState, t: number, out: GuardEvent[]): GuardEvent[] {
  var elapsed = t - s.startT;
  if (!s.capWarned && s.warnS > 0 && elapsed >= s.capS - s.warnS && elapsed < s.capS) {
    s.capWarned = true;
    out = emit(s, out, t, "cap-warning", true);
  }
  if (elapsed >= s.capS) {
    if (!s.totals.capReached) {
      s.totals.capReached = true;
      s.capWarned = true;
      s.lastCapBuzzT = t;
      out = emit(s, out, t, "cap", true);
    } else if (t - s.lastCapBuzzT >= TUNING.capReminderS && s.lastOnWristT === t) {
      // Reminders only while the watch is worn: none for a watch lying on a table.
      s.lastCapBuzzT = t;
      out = emit(s, out, t, "cap-reminder", true);
    }
  }
  return out;
}

function accumulate(s: GuardState, t: number, dt: number): void {
  var tot = s.totals;
  tot.durationS = t - s.startT;
  // Moving time: time covered by a fresh reading; the rest (gaps, off-wrist) counts as paused.
  if (!hasFreshLevel(s, s.lastT) || dt <= 0) return;
  var covered = dt < TUNING.staleS ? dt : TUNING.staleS;
  tot.movingS += covered;
  tot.hrWeightedSum += s.level * covered;
  if (s.level > s.ceiling) tot.secondsAboveCeiling += covered;
  tot.zoneSeconds[zoneOf(s.level, s.restingHr, s.maxHr)] += covered;
}

/**
 * Feed one sample. Samples must come in time order (equal times are fine); a sample with bpm null is also
 * how the watch advances the time cap while the sensor has nothing to say.
 */
export function step(s: GuardState, sample: Sample): GuardEvent[] {
  var t = sample.t;
  if (!(t >= s.lastT)) return NO_EVENTS; // out of order or NaN: ignored, never fatal
  var dt = t - s.lastT;
  var prevLevel = s.level;
  accumulate(s, t, dt);
  var bpm = sample.bpm;
  if (sample.onWrist) s.lastOnWristT = t;
  if (sample.onWrist && bpm !== null && bpm >= 30 && bpm < 260) filterReading(s, t, dt, bpm);
  else if (!sample.onWrist) { s.level = 0; clearRecent(s); }
  if (s.level > s.totals.maxHr && s.level !== prevLevel) s.totals.maxHr = s.level;
  s.lastT = t;
  var out = NO_EVENTS;
  out = stepBreach(s, t, dt, out);
  out = stepCap(s, t, out);
  return out;
}

/** The runner tapped snooze: breach buzzes pause for TUNING.snoozeS; the breach itself is still tracked. */
export function snooze(s: GuardState, t: number): GuardEvent[] {
  s.snoozeUntil = t + TUNING.snoozeS;
  return emit(s, NO_EVENTS, t, "snooze", true);
}

/**
 * The run was forgotten (still going an hour past its cap, or off the wrist for 15 minutes): the watch ends it,
 * so it stops pinging a watch on a table and the summary reaches the phone.
 */
export function isAbandoned(s: GuardState, t: number): boolean {
  return t - s.startT >= s.capS + TUNING.abandonAfterCapS || t - s.lastOnWristT >= TUNING.abandonOffWristS;
}

export type FaceState = "no-signal" | "below" | "near" | "over" | "snoozed" | "cap";

/** What the face shows, decided here so the watch shell only draws it. */
export function faceStateOf(s: GuardState, t: number): FaceState {
  if (!hasFreshLevel(s, t)) return "no-signal";
  if (t < s.snoozeUntil && (s.inBreach || s.level > s.ceiling)) return "snoozed";
  if (s.inBreach || s.level > s.ceiling) return "over";
  if (s.totals.capReached) return "cap";
  if (s.level > s.ceiling - TUNING.nearBpm) return "near";
  return "below";
}

export function currentBpm(s: GuardState, t: number): number {
  return hasFreshLevel(s, t) ? Math.round(s.level) : 0;
}
