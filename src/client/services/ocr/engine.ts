// The OCR engine's files: which ones this phone needs, how big they are,
// whether they are already kept for offline use, and downloading them with
// progress and Cancel. They come from our own origin (/assets/ocr/<hash>/),
// are never precached, and are kept in the `ocr-engine` cache: the service
// worker (src/sw/sw.ts) stores them as they pass and answers from there.
import { CORE_VARIANTS, OCR_BASE, OCR_SIZES } from 'virtual:ocr-engine';
import { OCR_CACHE } from '../../../shared/protocol/ocr-cache';
import { OcrError } from './errors';
import { loadTesseract } from './tesseract';

export type OcrLanguage = 'eng' | 'cym';

let core: Promise<string> | undefined;

/** The core build this browser runs best (relaxed SIMD, SIMD, or plain). */
export function coreName(): Promise<string> {
  core ??= import('wasm-feature-detect').then(async ({ relaxedSimd, simd }) => {
    if (await relaxedSimd()) return CORE_VARIANTS.relaxedsimd;
    if (await simd()) return CORE_VARIANTS.simd;
    return CORE_VARIANTS.plain;
  });
  return core;
}

export function hasWebAssembly(): boolean {
  return typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function';
}

export async function engineFiles(languages: readonly OcrLanguage[]): Promise<string[]> {
  const name = await coreName();
  return ['worker.min.js', `${name}.js`, `${name}.wasm`, ...languages.map((language) => `${language}.traineddata.gz`)];
}

export const engineUrl = (file: string) => `${OCR_BASE}${file}`;

/** Bytes on the wire for these files (scripts compressed, language data as it is). */
export function transferSize(files: readonly string[]): number {
  return files.reduce((sum, file) => sum + (OCR_SIZES[file]?.transfer ?? 0), 0);
}

/** The files not yet kept on this phone (all of them where Cache Storage is missing). */
export async function missingFiles(languages: readonly OcrLanguage[]): Promise<string[]> {
  const files = await engineFiles(languages);
  if (typeof caches === 'undefined') return files;
  try {
    const cache = await caches.open(OCR_CACHE);
    const kept = await Promise.all(files.map((file) => cache.match(engineUrl(file))));
    return files.filter((_, i) => !kept[i]);
  } catch {
    return files;
  }
}

export interface DownloadProgress {
  loaded: number;
  total: number;
}

/**
 * Fetches the missing files with progress. With a service worker in charge
 * it keeps each file as it passes; without one (a first visit, a blocked
 * worker) the page keeps them itself. Throws an AbortError on Cancel and
 * OcrError('download-failed') with no signal.
 */
export async function downloadEngine(
  languages: readonly OcrLanguage[],
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (progress: DownloadProgress) => void } = {},
): Promise<void> {
  const files = await missingFiles(languages);
  // Sizes as decoded (the browser undoes gzip before we count).
  const total = files.reduce((sum, file) => sum + (OCR_SIZES[file]?.bytes ?? 0), 0);
  let loaded = 0;
  onProgress?.({ loaded, total });
  try {
    // The engine's page-side code (about 20 KB) is kept the same way.
    await loadTesseract();
    const keepHere = typeof caches !== 'undefined' && !navigator.serviceWorker?.controller;
    for (const file of files) {
      const response = await fetch(engineUrl(file), { signal });
      if (!response.ok || !response.body) throw new OcrError('download-failed');
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        loaded += value.length;
        if (keepHere) chunks.push(value);
        onProgress?.({ loaded, total });
      }
      if (keepHere) {
        const cache = await caches.open(OCR_CACHE);
        await cache.put(
          engineUrl(file),
          new Response(new Blob(chunks as BlobPart[]), { headers: { 'Content-Type': response.headers.get('Content-Type') ?? 'application/octet-stream' } }),
        );
      }
    }
  } catch (error) {
    if (signal?.aborted) throw new DOMException('The person cancelled.', 'AbortError');
    if (error instanceof OcrError) throw error;
    throw new OcrError('download-failed');
  }
}
