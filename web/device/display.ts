// "display": on/off from the page's button or the app; change events like the device.
import { host } from "../shared/host";
import { EventTargetLike, Listener } from "../shared/events";

// The preview never turns the screen off by itself (at 60x it would be off all the time): the page's switch does.
class Display extends EventTargetLike {
  onchange: Listener | null = null;
  autoOff = true;
  aodAllowed = false;
  readonly aodActive = false;
  readonly aodAvailable = false;
  readonly aodEnabled = false;
  brightnessOverride: "dim" | "normal" | "max" | undefined = undefined;

  constructor() {
    super();
    host().watch.displayChanged.on(() => this.fire("change"));
  }

  get on(): boolean {
    return host().watch.displayOn;
  }

  set on(value: boolean) {
    const w = host().watch;
    if (w.displayOn === !!value) return;
    w.displayOn = !!value;
    w.displayChanged.emit(w.displayOn);
  }

  poke(): void {
    this.on = true;
  }
}

export const display = new Display();
