// Fake of the device "display" module: `on` follows device().displayOn; control.ts setDisplay turns it
// off/on and fires "change" as the device does.
import { device, emit } from "./state";
import { oneEventListeners } from "../event-target";

export const display = {
  autoOff: true,
  aodAllowed: false,
  aodActive: false,
  aodAvailable: false,
  aodEnabled: false,
  brightnessOverride: undefined as any,
  get on(): boolean { return device().displayOn; },
  set on(value: boolean) { setDisplayOn(!!value); },
  poke(): void { setDisplayOn(true); },
  get onchange() { return device().launch.display.onchange; },
  set onchange(fn) { device().launch.display.onchange = fn; },
  ...oneEventListeners("change", () => device().launch.displayListeners),
};

export function setDisplayOn(on: boolean): void {
  var d = device();
  if (d.displayOn === on) return;
  d.displayOn = on;
  emit(display, d.launch.displayListeners, "change", { type: "change", target: display });
}
