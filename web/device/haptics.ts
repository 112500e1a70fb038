// "haptics": the page shows the buzz on the watch's edge, beeps, and names the pattern.
import { host } from "../shared/host";

const PATTERNS = ["alert", "bump", "confirmation", "confirmation-max", "nudge", "nudge-max", "ping", "ring"];

export const vibration = {
  start(pattern: string): boolean {
    if (PATTERNS.indexOf(pattern) < 0) return false;
    host().watch.buzzed.emit(pattern);
    return true;
  },
  stop(): void {},
};
