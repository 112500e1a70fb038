// The watch in the page runs the device JavaScript from build/app.fba itself: the same build that is installed on
// a watch (ES5, minified by fitbit-build), not a second bundle of the sources. Its require() gets our browser
// adapters of the Fitbit modules, and its Date and timers are the page's virtual clock (so replays run at 60x).
import * as appbit from "./appbit";
import * as bodyPresence from "./body-presence";
import * as clock from "./clock";
import * as display from "./display";
import * as documentModule from "./document";
import * as fileTransfer from "./file-transfer";
import * as fs from "./fs";
import * as haptics from "./haptics";
import * as heartRate from "./heart-rate";
import * as messaging from "./messaging";
import * as userProfile from "./user-profile";
import { Date as VirtualDate, clearInterval, clearTimeout, setInterval, setTimeout } from "../shared/virtual-time";

/** Put in by web/build.ts: the text of app/index.js from the .fba's device-atlas.zip. */
declare const __DEVICE_JS__: string;

const MODULES: Record<string, unknown> = {
  appbit, "body-presence": bodyPresence, clock, display, document: documentModule, "file-transfer": fileTransfer,
  fs, haptics, "heart-rate": heartRate, messaging, "user-profile": userProfile,
};

function requireModule(name: string): unknown {
  const m = MODULES[name];
  if (m === undefined) throw new Error(`The watch app asked for a module the page does not provide: ${name}`);
  return m;
}

const deviceApp = new Function("require", "Date", "setTimeout", "setInterval", "clearTimeout", "clearInterval", __DEVICE_JS__);
deviceApp(requireModule, VirtualDate, setTimeout, setInterval, clearTimeout, clearInterval);
