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
};
