// Fake of the device "haptics" module: every vibration.start is recorded in device().vibrations, every stop
// in device().vibrationStops.
import { HAPTIC_PATTERNS } from "../../../common/haptics";
import { device } from "./state";

var PATTERNS: readonly string[] = HAPTIC_PATTERNS;

export const vibration = {
  start(pattern: string): boolean {
    if (PATTERNS.indexOf(pattern) < 0) return false;
    device().vibrations.push({ pattern: pattern, atMs: Date.now() });
    return true;
  },
  stop(): void {
    device().vibrationStops.push(Date.now());
  },
};
