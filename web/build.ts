// Bundles the page with esbuild: the harness (real time); the watch: the device JavaScript of build/app.fba itself
// (the build that goes on a watch) run against the browser adapters of the Fitbit device modules; the phone: the
// real companion/ + settings/ against the phone adapters. Both sides get the virtual clock in place of Date and the
// timer globals, so replays run at up to 60x.
import { build, Plugin } from "esbuild";
import { join, resolve } from "node:path";
import { deviceJs } from "../tools/fba";

const ROOT = resolve(__dirname, "..");
const COMPANION_MODULES = ["settings", "local-storage", "file-transfer", "messaging", "companion"];

export interface Bundles {
  "harness.js": string;
  "watch.js": string;
  "phone.js": string;
}

/** Resolves the Fitbit module names to our adapters in web/<side>/, and nothing else. */
function fitbitModules(side: "device" | "companion", names: string[]): Plugin {
  const filter = new RegExp(`^(${names.join("|")})$`);
  return {
    name: `fitbit-${side}-modules`,
    setup(b) {
      b.onResolve({ filter }, (args) => ({ path: join(ROOT, "web", side, `${args.path}.ts`) }));
    },
  };
}

async function bundle(entry: string, options: { plugins?: Plugin[]; inject?: string[]; define?: Record<string, string> }): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2020",
    sourcemap: "inline",
    jsxFactory: "createComponent",
    jsxFragment: "Fragment",
    loader: { ".view": "text", ".css": "text" },
    logLevel: "silent",
    plugins: options.plugins,
    inject: options.inject?.map((p) => join(ROOT, p)),
    define: options.define,
  });
  return result.outputFiles[0].text;
}

/** A bundle that failed to build becomes a script that reports why, so the page shows it. */
async function orError(name: string, p: Promise<string>): Promise<string> {
  try {
    return await p;
  } catch (e) {
    const message = `${name} did not build:\n${(e as Error).message}`;
    return `throw new Error(${JSON.stringify(message)});`;
  }
}

export async function buildBundles(): Promise<Bundles> {
  const [harness, watch, phone] = await Promise.all([
    orError("The page", bundle("web/harness/main.ts", {})),
    orError("The watch app (build/app.fba)", Promise.resolve().then(() => bundle("web/device/run-device-build.ts", {
      inject: ["web/shared/virtual-time.ts"],
      define: { __DEVICE_JS__: JSON.stringify(deviceJs("atlas")) },
    }))),
    orError("The phone (companion/ and settings/)", bundle("web/phone/main.ts", {
      plugins: [fitbitModules("companion", COMPANION_MODULES)],
      inject: ["web/shared/virtual-time.ts", "web/settings/components.ts"],
    })),
  ]);
  return { "harness.js": harness, "watch.js": watch, "phone.js": phone };
}
