// Letter-mode image pipeline (src/worker/image-worker.ts) in real Chromium.
// The worker is bundled here with esbuild and served at /test/image-worker.js
// next to the production build, so the shipped bundle stays untouched while
// the real worker code runs in a real browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';

const WORKER_URL = '/test/image-worker.js';
const MAX_OUTPUT_BYTES = 150 * 1024;
const TESSERACT = '/usr/bin/tesseract';

let harness: Harness;
let page: Page;
let tempDir: string;

beforeAll(async () => {
  harness = await startHarness();
  const bundle = await build({
    entryPoints: ['src/worker/image-worker.ts'],
    bundle: true,
    format: 'esm',
    target: 'es2020',
    write: false,
  });
  const output = bundle.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  harness.files.set(WORKER_URL, {
    body: Buffer.from(output.contents),
    type: 'text/javascript; charset=utf-8',
    cacheControl: 'no-store',
  });
  const context = await harness.newContext({ serviceWorkers: 'block' });
  page = await context.newPage();
  page.on('console', (message) => console.log(`[page] ${message.text()}`));
  await page.goto('/');
  tempDir = mkdtempSync(join(tmpdir(), 'image-pipeline-'));
});

afterAll(async () => {
  await harness?.close();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
});

type Reply = { ok: true; mime: string; width: number; height: number; originalBytes: number; size: number; hasExif: boolean } | { ok: false; error: string };

/** Sends a blob built in the page through the worker; returns the reply without the bytes. */
async function sendThroughWorker(page: Page, kind: 'text' | 'random-jpeg'): Promise<Reply> {
  return page.evaluate(
    async ({ kind, url }) => {
      const file =
        kind === 'text'
          ? new Blob(['Dear claimant, this is not a picture.'], { type: 'text/plain' })
          : new Blob([crypto.getRandomValues(new Uint8Array(50_000))], { type: 'image/jpeg' });
      const worker = new Worker(url, { type: 'module' });
      try {
        const data = await new Promise<Record<string, unknown>>((resolve, reject) => {
          worker.onmessage = (event: MessageEvent<Record<string, unknown>>) => resolve(event.data);
          worker.onerror = (event) => reject(new Error(event.message));
          worker.postMessage({ id: 7, file });
        });
        if (data.id !== 7) throw new Error('reply has the wrong id');
        return data.ok ? ({ ok: true } as never) : { ok: false as const, error: String(data.error) };
      } finally {
        worker.terminate();
      }
    },
    { kind, url: WORKER_URL },
  );
}

interface LetterResult {
  reply: Reply;
  inputBytes: number;
  inputHasExif: boolean;
  ms: number;
  outputBase64: string;
  ocrPngBase64: string;
}

let letter: LetterResult | undefined;

