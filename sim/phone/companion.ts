// "companion": `me`, with the launch reasons the world gives this launch (fileTransfer, settingsChanged,
// peerAppLaunched, wokenUp: the harness's launchCompanion(reasons)).
import pkg from "../../package.json";
import { SimEventTarget } from "../events";
import { world } from "../world";

class Companion extends SimEventTarget {
  readonly applicationId = pkg.fitbit.appUUID;
  readonly buildId = "0x0000000000000000";
  readonly host = { app: { name: "Fitbit (simulated)", version: "0" }, os: { name: "sim", version: "0" } };
  readonly permissions = { granted: (_permission: string): boolean => true };
  readonly launchReasons = { locationChanged: undefined, ...world().phone.launchReasons };
  monitorSignificantLocationChanges = false;
  wakeInterval: number | undefined = undefined;

  constructor() {
    super("phone");
  }

  yield(): void {}
}

export const me = new Companion();
