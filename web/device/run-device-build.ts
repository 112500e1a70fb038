// The watch in the page runs the device JavaScript from build/app.fba itself: the same build that is installed on
// a watch (ES5, minified by fitbit-build), not a second bundle of the sources. Its require() gets the sim's device
// stand-ins (MODULES: web/build.ts generates it from sim/modules.ts), and its Date and timers are the world's clock.
import { world } from "../../sim/world";

/** Put in by web/build.ts: the text of app/index.js from the .fba's device-atlas.zip. */
declare const __DEVICE_JS__: string;

export function runDeviceJs(modules: Record<string, unknown>): void {
  const requireModule = (name: string): unknown => {
    const m = modules[name];
    if (m === undefined) throw new Error(`The watch app asked for a module the sim does not provide: ${name}`);
    return m;
  };
  const t = world().clock.globals("watch");
  const deviceApp = new Function("require", "Date", "setTimeout", "setInterval", "clearTimeout", "clearInterval", __DEVICE_JS__);
  world().clock.run(() => deviceApp(requireModule, t.Date, t.setTimeout, t.setInterval, t.clearTimeout, t.clearInterval));
}