describe('letter-mode image pipeline (worker, real Chromium)', () => {
  it('shrinks a 12-MP photo of a DWP letter to ≤ 150 KB, long side ≤ 1600 px, no EXIF', async () => {
    letter = await page.evaluate(async (url): Promise<LetterResult> => {
      // --- A realistic 4000 × 3000 photo of a letter --------------------------
      const W = 4000;
      const H = 3000;
      const canvas = new OffscreenCanvas(W, H);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      // Off-white paper, lit unevenly from one side.
      const light = ctx.createLinearGradient(0, 0, W, H);
      light.addColorStop(0, '#f7f4ec');
      light.addColorStop(0.6, '#ebe6da');
      light.addColorStop(1, '#d9d3c4');
      ctx.fillStyle = light;
      ctx.fillRect(0, 0, W, H);
      // Slightly skewed, as a hand-held photo would be.
      ctx.save();
      ctx.translate(W / 2, H / 2);
      ctx.rotate((0.6 * Math.PI) / 180);
      ctx.translate(-W / 2, -H / 2);
      ctx.fillStyle = '#2e2e30';
      ctx.textBaseline = 'alphabetic';
      ctx.font = '600 62px "DejaVu Sans", "Liberation Sans", sans-serif';
      ctx.fillText('Department for Work and Pensions', 260, 260);
      ctx.fillText('Universal Credit Service Centre', 260, 340);
      ctx.font = 'bold 80px "DejaVu Sans", "Liberation Sans", sans-serif';
      ctx.fillText('Mandatory Reconsideration Notice', 260, 620);
      ctx.font = '64px "DejaVu Sans", "Liberation Sans", sans-serif';
      const lines = [
        'Date of this notice: 9 November 2026',
        '',
        'We have looked at the decision again.',
        'We have not changed the decision about your',
        'Universal Credit.',
        '',
        'You can appeal to an independent tribunal.',
        'Use form SSCS1 to appeal within one month.',
      ];
      lines.forEach((line, i) => ctx.fillText(line, 260, 820 + i * 110));
      ctx.restore();
      // Sensor noise.
      const image = ctx.getImageData(0, 0, W, H);
      const px = image.data;
      let seed = 12345;
      for (let i = 0; i < px.length; i += 4) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const n = ((seed >> 16) % 17) - 8;
        px[i] = (px[i] ?? 0) + n;
        px[i + 1] = (px[i + 1] ?? 0) + n;
        px[i + 2] = (px[i + 2] ?? 0) + n;
      }
      ctx.putImageData(image, 0, 0);
      const plain = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });

      // Splice in an EXIF APP1 segment (orientation 1 and a fake GPS note), as
      // a phone camera would, so "no EXIF in the output" means something.
      const note = new TextEncoder().encode('GPS 51.5007N 0.1246W');
      const tiff = new Uint8Array([
        0x49,
        0x49,
        0x2a,
        0x00,
        0x08,
        0x00,
        0x00,
        0x00, // little-endian TIFF, IFD0 at 8
        0x01,
        0x00, // one entry
        0x12,
        0x01,
        0x03,
        0x00,
        0x01,
        0x00,
        0x00,
        0x00,
        0x01,
        0x00,
        0x00,
        0x00, // Orientation = 1
        0x00,
        0x00,
        0x00,
        0x00, // no next IFD
      ]);
      const payload = new Uint8Array([...new TextEncoder().encode('Exif\0\0'), ...tiff, ...note]);
      const length = payload.length + 2;
      const app1 = new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff, ...payload]);
      const original = new Uint8Array(await plain.arrayBuffer());
      const file = new Blob([original.subarray(0, 2), app1, original.subarray(2)], { type: 'image/jpeg' });

      const hasExif = (bytes: Uint8Array): boolean => {
        for (let i = 0; i + 3 < bytes.length; i++) {
          if (bytes[i] === 0x45 && bytes[i + 1] === 0x78 && bytes[i + 2] === 0x69 && bytes[i + 3] === 0x66) return true;
        }
        return false;
      };
      const toBase64 = async (blob: Blob): Promise<string> => {
        const dataUrl = await new Promise<string>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(String(reader.result));
          reader.onerror = () => reject(reader.error);
          reader.readAsDataURL(blob);
        });
        return dataUrl.slice(dataUrl.indexOf(',') + 1);
      };

      // --- Through the worker -------------------------------------------------
      const worker = new Worker(url, { type: 'module' });
      const started = performance.now();
      const data = await new Promise<Record<string, unknown>>((resolve, reject) => {
        worker.onmessage = (event: MessageEvent<Record<string, unknown>>) => resolve(event.data);
        worker.onerror = (event) => reject(new Error(event.message));
        worker.postMessage({ id: 1, file });
      });
      const ms = performance.now() - started;
      worker.terminate();
      const inputBytes = file.size;
      const inputHasExif = hasExif(new Uint8Array(await file.slice(0, 4096).arrayBuffer()));
      if (data.id !== 1 || data.ok !== true || !(data.bytes instanceof ArrayBuffer)) {
        return { reply: { ok: false, error: String(data.error) }, inputBytes, inputHasExif, ms, outputBase64: '', ocrPngBase64: '' };
      }
      const mime = String(data.mime);
      const bytes = new Uint8Array(data.bytes);
      const output = new Blob([bytes], { type: mime });
      // For OCR only: decode the output and hand tesseract a PNG.
      const bitmap = await createImageBitmap(output);
      const ocrCanvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      ocrCanvas.getContext('2d')?.drawImage(bitmap, 0, 0);
      bitmap.close();
      const png = await ocrCanvas.convertToBlob({ type: 'image/png' });
      return {
        reply: {
          ok: true,
          mime,
          width: Number(data.width),
          height: Number(data.height),
          originalBytes: Number(data.originalBytes),
          size: bytes.byteLength,
          hasExif: hasExif(bytes),
        },
        inputBytes,
        inputHasExif,
        ms,
        outputBase64: await toBase64(output),
        ocrPngBase64: await toBase64(png),
      };
    }, WORKER_URL);

    const { reply, inputBytes, inputHasExif, ms } = letter;
    expect(inputHasExif).toBe(true);
    expect(inputBytes).toBeGreaterThan(1_000_000);
    expect(reply).toMatchObject({ ok: true, originalBytes: inputBytes });
    if (!reply.ok) return;
    expect(['image/webp', 'image/jpeg']).toContain(reply.mime);
    expect(reply.size).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
    expect(Math.max(reply.width, reply.height)).toBeLessThanOrEqual(1600);
    expect(reply.width / reply.height).toBeCloseTo(4 / 3, 1);
    expect(reply.hasExif).toBe(false);
    expect(Buffer.from(letter.outputBase64, 'base64').includes('Exif')).toBe(false);
    console.log(
      `letter mode: ${(inputBytes / 1024 / 1024).toFixed(2)} MB 4000×3000 JPEG → ` +
        `${(reply.size / 1024).toFixed(1)} KB ${reply.mime} ${reply.width}×${reply.height} in ${Math.round(ms)} ms`,
    );
  }, 120_000);

  it.skipIf(!existsSync(TESSERACT))(
    'keeps the letter readable (tesseract OCR)',
    () => {
      expect(letter?.reply.ok).toBe(true);
      if (!letter) return;
      const file = join(tempDir, 'letter.png');
      writeFileSync(file, Buffer.from(letter.ocrPngBase64, 'base64'));
      const text = execFileSync(TESSERACT, [file, 'stdout'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      const found = ['Reconsideration', 'tribunal', 'SSCS1'].filter((word) => text.toLowerCase().includes(word.toLowerCase()));
      console.log(`OCR found: ${found.join(', ')}\n--- OCR text ---\n${text.trim()}`);
      expect(found).toEqual(['Reconsideration', 'tribunal', 'SSCS1']);
    },
    60_000,
  );

  it("reports 'not-an-image' for a text file", async () => {
    await expect(sendThroughWorker(page, 'text')).resolves.toEqual({ ok: false, error: 'not-an-image' });
  });

  it("reports 'corrupt' for random bytes labelled image/jpeg", async () => {
    await expect(sendThroughWorker(page, 'random-jpeg')).resolves.toEqual({ ok: false, error: 'corrupt' });
  });
});
