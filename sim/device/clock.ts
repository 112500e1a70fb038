// "clock": tick events at the chosen granularity, on the minute (second, hour) boundary, and none at all while the
// display is off (Fitbit clock guide: "tick events are not fired while the display is off", which is why the time
// cap must not rely on ticks). No extra tick when the display comes back on: the app redraws on display change.
import { SimEventTarget } from "../events";
import { world } from "../world";

const PERIOD_MS: Record<string, number> = { seconds: 1000, minutes: 60000, hours: 3600000 };

class Clock extends SimEventTarget {
  private level = "off";
  private timer = -1;

  constructor() {
    super("watch");
    world().watch.tick = () => this.tick();
  }

  get granularity(): string { return this.level; }
  set granularity(g: string) {
    this.level = g;
    this.schedule();
  }

  /** One tick now, if the display is on (tests: a tick the boundary would bring). */
  tick(): void {
    const w = world();
    if (!w.watch.displayOn || !PERIOD_MS[this.level] || !this.alive) return;
    w.counters.ticks++;
    this.emit("tick", { date: new Date(w.clock.now()) });
  }

  private schedule(): void {
    const clock = world().clock;
    clock.clear(this.timer);
    const period = PERIOD_MS[this.level];
    if (!period) return;
    this.timer = clock.setTimeout("watch", () => {
      this.tick();
      this.schedule();
    }, period - (clock.now() % period));
  }
}

const clock = new Clock();
export default clock;
