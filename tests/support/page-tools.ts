// Node helpers shared by the page-cleaning tests and `npm run bench:image`:
// decode a photo the way the image worker does (upright, bounded size), run
// Debian's tesseract on a file, and score how many of a letter's words came
// back (word recall).
import sharp from 'sharp';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { MAX_CLEAN_PIXELS } from '../../src/worker/page/limits';

export const TESSERACT = process.env.TESSERACT_PATH ?? '/usr/bin/tesseract';
export const hasTesseract = () => existsSync(TESSERACT);

export interface Rgba {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Upright (EXIF applied) and scaled down to at most `maxPixels`, as the worker decodes it. */
export async function decodePhoto(file: string | Buffer, maxPixels = MAX_CLEAN_PIXELS): Promise<Rgba> {
  const meta = await sharp(file).metadata();
  const width = meta.autoOrient.width;
  const height = meta.autoOrient.height;
  const scale = Math.min(1, Math.sqrt(maxPixels / (width * height)));
  const { data, info } = await sharp(file)
    .rotate()
    .resize(Math.round(width * scale), Math.round(height * scale), { kernel: 'lanczos3' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

/** zlib at the level browsers' CompressionStream uses by default. */
export const nodeDeflate = async (data: Uint8Array) => new Uint8Array(deflateSync(data, { level: 6 }));

const run = promisify(execFile);

export async function tesseractText(file: string): Promise<string> {
  const { stdout } = await run(TESSERACT, [file, 'stdout', '-l', 'eng'], { maxBuffer: 16 * 1024 * 1024, env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
  return stdout;
}

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^a-z0-9£@.'/-]+/)
    .map((word) => word.replace(/^[^a-z0-9£]+|[^a-z0-9]+$/g, ''))
    .filter((word) => word.length >= 2);
}

/** Share of the expected words found in the OCR text (each found word used once). */
export function wordRecall(expected: string, ocr: string): number {
  const found = new Map<string, number>();
  for (const word of words(ocr)) found.set(word, (found.get(word) ?? 0) + 1);
  const wanted = words(expected);
  let hits = 0;
  for (const word of wanted) {
    const left = found.get(word) ?? 0;
    if (left > 0) {
      hits++;
      found.set(word, left - 1);
    }
  }
  return wanted.length ? hits / wanted.length : 1;
}
