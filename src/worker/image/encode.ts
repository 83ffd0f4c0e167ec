// Encoding in the worker: today's plain greyscale path (WebP, or JPEG where
// a browser has no WebP encoder) and PNG for the OCR engine.
import { MAX_OUTPUT_BYTES, MAX_OUTPUT_LONG_SIDE } from '../image-messages';
import { PipelineError, context2d, render } from './decode';
import { fitWithin, type Size } from './sniff';

const QUALITIES = [0.8, 0.7, 0.6, 0.5, 0.4];
const SHRINK = 0.85;
const MIN_LONG_SIDE = 64;

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

/** The bitmap drawn at `size`, in stretched greyscale. */
export function greyCanvas(bitmap: ImageBitmap, size: Size): OffscreenCanvas {
  const canvas = render(bitmap, size);
  const ctx = context2d(canvas);
  const image = ctx.getImageData(0, 0, size.width, size.height);
  greyscaleStretch(image.data);
  ctx.putImageData(image, 0, 0);
  return canvas;
}

let webpSupported: boolean | undefined;

async function encodeLossy(canvas: OffscreenCanvas, quality: number): Promise<Blob> {
  if (webpSupported !== false) {
    const blob = await canvas.convertToBlob({ type: 'image/webp', quality });
    // Browsers without a WebP encoder silently return PNG.
    webpSupported = blob.type === 'image/webp';
    if (webpSupported) return blob;
  }
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

/** Today's letter mode: greyscale, long side ≤ 1600 px, ≤ 150 KB. */
export async function plainGreyscale(bitmap: ImageBitmap): Promise<{ blob: Blob; size: Size }> {
  let size = fitWithin(bitmap, MAX_OUTPUT_LONG_SIDE);
  for (;;) {
    const canvas = greyCanvas(bitmap, size);
    for (const quality of QUALITIES) {
      const blob = await encodeLossy(canvas, quality);
      if (blob.size <= MAX_OUTPUT_BYTES) return { blob, size };
    }
    const longSide = Math.floor(Math.max(size.width, size.height) * SHRINK);
    if (longSide < MIN_LONG_SIDE) throw new PipelineError('unsupported');
    size = fitWithin(bitmap, longSide);
  }
}

/** zlib compression with the browser's own CompressionStream. */
export async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
