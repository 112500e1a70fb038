// Fitbit-style event targets: `on<type>` properties plus addEventListener, dispatched on the virtual clock.
import { host } from "./host";

export type Listener = (event: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

export class EventTargetLike {
  private listeners: Record<string, Listener[]> = {};

  addEventListener(type: string, listener: Listener): void {
    (this.listeners[type] ??= []).push(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners[type] = (this.listeners[type] ?? []).filter((l) => l !== listener);
  }

  /** Calls `on<type>` and the listeners; an exception in app code is reported, never breaks the page. */
  protected fire(type: string, event: Record<string, unknown> = {}): void {
    const e = { type, target: this, defaultPrevented: false, ...event };
    const own = (this as unknown as Record<string, Listener | null | undefined>)["on" + type];
    host().clock.run(() => {
      if (typeof own === "function") own.call(this, e);
    });
    for (const l of (this.listeners[type] ?? []).slice()) host().clock.run(() => l.call(this, e));
  }
}
