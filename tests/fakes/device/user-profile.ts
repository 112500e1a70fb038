// Fake of the device "user-profile" module: `user` reads device().user. Like the device, reading it needs
// access_user_profile (here: without it, every read throws).
import { device } from "./state";

function read(key: "age" | "restingHeartRate" | "maxHeartRate"): number | undefined {
  if (!device().permissions["access_user_profile"]) throw new Error("Permission denied: access_user_profile");
  return device().user[key];
}

export const user = {
  get age() { return read("age"); },
  get restingHeartRate() { return read("restingHeartRate"); },
  get maxHeartRate() { return read("maxHeartRate"); },
  get bmr() { return undefined; },
  get gender() { return undefined; },
  get height() { return undefined; },
  get weight() { return undefined; },
  stride: { walk: undefined, run: undefined },
};
