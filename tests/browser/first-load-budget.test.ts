// The first-load budget, measured the way a phone pays for it: every byte the
// page fetches on a first visit (gzip, as our server sends it), icons aside,
// in every language. The service worker's background precache is reported,
// not budgeted. A repeat visit fetches nothing but the worker's update check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startHarness, waitForApp, waitForServiceWorker, type Harness } from './harness';
import { LANGUAGES } from '../../src/client/initial/i18n/languages';

const BUDGET_TOTAL = 40 * 1024;
const BUDGET_JS = 25 * 1024;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});

interface FirstVisit {
  total: number;
  js: number;
  files: { path: string; bytes: number }[];
}
const visits: Record<string, FirstVisit> = {};

afterAll(async () => {
  await harness?.close();
  if (Object.keys(visits).length === 0) return;
  const en = visits.en;
  const precache = harness
    ? [...harness.files.keys()].filter((path) => !/\.(png|svg|ico)$/.test(path) && !/locales\/(?!en[-.])/.test(path) && !path.startsWith('/assets/ocr/'))
    : [];
  const precacheBytes = precache.reduce((sum, path) => sum + gzipBytes(path), 0);
  mkdirSync('.reports', { recursive: true });
  const languages = Object.fromEntries(Object.entries(visits).map(([code, visit]) => [code, { total: visit.total, js: visit.js }]));
  writeFileSync('.reports/first-load.json', JSON.stringify({ total: en?.total, js: en?.js, precacheBytes, languages, files: en?.files }, null, 2));
  const largest = Object.entries(visits).sort(([, a], [, b]) => b.total - a.total)[0];
  console.log(
    `first load (gzip): en ${kb(en?.total)} KB in all, ${kb(en?.js)} KB JS; largest ${largest?.[0]} ${kb(largest?.[1].total)} KB; offline set ${kb(precacheBytes)} KB`,
  );
});

const kb = (bytes: number | undefined) => ((bytes ?? 0) / 1024).toFixed(1);

function gzipBytes(path: string): number {
  const file = harness.files.get(path === '/' ? '/index.html' : path);
  if (!file) throw new Error(`Not in the build: ${path}`);
  return file.gzip?.length ?? file.body.length;
}

/** A first visit to Home in this browser language (no service worker): what it fetched. */
async function firstVisit(code: string): Promise<{ counted: string[]; visit: FirstVisit }> {
  const context = await harness.newContext({ serviceWorkers: 'block', locale: code === 'en' ? 'en-GB' : code });
  const page = await context.newPage();
  const requested = new Set<string>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === harness.baseUrl) requested.add(url.pathname);
  });
  await page.goto('/', { waitUntil: 'networkidle' });
  await waitForApp(page);
  await page.waitForLoadState('networkidle');
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(code);
  await context.close();
  // Headless Chromium fetches the manifest only when it checks installability;
  // a phone fetches it on the first visit, so it always counts.
  requested.add('/manifest.webmanifest');
  const counted = [...requested].filter((path) => !/\.(png|svg|ico)$/.test(path));
  const files = counted.map((path) => ({ path, bytes: gzipBytes(path) }));
  const js = files.filter((file) => file.path.endsWith('.js')).reduce((sum, file) => sum + file.bytes, 0);
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  visits[code] = { total, js, files };
  return { counted, visit: visits[code] };
}

