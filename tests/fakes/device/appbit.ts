// Fake of the device "appbit" module: `me` with permissions (device().permissions, control.ts grant) and the
// unload event (control.ts relaunchFace({ graceful: true }) fires it).
import { device, emit } from "./state";
import { oneEventListeners } from "../event-target";

export const me = {
  appTimeoutEnabled: true,
  applicationId: "6f1d2a8e-3c4b-4e5f-9a7b-8c9d0e1f2a3b",
  buildId: "0x0000000000000000",
  launchArguments: undefined as any,
  permissions: {
    granted(name: string): boolean {
      return device().permissions[name] === true;
    },
  },
  get onunload() { return device().launch.app.onunload; },
  set onunload(fn) { device().launch.app.onunload = fn; },
  ...oneEventListeners("unload", () => device().launch.appListeners),
  exit(): void {
    device().launch.app.exited = true;
  },
};

/** Test side: the system is closing the face. */
export function fireUnload(): void {
  emit(me, device().launch.appListeners, "unload", { type: "unload" });
}
