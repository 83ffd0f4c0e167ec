// "Letter mode" image pipeline, run in a module Web Worker so the page stays
// responsive on cheap phones. A photo of a DWP letter becomes a small,
// greyscale, high-contrast WebP (or JPEG) for forwarding to an adviser.
//
// Privacy: the output is re-encoded from raw pixels on an OffscreenCanvas, so
// EXIF, GPS location, camera details and any other metadata in the original
// file are dropped by construction — nothing but pixels is carried across.

import type { ImageWorkerErrorCode, ImageWorkerRequest, ImageWorkerResponse, ImageWorkerSuccess } from './image-messages';

export const MAX_INPUT_BYTES = 40 * 1024 * 1024;
export const MAX_SIDE = 20_000;
export const MAX_PIXELS = 100_000_000;
export const MAX_OUTPUT_LONG_SIDE = 1600;
export const MAX_OUTPUT_BYTES = 150 * 1024;
const QUALITIES = [0.8, 0.7, 0.6, 0.5, 0.4];
const SHRINK = 0.85;
const MIN_LONG_SIDE = 64;

class PipelineError extends Error {
  constructor(readonly code: ImageWorkerErrorCode) {
    super(code);
  }
}

interface Size {
  width: number;
  height: number;
}

// --- Cheap dimension sniffing (headers only, no decode) --------------------
// Lets us refuse decompression bombs before asking the browser to allocate a
// full-size bitmap. Orientation does not matter for these limits.

function sniffSize(b: Uint8Array): Size | null {
  const at = (i: number): number => b[i] ?? 0;
  const be16 = (i: number): number => (at(i) << 8) | at(i + 1);
  const le16 = (i: number): number => at(i) | (at(i + 1) << 8);
  const le24 = (i: number): number => at(i) | (at(i + 1) << 8) | (at(i + 2) << 16);
  const ascii = (i: number, s: string): boolean => [...s].every((c, k) => at(i + k) === c.charCodeAt(0));

  // PNG: IHDR is always the first chunk.
  if (ascii(1, 'PNG') && at(0) === 0x89 && ascii(12, 'IHDR')) {
    const width = ((at(16) << 24) | (at(17) << 16) | (at(18) << 8) | at(19)) >>> 0;
    const height = ((at(20) << 24) | (at(21) << 16) | (at(22) << 8) | at(23)) >>> 0;
    return { width, height };
  }
  // GIF: logical screen size.
  if (ascii(0, 'GIF8')) return { width: le16(6), height: le16(8) };
  // WebP: simple lossy, lossless or extended.
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) {
    if (ascii(12, 'VP8X')) return { width: le24(24) + 1, height: le24(27) + 1 };
    if (ascii(12, 'VP8L')) {
      const bits = (at(21) | (at(22) << 8) | (at(23) << 16) | (at(24) << 24)) >>> 0;
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (ascii(12, 'VP8 ')) return { width: le16(26) & 0x3fff, height: le16(28) & 0x3fff };
    return null;
  }
  // JPEG: walk the markers to the first start-of-frame.
  if (at(0) === 0xff && at(1) === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (at(i) !== 0xff) return null;
      const marker = at(i + 1);
      if (marker === 0xff) {
        i += 1;
        continue;
      }
      const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isSof) return { width: be16(i + 7), height: be16(i + 5) };
      if (marker === 0xd9 || marker === 0xda) return null;
      i += 2 + be16(i + 2);
    }
  }
  return null;
}

function checkSize({ width, height }: Size): void {
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) throw new PipelineError('too-large');
}

// --- Decoding -----------------------------------------------------------------

function decodeFailure(file: Blob): PipelineError {
  const type = file.type.toLowerCase();
  if (!type.startsWith('image/')) return new PipelineError('not-an-image');
  // Formats this browser cannot decode at all (e.g. HEIC on most Chromium).
  if (/^image\/(heic|heif|avif|jxl)/.test(type)) return new PipelineError('unsupported');
  return new PipelineError('corrupt');
}

async function decode(file: Blob, options: ImageBitmapOptions): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image', ...options });
  } catch {
    throw decodeFailure(file);
  }
}

function fitLongSide(size: Size, longSide: number): Size {
  const scale = Math.min(1, longSide / Math.max(size.width, size.height));
  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
}

/**
 * Returns a bitmap already scaled so its long side is at most
 * MAX_OUTPUT_LONG_SIDE. Peak memory: at most one full-size bitmap, which is
 * only used to learn the oriented dimensions and closed straight away.
 */
