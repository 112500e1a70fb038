// Fake of the device "heart-rate" module. HeartRateSensor is undefined when the fake watch has no sensor
// (device().hasHeartRateSensor false at launch), as on the device. Readings come only from the test
// (control.ts pushHeartRate) and reach only started sensors.
import { FakeEventTarget, device } from "./state";

export class FakeHeartRateSensor extends FakeEventTarget {
  heartRate: number | null = null;
  timestamp: number | null = null;
  activated = false;
  frequency: number;
  constructor(options?: { frequency?: number; batch?: number }) {
    super();
    if (!device().permissions["access_heart_rate"]) {
      throw new Error("Permission denied: access_heart_rate");
    }
    this.frequency = (options && options.frequency) || 1;
    device().launch.hrSensors.push(this);
  }
  get readings(): any {
    return { heartRate: new Uint32Array(this.heartRate ? [this.heartRate] : []), timestamp: new Uint32Array(this.timestamp ? [this.timestamp] : []) };
  }
  start(): void {
    if (this.activated) return;
    this.activated = true;
    this.dispatchFake("activate");
  }
  stop(): void {
    this.activated = false;
    this.heartRate = null;
  }
  setOptions(options: { frequency?: number }): void {
    if (options && options.frequency) this.frequency = options.frequency;
  }
  /** Test side: one reading (null: the sensor reports no heart rate). */
  deliver(bpm: number | null): void {
    if (!this.activated) return;
    this.heartRate = bpm;
    this.timestamp = Date.now();
    this.dispatchFake("reading");
  }
}

export const HeartRateSensor: typeof FakeHeartRateSensor | undefined = device().hasHeartRateSensor ? FakeHeartRateSensor : undefined;
