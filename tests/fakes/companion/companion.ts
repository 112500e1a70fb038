// Fake of the companion "companion" module: `me`, with the launch reasons control.ts launchCompanion sets.
import { FakeTarget, phone, register } from "./phone";

class FakeMe extends FakeTarget {
  readonly applicationId = "6f1d2a8e-3c4b-4e5f-9a7b-8c9d0e1f2a3b";
  readonly buildId = "0x0000000000000000";
  monitorSignificantLocationChanges = false;
  wakeInterval: number | undefined = undefined;
  get launchReasons() {
    var r = phone().launchReasons;
    return {
      locationChanged: undefined, peerAppLaunched: r.peerAppLaunched, settingsChanged: r.settingsChanged,
      wokenUp: r.wokenUp, fileTransfer: r.fileTransfer,
    };
  }
  readonly permissions = { granted: (_name: string) => true };
  yield(): void { /* the fake never suspends */ }
}

export const me = new FakeMe();
register("companion", me);