async function decodeScaled(file: Blob): Promise<ImageBitmap> {
  const full = await decode(file, {});
  const oriented: Size = { width: full.width, height: full.height };
  full.close();
  if (oriented.width === 0 || oriented.height === 0) throw decodeFailure(file);
  checkSize(oriented);

  const target = fitLongSide(oriented, MAX_OUTPUT_LONG_SIDE);
  if (target.width === oriented.width && target.height === oriented.height) return decode(file, {});
  const scaled = await decode(file, { resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'high' });
  if (scaled.width === target.width && scaled.height === target.height) return scaled;
  // Defensive: should a browser resize before applying EXIF orientation, fall
  // back to one full decode and scale it on the canvas instead.
  scaled.close();
  return decode(file, {});
}

// --- Letter-mode processing ---------------------------------------------------

function context2d(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new PipelineError('unsupported');
  return ctx;
}

/** Greyscale, then stretch contrast ignoring the darkest and lightest 1 %. */
export function greyscaleStretch(data: Uint8ClampedArray): void {
  const pixels = data.length / 4;
  const grey = new Uint8Array(pixels);
  const histogram = new Uint32Array(256);
  for (let p = 0, i = 0; p < pixels; p++, i += 4) {
    // Rec. 601 luma in fixed point.
    const y = (77 * (data[i] ?? 0) + 150 * (data[i + 1] ?? 0) + 29 * (data[i + 2] ?? 0)) >> 8;
    grey[p] = y;
    histogram[y] = (histogram[y] ?? 0) + 1;
  }
  const clip = Math.floor(pixels * 0.01);
  let low = 0;
  for (let seen = 0; low < 255; low++) {
    seen += histogram[low] ?? 0;
    if (seen > clip) break;
  }
  let high = 255;
  for (let seen = 0; high > 0; high--) {
    seen += histogram[high] ?? 0;
    if (seen > clip) break;
  }
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) {
    lut[v] = high > low ? Math.max(0, Math.min(255, Math.round(((v - low) * 255) / (high - low)))) : v;
  }
  for (let p = 0, i = 0; p < pixels; p++, i += 4) {
    const v = lut[grey[p] ?? 0] ?? 0;
    data[i] = v;
    data[i + 1] = v;
    data[i + 2] = v;
    data[i + 3] = 255;
  }
}

function render(bitmap: ImageBitmap, size: Size): OffscreenCanvas {
  const canvas = new OffscreenCanvas(size.width, size.height);
  const ctx = context2d(canvas);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.fillStyle = '#fff'; // transparent areas become paper, not black
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.drawImage(bitmap, 0, 0, size.width, size.height);
  const image = ctx.getImageData(0, 0, size.width, size.height);
  greyscaleStretch(image.data);
  ctx.putImageData(image, 0, 0);
  return canvas;
}

let webpSupported: boolean | undefined;

async function encode(canvas: OffscreenCanvas, quality: number): Promise<Blob> {
  if (webpSupported !== false) {
    const blob = await canvas.convertToBlob({ type: 'image/webp', quality });
    // Browsers without a WebP encoder silently return PNG.
    webpSupported = blob.type === 'image/webp';
    if (webpSupported) return blob;
  }
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

async function compress(file: Blob): Promise<Omit<ImageWorkerSuccess, 'id' | 'ok'>> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas === 'undefined') {
    throw new PipelineError('unsupported');
  }
  if (file.size > MAX_INPUT_BYTES) throw new PipelineError('too-large');
  if (file.size === 0) throw decodeFailure(file);

  const header = new Uint8Array(await file.slice(0, 512 * 1024).arrayBuffer());
  const sniffed = sniffSize(header);
  if (sniffed) checkSize(sniffed);

  const bitmap = await decodeScaled(file);
  try {
    let size = fitLongSide(bitmap, MAX_OUTPUT_LONG_SIDE);
    for (;;) {
      const canvas = render(bitmap, size);
      for (const quality of QUALITIES) {
        const blob = await encode(canvas, quality);
        if (blob.size <= MAX_OUTPUT_BYTES) {
          return { bytes: await blob.arrayBuffer(), mime: blob.type, ...size, originalBytes: file.size };
        }
      }
      const longSide = Math.floor(Math.max(size.width, size.height) * SHRINK);
      if (longSide < MIN_LONG_SIDE) throw new PipelineError('unsupported');
      size = fitLongSide(bitmap, longSide);
    }
  } finally {
    bitmap.close();
  }
}

// --- Messaging ----------------------------------------------------------------

declare const self: DedicatedWorkerGlobalScope;

function reply(message: ImageWorkerResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

self.addEventListener('message', (event: MessageEvent<ImageWorkerRequest>) => {
  const { id, file } = event.data;
  compress(file).then(
    (result) => reply({ id, ok: true, ...result }, [result.bytes]),
    (error: unknown) => reply({ id, ok: false, error: error instanceof PipelineError ? error.code : 'corrupt' }),
  );
});
