// "user-profile": world().watch.user. Any value may be undefined (fitbit-sdk-types); reading it without
// access_user_profile throws here, as the device refuses it.
import { world } from "../world";

function read(key: "age" | "restingHeartRate" | "maxHeartRate"): number | undefined {
  if (!world().watch.permissions["access_user_profile"]) throw new Error("Permission denied: access_user_profile");
  return world().watch.user[key];
}

export const user = {
  get age() { return read("age"); },
  get restingHeartRate() { return read("restingHeartRate"); },
  get maxHeartRate() { return read("maxHeartRate"); },
  bmr: undefined,
  gender: undefined,
  height: undefined,
  weight: undefined,
  stride: { walk: undefined, run: undefined },
};
