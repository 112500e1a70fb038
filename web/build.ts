// Bundles the page with esbuild: the harness (real time); the watch: the device JavaScript of build/app.fba itself
// (the build that goes on a watch) run against the sim's device stand-ins; the phone: the real companion/ +
// settings/ against the sim's phone stand-ins and settings components. The module lists come from sim/modules.ts.
// Both sides run on the world's clock, so replays run at up to 60x.
import { build, Plugin } from "esbuild";
import { join, resolve } from "node:path";
import { deviceJs } from "../tools/fba";
import { moduleMapSource, standIns } from "../sim/modules";

const ROOT = resolve(__dirname, "..");

export interface Bundles {
  "harness.js": string;
  "watch.js": string;
  "phone.js": string;
}

/** Resolves the Fitbit phone module names to the sim's stand-ins, and nothing else. */
function phoneModules(): Plugin {
  const files = standIns("phone");
  const filter = new RegExp(`^(${Object.keys(files).join("|")})$`);
  return {
    name: "fitbit-phone-modules",
    setup(b) {
      b.onResolve({ filter }, (args) => ({ path: join(ROOT, files[args.path]) }));
    },
  };
}

type Entry = { file: string } | { source: string };

async function bundle(entry: Entry, options: { plugins?: Plugin[]; inject?: string[]; define?: Record<string, string> }): Promise<string> {
  const result = await build({
    ...("file" in entry ? { entryPoints: [join(ROOT, entry.file)] } : { stdin: { contents: entry.source, resolveDir: ROOT, loader: "ts" as const } }),
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

/** The watch: the stand-ins by name (one list), then the .fba's device JavaScript on them. */
const WATCH_ENTRY = `${moduleMapSource("device", ".")}import { runDeviceJs } from "./web/device/run-device-build";\nrunDeviceJs(MODULES);\n`;

export async function buildBundles(): Promise<Bundles> {
  const [harness, watch, phone] = await Promise.all([
    orError("The page", bundle({ file: "web/harness/main.ts" }, {})),
    orError("The watch app (build/app.fba)", Promise.resolve().then(() => bundle({ source: WATCH_ENTRY }, {
      define: { __DEVICE_JS__: JSON.stringify(deviceJs("atlas")) },
    }))),
    orError("The phone (companion/ and settings/)", bundle({ file: "web/phone/main.ts" }, {
      plugins: [phoneModules()],
      inject: ["web/phone/time.ts", "sim/phone/settings-components.ts"],
    })),
  ]);
  return { "harness.js": harness, "watch.js": watch, "phone.js": phone };
}
