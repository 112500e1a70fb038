// The Sensor shape heart-rate and body-presence share (fitbit-sdk-types sensor.d.ts): start/stop, activated,
// timestamp, and activate / reading / error events.
import { SimEventTarget } from "../events";
import { world } from "../world";

export abstract class SimSensor extends SimEventTarget {
  activated = false;
  timestamp: number | null = null;

  constructor(permission: string) {
    super("watch");
    // Constructing a sensor without its permission throws on the device.
    if (!world().watch.permissions[permission]) throw new Error("Permission denied: " + permission);
  }

  start(): void {
    if (this.activated) return;
    this.activated = true;
    this.emit("activate");
    this.began();
  }

  stop(): void {
    if (!this.activated) return;
    this.activated = false;
    this.ended();
  }

  setOptions(_options: unknown): void {}

  protected reading(): void {
    this.timestamp = world().clock.monotonic(); // the sensor's own time base, not the wall clock
    this.emit("reading");
  }

  protected began(): void {}
  protected ended(): void {}
}
