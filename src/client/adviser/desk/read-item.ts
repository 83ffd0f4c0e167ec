// The words of a forwarded item, read on the adviser's computer after it is
// decrypted: text as it is; a photo through the same OCR as the claimant's
// phone (services/ocr: page cleaning, then tesseract.js); a PDF through its
// text layer or, for a scan, OCR of its first pages. Each long step reports
// progress and stops on the signal.
import type { Payload } from '../../services/crypto';
import type { DeskItem } from '../../data/adviser-db';
import { isPdf } from './pdf-text';

export type ReadStep = 'download' | 'prepare' | 'read' | 'pdf';

export interface ReadItemOptions {
  signal?: AbortSignal;
  onProgress?: (step: ReadStep, fraction: number | null) => void;
}

export interface ReadItem {
  text: string;
  source: DeskItem['source'];
}

/** The OCR engine, fetched once (the service worker keeps it) with progress. */
async function engineReady({ signal, onProgress }: ReadItemOptions): Promise<void> {
  const ocr = await import('../../services/ocr');
  if ((await ocr.missingFiles(['eng'])).length === 0) return;
  await ocr.downloadEngine(['eng'], {
    ...(signal ? { signal } : {}),
    onProgress: ({ loaded, total }) => onProgress?.('download', total > 0 ? loaded / total : null),
  });
}

export async function readItem(payload: Payload, options: ReadItemOptions = {}): Promise<ReadItem> {
  const { signal, onProgress } = options;
  if (payload.kind === 'text' || !payload.image) return { text: payload.text ?? '', source: 'text' };
  if (isPdf(payload)) {
    const { readPdf } = await import('./read-pdf');
    // Only a scanned PDF needs the OCR engine: fetched (with progress) just before it is used.
    return readPdf(payload.image, {
      ...(signal ? { signal } : {}),
      beforeOcr: () => engineReady(options),
      onProgress: (stage, fraction) => onProgress?.(stage, fraction),
    });
  }
  await engineReady(options);
  const { readPhoto } = await import('../../services/ocr');
  const picture = new Blob([new Uint8Array(payload.image)], { type: payload.mime ?? 'image/jpeg' });
  const result = await readPhoto(picture, { ...(signal ? { signal } : {}), onProgress: (stage, fraction) => onProgress?.(stage, fraction) });
  // A photo with no words read: the claimant's note, if any, is all there is.
  const text = result.text.trim() || payload.text || '';
  return { text, source: 'photo' };
}
