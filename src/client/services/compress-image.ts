// Main-thread front door to the image worker (src/worker/image-worker.ts).
// One image at a time; the worker is started on demand and ended as soon as
// it is idle (or the person cancels), so a decoded photo never lingers in
// memory on a cheap phone.
import type { ImageMode, ImageWorkerErrorCode, ImageWorkerRequest, ImageWorkerResponse } from '../../worker/image-messages';

export type { ImageMode, ImageWorkerErrorCode } from '../../worker/image-messages';

export type ImageErrorCode = ImageWorkerErrorCode | 'timeout';

export interface CompressedImage {
  /** The re-encoded image (no EXIF, no GPS). */
  blob: Blob;
  mime: string;
  width: number;
  height: number;
  /** Size of the photo as chosen, for "from 4.2 MB to 120 KB" messages. */
  originalBytes: number;
  /** A page was found and cleaned (straightened, even light, black on white). */
  cleaned: boolean;
}

export interface CompressOptions {
  mode?: ImageMode;
  signal?: AbortSignal;
  /** 0 to 1 while the worker cleans the page. */
  onProgress?: (fraction: number) => void;
}

export class ImageError extends Error {
  // Assigned in the constructor, not a class field: no field helper in the bundle.
  declare readonly code: ImageErrorCode;
  constructor(code: ImageErrorCode) {
    super(`Image could not be prepared: ${code}`);
    this.name = 'ImageError';
    (this as { code: ImageErrorCode }).code = code;
  }
}

export const TIMEOUT_MS = 90_000;

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

const aborted = () => new DOMException('The person cancelled.', 'AbortError');

function run(file: Blob, { mode = 'letter', signal, onProgress }: CompressOptions): Promise<CompressedImage> {
  return new Promise<CompressedImage>((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const w = startWorker();
    const id = nextId++;
    const finish = (): void => {
      clearTimeout(timer);
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (error: Error): void => {
      finish();
      // A stuck, crashed or cancelled worker is not reused: ending it is the
      // only way to stop its work and give back its memory.
      if (worker === w) stopWorker();
      reject(error);
    };
    const onMessage = (event: MessageEvent<ImageWorkerResponse>): void => {
      const data = event.data;
      if (data.id !== id) return;
      if ('progress' in data) {
        onProgress?.(data.progress);
        return;
      }
      finish();
      if (data.ok) {
        resolve({
          blob: new Blob([data.bytes], { type: data.mime }),
          mime: data.mime,
          width: data.width,
          height: data.height,
          originalBytes: data.originalBytes,
          cleaned: data.cleaned,
        });
      } else {
        reject(new ImageError(data.error));
      }
    };
    // A worker that dies without a word has usually run out of memory.
    const onError = (): void => fail(new ImageError('out-of-memory'));
    const onAbort = (): void => fail(aborted());
    const timer = setTimeout(() => fail(new ImageError('timeout')), TIMEOUT_MS);
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    signal?.addEventListener('abort', onAbort);
    const request: ImageWorkerRequest = { id, file, mode };
    w.postMessage(request);
  });
}

/**
 * Prepares a photo in the worker. `letter` (the default) sends the cleaned
 * page (≤ 150 KB) when one is found, else a greyscale image of at most
 * 150 KB (long side ≤ 1600 px). Throws ImageError, or an AbortError.
 */
export function compressImage(file: Blob, options: CompressOptions = {}): Promise<CompressedImage> {
  pending++;
  const result = queue.then(() => run(file, options));
  queue = result
    .catch(() => undefined)
    .finally(() => {
      pending--;
      if (pending === 0) stopWorker();
    });
  return result;
}
