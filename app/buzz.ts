// Guard events -> the watch's vibration motor. The pattern table lives in common/haptics.ts.
import { vibration } from "haptics";
import { GuardEvent } from "../common/guard";
import { HapticPattern } from "../common/haptics";

export function buzz(pattern: HapticPattern): void {
  try {
    vibration.start(pattern);
  } catch (e) {
    console.warn("Vibration failed: " + e);
  }
}

/** Play the events that carry a pattern (several at once: the last one wins, as on the device). */
export function buzzEvents(events: GuardEvent[]): void {
  for (var i = 0; i < events.length; i++) {
    var p = events[i].pattern;
    if (p !== null) buzz(p);
  }
}
