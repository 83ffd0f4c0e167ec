import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, waitForApp, waitForServiceWorker, SAMPLE_MRN, type Harness } from './harness';

import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

const WELSH_EXPLAIN_TITLE = (JSON.parse(readFileSync('locales/cy/explain.json', 'utf8')) as { title: string }).title;
const WELSH_RELOAD = (JSON.parse(readFileSync('locales/cy/common.json', 'utf8')) as { update: { reload: string } }).update.reload;
const WELSH_HELPERS_TITLE = (JSON.parse(readFileSync('locales/cy/helpers.json', 'utf8')) as { title: string }).title;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** A first visit in Welsh, until the service worker controls the page and keeps every Welsh file. */
async function welshVisitWithWorker(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await harness.newContext({ locale: 'cy-GB' });
  const page = await context.newPage();
  await page.goto('/');
  await waitForApp(page);
  await waitForServiceWorker(page);
  // Every Welsh file is kept by the service worker, not only Home's.
  await expect.poll(async () => (await keptWelshFiles(page)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(6);
  return { context, page };
}

/** The next release's service worker (the same script, one comment longer), until the returned function puts the old one back. */
function releaseNewWorker(): () => void {
  const original = harness.files.get('/sw.js')!;
  harness.files.set('/sw.js', { ...original, body: Buffer.concat([original.body, Buffer.from('\n// next release\n')]), gzip: undefined, brotli: undefined });
  return () => harness.files.set('/sw.js', original);
}

/** The Welsh word files the service worker keeps, by path. */
const keptWelshFiles = (page: Page) =>
  page.evaluate(async () =>
    (await (await caches.open('locales')).keys())
      .map((request) => new URL(request.url).pathname)
      .filter((path) => path.startsWith('/assets/locales/cy-'))
      .sort(),
  );

describe('offline and updates', () => {
  it('says "Ready to use offline" once, then every screen works in airplane mode, even after a reload', async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await page.goto('/');
    await waitForApp(page);
    await waitForServiceWorker(page);
    await page.getByRole('status').filter({ hasText: 'Ready to use offline' }).waitFor();

    // Visit a screen that loads on demand while online… and then go offline.
    await context.setOffline(true);
    for (const [path, heading] of [
      ['/', 'Understand your Universal Credit messages'],
      ['/explain', 'Explain a message'],
      ['/helpers', 'Write to DWP'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    }
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Write to DWP' }).waitFor();

    // The explainer itself works with no signal.
    await page.goto('/explain');
    await page.getByLabel('Your message').fill(SAMPLE_MRN);
    await expect(page.locator('section.result h2').textContent()).resolves.toMatch(/reconsideration notice/i);

    // Back online, a new visit does not repeat the offline message.
    await context.setOffline(false);
    await page.goto('/');
    await waitForApp(page);
    await expect(page.getByRole('status').textContent()).resolves.not.toContain('Ready to use offline');
    await context.close();
  });

  it('works offline in the chosen language on screens not yet visited', async () => {
    const { context, page } = await welshVisitWithWorker();
    await context.setOffline(true);
    for (const [path, title] of [
      ['/explain', WELSH_EXPLAIN_TITLE],
      ['/helpers', WELSH_HELPERS_TITLE],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('cy');
    }
    await page.getByRole('heading', { level: 1 }).waitFor();
    await context.close();
  });

  it("a new version brings a kept language's words up to date and drops the old version's", async () => {
    const visit = await welshVisitWithWorker();
    const context = visit.context;
    let page = visit.page;
    const keptWelsh = () => keptWelshFiles(page);
    const before = await keptWelsh();
    // A language being picked while the new version takes over: its file is kept before its list is.
    // (Put first: an old worker deleting in the cache's order reaches it before the old Welsh file below.)
    const justPicked = '/assets/locales/ar-explain-justPick.json';
    await page.evaluate(async (path) => (await caches.open('locales')).put(path, new Response('{}')), justPicked);
    // A file an older version named, still kept.
    await page.evaluate(async () => (await caches.open('locales')).put('/assets/locales/cy-explain-0ldVers1.json', new Response('{}')));

    // The next release: the Welsh explain words have a new name, and a new sw.js.
    const manifestPath = '/locales/cy.json';
    const originalManifest = harness.files.get(manifestPath)!;
    const manifest = JSON.parse(originalManifest.body.toString('utf8')) as { urls: Record<string, string> };
    const oldExplain = manifest.urls.explain!;
    const newExplain = oldExplain.replace(/-[\w-]{8}\.json$/, '-n3wVers1.json');
    expect(newExplain).not.toBe(oldExplain);
    const release = {
      [manifestPath]: {
        ...originalManifest,
        body: Buffer.from(JSON.stringify({ ...manifest, urls: { ...manifest.urls, explain: newExplain } })),
        gzip: undefined,
        brotli: undefined,
      },
      [newExplain]: harness.files.get(oldExplain)!,
    };
    for (const [path, file] of Object.entries(release)) harness.files.set(path, file);
    const oldWorkerBack = releaseNewWorker();
    try {
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      // The new worker has installed; it takes over once no page uses the old one (all tabs closed, then a new visit).
      await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting), undefined, { timeout: 30_000 });
      // Closing the last page and opening a new one can race: the new visit may still be served by the old worker,
      // which then keeps the new one waiting. Visit again (close, open) until the new worker has taken over.
      await expect
        .poll(
          async () => {
            await page.close();
            page = await context.newPage();
            await page.goto('/');
            await waitForApp(page);
            return page.evaluate(async () => !(await navigator.serviceWorker.getRegistration())?.waiting);
          },
          { timeout: 60_000 },
        )
        .toBe(true);
      // Once the new version has taken over: the new file is kept, the two older ones are gone, the rest stay.
      const expected = [...before.filter((path) => path !== oldExplain), newExplain].sort();
      await expect.poll(keptWelsh, { timeout: 30_000 }).toEqual(expected);
      // Only the languages whose lists it read lose files: the Arabic one fetched meanwhile stays.
      await expect(page.evaluate(async (path) => Boolean(await (await caches.open('locales')).match(path)), justPicked)).resolves.toBe(true);
    } finally {
      harness.files.set(manifestPath, originalManifest);
      oldWorkerBack();
      harness.files.delete(newExplain);
    }
    await context.close();
  });

  it('"Reload to update" in Welsh finishes while the connection hangs on fetching the Welsh words', async () => {
    const { context, page } = await welshVisitWithWorker();
    const oldWorkerBack = releaseNewWorker();
    // The new version's take-over asks for the kept language's file list again: the signal drops there.
    const release = harness.stall('/locales/cy.json');
    try {
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const reload = page.getByRole('button', { name: WELSH_RELOAD });
      await reload.waitFor({ timeout: 30_000 });
      await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), reload.click()]);
      await waitForApp(page);
      await expect(page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).resolves.toMatch(/\/sw\.js$/);
      await expect(page.getByRole('button', { name: WELSH_RELOAD }).count()).resolves.toBe(0);
      // The words already kept are still there: nothing was dropped for want of a signal.
      await expect(keptWelshFiles(page).then((files) => files.length)).resolves.toBeGreaterThanOrEqual(6);
    } finally {
      release();
      oldWorkerBack();
    }
    await context.close();
  });

  it('offers "Reload to update" for a new version and keeps what was typed', async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await page.goto('/explain');
    await waitForApp(page);
    await waitForServiceWorker(page);
    await page.getByLabel('Your message').fill('Your claim has been closed.');

    // A new release: the server now answers with a different sw.js.
    const oldWorkerBack = releaseNewWorker();
    try {
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const reload = page.getByRole('button', { name: 'Reload to update' });
      await reload.waitFor({ timeout: 30_000 });
      await Promise.all([page.waitForEvent('load'), reload.click()]);
      await waitForApp(page);
      await expect(page.getByLabel('Your message').inputValue()).resolves.toBe('Your claim has been closed.');
      await expect(page.getByRole('button', { name: 'Reload to update' }).count()).resolves.toBe(0);
    } finally {
      oldWorkerBack();
    }
    await context.close();
  });
});
