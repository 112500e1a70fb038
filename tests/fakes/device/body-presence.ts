// Fake of the device "body-presence" module: `present` follows device().onWrist (control.ts setOnWrist).
import { FakeEventTarget, device } from "./state";

export class FakeBodyPresenceSensor extends FakeEventTarget {
  present = true;
  timestamp: number | null = null;
  activated = false;
  constructor() {
    super();
    if (!device().permissions["access_activity"]) throw new Error("Permission denied: access_activity");
    device().launch.bodySensors.push(this);
  }
  start(): void {
    if (this.activated) return;
    this.activated = true;
    this.dispatchFake("activate");
    this.deliver(device().onWrist);
  }
  stop(): void {
    this.activated = false;
  }
  setOptions(): void {}
  deliver(present: boolean): void {
    if (!this.activated) return;
    this.present = present;
    this.timestamp = Date.now();
    this.dispatchFake("reading");
  }
}

export const BodyPresenceSensor: typeof FakeBodyPresenceSensor | undefined = device().hasBodyPresenceSensor ? FakeBodyPresenceSensor : undefined;
