// The preview's web server: the page, its bundles (rebuilt on each page load, so an edit shows on reload),
// the face's resources, and the shared real traces (read in place from ../shared/traces, never copied).
import { createServer, Server } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { listTraces, TRACES_DIR } from "../tools/trace-files";
import { buildBundles, Bundles } from "./build";

const ROOT = resolve(__dirname, "..");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".png": "image/png", ".jpg": "image/jpeg", ".csv": "text/csv; charset=utf-8", ".json": "application/json",
};

/** Each trace's "what is in it", minutes and licence, from the traces folder's README table. */
function traceNotes(): Record<string, string> {
  const readme = join(TRACES_DIR, "README.md");
  const notes: Record<string, string> = {};
  if (!existsSync(readme)) return notes;
  for (const line of readFileSync(readme, "utf8").split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 9 || !cells[1].endsWith(".csv")) continue;
    const [, file, , licence, minutes, , hr, what] = cells;
    notes[file] = `${what} (${minutes} min, HR min/median/max ${hr}; licence: ${licence}).`;
  }
  return notes;
}

export interface PreviewServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startServer(port: number, host = "127.0.0.1"): Promise<PreviewServer> {
  let bundles: Promise<Bundles> = buildBundles();
  await bundles;
  const server = createServer((req, res) => {
    const send = (status: number, type: string, body: string | Buffer): void => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      res.end(body);
    };
    const fail = (e: unknown): void => send(500, "text/plain; charset=utf-8", String(e));
    // A path that is not a URL or does not decode (GET /resources/%E0%A4%A) is the client's error: 400, and the
    // server keeps serving. Nothing a request says may take the process down.
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch (e) {
      send(400, "text/plain; charset=utf-8", `Bad request path: ${(e as Error).message}`);
      return;
    }
    try {
      route(path, send, fail);
    } catch (e) {
      fail(e);
    }
  });
  function route(path: string, send: (status: number, type: string, body: string | Buffer) => void, fail: (e: unknown) => void): void {
    if (path === "/" || path === "/index.html") {
      bundles = buildBundles();
      bundles.then(() => send(200, TYPES[".html"], readFileSync(join(ROOT, "web/page/index.html"))), fail);
    } else if (path === "/favicon.ico") {
      send(200, TYPES[".png"], readFileSync(join(ROOT, "resources/icon.png")));
    } else if (path === "/page.css") {
      send(200, TYPES[".css"], readFileSync(join(ROOT, "web/page/page.css")));
    } else if (path === "/harness.js" || path === "/watch.js" || path === "/phone.js") {
      bundles.then((b) => send(200, TYPES[".js"], b[path.slice(1) as keyof Bundles]), fail);
    } else if (path === "/api/traces") {
      const notes = traceNotes();
      const traces = listTraces().map((name) => ({ name, note: notes[name] ?? "see the traces folder's README" }));
      send(200, TYPES[".json"], JSON.stringify({ folder: TRACES_DIR, traces }));
    } else if (path.startsWith("/api/traces/")) {
      const name = path.slice("/api/traces/".length);
      if (listTraces().indexOf(name) < 0) send(404, "text/plain", "No such trace");
      else send(200, TYPES[".csv"], readFileSync(join(TRACES_DIR, name)));
    } else if (path.startsWith("/resources/")) {
      const dir = join(ROOT, "resources");
      const file = normalize(join(dir, path.slice("/resources/".length)));
      if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) send(404, "text/plain", "Not found");
      else send(200, TYPES[extname(file)] ?? "application/octet-stream", readFileSync(file));
    } else {
      send(404, "text/plain", "Not found");
    }
  }
  await new Promise<void>((ok, ko) => {
    server.once("error", ko);
    server.listen(port, host, () => ok());
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host === "127.0.0.1" ? "localhost" : host}:${address.port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
