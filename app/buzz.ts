// Guard events -> the watch's vibration motor. The pattern table lives in common/watch/haptics.ts.
import { vibration } from "haptics";
import { onWrist } from "./sensors";
import { GuardEvent } from "../common/watch/guard";
import { CONTINUOUS_PATTERN_MS, isContinuous } from "../common/watch/haptics";

function stopVibration(): void {
  try {
    vibration.stop();
  } catch (e) {
    console.warn("Vibration failed: " + e);
  }
}

/** Play the events that carry a pattern (several at once: the last one wins, as on the device). */
export function buzzEvents(events: GuardEvent[]): void {
  if (!onWrist()) return; // known to be off the wrist: no buzz of any kind
  for (var i = 0; i < events.length; i++) {
    var p = events[i].pattern;
    if (p === null) continue;
    try {
      vibration.start(p);
      if (isContinuous(p)) setTimeout(stopVibration, CONTINUOUS_PATTERN_MS);
    } catch (e) {
      console.warn("Vibration failed: " + e);
    }
  }
}
