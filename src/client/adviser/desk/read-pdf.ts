// PDFs on the adviser's desk: the words from the PDF's own text layer
// (pdfjs-dist, downloaded only here, in the adviser's part, with its worker
// from our own origin), or, for a scan with no text layer, the first pages
// drawn on a canvas and read by the same OCR as photos.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { recognise } from '../../services/ocr';
import { textOfPage, hasWords } from './pdf-text';

/** Letters put what matters on the first pages; a long bundle is read no further. */
const MAX_TEXT_PAGES = 10;
const MAX_OCR_PAGES = 2;
/** About 2,000 px across an A4 page: what the OCR reads best. */
const OCR_WIDTH = 2000;

export interface ReadPdfOptions {
  signal?: AbortSignal;
  /** Which step, and how far through it (0 to 1). */
  onProgress?: (stage: 'pdf' | 'read', fraction: number) => void;
  /** Runs once before the first page is read by OCR (to fetch the engine). */
  beforeOcr?: () => Promise<void>;
}

export interface ReadPdf {
  text: string;
  source: 'pdf-text' | 'pdf-photo';
}

const aborted = () => new DOMException('The person cancelled.', 'AbortError');

export async function readPdf(bytes: Uint8Array, { signal, onProgress, beforeOcr }: ReadPdfOptions = {}): Promise<ReadPdf> {
  const pdfjs = await import('pdfjs-dist');
  if (signal?.aborted) throw aborted();
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  // No eval (our CSP forbids it), no XFA forms, no fonts fetched: only words and pixels.
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, enableXfa: false, useSystemFonts: false, stopAtErrors: false });
  const stop = () => void task.destroy();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    const doc = await task.promise;
    const pages = Math.min(doc.numPages, MAX_TEXT_PAGES);
    const texts: string[] = [];
    onProgress?.('pdf', 0);
    for (let n = 1; n <= pages; n++) {
      const page = await doc.getPage(n);
      texts.push(textOfPage((await page.getTextContent()).items));
      onProgress?.('pdf', n / pages);
    }
    const text = texts.join('\n\n').trim();
    if (hasWords(text)) return { text, source: 'pdf-text' };

    // A scan: draw each of the first pages and read it.
    await beforeOcr?.();
    const read: string[] = [];
    const ocrPages = Math.min(doc.numPages, MAX_OCR_PAGES);
    for (let n = 1; n <= ocrPages; n++) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: Math.min(4, OCR_WIDTH / base.width) });
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      await page.render({ canvas, viewport }).promise;
      const png = await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no image'))), 'image/png'));
      canvas.width = canvas.height = 0; // give the memory back now
      const result = await recognise(png, {
        ...(signal ? { signal } : {}),
        onProgress: (f) => onProgress?.('read', (n - 1 + f) / ocrPages),
      });
      read.push(result.text);
    }
    return { text: read.join('\n\n').trim(), source: 'pdf-photo' };
  } catch (error) {
    if (signal?.aborted) throw aborted();
    throw error;
  } finally {
    signal?.removeEventListener('abort', stop);
    void task.destroy();
  }
}
