// Injected by esbuild into the watch and phone bundles in place of the globals Date, setTimeout, setInterval,
// clearTimeout and clearInterval, so the real app and companion code run on the page's virtual clock.
import { host } from "./host";

const RealDate = globalThis.Date;

function VirtualDate(this: unknown, ...args: unknown[]): unknown {
  const now = host().clock.now();
  if (!(this instanceof VirtualDate)) return new RealDate(now).toString();
  if (args.length === 0) return new RealDate(now);
  return new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
}
VirtualDate.prototype = RealDate.prototype;
VirtualDate.now = (): number => host().clock.now();
VirtualDate.UTC = RealDate.UTC;
VirtualDate.parse = RealDate.parse;

const VirtualDateConstructor = VirtualDate as unknown as DateConstructor;

function virtualSetTimeout(fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]): number {
  return host().clock.setTimeout(() => fn(...args), ms ?? 0);
}

function virtualSetInterval(fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]): number {
  return host().clock.setInterval(() => fn(...args), ms ?? 0);
}

function virtualClear(id?: number): void {
  host().clock.clear(id);
}

export {
  VirtualDateConstructor as Date,
  virtualSetTimeout as setTimeout,
  virtualSetInterval as setInterval,
  virtualClear as clearTimeout,
  virtualClear as clearInterval,
};
