// Builds JerryScript 2.4.0 from the vendored tarball and our host (tools/engine/host.c) against it, once per
// tarball: the result is cached under node_modules/.cache (outside git), keyed by the tarball's sha256, so it is
// rebuilt only when the tarball, the build flags or the host's sources change.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..", "..");
export const TARBALL = resolve(process.env.RECOVERY_GUARD_JERRY_TARBALL ?? join(ROOT, "..", "shared", "vendor", "jerryscript-2.4.0-min.tar.gz"));
const CACHE = join(ROOT, "node_modules", ".cache", "recovery-guard-engine");
const HOST_SOURCES = ["host.c", "heap-peak.c"].map((f) => join(__dirname, f));

/**
 * The engine as the watch has it: ES5.1, a 64 KB heap (65,528 bytes usable, the figure a Fitbit face logs), plus
 * mem-stats for the heap figures. LTO off: it only shrinks the engine's code, and -m32 links are simpler.
 */
export const JERRY_FLAGS = ["--profile=es5.1", "--mem-heap=64", "--mem-stats=on", "--error-messages=on", "--jerry-cmdline=on", "--lto=off"];

/**
 * --mem-stress-test=on collects garbage before every allocation, so the peak it reports is the peak of live data
 * (without it, the peak also holds garbage the collector was not yet due to free: JerryScript collects when the
 * heap is full or when about 1/32 of it was allocated since the last collection). Measured on the scenario of
 * tools/engine/run.ts: peaks 1-3.5 KB lower, but the scenario takes 40-60 s instead of 2-3 s, so npm test runs the
 * engine as shipped and `npm run engine -- --stress` adds the stress-tested one. Live heap at the fixed points is
 * measured after a full collection either way, so it is exact in both.
 */
export const STRESS_FLAG = "--mem-stress-test=on";

export interface EngineVariant {
  /** "64-bit" (this machine's word size) or "32-bit" (-m32, like the watch's ARM), "+ stress" with STRESS_FLAG. */
  name: string;
  compileFlags: string[];
  stress: boolean;
}

/** What npm test runs: the engine as shipped, at both word sizes. */
export const VARIANTS: EngineVariant[] = [
  { name: "64-bit", compileFlags: [], stress: false },
  { name: "32-bit", compileFlags: ["-m32"], stress: false },
];
export const STRESS_VARIANT: EngineVariant = { name: "64-bit stress-test", compileFlags: [], stress: true };

export interface BuiltEngine {
  variant: string;
  /** Our host, linked with the built libjerry-core. */
  host: string;
  /** Seconds this call spent building (0 when the cache had it). */
  buildSeconds: number;
  cached: boolean;
}

