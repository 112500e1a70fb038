// "heart-rate": readings from the trace the page is replaying, read once a second (or at the asked frequency):
// a reading for each period in which the trace has a sample, nothing in a gap (common/trace.ts).
import { host } from "../shared/host";
import { SimSensor } from "./sensor";

interface Options {
  frequency?: number;
  batch?: number;
}

class HeartRateSensor extends SimSensor {
  heartRate: number | null = null;
  readings = { heartRate: new Uint32Array(0), timestamp: new Uint32Array(0) };
  private timer = 0;
  private batchHr: number[] = [];
  private batchT: number[] = [];
  private readonly periodMs: number;
  private readonly batch: number;

  constructor(options?: Options) {
    super();
    this.periodMs = 1000 / (options?.frequency && options.frequency > 0 ? options.frequency : 1);
    this.batch = options?.batch && options.batch > 1 ? Math.floor(options.batch) : 1;
  }

  protected began(): void {
    host().watch.heartRate(); // what was recorded while the sensor was off is never reported
    this.timer = host().clock.setInterval(() => this.sample(), this.periodMs);
  }

  protected ended(): void {
    host().clock.clear(this.timer);
    this.heartRate = null;
  }

  private sample(): void {
    const bpm = host().watch.heartRate();
    if (bpm === undefined) return; // no sample recorded since the last read: the sensor is silent
    this.heartRate = bpm;
    this.batchHr.push(this.heartRate ?? 0);
    this.batchT.push(host().clock.now() % 2147483647);
    if (this.batchHr.length < this.batch) return;
    this.readings = { heartRate: Uint32Array.from(this.batchHr), timestamp: Uint32Array.from(this.batchT) };
    this.batchHr = [];
    this.batchT = [];
    this.reading();
  }
}

export { HeartRateSensor };
