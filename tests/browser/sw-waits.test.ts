// The service worker's install (the rest of the app, fetched and stored)
// waits until the first screen's code has arrived and the page is idle:
// started at the page's load event, it competed with drawing the screen for
// the CPU (src/client/initial/index.tsx; Lighthouse in the README). The idle
// wait itself is unit-tested (tests/unit/initial/when-idle.test.ts).
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, waitForApp, waitForServiceWorker, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const privacyScreenChunk = `/assets/${readdirSync('dist/assets').find((name) => /^privacy-screen-[\w-]+\.js$/.test(name))}`;
/** index.tsx's SCREEN_WAIT_MS: after this long from the load event, the app registers without the screen's code. */
const SCREEN_WAIT_MS = 10_000;

interface Marks {
  load?: number;
  registered?: number;
  /** The screen's heading is in the page and a frame has been drawn since. */
  drawn?: number;
}
const marksOf = (page: Page) => page.evaluate(() => (window as unknown as { marks: Marks }).marks);

/** Opens Privacy with its code held back until the page has been idle; gives the page's marks (page clock). */
async function openWithCodeHeldBack(): Promise<{ page: Page; whileHeld: Marks }> {
  harness.requestLog.length = 0;
  const context = await harness.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const marks: Marks = ((window as unknown as { marks: Marks }).marks = {});
    addEventListener('load', () => (marks.load = performance.now()));
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args: Parameters<typeof register>) {
      marks.registered ??= performance.now();
      return register.apply(this, args);
    };
    let seen = false;
    new MutationObserver(() => {
      if (seen || !document.querySelector('h1.page-heading')) return;
      seen = true;
      requestAnimationFrame(() => setTimeout(() => (marks.drawn = performance.now())));
    }).observe(document, { childList: true, subtree: true });
  });
  const release = harness.stall(privacyScreenChunk);
  try {
    await page.goto('/privacy', { waitUntil: 'load' });
    await page.locator('.loading:not(.loading--shell)').waitFor(); // the app's, not the HTML shell's
    // The page goes idle for as long as the app waits for (an idle period of 40 ms or more;
    // when-idle.ts), then one more task: an app that did not wait for the code has registered by now.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const wait = () => requestIdleCallback((deadline) => (deadline.timeRemaining() >= 45 ? setTimeout(resolve) : wait()));
          wait();
        }),
    );
    return { page, whileHeld: await marksOf(page) };
  } finally {
    release();
  }
}

it("registers the service worker only once the screen's code has arrived and the screen is drawn", async () => {
  expect(privacyScreenChunk, 'the Privacy screen has its own chunk').toMatch(/\.js$/);
  // On a machine so slow that the app's 10 s wait for the code ran out while the test looked, try again.
  let opened = await openWithCodeHeldBack();
  const gaveUp = ({ whileHeld: m }: typeof opened) => m.registered !== undefined && m.registered - m.load! >= SCREEN_WAIT_MS;
  for (let tries = 1; gaveUp(opened) && tries < 3; tries++) opened = await openWithCodeHeldBack();
  const { page, whileHeld } = opened;
  expect(whileHeld.load, 'the page loaded').toBeGreaterThan(0);
  expect(whileHeld.registered, 'nothing registers while the code is held back').toBeUndefined();
  expect(harness.requestLog).not.toContain('GET /sw.js');

  await waitForApp(page);
  await waitForServiceWorker(page);
  const marks = await marksOf(page);
  expect(marks.drawn, 'the heading was drawn').toBeGreaterThan(0);
  expect(marks.registered, 'registered after the screen was drawn').toBeGreaterThan(marks.drawn!);
});
