// The messages between the page (src/client/services/compress-image.ts) and
// the letter-mode image worker. Types only: the page imports these, never the
// worker's code, so each side is type-checked with its own library (DOM or
// WebWorker).

export type ImageWorkerErrorCode = 'not-an-image' | 'too-large' | 'corrupt' | 'unsupported';

export interface ImageWorkerRequest {
  id: number;
  file: Blob;
}

export interface ImageWorkerSuccess {
  id: number;
  ok: true;
  bytes: ArrayBuffer;
  mime: string;
  width: number;
  height: number;
  originalBytes: number;
}

export interface ImageWorkerFailure {
  id: number;
  ok: false;
  error: ImageWorkerErrorCode;
}

export type ImageWorkerResponse = ImageWorkerSuccess | ImageWorkerFailure;
