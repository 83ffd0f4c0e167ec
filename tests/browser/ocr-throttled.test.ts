// How long reading one 12 MP photo takes on a CPU four times slower (a
// cheap phone's stand-in). Chromium's CPU throttling (CDP
// Emulation.setCPUThrottlingRate) slows only a page's main thread; it
// refuses worker targets ("only supported for pages, not workers"). So this
// test runs the same code the two workers run, on a throttled main thread
// of a test page: the page-cleaning step (src/worker/page/) and tesseract.js's
// own worker script with the same WebAssembly core and English data. It is
// timed at 1× and at 4×, step by step (reported, not asserted: the machine
// is shared). Both readings must still get the MRN and its deadline right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startHarness, type Harness } from './harness';
import { photoSet, type PhotoSet } from '../support/letter-photos/generate';
import { explainNotice } from '../../src/shared/notices';
import { MAX_CLEAN_PIXELS } from '../../src/worker/page/limits';

let harness: Harness;
let set: PhotoSet;
let base: string;

const ENTRY = `
import tesseract from 'tesseract.js/src/worker-script/index.js';
import { cleanPhoto } from ${JSON.stringify(resolve('src/worker/page/clean-page.ts'))};
import { encodeInkPng } from ${JSON.stringify(resolve('src/worker/page/png.ts'))};
import { deflate } from ${JSON.stringify(resolve('src/worker/image/encode.ts'))};
import { fitWithin } from ${JSON.stringify(resolve('src/worker/image/sniff.ts'))};

tesseract.setAdapter({ getCore: async () => window.TesseractCore, gunzip: () => { throw new Error('already unzipped'); }, fetch: (url) => fetch(url), readCache: async () => undefined, writeCache: async () => {}, deleteCache: async () => {}, checkCache: async () => false });

let job = 0;
const call = (action, payload) => new Promise((resolve, reject) =>
  tesseract.dispatchHandlers({ workerId: 'main', jobId: action + (job++), action, payload }, (packet) => {
    if (packet.status === 'resolve') resolve(packet.data);
    if (packet.status === 'reject') reject(new Error(String(packet.data)));
  }));

export async function run(photoUrl, langPath, maxPixels) {
  const photo = await (await fetch(photoUrl)).blob();
  const t0 = performance.now();
  const probe = await createImageBitmap(photo, { imageOrientation: 'from-image' });
  const size = fitWithin({ width: probe.width, height: probe.height }, Infinity, maxPixels);
  probe.close();
  const bitmap = await createImageBitmap(photo, { imageOrientation: 'from-image', resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(bitmap, 0, 0);
  const image = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  bitmap.close();
  const page = cleanPhoto(image.data, image.width, image.height);
  const png = await encodeInkPng(page, deflate);
  const t1 = performance.now();
  await call('load', { options: { lstmOnly: true, corePath: '', logging: false } });
  // The worker gunzips the language data itself; here the browser does it.
  const gz = await fetch(langPath + '/eng.traineddata.gz');
  const data = new Uint8Array(await new Response(gz.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  await call('loadLanguage', { langs: [{ code: 'eng', data }], options: { cacheMethod: 'none', lstmOnly: true } });
  await call('initialize', { langs: 'eng', oem: 1 });
  const t2 = performance.now();
  const result = await call('recognize', { image: png, options: {}, output: { text: true } });
  const t3 = performance.now();
  return { cleanMs: t1 - t0, startMs: t2 - t1, readMs: t3 - t2, text: result.text, pngBytes: png.length };
}
`;

beforeAll(async () => {
  [harness, set] = await Promise.all([startHarness(), photoSet()]);
  const worker = [...harness.files.keys()].find((path) => /^\/assets\/ocr\/[\w-]+\/worker\.min\.js$/.test(path));
  if (!worker) throw new Error('The OCR engine is not in the build');
  base = worker.replace('worker.min.js', '');
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    define: { global: 'window' },
  });
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; img-src 'self' blob:";
  const file = (body: Buffer | string, type: string) => ({ body: Buffer.from(body), type, cacheControl: 'no-store', contentSecurityPolicy: policy });
  harness.files.set('/test/throttle.js', file(Buffer.from(bundle.outputFiles[0]!.contents), 'text/javascript; charset=utf-8'));
  harness.files.set(
    '/test/throttle.html',
    file(`<!doctype html><meta charset="utf-8"><title>throttle</title><script src="${base}tesseract-core-simd-lstm.js"></script>`, 'text/html; charset=utf-8'),
  );
  const photo = set.photos.find((p) => p.id === 'mrn')!;
  harness.files.set('/test/photo.jpg', file(readFileSync(join(set.dir, photo.file)), 'image/jpeg'));
}, 300_000);
afterAll(async () => harness?.close());

interface Timing {
  cleanMs: number;
  startMs: number;
  readMs: number;
  text: string;
  pngBytes: number;
}

async function timeAt(rate: number): Promise<Timing> {
  const context = await harness.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto('/test/throttle.html');
  await page.waitForFunction(() => typeof (window as unknown as { TesseractCore?: unknown }).TesseractCore === 'function');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const timing = (await page.evaluate(
    `import('/test/throttle.js').then((m) => m.run('/test/photo.jpg', ${JSON.stringify(base.replace(/\/$/, ''))}, ${MAX_CLEAN_PIXELS}))`,
  )) as Timing;
  await context.close();
  return timing;
}

describe('OCR of one 12 MP photo on a slow CPU', () => {
  it('reads the MRN photo at 1× and 4× CPU throttling, and reports each step', async () => {
    const plain = await timeAt(1);
    const slow = await timeAt(4);
    const line = (label: string, t: Timing) =>
      `${label}: clean ${(t.cleanMs / 1000).toFixed(1)} s, start engine ${(t.startMs / 1000).toFixed(1)} s, read ${(t.readMs / 1000).toFixed(1)} s; total ${((t.cleanMs + t.startMs + t.readMs) / 1000).toFixed(1)} s`;
    console.log(line('1× CPU', plain));
    console.log(line('4× CPU throttling', slow));
    mkdirSync('.reports', { recursive: true });
    writeFileSync(
      '.reports/ocr-throttled.json',
      JSON.stringify({ photo: 'mrn (4000 × 3000 JPEG)', plain: { ...plain, text: undefined }, throttled4x: { ...slow, text: undefined } }, null, 2),
    );
    for (const t of [plain, slow]) {
      const explained = explainNotice(t.text, { today: set.today });
      expect(explained.kind).toBe('mandatory-reconsideration-notice');
      expect(explained.deadlines[0]?.date).toBe('2026-12-14');
    }
  }, 600_000);
});
