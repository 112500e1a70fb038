// "heart-rate": HeartRateSensor is undefined on a watch without one (world().watch.hasHeartRateSensor false at
// launch; fitbit-sdk-types declares the constructor possibly undefined). Readings come from the world: pushed by a
// test or the bench (world().pushHeartRate), or, on the page, read from the trace once per period while started.
// A sensor can fail: it emits "error" and stops (world().heartRateError(); Fitbit's Sensor has onerror).
import { world } from "../world";
import { SimSensor } from "./sensor";

class SimHeartRateSensor extends SimSensor {
  heartRate: number | null = null;
  readings = { heartRate: new Uint32Array(0), timestamp: new Uint32Array(0) };
  private readonly periodMs: number;
  private timer = -1;

  constructor(options?: { frequency?: number; batch?: number }) {
    super("access_heart_rate");
    this.periodMs = 1000 / (options && options.frequency && options.frequency > 0 ? options.frequency : 1);
    world().watch.hrSensors.push(this);
  }

  /** One reading (null: the sensor has no heart rate), if started. */
  deliver(bpm: number | null): void {
    if (!this.activated || !this.alive) return;
    this.heartRate = bpm;
    this.readings = { heartRate: new Uint32Array(bpm ? [bpm] : []), timestamp: new Uint32Array([world().clock.monotonic()]) };
    this.reading();
  }

  fail(message: string): void {
    if (!this.activated) return;
    this.stop();
    this.emit("error", { message });
  }

  protected began(): void {
    const source = world().watch.heartRateSource;
    if (!source) return;
    source(); // what was recorded while the sensor was off is never reported
    this.timer = world().clock.setInterval("watch", () => {
      const bpm = source();
      if (bpm !== undefined) this.deliver(bpm); // undefined: nothing recorded since the last read, the sensor is silent
    }, this.periodMs);
  }

  protected ended(): void {
    world().clock.clear(this.timer);
    this.heartRate = null;
  }
}

export const HeartRateSensor: typeof SimHeartRateSensor | undefined = world().watch.hasHeartRateSensor ? SimHeartRateSensor : undefined;
