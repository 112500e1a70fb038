// A minimal listener list: the world tells the page and the stand-ins about changes through these.
export class Signal<T> {
  private listeners: Array<(value: T) => void> = [];
  on(listener: (value: T) => void): void {
    this.listeners.push(listener);
  }
  emit(value: T): void {
    for (const l of this.listeners.slice()) l(value);
  }
}
