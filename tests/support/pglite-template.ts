// Vitest global set-up for the unit tests: makes one freshly initialised PGlite
// data folder and has every in-memory store start from it (PGLITE_MEMORY_TEMPLATE,
// read by src/server/store/pglite-driver.ts), instead of each running initdb:
// about 1.5 s of CPU saved per store. Kept in this checkout's
// node_modules/.cache (not a folder other users share), per PGlite version,
// so later runs reuse it.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

export default async function setup(): Promise<void> {
  const manifest = new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const folder = resolve('node_modules', '.cache', 'uc-companion-tests');
  const path = join(folder, `pglite-${version}-initdb.tar.gz`);
  if (!existsSync(path)) {
    const db = await PGlite.create();
    const dump = await db.dumpDataDir('gzip');
    await db.close();
    mkdirSync(folder, { recursive: true });
    // Written aside and renamed, so a run stopped halfway never leaves half a template.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
  }
  process.env.PGLITE_MEMORY_TEMPLATE = path;
}
