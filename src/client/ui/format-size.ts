// Sizes of files and photos, the way people read them on a phone: decimal
// units, like the phone's own storage screens.

/** '850 bytes', '12 KB', '1.4 MB'; with smallest 'KB', anything under 1 KB is '1 KB'. */
export function formatSize(bytes: number, smallest: 'bytes' | 'KB' = 'bytes'): string {
  if (bytes < 1000 && smallest === 'bytes') return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000))} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
