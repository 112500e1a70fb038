// "clock": tick events on the virtual clock's second/minute/hour boundaries, and none while the display is
// off (as on the watch, which is why a time cap must not rely on ticks).
import { host } from "../shared/host";
import { EventTargetLike, Listener } from "../shared/events";

const PERIOD_MS: Record<string, number> = { seconds: 1000, minutes: 60000, hours: 3600000 };

class Clock extends EventTargetLike {
  ontick: Listener | null = null;
  private level: "off" | "seconds" | "minutes" | "hours" = "minutes";
  private timer = 0;

  constructor() {
    super();
    host().watch.displayChanged.on((on) => {
      if (on) this.tick();
    });
    this.schedule();
  }

  get granularity(): "off" | "seconds" | "minutes" | "hours" {
    return this.level;
  }

  set granularity(g: "off" | "seconds" | "minutes" | "hours") {
    this.level = g;
    this.schedule();
  }

  private schedule(): void {
    const clock = host().clock;
    clock.clear(this.timer);
    const period = PERIOD_MS[this.level];
    if (!period) return;
    const now = clock.now();
    this.timer = clock.setTimeout(() => {
      if (host().watch.displayOn) this.tick();
      this.schedule();
    }, period - (now % period));
  }

  private tick(): void {
    this.fire("tick", { date: new Date(host().clock.now()) });
  }
}

const clock = new Clock();
export default clock;
