// "display": on/off from the world (the test, the page's switch) or the app (display.on, poke()), with change
// events as on the device. The sim never turns the screen off by itself: the test or the page does.
import { SimEventTarget } from "../events";
import { world } from "../world";

class Display extends SimEventTarget {
  autoOff = true;
  aodAllowed = false;
  readonly aodActive = false;
  readonly aodAvailable = false;
  readonly aodEnabled = false;
  brightnessOverride: "dim" | "normal" | "max" | undefined = undefined;

  constructor() {
    super("watch");
    world().signals.displayChanged.on(() => this.emit("change"));
  }

  get on(): boolean { return world().watch.displayOn; }
  set on(value: boolean) { world().setDisplay(!!value); }
  poke(): void { world().setDisplay(true); }
}

export const display = new Display();
