// npm run build:web: the browser preview as static files (build/web/), for any static web host or a plain folder:
// the same page, bundles and resources npm start serves, but no server behind it. It carries only the generated
// demo run (the shared real traces are not ours to publish), so a runner can try the face without installing
// anything. Publish by copying build/web/ to any static host (GitHub Pages, an S3 bucket, `python3 -m http.server`).
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildBundles } from "./build";

const ROOT = resolve(__dirname, "..");
export const STATIC_DIR = join(ROOT, "build", "web");

/** What the page's trace list says on a static host: no real traces, only the generated demo run. */
export const STATIC_TRACES_NOTE = "This static preview carries only the generated demo run (the real recordings stay with the project).";

export async function buildStatic(dir = STATIC_DIR): Promise<string[]> {
  const bundles = await buildBundles();
  for (const [name, text] of Object.entries(bundles)) {
    if (text.startsWith("throw new Error(")) throw new Error(`${name} did not build: run npm run build first (the watch bundle is build/app.fba's own JavaScript)\n${text.slice(0, 400)}`);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "resources"), { recursive: true });
  mkdirSync(join(dir, "api"), { recursive: true });
  const written: string[] = [];
  const put = (name: string, data: string | Buffer) => { writeFileSync(join(dir, name), data); written.push(name); };
  for (const [name, text] of Object.entries(bundles)) put(name, text);
  copyFileSync(join(ROOT, "web/page/index.html"), join(dir, "index.html"));
  copyFileSync(join(ROOT, "web/page/page.css"), join(dir, "page.css"));
  written.push("index.html", "page.css");
  for (const f of readdirSync(join(ROOT, "resources"))) {
    copyFileSync(join(ROOT, "resources", f), join(dir, "resources", f));
    written.push("resources/" + f);
  }
  copyFileSync(join(ROOT, "resources/icon.png"), join(dir, "favicon.ico"));
  // The page asks api/traces for the real recordings (relative, so a sub-folder works); here there are none.
  put("api/traces", JSON.stringify({ folder: "", note: STATIC_TRACES_NOTE, traces: [] }));
  return written;
}

if (require.main === module) {
  buildStatic().then((files) => {
    process.stdout.write(`Static preview written to ${STATIC_DIR} (${files.length} files). Serve it from any static host, e.g.\n` +
      `  python3 -m http.server --directory build/web 8000   then open http://localhost:8000/\n`);
  }, (e) => {
    process.stderr.write(`build:web: ${(e as Error).message}\n`);
    process.exitCode = 2;
  });
}
