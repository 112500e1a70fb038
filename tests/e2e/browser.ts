// Debian's Chromium driven by playwright-core (no browser download ever), and the preview server on a free port.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BrowserContext, chromium, Page } from "playwright-core";
import { PreviewServer, startServer } from "../../web/server";

export const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export interface Preview {
  server: PreviewServer;
  context: BrowserContext;
  page: Page;
  /** Errors the page reported (uncaught exceptions in the app, failed loads). */
  errors: string[];
  close(): Promise<void>;
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Errors the page reported (uncaught exceptions in the app, failed loads). */
  errors: string[];
  close(): Promise<void>;
}

/** Debian's Chromium with a fresh profile of its own. */
export async function launchChromium(): Promise<Browser> {
  const profileDir = mkdtempSync(join(tmpdir(), "recovery-guard-chromium-"));
  // A persistent context is how playwright takes our own fresh --user-data-dir.
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1500, height: 1000 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  return {
    context, page, errors,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export async function openPreview(): Promise<Preview> {
  const server = await startServer(0);
  const b = await launchChromium();
  return {
    server, context: b.context, page: b.page, errors: b.errors,
    async close() {
      await b.close();
      await server.close();
    },
  };
}
