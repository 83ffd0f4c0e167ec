// Picks up what another app shared with us (see the share target in
// src/sw/sw.ts), once: it is removed from the cache as it is read.
import { SHARED_CACHE, SHARED_FILE_URL, SHARED_TEXT_URL } from '../../shared/protocol/share-target-paths';

export interface SharedThings {
  file: File | null;
  text: string | null;
}

export async function takeSharedThings(): Promise<SharedThings> {
  if (typeof caches === 'undefined') return { file: null, text: null };
  const cache = await caches.open(SHARED_CACHE);
  const [fileResponse, textResponse] = await Promise.all([cache.match(SHARED_FILE_URL), cache.match(SHARED_TEXT_URL)]);
  let file: File | null = null;
  if (fileResponse) {
    const blob = await fileResponse.blob();
    const name = decodeURIComponent(fileResponse.headers.get('X-File-Name') ?? 'shared-picture');
    file = new File([blob], name, { type: blob.type });
  }
  const text = textResponse ? await textResponse.text() : null;
  await Promise.all([cache.delete(SHARED_FILE_URL), cache.delete(SHARED_TEXT_URL)]);
  return { file, text };
}
