// The OCR engine's files in the build (see src/build/ocr-engine.ts).
declare module 'virtual:ocr-engine' {
  /** URL folder of the engine, e.g. "/assets/ocr/0123456789/". */
  export const OCR_BASE: string;
  /** Each file's size, and its size on the wire (compressed). */
  export const OCR_SIZES: Readonly<Record<string, { bytes: number; transfer: number }>>;
  export const CORE_VARIANTS: Readonly<{ relaxedsimd: string; simd: string; plain: string }>;
}

// tesseract.js's prebuilt ES module (src/client/services/ocr/tesseract.ts).
declare module 'tesseract.js/dist/tesseract.esm.min.js' {
  const Tesseract: unknown;
  export default Tesseract;
}
