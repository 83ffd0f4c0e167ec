// Main-thread front door to the letter-mode image worker. One image at a
// time; the worker is started on demand and terminated as soon as it is idle
// so a decoded photo never lingers in memory on a cheap phone.
import type { ImageWorkerErrorCode, ImageWorkerRequest, ImageWorkerResponse } from '../../worker/image-messages';

export type { ImageWorkerErrorCode } from '../../worker/image-messages';

export type ImageErrorCode = ImageWorkerErrorCode | 'timeout';

export interface CompressedImage {
  /** The re-encoded image (no EXIF, no GPS). */
  blob: Blob;
  mime: string;
  width: number;
  height: number;
  /** Size of the photo as chosen, for "from 4.2 MB to 120 KB" messages. */
  originalBytes: number;
}

export class ImageError extends Error {
  constructor(readonly code: ImageErrorCode) {
    super(`Image could not be prepared: ${code}`);
    this.name = 'ImageError';
  }
}

export const TIMEOUT_MS = 60_000;

let worker: Worker | null = null;
let nextId = 1;
let pending = 0;
let queue: Promise<unknown> = Promise.resolve();

function startWorker(): Worker {
  worker ??= new Worker(new URL('../../worker/image-worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

function stopWorker(): void {
  worker?.terminate();
  worker = null;
}

function run(file: Blob): Promise<CompressedImage> {
  return new Promise<CompressedImage>((resolve, reject) => {
    const w = startWorker();
    const id = nextId++;
    const finish = (): void => {
      clearTimeout(timer);
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    const fail = (code: ImageErrorCode): void => {
      finish();
      // A stuck or crashed worker is not reused.
      if (worker === w) stopWorker();
      reject(new ImageError(code));
    };
    const onMessage = (event: MessageEvent<ImageWorkerResponse>): void => {
      const data = event.data;
      if (data.id !== id) return;
      finish();
      if (data.ok) {
        resolve({
          blob: new Blob([data.bytes], { type: data.mime }),
          mime: data.mime,
          width: data.width,
          height: data.height,
          originalBytes: data.originalBytes,
        });
      } else {
        reject(new ImageError(data.error));
      }
    };
    const onError = (): void => fail('unsupported');
    const timer = setTimeout(() => fail('timeout'), TIMEOUT_MS);
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    const request: ImageWorkerRequest = { id, file };
    w.postMessage(request);
  });
}

/**
 * Turns a photo of a letter into a greyscale, high-contrast image of at most
 * 150 KB (long side ≤ 1600 px), ready to forward. Throws ImageError.
 */
export function compressImage(file: Blob): Promise<CompressedImage> {
  pending++;
  const result = queue.then(() => run(file));
  queue = result
    .catch(() => undefined)
    .finally(() => {
      pending--;
      if (pending === 0) stopWorker();
    });
  return result;
}
