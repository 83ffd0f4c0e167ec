// Shared set-up for browser tests: the production build served by our own
// server on 127.0.0.1 (a free port each), and Debian's Chromium.
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createAppServer, listen } from '../../src/server/server';
import { createApiHandler } from '../../src/server/api/handler';
import { codeHasher, type CodeHasher } from '../../src/server/api/code-hash';
import { openStore } from '../../src/server/store/open-store';
import type { Store } from '../../src/server/store/store';
import { loadStaticFiles, type StaticFile } from '../../src/server/static-files';
import { TEST_CACHE_DIR } from '../support/test-cache';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /** The files the server answers with; change one to simulate a new release. */
  files: Map<string, StaticFile>;
  newContext(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
  /** Every request the server received (method and path), in order; tests may empty it. */
  requestLog: string[];
  /**
   * Requests for `path` get no answer (as on a connection that hangs) until
   * the returned function is called; they are then answered as usual.
   */
  stall(path: string): () => void;
  /** The relay's store, when started with `{ relay: true }`. */
  store: Store | null;
  /** How the relay hashes invite and device codes (to find them in the store). */
  codeHash: CodeHasher;
  close(): Promise<void>;
}

/**
 * axe-core for the accessibility checks (layout.ts), at an address of the
 * app's own origin (so the app's CSP lets the page load it) and cacheable:
 * each page then compiles it from Chromium's code cache instead of afresh.
 */
export const AXE_PATH = '/__test__/axe.min.js';
let axeSource: Buffer | undefined;
function serveAxe(response: ServerResponse): void {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'));
  response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600', 'content-length': axeSource.length });
  response.end(axeSource);
}

/** Compressed copies of the built files, kept between test files (each starts a server): 2.5 s a start saved. */
export const STATIC_CACHE_DIR = join(TEST_CACHE_DIR, 'static');

export async function startHarness(options: { relay?: boolean; dataDir?: string } = {}): Promise<Harness> {
  if (!existsSync('dist/index.html')) throw new Error('Run `npm run build` first: dist/ is missing.');
  const files = loadStaticFiles('dist', { cacheDir: STATIC_CACHE_DIR });
  // The relay API on an embedded database (in memory unless a folder is given).
  const store = options.relay ? await openStore({ dataDir: options.dataDir ?? null }) : null;
  const codeSecret = randomBytes(32);
  const api = store ? createApiHandler({ store, config: { publicOrigin: 'http://127.0.0.1' }, log: () => {}, codeSecret }) : undefined;
  const server: Server = createAppServer({ staticDir: 'dist' }, files, api);
  const stalled = new Map<string, (() => void)[]>();
  const answer = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.url === AXE_PATH) return serveAxe(response);
    const reply = () => answer.forEach((handler) => handler.call(server, request, response));
    const held = stalled.get(new URL(request.url ?? '/', 'http://x').pathname);
    if (held) held.push(reply);
    else reply();
  });
  const requestLog: string[] = [];
  server.prependListener('request', (request) => requestLog.push(`${request.method} ${new URL(request.url ?? '/', 'http://x').pathname}`));
  const baseUrl = await listen(server, 0, '127.0.0.1');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH });
  const contexts: BrowserContext[] = [];
  return {
    baseUrl,
    browser,
    files,
    requestLog,
    store,
    codeHash: codeHasher(codeSecret),
    stall(path) {
      stalled.set(path, []);
      return () => {
        const held = stalled.get(path) ?? [];
        stalled.delete(path);
        held.forEach((reply) => reply());
      };
    },
    async newContext(options) {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-GB', ...options });
      contexts.push(context);
      return context;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store?.close();
    },
  };
}

/** Waits until the app has rendered a screen (not the static loading shell). */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForSelector('h1.page-heading');
}

/** Waits until the service worker controls the page (so it works offline). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

export const SAMPLE_MRN = `Home  Journal  To-do  Payments
Mandatory reconsideration notice
Date of this notice: 9 November 2026
We have looked again at our decision about your Universal Credit.
We have not changed the decision.
If you disagree you can appeal to an independent tribunal. Use form SSCS1.
Add a note    Sign out`;

/** Items on the Send screen the relay has taken: "sent", or "seen" once the adviser has opened them and the phone has checked. */
export const DELIVERED_ITEMS = '.forward-item--sent, .forward-item--seen';
