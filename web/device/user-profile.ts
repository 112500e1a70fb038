// "user-profile": the values the page says the watch knows about its wearer.
import { host } from "../shared/host";

export const user = {
  get age() { return host().watch.user.age; },
  get restingHeartRate() { return host().watch.user.restingHeartRate; },
  get maxHeartRate() { return host().watch.user.maxHeartRate; },
  gender: undefined,
  height: undefined,
  weight: undefined,
  bmr: undefined,
  stride: { walk: undefined, run: undefined },
  /** Fitbit's default zones, by % of max HR. */
  heartRateZone(heartRate: number): string {
    const max = host().watch.user.maxHeartRate ?? 220 - (host().watch.user.age ?? 35);
    const f = heartRate / max;
    return f < 0.5 ? "out-of-range" : f < 0.7 ? "fat-burn" : f < 0.85 ? "cardio" : "peak";
  },
};
