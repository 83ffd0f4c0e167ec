// The OCR engine's folder in the build (see src/build/ocr-engine.ts): the
// service worker keeps only the current engine's files.
declare module 'virtual:ocr-engine' {
  /** URL folder of the engine, e.g. "/assets/ocr/0123456789/". */
  export const OCR_BASE: string;
}
