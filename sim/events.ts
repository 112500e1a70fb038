// Fitbit's EventTarget, once for every stand-in: on<type> properties plus addEventListener. Each target belongs
// to one launch of one side: a killed face or companion hears nothing, and a relaunch has new targets.
import type { Side } from "./clock";
import { world } from "./world";

export type Listener = (event: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

export class SimEventTarget {
  [key: string]: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  private listeners: Record<string, Listener[]> = {};
  readonly side: Side;
  readonly launch: number;

  constructor(side: Side) {
    this.side = side;
    this.launch = world().launchOf(side);
  }

  addEventListener(type: string, listener: Listener): void {
    (this.listeners[type] = this.listeners[type] || []).push(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners[type] = (this.listeners[type] || []).filter((l) => l !== listener);
  }

  /** Alive: the launch it belongs to is the one running. */
  get alive(): boolean {
    return world().isRunning(this.side, this.launch);
  }

  /** Deliver an event to on<type> and the listeners, if this target's launch is still running. */
  emit(type: string, fields?: Record<string, unknown>): void {
    if (!this.alive) return;
    const event = { type, target: this, defaultPrevented: false, ...fields };
    const own = this["on" + type];
    world().clock.run(() => {
      if (typeof own === "function") own.call(this, event);
      for (const l of this.listeners[type] ? this.listeners[type].slice() : []) l.call(this, event);
    });
  }
}