describe('first-load budget', () => {
  // Every language: the same first load, with only that language's words.
  describe.concurrent(`${BUDGET_TOTAL / 1024} KB in all, ${BUDGET_JS / 1024} KB of JavaScript (gzip)`, () => {
    for (const { code } of LANGUAGES) {
      it(`in ${code}, downloading only ${code} texts`, async ({ expect }) => {
        const { counted, visit } = await firstVisit(code);
        // One file of words, the language's own (its first-screen texts); no other language's.
        expect(counted.filter((path) => path.includes('/locales/'))).toEqual([`/locales/${code}.json`]);
        expect(
          counted.filter((path) => path.startsWith('/assets/ocr/')),
          'the OCR engine is never in the first load',
        ).toEqual([]);
        // i18next and the screens load when a screen needs them, not for Home.
        const i18nextChunk = [...harness.files.keys()].find((path) => /^\/assets\/i18n-[\w-]+\.js$/.test(path));
        expect(i18nextChunk, 'the build has an i18next chunk').toBeDefined();
        expect(counted).not.toContain(i18nextChunk);
        expect(visit.js).toBeLessThanOrEqual(BUDGET_JS);
        expect(visit.total).toBeLessThanOrEqual(BUDGET_TOTAL);
      });
    }
  });

  it("loads the explainer's trained model in its worker with the Explain screen, never in the first download", () => {
    const weights = /weights:\s+'([^']{40})/.exec(readFileSync('src/shared/notices/model.generated.ts', 'utf8'))?.[1] ?? 'no weights';
    const withModel = [...harness.files.keys()].filter((path) => path.endsWith('.js') && harness.files.get(path)!.body.includes(weights));
    // Explain and a saved notice run the explainer in a worker (src/worker/explain-worker.ts), off the
    // page's thread; sending an item loads a page-side copy for its deadline hint
    // (services/deadline-hints.ts); the adviser's desk has its own copy in the adviser's folder.
    const modelChunks = withModel.filter((path) => !path.startsWith('/assets/adviser/'));
    expect(
      modelChunks.filter((path) => /^\/assets\/explain-worker-[\w-]+\.js$/.test(path)),
      "the explainer's worker holds the model",
    ).toHaveLength(1);
    const first = visits.en?.files.map((file) => file.path) ?? [];
    expect(first.length).toBeGreaterThan(0);
    expect(first.filter((path) => modelChunks.includes(path))).toEqual([]);
    const gzip = modelChunks.reduce((sum, path) => sum + gzipBytes(path), 0);
    mkdirSync('.reports', { recursive: true });
    writeFileSync('.reports/explainer-model.json', JSON.stringify({ chunks: modelChunks, gzip }, null, 2));
    console.log(`explainer model chunk ${kb(gzip)} KB gzip (its worker, loaded with the Explain screen)`);
  });

  it('keeps the map of every language out of the first download', () => {
    const first = visits.en?.files.map((file) => file.path).filter((path) => path.endsWith('.js')) ?? [];
    expect(first.length).toBeGreaterThan(0);
    for (const path of first) {
      const code = harness.files.get(path)!.body.toString('utf8');
      expect(code, path).not.toMatch(/assets\/locales\//);
      expect(code, path).not.toMatch(/cy-common|cy-explain/);
    }
  });

  it('never puts the OCR engine in the precache', () => {
    const sw = harness.files.get('/sw.js')!.body.toString('utf8');
    expect(sw).not.toMatch(/"url":\s*"assets\/ocr\//);
    const engine = [...harness.files.keys()].filter((path) => path.startsWith('/assets/ocr/'));
    expect(engine.length).toBeGreaterThan(5);
    // What a claimant downloads when they first read a photo (English, SIMD core).
    const files = ['worker.min.js', 'tesseract-core-simd-lstm.js', 'tesseract-core-simd-lstm.wasm', 'eng.traineddata.gz', 'cym.traineddata.gz'];
    const base = engine.find((path) => path.endsWith('/worker.min.js'))!.replace('worker.min.js', '');
    const wire = (name: string) =>
      name.endsWith('.gz') ? harness.files.get(base + name)!.body.length : gzipSync(harness.files.get(base + name)!.body, { level: 6 }).length;
    const english = files.slice(0, 4).reduce((sum, name) => sum + wire(name), 0);
    const welsh = wire('cym.traineddata.gz');
    const chunk = engine.filter((path) => /\/[\w-]+-[\w-]{8}\.js$/.test(path)).reduce((sum, path) => sum + gzipBytes(path), 0);
    mkdirSync('.reports', { recursive: true });
    writeFileSync('.reports/ocr-engine.json', JSON.stringify({ englishBytes: english + chunk, welshExtraBytes: welsh }, null, 2));
    console.log(
      `OCR engine, on first use: ${((english + chunk) / 1e6).toFixed(2)} MB for English (gzip where compressible), + ${(welsh / 1e6).toFixed(2)} MB for Welsh`,
    );
  });

  /** What each cache keeps of the words, and when each was fetched: said if the repeat visit fetches any. */
  const keptWords = (page: Page) =>
    page.evaluate(async () =>
      Object.fromEntries(
        await Promise.all(
          (await caches.keys()).map(async (name) => {
            const cache = await caches.open(name);
            const entries = (await cache.keys()).filter((request) => request.url.includes('locales'));
            return [
              name,
              await Promise.all(entries.map(async (request) => `${new URL(request.url).pathname} ${(await cache.match(request))?.headers.get('date')}`)),
            ];
          }),
        ),
      ),
    );

  // With the service worker in charge, opening the app again (and moving to
  // another screen) is served from the phone: the server sees nothing but
  // the worker's update check, in English (precached) and in Arabic (kept
  // when first used).
  for (const code of ['en', 'ar']) {
    it(`fetches nothing on a repeat visit but the service worker's update check (${code})`, async () => {
      const context = await harness.newContext({ locale: code === 'en' ? 'en-GB' : code });
      const page = await context.newPage();
      await page.goto('/');
      await waitForApp(page);
      await waitForServiceWorker(page);
      await page.waitForLoadState('networkidle');
      // The language's files are kept in the background: wait until they are.
      await page.waitForFunction(
        async (language) => {
          if (language === 'en') return true;
          const manifest = await caches.match(`/locales/${language}.json`);
          if (!manifest) return false;
          const { urls } = (await manifest.json()) as { urls: Record<string, string> };
          const kept = await Promise.all(Object.values(urls).map((url) => caches.match(url)));
          return kept.every(Boolean);
        },
        code,
        { timeout: 30_000, polling: 250 },
      );
      // The first page may still be fetching a file twice (the worker took
      // charge mid-way and the page asked again): close it and let the server
      // go quiet for a second before counting.
      const keptBeforeSecondVisit = await keptWords(page);
      await page.close();
      for (let seen = -1; seen !== harness.requestLog.length;) {
        seen = harness.requestLog.length;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      const whileGoingQuiet = harness.requestLog.splice(0);
      // Who asked for what (the page or its service worker): said if this fails.
      const asked: string[] = [];
      context.on('request', (request) => asked.push(`${request.serviceWorker() ? 'worker' : 'page'} ${request.method()} ${new URL(request.url()).pathname}`));

      const again = await context.newPage();
      await again.goto('/');
      await waitForApp(again);
      await expect(again.evaluate(() => document.documentElement.dir)).resolves.toBe(code === 'ar' ? 'rtl' : 'ltr');
      await again.locator('.site-nav a[href="/explain"]').click();
      await again.locator('#notice-text').waitFor();
      await again.waitForLoadState('networkidle');
      const fetched = harness.requestLog.filter((request) => request !== 'GET /sw.js');
      if (fetched.length > 0) {
        console.log(
          JSON.stringify(
            {
              now: new Date().toUTCString(),
              keptBeforeSecondVisit,
              whileGoingQuiet,
              asked,
              kept: await keptWords(again),
              controlled: await again.evaluate(() => Boolean(navigator.serviceWorker.controller)),
            },
            null,
            1,
          ),
        );
      }
      expect(fetched).toEqual([]);
      await context.close();
    });
  }
});
