// What can go wrong when reading a photo, as codes the screens explain.
export type OcrErrorCode =
  /** The browser has no WebAssembly (very old, or switched off). */
  | 'no-wasm'
  /** The engine could not be downloaded (no signal, or the server failed). */
  | 'download-failed'
  /** The phone ran out of memory. */
  | 'out-of-memory'
  /** Anything else inside the engine. */
  | 'failed';

export class OcrError extends Error {
  // Assigned in the constructor, not a class field: no field helper in the bundle.
  declare readonly code: OcrErrorCode;
  constructor(code: OcrErrorCode) {
    super(`Text recognition failed: ${code}`);
    this.name = 'OcrError';
    (this as { code: OcrErrorCode }).code = code;
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
