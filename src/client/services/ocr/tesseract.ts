// tesseract.js's page-side code, as its prebuilt ES module: importing the
// CommonJS source would add CommonJS helpers to the bundler's shared
// runtime, which is in every first load. Loaded only when reading a picture.
import type Tesseract from 'tesseract.js';

export async function loadTesseract(): Promise<typeof Tesseract> {
  const module = (await import('tesseract.js/dist/tesseract.esm.min.js')) as { default: typeof Tesseract };
  return module.default;
}
