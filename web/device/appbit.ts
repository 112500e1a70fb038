// "appbit": the running face. exit() reloads the page, which restarts the face (its files stay).
import { EventTargetLike, Listener } from "../shared/events";
import pkg from "../../package.json";

class Appbit extends EventTargetLike {
  onunload: Listener | null = null;
  appTimeoutEnabled = false;
  readonly applicationId = pkg.fitbit.appUUID;
  readonly buildId = "browser-preview";
  readonly launchArguments = {};
  readonly permissions = { granted: (_permission: string): boolean => true };

  exit(): void {
    this.fire("unload");
    location.reload();
  }
}

export const me = new Appbit();
