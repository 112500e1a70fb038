// "companion": the companion is always running in the preview; launch reasons say it was started by the page.
import { EventTargetLike, Listener } from "../shared/events";
import { host } from "../shared/host";
import pkg from "../../package.json";

class Companion extends EventTargetLike {
  onunload: Listener | null = null;
  onwakeinterval: Listener | null = null;
  onsignificantlocationchange: Listener | null = null;
  readonly applicationId = pkg.fitbit.appUUID;
  readonly buildId = "browser-preview";
  readonly host = { app: { name: "Fitbit (browser preview)", version: "0" }, os: { name: "Browser", version: navigator.userAgent } };
  readonly permissions = { granted: (_permission: string): boolean => true };
  readonly launchReasons = { peerAppLaunched: true, settingsChanged: false, wokenUp: false, fileTransfer: false, locationChanged: undefined };
  monitorSignificantLocationChanges = false;
  private wakeTimer = 0;
  private wakeMs: number | undefined = undefined;

  get wakeInterval(): number | undefined {
    return this.wakeMs;
  }

  /** Fitbit wakes the companion at most every 5 minutes, whatever shorter interval is asked for. */
  set wakeInterval(ms: number | undefined) {
    this.wakeMs = ms;
    host().clock.clear(this.wakeTimer);
    if (ms && ms > 0) this.wakeTimer = host().clock.setInterval(() => this.fire("wakeinterval"), Math.max(ms, 300000));
  }

  yield(): void {}
}

export const me = new Companion();
