// Injected by esbuild into the phone bundle in place of Date and the timer globals, so the real companion and
// settings page run on the world's clock.
import { world } from "../../sim/world";

const t = world().clock.globals("phone");
const { Date, setTimeout, setInterval, clearTimeout, clearInterval } = t;
export { Date, setTimeout, setInterval, clearTimeout, clearInterval };
