// The messages between the page (src/client/services/compress-image.ts) and
// the image worker (src/worker/image-worker.ts), and the limits both sides
// share. Types and constants only: the page imports these (its types), never
// the worker's code, so each side is type-checked with its own library (DOM
// or WebWorker).

export type ImageWorkerErrorCode = 'not-an-image' | 'too-large' | 'corrupt' | 'unsupported' | 'out-of-memory';

/**
 * - `letter`: for sending. The cleaned page (1-bit PNG) when a page is found,
 *   otherwise today's greyscale image.
 * - `photo`: "send the photo as it is": today's greyscale image, never cleaned.
 * - `read`: for reading the words. The cleaned page when found, otherwise a
 *   greyscale PNG at a size the OCR engine reads well.
 */
export type ImageMode = 'letter' | 'photo' | 'read';

export interface ImageWorkerRequest {
  id: number;
  file: Blob;
  mode?: ImageMode;
}

export interface ImageWorkerSuccess {
  id: number;
  ok: true;
  bytes: ArrayBuffer;
  mime: string;
  width: number;
  height: number;
  originalBytes: number;
  /** True when a page was found, straightened and cleaned. */
  cleaned: boolean;
}

export interface ImageWorkerFailure {
  id: number;
  ok: false;
  error: ImageWorkerErrorCode;
}

/** Sent while a long step runs (0 to 1). */
export interface ImageWorkerProgress {
  id: number;
  progress: number;
}

export type ImageWorkerResponse = ImageWorkerSuccess | ImageWorkerFailure | ImageWorkerProgress;

export const MAX_INPUT_BYTES = 40 * 1024 * 1024;
export const MAX_SIDE = 20_000;
export const MAX_PIXELS = 100_000_000;
/** Today's path (no page found, or "as it is"): long side and bytes. */
export const MAX_OUTPUT_LONG_SIDE = 1600;
export const MAX_OUTPUT_BYTES = 150 * 1024;
/** What the OCR engine gets when no page was found: long side. */
export const READ_LONG_SIDE = 2400;
