// npm run build:web: the preview as static files plays the generated demo run in Chromium, from a plain static
// file server (no routes, no API: what any static host does) and straight from the file system.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, Server } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, normalize } from "node:path";
import { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { LABELS } from "../../common/watch/face-model";
import { buildStatic } from "../../web/build-static";
import { launchChromium, Browser } from "./browser";
import { chooseTrace, face, faceText, openFresh, setPlaying, waitForState } from "./preview";

const DIR = join(__dirname, "..", "..", "build", "web-e2e");
let server: Server;
let url = "";
let b: Browser;

/** A plain static server of `root` under /preview/: a file for a path, index.html for a folder, 404 otherwise. */
function staticServer(root: string): Server {
  return createServer((req, res) => {
    const full = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (!full.startsWith("/preview/")) { res.writeHead(404).end(); return; }
    const path = full.slice("/preview".length);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) { res.writeHead(404).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200).end(readFileSync(file));
  });
}

beforeAll(async () => {
  await buildStatic(DIR);
  server = staticServer(DIR);
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  // Under a sub-folder, as on a project's static pages: every URL the page uses must be relative.
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/preview/`;
  b = await launchChromium();
});
afterAll(async () => {
  await b?.close();
  await new Promise<void>((ok) => server?.close(() => ok()));
});

async function playsTheDemo(pageUrl: string): Promise<void> {
  const page = b.page;
  await openFresh(page, pageUrl);
  expect(await page.locator("#trace option").allTextContents()).toEqual(["generated demo run"]);
  await chooseTrace(page, "generated:demo", 60);
  await face(page, "start-btn").click();
  await setPlaying(page, true);
  await waitForState(page, [LABELS.below, LABELS.near], 60_000);
  expect(Number(await faceText(page, "hr"))).toBeGreaterThan(60);
  await setPlaying(page, false);
  expect(b.errors).toEqual([]);
}

describe("the static preview (npm run build:web)", () => {
  it("plays the generated demo run from a plain static server, under a sub-folder", async () => {
    await playsTheDemo(url);
    expect(await b.page.locator("#trace-note").textContent()).toMatch(/static preview carries only the generated demo run/);
  });

  it("plays it straight from the file system too", async () => {
    await playsTheDemo(pathToFileURL(join(DIR, "index.html")).href);
  });
});
