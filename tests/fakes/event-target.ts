// Fitbit's EventTarget, faked once for both sides (device and companion fakes).
export interface Listener { (event: any): void }

/** addEventListener/removeEventListener plus the matching on<event> property, as Fitbit's EventTarget. */
export function emit(target: any, listeners: Listener[], type: string, event: any): void {
  var handler = target["on" + type];
  if (typeof handler === "function") handler.call(target, event);
  listeners.slice().forEach(function (l) { l.call(target, event); });
}

/** Fitbit's EventTarget: addEventListener/removeEventListener and on<event> properties. */
export class FakeEventTarget {
  [key: string]: any;
  private _listeners: { [type: string]: Listener[] } = {};
  addEventListener(type: string, listener: Listener): void {
    (this._listeners[type] = this._listeners[type] || []).push(listener);
  }
  removeEventListener(type: string, listener: Listener): void {
    var list = this._listeners[type] || [];
    var i = list.indexOf(listener);
    if (i >= 0) list.splice(i, 1);
  }
  /** Test side: deliver an event to the on<type> handler and the listeners. */
  dispatchFake(type: string, event?: any): void {
    var e = event || { type: type, target: this, defaultPrevented: false };
    emit(this, this._listeners[type] || [], type, e);
  }
}

/** addEventListener/removeEventListener for a module that fires one event type into a list it keeps. */
export function oneEventListeners(eventType: string, list: () => Listener[]) {
  return {
    addEventListener(type: string, fn: Listener): void {
      if (type === eventType) list().push(fn);
    },
    removeEventListener(type: string, fn: Listener): void {
      var l = list();
      if (type === eventType && l.indexOf(fn) >= 0) l.splice(l.indexOf(fn), 1);
    },
  };
}
