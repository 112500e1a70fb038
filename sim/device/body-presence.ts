// "body-presence": `present` follows world().watch.onWrist. Undefined on a watch without the sensor; constructing
// it needs access_activity.
import { world } from "../world";
import { SimSensor } from "./sensor";

class SimBodyPresenceSensor extends SimSensor {
  present = true;

  constructor() {
    super("access_activity");
    world().watch.bodySensors.push(this);
  }

  deliver(present: boolean): void {
    if (!this.activated || !this.alive) return;
    this.present = present;
    this.reading();
  }

  protected began(): void {
    this.deliver(world().watch.onWrist);
  }
}

export const BodyPresenceSensor: typeof SimBodyPresenceSensor | undefined = world().watch.hasBodyPresenceSensor ? SimBodyPresenceSensor : undefined;
