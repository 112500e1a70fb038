// The fault switches: what loses data on real watches and phones, each one line from a test or a click on the
// page. Every switch is counted when it fires (`injected`), so a test can show the fault happened.
import type { Side } from "./clock";

export type FsOp = "write" | "rename" | "unlink";
/** How many more times a switch fires: a count, or "until-cleared". */
export type Times = number | "until-cleared";
export type FileFault = "twice" | "late" | "out-of-order" | "never";

function take(counts: Record<string, Times>, key: string): boolean {
  const n = counts[key];
  if (n === undefined || n === 0) return false;
  if (n !== "until-cleared") counts[key] = n - 1;
  return true;
}

export class Faults {
  private fs: Record<string, Times> = {};
  private phoneStorage: Record<string, Times> = {};
  private enqueue: Record<string, Times> = {};
  private files: Record<string, Times> = {};
  /** Kill the face at this mutating fs operation from now (1: the next one); 0: off. */
  private killAtFsOp = 0;
  private tearWrites = 0;
  /** What fs.renameSync does onto an existing file; Fitbit does not document it, so tests run both. */
  renameOntoExisting: "replace" | "throw" = "replace";
  /** Faults that fired, by kind, for tests and the page. */
  readonly injected: Record<string, number> = {};

  /** fs.writeFileSync / renameSync / unlinkSync throws (the next `times` calls). */
  failFs(op: FsOp, times: Times = 1): void {
    this.fs[op] = times;
  }

  /** Storage full: every write throws until clearFs(). */
  storageFull(): void {
    this.fs.write = "until-cleared";
  }

  clearFs(): void {
    this.fs = {};
    this.tearWrites = 0;
  }

  /** The next write stops halfway (half the data on file) and throws, as when the battery dies mid-write. */
  tearNextWrite(times = 1): void {
    this.tearWrites = times;
  }

  /** The face is killed at the k-th file-system write, rename or delete from now (that one does not happen). */
  killFaceAtFsOp(k: number): void {
    this.killAtFsOp = k;
  }

  /** The phone's localStorage.getItem or setItem throws. */
  failPhoneStorage(call: "getItem" | "setItem", times: Times = 1): void {
    this.phoneStorage[call] = times;
  }

  /** outbox.enqueue on that side rejects. */
  failEnqueue(side: Side, times: Times = 1): void {
    this.enqueue[side] = times;
  }

  /** The next files to cross the link (either way) are delivered twice, late, out of order, or never. */
  fileDelivery(fault: FileFault, times: Times = 1): void {
    this.files[fault] = times;
  }

  // ---- asked by the stand-ins ----

  private fired(kind: string): true {
    this.injected[kind] = (this.injected[kind] || 0) + 1;
    return true;
  }

  /** Before a mutating fs operation: "kill" (the face dies now), "fail", "tear" or null (go ahead). */
  fsOp(op: FsOp): "kill" | "fail" | "tear" | null {
    if (this.killAtFsOp > 0 && --this.killAtFsOp === 0) return this.fired("kill-face") && "kill";
    if (take(this.fs, op)) return this.fired("fs-" + op) && "fail";
    if (op === "write" && this.tearWrites > 0) {
      this.tearWrites--;
      return this.fired("torn-write") && "tear";
    }
    return null;
  }

  phoneStorageFails(call: "getItem" | "setItem"): boolean {
    return take(this.phoneStorage, call) && this.fired("phone-" + call);
  }

  enqueueFails(side: Side): boolean {
    return take(this.enqueue, side) && this.fired("enqueue-" + side);
  }

  /** The fault for the next file to cross, if any. */
  fileFault(): FileFault | null {
    for (const f of ["never", "late", "twice", "out-of-order"] as FileFault[]) if (take(this.files, f)) return this.fired("file-" + f) && f;
    return null;
  }
}
