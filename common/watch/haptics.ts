// Which haptics pattern each guard event plays. One table, so the watch, the replay and the bench agree.
import { BuzzStrength } from "./profile";

/** The patterns vibration.start accepts on Fitbit OS 6.1 (the device fakes and the page accept exactly these). */
export var HAPTIC_PATTERNS = ["nudge", "nudge-max", "ping", "confirmation", "confirmation-max", "alert", "bump", "ring"] as const;

export type HapticPattern = (typeof HAPTIC_PATTERNS)[number];

export type GuardEventType =
  | "breach" | "breach-reminder" | "back-under" | "snooze"
  | "cap-warning" | "cap" | "cap-reminder";

/**
 * Breach buzzes must be felt mid-run (runners' complaint 4), so "strong" uses the -max patterns and
 * escalates reminders to "alert"; the cap has its own pattern so it is never mistaken for a breach.
 */
export function patternFor(type: GuardEventType, strength: BuzzStrength, reminderCount: number): HapticPattern {
  var strong = strength === "strong";
  switch (type) {
    case "breach": return strong ? "nudge-max" : "nudge";
    case "breach-reminder": return reminderCount >= 2 ? "alert" : strong ? "nudge-max" : "nudge";
    case "back-under": return "bump";
    case "snooze": return "confirmation";
    case "cap-warning": return "ping";
    case "cap": return strong ? "confirmation-max" : "confirmation";
    case "cap-reminder": return "ping";
  }
  return "nudge";
}

/**
 * "alert" and "ring" keep vibrating until stopped on a Fitbit; the watch stops them after this long, so an
 * escalated reminder is a firm buzz, not a motor left running.
 */
export var CONTINUOUS_PATTERN_MS = 2000;

export function isContinuous(pattern: HapticPattern): boolean {
  return pattern === "alert" || pattern === "ring";
}
