// Fake of the device "clock" module. Like the device, it ticks on its own at the chosen granularity while
// the display is on, and not at all while it is off (runs on the test's fake timers; device().ticks counts).
import { device, emit } from "./state";
import { oneEventListeners } from "../event-target";

var PERIOD_MS: { [g: string]: number } = { seconds: 1000, minutes: 60000, hours: 3600000 };

function schedule(): void {
  var c = device().launch.clock;
  if (c.timer) clearTimeout(c.timer);
  c.timer = null;
  var period = PERIOD_MS[c.granularity];
  if (!period) return;
  var now = Date.now();
  c.timer = setTimeout(function () {
    c.timer = null;
    fireTick();
    schedule();
  }, period - (now % period));
}

/** One tick now, if the display is on (ticks stop with the display off). */
export function fireTick(): void {
  var d = device();
  if (!d.displayOn || !PERIOD_MS[d.launch.clock.granularity]) return;
  d.ticks++;
  emit(clock, d.launch.clockListeners, "tick", { type: "tick", date: new Date() });
}

const clock = {
  get granularity(): string { return device().launch.clock.granularity; },
  set granularity(g: string) {
    device().launch.clock.granularity = g;
    schedule();
  },
  get ontick() { return device().launch.clock.ontick; },
  set ontick(fn) { device().launch.clock.ontick = fn; },
  ...oneEventListeners("tick", () => device().launch.clockListeners),
};

export default clock;
