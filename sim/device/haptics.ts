// "haptics": vibration.start(pattern) plays and returns true; it throws for a name that is not a pattern (Fitbit
// haptics reference: "Throws an Error if the name of the pattern is not a valid name"). While a continuous pattern
// (alert, ring: they play until stop()) is playing the motor is busy and start returns false (the boolean of
// fitbit-sdk-types' start()). Played patterns and stops are counted in world().counters.
import { HAPTIC_PATTERNS, isContinuous } from "../../common/watch/haptics";
import { world } from "../world";

const PATTERNS: readonly string[] = HAPTIC_PATTERNS;
let busy = false;

export const vibration = {
  start(pattern: string): boolean {
    if (PATTERNS.indexOf(pattern) < 0) throw new Error("Invalid vibration pattern: " + pattern);
    const w = world();
    if (!w.isRunning("watch") || busy) return false;
    busy = isContinuous(pattern as (typeof HAPTIC_PATTERNS)[number]);
    w.counters.buzzes.push({ pattern, atMs: w.clock.now() });
    w.signals.buzzed.emit(pattern);
    return true;
  },
  stop(): void {
    busy = false;
    world().counters.vibrationStops.push(world().clock.now());
  },
};
