// The image worker: everything heavy about a photo, off the page's thread,
// so the screen stays responsive on a cheap phone.
//   letter: find the page, straighten and clean it (src/worker/page/), as a
//           1-bit PNG; with no clear page, today's plain greyscale image;
//   photo:  "send the photo as it is": today's plain greyscale image;
//   read:   what the OCR engine reads: the cleaned page, or plain greyscale.
// Privacy: every output is re-encoded from raw pixels, so EXIF, GPS location
// and camera details in the original file are dropped by construction.
import { cleanPhoto } from './page/clean-page';
import { MAX_CLEAN_PIXELS } from './page/limits';
import { encodeInkPng } from './page/png';
import { decodeScaled, pixels, toErrorCode } from './image/decode';
import { deflate, greyCanvas, plainGreyscale } from './image/encode';
import { MAX_OUTPUT_BYTES, READ_LONG_SIDE, type ImageMode, type ImageWorkerRequest, type ImageWorkerResponse, type ImageWorkerSuccess } from './image-messages';
import { fitWithin } from './image/sniff';

type Result = Omit<ImageWorkerSuccess, 'id' | 'ok' | 'originalBytes'>;

async function toResult(blob: Blob, width: number, height: number, cleaned: boolean): Promise<Result> {
  return { bytes: await blob.arrayBuffer(), mime: blob.type, width, height, cleaned };
}

async function run(file: Blob, mode: ImageMode, progress: (fraction: number) => void): Promise<Result> {
  if (mode === 'photo') {
    const bitmap = await decodeScaled(file, (size) => fitWithin(size, 1600));
    try {
      const { blob, size } = await plainGreyscale(bitmap);
      return toResult(blob, size.width, size.height, false);
    } finally {
      bitmap.close();
    }
  }
  const bitmap = await decodeScaled(file, (size) => fitWithin(size, Infinity, MAX_CLEAN_PIXELS));
  try {
    progress(0.15);
    const image = pixels(bitmap);
    const page = cleanPhoto(image.data, image.width, image.height, { onProgress: (f) => progress(0.15 + 0.75 * f) });
    if (page) {
      const png = new Blob([(await encodeInkPng(page, deflate)) as BlobPart], { type: 'image/png' });
      progress(1);
      if (mode === 'read' || png.size <= MAX_OUTPUT_BYTES) return toResult(png, page.width, page.height, true);
    }
    if (mode === 'read') {
      const size = fitWithin(bitmap, READ_LONG_SIDE);
      const blob = await greyCanvas(bitmap, size).convertToBlob({ type: 'image/png' });
      return toResult(blob, size.width, size.height, false);
    }
    const { blob, size } = await plainGreyscale(bitmap);
    return toResult(blob, size.width, size.height, false);
  } finally {
    bitmap.close();
  }
}

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<ImageWorkerRequest>) => void): void;
  postMessage(message: ImageWorkerResponse, options?: StructuredSerializeOptions): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const { id, file, mode = 'letter' } = event.data;
  let last = -1;
  const progress = (fraction: number) => {
    // A message per 5 % is plenty for a progress bar.
    const step = Math.floor(fraction * 20);
    if (step === last) return;
    last = step;
    scope.postMessage({ id, progress: fraction });
  };
  run(file, mode, progress).then(
    (result) => scope.postMessage({ id, ok: true, ...result, originalBytes: file.size }, { transfer: [result.bytes] }),
    (error: unknown) => scope.postMessage({ id, ok: false, error: toErrorCode(error) }),
  );
});
