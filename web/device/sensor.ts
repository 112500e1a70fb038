// The Sensor shape shared by heart-rate and body-presence: start/stop, activate and reading events.
import { host } from "../shared/host";
import { EventTargetLike, Listener } from "../shared/events";

export abstract class SimSensor extends EventTargetLike {
  onreading: Listener | null = null;
  onactivate: Listener | null = null;
  onerror: Listener | null = null;
  activated = false;
  timestamp: number | null = null;

  start(): void {
    if (this.activated) return;
    this.activated = true;
    host().clock.setTimeout(() => {
      if (this.activated) this.fire("activate");
    }, 0);
    this.began();
  }

  stop(): void {
    if (!this.activated) return;
    this.activated = false;
    this.ended();
  }

  setOptions(_options: unknown): void {
    // Frequency and batch are fixed at construction in the preview.
  }

  protected reading(): void {
    this.timestamp = host().clock.now() % 2147483647;
    this.fire("reading");
  }

  protected abstract began(): void;
  protected abstract ended(): void;
}
