// The service worker's install (the whole app, about 450 KB, fetched and
// stored) waits until the first screen's code has arrived and the page is
// idle: started at the page's load event, it competed with drawing the screen
// for the CPU (src/client/initial/index.tsx; Lighthouse in the README).
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, waitForApp, waitForServiceWorker, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const privacyScreenChunk = `/assets/${readdirSync('dist/assets').find((name) => /^privacy-screen-[\w-]+\.js$/.test(name))}`;

it("registers the service worker only once the screen's code has arrived and been drawn", async () => {
  expect(privacyScreenChunk, 'the Privacy screen has its own chunk').toMatch(/\.js$/);
  const context = await harness.newContext();
  const page = await context.newPage();
  // When the page asks for a service worker, and when the screen's heading first shows (page clock).
  await page.addInitScript(() => {
    const marks = ((window as unknown as { marks: Record<string, number> }).marks = {} as Record<string, number>);
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args: Parameters<typeof register>) {
      marks.registered ??= performance.now();
      return register.apply(this, args);
    };
    new MutationObserver(() => {
      if (document.querySelector('h1.page-heading')) marks.heading ??= performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  const release = harness.stall(privacyScreenChunk);
  try {
    await page.goto('/privacy', { waitUntil: 'load' });
    await page.locator('.loading:not(.loading--shell)').waitFor(); // the app's, not the HTML shell's
    // The page has loaded and gone idle (twice over) while the screen's code is held back.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(resolve))));
    expect(await page.evaluate(() => (window as unknown as { marks: Record<string, number> }).marks.registered)).toBeUndefined();
    expect(harness.requestLog).not.toContain('GET /sw.js');
  } finally {
    release();
  }
  await waitForApp(page);
  await waitForServiceWorker(page);
  const marks = await page.evaluate(() => (window as unknown as { marks: Record<string, number> }).marks);
  expect(marks.heading, 'the heading was seen').toBeGreaterThan(0);
  expect(marks.registered, 'registered after the screen was drawn').toBeGreaterThan(marks.heading!);
});
