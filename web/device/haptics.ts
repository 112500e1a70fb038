// "haptics": the page shows the buzz on the watch's edge, beeps, and names the pattern.
import { HAPTIC_PATTERNS } from "../../common/haptics";
import { host } from "../shared/host";

const PATTERNS: readonly string[] = HAPTIC_PATTERNS;

export const vibration = {
  start(pattern: string): boolean {
    if (PATTERNS.indexOf(pattern) < 0) return false;
    host().watch.buzzed.emit(pattern);
    return true;
  },
  stop(): void {},
};
