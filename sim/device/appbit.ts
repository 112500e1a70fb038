// "appbit": `me`, the running face. Permissions are granted or denied one by one (world().watch.permissions;
// Fitbit lets the runner deny each requested permission at install or later). unload fires when the system
// closes the face gracefully (the harness's killFace({ graceful: true })); exit() ends the launch.
import pkg from "../../package.json";
import { SimEventTarget } from "../events";
import { world } from "../world";

class Appbit extends SimEventTarget {
  appTimeoutEnabled = true;
  readonly applicationId = pkg.fitbit.appUUID;
  readonly buildId = "0x0000000000000000";
  readonly launchArguments = {};
  readonly permissions = { granted: (name: string): boolean => world().watch.permissions[name] === true };

  constructor() {
    super("watch");
    world().watch.unload = () => this.emit("unload");
  }

  exit(): void {
    world().kill("watch", () => this.emit("unload"));
  }
}

export const me = new Appbit();
