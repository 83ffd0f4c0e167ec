// Writes a file under a temporary name, then renames it into place: another
// process reading the path sees the old file or the whole new one, never half.
import { renameSync, writeFileSync } from 'node:fs';

export function replaceFile(path: string, data: Uint8Array): void {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, data);
  renameSync(partial, path);
}
