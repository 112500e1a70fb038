// "body-presence": the page's on-wrist switch.
import { host } from "../shared/host";
import { SimSensor } from "./sensor";

class BodyPresenceSensor extends SimSensor {
  present = host().watch.onWrist;

  constructor() {
    super();
    host().watch.onWristChanged.on((onWrist) => {
      this.present = onWrist;
      if (this.activated) this.reading();
    });
  }

  protected began(): void {
    this.present = host().watch.onWrist;
    host().clock.setTimeout(() => {
      if (this.activated) this.reading();
    }, 0);
  }

  protected ended(): void {}
}

export { BodyPresenceSensor };
