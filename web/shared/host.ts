// The simulated world the page owns and the Fitbit module adapters talk to. The page (web/harness) creates it
// before the watch and phone bundles load; each adapter finds it on `window`, since the three bundles are
// separate scripts (the watch and the phone both have modules called "messaging" and "file-transfer").
import { Link } from "./link";
import { Signal } from "./signal";
import { VirtualClock } from "./virtual-clock";

export interface WatchWorld {
  /**
   * The optical sensor, read now: the trace's latest sample recorded since the previous read (common/trace.ts),
   * null for no heart rate (off the wrist, a 0-bpm sample), undefined when nothing was recorded since (silent).
   */
  heartRate(): number | null | undefined;
  onWrist: boolean;
  readonly onWristChanged: Signal<boolean>;
  /** The screen is on. Set by the page's button and by the app (display.on). */
  displayOn: boolean;
  readonly displayChanged: Signal<boolean>;
  /** The watch's user profile, as Fitbit would report it. */
  readonly user: { age: number | undefined; restingHeartRate: number | undefined; maxHeartRate: number | undefined };
  /** The app called vibration.start(pattern). */
  readonly buzzed: Signal<string>;
  /** The page's physical-button presses ("back", "up", "down"). */
  readonly buttonPressed: Signal<"back" | "up" | "down">;
  /** The <svg> element the face is drawn into. */
  readonly screen: SVGSVGElement;
}

export interface PhoneWorld {
  /** Where the real settings page is rendered. */
  readonly settingsRoot: HTMLElement;
}

export interface SimHost {
  readonly clock: VirtualClock;
  readonly link: Link;
  readonly watch: WatchWorld;
  readonly phone: PhoneWorld;
}

const KEY = "__recoveryGuardSim";

export function installHost(host: SimHost): void {
  (window as unknown as Record<string, SimHost>)[KEY] = host;
}

export function host(): SimHost {
  const h = (window as unknown as Record<string, SimHost | undefined>)[KEY];
  if (!h) throw new Error("The Recovery Guard page must load before the watch and phone bundles.");
  return h;
}
