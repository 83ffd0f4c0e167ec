// The first-load budget, measured the way a phone pays for it: every byte the
// page fetches on a first visit (gzip, as our server sends it), icons aside.
// The service worker's background precache is reported, not budgeted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { startHarness, waitForApp, type Harness } from './harness';
import { LANGUAGES } from '../../src/client/initial/i18n/languages';

const BUDGET_TOTAL = 60 * 1024;
const BUDGET_JS = 35 * 1024;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

function gzipBytes(path: string): number {
  const file = harness.files.get(path === '/' ? '/index.html' : path);
  if (!file) throw new Error(`Not in the build: ${path}`);
  return file.gzip?.length ?? file.body.length;
}

describe('first-load budget', () => {
  it(`stays within ${BUDGET_TOTAL / 1024} KB in all and ${BUDGET_JS / 1024} KB of JavaScript (gzip)`, async () => {
    const context = await harness.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const requested = new Set<string>();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === harness.baseUrl) requested.add(url.pathname);
    });
    await page.goto('/', { waitUntil: 'networkidle' });
    await waitForApp(page);
    await page.waitForLoadState('networkidle');

    // Headless Chromium fetches the manifest only when it checks installability;
    // a phone fetches it on the first visit, so it always counts.
    requested.add('/manifest.webmanifest');
    const counted = [...requested].filter((path) => !/\.(png|svg|ico)$/.test(path));
    const sizes = counted.map((path) => ({ path, bytes: gzipBytes(path) }));
    const js = sizes.filter((s) => s.path.endsWith('.js')).reduce((sum, s) => sum + s.bytes, 0);
    const total = sizes.reduce((sum, s) => sum + s.bytes, 0);

    // Everything the service worker fetches afterwards for offline use (the
    // OCR engine is not: it is fetched only when someone asks to read a photo).
    const precache = [...harness.files.keys()].filter(
      (path) => !/\.(png|svg|ico)$/.test(path) && !/locales\/(?!en-)/.test(path) && !path.startsWith('/assets/ocr/'),
    );
    const precacheBytes = precache.reduce((sum, path) => sum + gzipBytes(path), 0);

    // The explainer's trained model comes with the Explain screen, never in the first download.
    const weights = /weights:\s+'([^']{40})/.exec(readFileSync('src/shared/notices/model.generated.ts', 'utf8'))?.[1] ?? 'no weights';
    const modelChunks = [...harness.files.keys()].filter((path) => path.endsWith('.js') && harness.files.get(path)!.body.includes(weights));
    const modelBytes = modelChunks.reduce((sum, path) => sum + gzipBytes(path), 0);

    mkdirSync('.reports', { recursive: true });
    writeFileSync(
      '.reports/first-load.json',
      JSON.stringify({ total, js, precacheBytes, explainerModel: { chunks: modelChunks, gzip: modelBytes }, files: sizes }, null, 2),
    );
    console.log(
      `first load: ${(total / 1024).toFixed(1)} KB total, ${(js / 1024).toFixed(1)} KB JS (gzip); offline set ${(precacheBytes / 1024).toFixed(1)} KB; ` +
        `explainer model chunk ${(modelBytes / 1024).toFixed(1)} KB gzip (loaded with the Explain screen)`,
    );
    expect(modelChunks, 'the trained model must be in the build').toHaveLength(1);
    expect(
      counted.filter((path) => modelChunks.includes(path)),
      'the model must not be in the first download',
    ).toEqual([]);

    expect(counted.some((path) => /locales\/en-common-/.test(path))).toBe(true);
    expect(
      counted.filter((path) => path.startsWith('/assets/ocr/')),
      'the OCR engine is never in the first load',
    ).toEqual([]);
    expect(
      counted.some((path) => /locales\/cy-/.test(path)),
      'Welsh must not be downloaded for an English reader',
    ).toBe(false);
    expect(js).toBeLessThanOrEqual(BUDGET_JS);
    expect(total).toBeLessThanOrEqual(BUDGET_TOTAL);
    await context.close();
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
    writeFileSync('.reports/ocr-engine.json', JSON.stringify({ englishBytes: english + chunk, welshExtraBytes: welsh }, null, 2));
    console.log(
      `OCR engine, on first use: ${((english + chunk) / 1e6).toFixed(2)} MB for English (gzip where compressible), + ${(welsh / 1e6).toFixed(2)} MB for Welsh`,
    );
  });

  // Every language: the same first load, with only that language's file.
  for (const { code } of LANGUAGES.filter((language) => language.code !== 'en')) {
    it(`stays within budget in ${code}, downloading only ${code} texts`, async () => {
      const context = await harness.newContext({ serviceWorkers: 'block', locale: code });
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
      requested.add('/manifest.webmanifest');
      const counted = [...requested].filter((path) => !/\.(png|svg|ico)$/.test(path));
      const locales = counted.map((path) => /assets\/locales\/([a-z]+)-/.exec(path)?.[1]).filter(Boolean);
      expect(new Set(locales)).toEqual(new Set([code]));
      const bytes = counted.map((path) => ({ path, bytes: gzipBytes(path) }));
      const js = bytes.filter((b) => b.path.endsWith('.js')).reduce((sum, b) => sum + b.bytes, 0);
      const total = bytes.reduce((sum, b) => sum + b.bytes, 0);
      expect(js).toBeLessThanOrEqual(BUDGET_JS);
      expect(total).toBeLessThanOrEqual(BUDGET_TOTAL);
      await context.close();
    });
  }
});
