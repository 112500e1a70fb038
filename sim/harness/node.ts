// What the Node-side harnesses (tests, bench) share: a fresh world with the real resources/index.view.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { World, WorldOptions, newWorld } from "../world";

export const ROOT = resolve(__dirname, "..", "..");
const VIEW = readFileSync(resolve(ROOT, "resources/index.view"), "utf-8");

export function nodeWorld(options?: WorldOptions): World {
  return newWorld({ viewXml: VIEW, ...options });
}
