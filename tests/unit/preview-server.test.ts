// The preview server (npm start) must survive whatever a browser, or anyone, sends it: a malformed escape used to
// throw URIError out of decodeURIComponent and end the process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "node:net";
import fc from "fast-check";
import { startServer, PreviewServer } from "../../web/server";

let preview: PreviewServer;
let port = 0;
beforeAll(async () => {
  preview = await startServer(0);
  port = Number(new URL(preview.url).port);
}, 60_000);
afterAll(() => preview?.close());

/** Sends a raw request line (no client-side checks on the path) and resolves with the status code, or 0. */
function rawGet(path: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let data = "";
    socket.setTimeout(20000, () => { socket.destroy(); resolve(0); });
    socket.on("data", (d) => { data += d.toString("latin1"); });
    socket.on("error", () => resolve(0));
    socket.on("close", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
    socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
  });
}

const HOSTILE = [
  "/resources/%E0%A4%A", "/%", "/%%", "/%zz", "/api/traces/%E0%A4%A", "/resources/..%2f..%2fpackage.json",
  "/resources/../../package.json", "/resources/%2e%2e/%2e%2e/package.json", "/api/traces/..%2fREADME.md",
  "/api/traces/../../main/package.json", "/resources/", "/resources/.", "//etc/passwd", "/resources//etc/passwd",
  "/" + "a".repeat(5000), "/resources/" + "%41".repeat(3000), "/\u00ff\u00fe", "/resources/icon.png%00.js",
];

describe("the preview server under hostile paths", () => {
  it("answers a malformed escape with 400 and keeps serving", async () => {
    expect(await rawGet("/resources/%E0%A4%A")).toBe(400);
    expect(await rawGet("/resources/icon.png")).toBe(200);
  });

  it("never serves outside its folders, and is still up after a few hundred random and hostile paths", async () => {
    for (const p of HOSTILE) expect([400, 404, 414, 431]).toContain(await rawGet(p));
    const randomPaths = fc.sample(fc.oneof(
      fc.string({ maxLength: 200 }).map((s) => "/" + encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (m) => (Math.random() < 0.3 ? m.slice(0, 2) : m))),
      fc.string({ unit: "binary-ascii", maxLength: 100 }).map((s) => "/resources/" + s.replace(/[\s\r\n]/g, "")),
      fc.constantFrom("/api/traces/", "/resources/").chain((pre) => fc.array(fc.constantFrom("..", "%2e%2e", "%2f", "/", "x", "%"), { maxLength: 12 }).map((a) => pre + a.join(""))),
    ), { numRuns: 300, seed: 42 });
    for (const p of randomPaths) {
      const status = await rawGet(p);
      expect(status, p).toBeGreaterThanOrEqual(200);
      expect(status, p).not.toBe(500);
    }
    expect(await rawGet("/api/traces")).toBe(200);
    expect(await rawGet("/resources/icon.png")).toBe(200);
  }, 60_000);
});
