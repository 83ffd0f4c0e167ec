// A photo or screenshot in, its words out: the image worker finds and cleans
// the page (or keeps a plain greyscale copy when there is none), then the
// OCR engine reads it. Progress comes in two stages, each 0 to 1.
import { compressImage, type CompressedImage } from '../compress-image';
import { recognise, type Recognised } from './recognise';
import type { OcrLanguage } from './engine';

export type ReadStage = 'prepare' | 'read';

export interface ReadPhotoOptions {
  signal?: AbortSignal;
  languages?: readonly OcrLanguage[];
  onProgress?: (stage: ReadStage, fraction: number) => void;
}

export interface ReadPhoto extends Recognised {
  /** What was read: the cleaned page, or the plain greyscale picture. */
  page: CompressedImage;
}

export async function readPhoto(file: Blob, { signal, languages, onProgress }: ReadPhotoOptions = {}): Promise<ReadPhoto> {
  onProgress?.('prepare', 0);
  const page = await compressImage(file, { mode: 'read', ...(signal ? { signal } : {}), onProgress: (f) => onProgress?.('prepare', f) });
  onProgress?.('read', 0);
  const result = await recognise(page.blob, {
    ...(signal ? { signal } : {}),
    ...(languages ? { languages } : {}),
    onProgress: (f) => onProgress?.('read', f),
  });
  return { ...result, page };
}