function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Why the engine cannot be built here, or null when it can (the tarball and the tools are present). */
export function whyNoEngine(variant: EngineVariant = VARIANTS[0]): string | null {
  if (!existsSync(TARBALL)) return `no JerryScript tarball at ${TARBALL}`;
  for (const tool of ["cmake", "make", "gcc", "python3", "tar", "timeout"]) {
    try { execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" }); } catch { return `${tool} is not installed`; }
  }
  if (variant.compileFlags.includes("-m32") && !canCompile32()) return "gcc cannot build 32-bit programs here (install gcc-multilib)";
  return null;
}

let can32: boolean | null = null;
function canCompile32(): boolean {
  if (can32 !== null) return can32;
  // Per process, so parallel tests probing at once do not trip over each other's files.
  const dir = join(CACHE, `probe-m32-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "p.c"), "#include <stdio.h>\nint main(void){return 0;}\n");
  try {
    execFileSync("gcc", ["-m32", join(dir, "p.c"), "-o", join(dir, "p"), "-lm"], { stdio: "ignore" });
    can32 = true;
  } catch { can32 = false; }
  rmSync(dir, { recursive: true, force: true });
  return can32;
}

/** jerry-core's compile defines and include paths as its cmake build used them (for heap-peak.c). */
function jerryCoreFlags(buildDir: string): string[] {
  const flags = readFileSync(join(buildDir, "jerry-core", "CMakeFiles", "jerry-core.dir", "flags.make"), "utf8");
  const get = (key: string) => (flags.match(new RegExp(`^${key} = (.*)$`, "m"))?.[1] ?? "");
  // The defines may quote values ("(0)"): split on spaces, keep each token whole, drop the shell quotes.
  const tokens = `${get("C_DEFINES")} ${get("C_INCLUDES")}`.split(/\s+/).filter(Boolean).map((t) => t.replace(/"/g, ""));
  return [...tokens, "-std=c99", "-Os"];
}

/** Build (or find in the cache) the engine and our host for one variant. Throws with the build's output on failure. */
export function buildEngine(variant: EngineVariant = VARIANTS[0], log: (s: string) => void = () => {}): BuiltEngine {
  const tarSha = sha256(readFileSync(TARBALL));
  const flags = variant.stress ? [...JERRY_FLAGS, STRESS_FLAG] : JERRY_FLAGS;
  const engineKey = sha256(tarSha + flags.join(" ") + variant.compileFlags.join(" ")).slice(0, 16);
  const dir = join(CACHE, `jerry-${tarSha.slice(0, 16)}-${variant.name.replace(/\W+/g, "-")}-${engineKey}`);
  const src = join(dir, "src");
  const buildDir = join(dir, "build");
  const lib = join(buildDir, "lib");
  const started = Date.now();
  let cached = true;
  if (!existsSync(join(dir, "engine.ok"))) {
    cached = false;
    log(`building JerryScript 2.4.0 (${variant.name}) from ${TARBALL} into ${dir}`);
    // Built aside and renamed into place, so processes building at once (parallel tests on a cold cache) never
    // see or clobber a half-built engine: the first rename wins, the others throw their copy away.
    const tmp = `${dir}.building-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(join(tmp, "src"), { recursive: true });
    execFileSync("tar", ["-xzf", TARBALL, "-C", join(tmp, "src")]);
    const args = [join(tmp, "src", "tools", "build.py"), `--builddir=${join(tmp, "build")}`, ...flags, ...variant.compileFlags.flatMap((f) => [`--compile-flag=${f}`, `--linker-flag=${f}`])];
    run("python3", args);
    writeFileSync(join(tmp, "engine.ok"), `${tarSha}\n${tmp}\n`);
    if (existsSync(dir) && !existsSync(join(dir, "engine.ok"))) rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(tmp, dir);
    } catch (e) {
      if (!existsSync(join(dir, "engine.ok"))) throw e;
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  // The path the engine was built at: cmake's flags name it (heap-peak.c is compiled with those flags).
  const builtAt = readFileSync(join(dir, "engine.ok"), "utf8").split("\n")[1] || dir;
  const hostKey = sha256(HOST_SOURCES.map((f) => readFileSync(f, "utf8")).join("\0")).slice(0, 16);
  const host = join(dir, `rg-jerry-${hostKey}`);
  if (!existsSync(host)) {
    cached = false;
    log(`compiling the engine host (${variant.name})`);
    const tmpHost = join(dir, `.host-${process.pid}`);
    const peakObj = join(dir, `.heap-peak-${process.pid}.o`);
    const coreFlags = jerryCoreFlags(buildDir).map((t) => t.split(builtAt).join(dir));
    run("gcc", [...variant.compileFlags, ...coreFlags, "-c", HOST_SOURCES[1], "-o", peakObj]);
    run("gcc", [...variant.compileFlags, "-std=c99", "-Os", "-Wall", "-Wextra", "-D_POSIX_C_SOURCE=200809L",
      "-I", join(src, "jerry-core", "include"), "-I", join(src, "jerry-ext", "include"),
      HOST_SOURCES[0], peakObj, "-o", tmpHost,
      join(lib, "libjerry-ext.a"), join(lib, "libjerry-core.a"), join(lib, "libjerry-port-default.a"), "-lm"]);
    rmSync(peakObj, { force: true });
    renameSync(tmpHost, host);
    // Hosts built from older sources of host.c are of no more use.
    for (const f of readdirSync(dir)) if (/^rg-jerry-[0-9a-f]{16}$/.test(f) && join(dir, f) !== host) rmSync(join(dir, f), { force: true });
  }
  return { variant: variant.name, host, buildSeconds: (Date.now() - started) / 1000, cached };
}

function run(cmd: string, args: string[]): void {
  try {
    execFileSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
    const out = `${err.stdout?.toString() ?? ""}${err.stderr?.toString() ?? ""}`.split("\n").slice(-30).join("\n");
    throw new Error(`${cmd} failed: ${err.message.split("\n")[0]}\n${out}`);
  }
}
