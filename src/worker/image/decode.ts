// Decoding in the worker, bounded: the photo is decoded once, already
// scaled to the size the next step needs, so a 12-megapixel photo never
// sits in memory at full size on a cheap phone.
import { MAX_INPUT_BYTES, MAX_PIXELS, MAX_SIDE, type ImageWorkerErrorCode } from '../image-messages';
import { exifOrientation, orientedSize, sniffSize, type Size } from './sniff';

export class PipelineError extends Error {
  constructor(readonly code: ImageWorkerErrorCode) {
    super(code);
  }
}

/** Maps whatever went wrong to a code the page can explain. */
export function toErrorCode(error: unknown): ImageWorkerErrorCode {
  if (error instanceof PipelineError) return error.code;
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (error instanceof RangeError || /memory|allocat/i.test(text)) return 'out-of-memory';
  return 'corrupt';
}

function checkSize({ width, height }: Size): void {
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) throw new PipelineError('too-large');
}

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
  } catch (error) {
    if (toErrorCode(error) === 'out-of-memory') throw new PipelineError('out-of-memory');
    throw decodeFailure(file);
  }
}

/** Checks the file and learns its upright size from the header (null when the header does not say). */
export async function inspect(file: Blob): Promise<Size | null> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas === 'undefined') throw new PipelineError('unsupported');
  if (file.size > MAX_INPUT_BYTES) throw new PipelineError('too-large');
  if (file.size === 0) throw decodeFailure(file);
  const header = new Uint8Array(await file.slice(0, 512 * 1024).arrayBuffer());
  const stored = sniffSize(header);
  if (!stored) return null;
  checkSize(stored);
  return orientedSize(stored, exifOrientation(header));
}

/**
 * Decodes upright and scaled to `fit(uprightSize)`. When the header gave no
 * size, one full decode learns it first (and is closed straight away).
 */
export async function decodeScaled(file: Blob, fit: (upright: Size) => Size): Promise<ImageBitmap> {
  let upright = await inspect(file);
  if (!upright) {
    const full = await decode(file, {});
    upright = { width: full.width, height: full.height };
    full.close();
    if (upright.width === 0 || upright.height === 0) throw decodeFailure(file);
    checkSize(upright);
  }
  const target = fit(upright);
  if (target.width === upright.width && target.height === upright.height) return decode(file, {});
  const scaled = await decode(file, { resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'high' });
  if (scaled.width === target.width && scaled.height === target.height) return scaled;
  // Defensive: a browser that resizes before turning the picture upright.
  scaled.close();
  return decode(file, {});
}

export function context2d(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new PipelineError('unsupported');
  return ctx;
}

/** Draws the bitmap at `size` on white (transparent areas become paper, not black). */
export function render(bitmap: ImageBitmap, size: Size): OffscreenCanvas {
  const canvas = new OffscreenCanvas(size.width, size.height);
  const ctx = context2d(canvas);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.drawImage(bitmap, 0, 0, size.width, size.height);
  return canvas;
}

/** The bitmap's pixels (RGBA); the canvas used to read them is freed at once. */
export function pixels(bitmap: ImageBitmap): ImageData {
  const canvas = render(bitmap, { width: bitmap.width, height: bitmap.height });
  const image = context2d(canvas).getImageData(0, 0, canvas.width, canvas.height);
  canvas.width = canvas.height = 0;
  return image;
}
