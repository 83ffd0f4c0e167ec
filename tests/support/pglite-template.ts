// Vitest global set-up for the unit tests: makes one freshly initialised PGlite
// data folder and has every in-memory store start from it (PGLITE_MEMORY_TEMPLATE,
// read by src/server/store/pglite-driver.ts), instead of each running initdb:
// about 1.5 s of CPU saved per store. Kept in the tests' cache folder, per
// PGlite version, so later runs reuse it.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { replaceFile } from '../../src/server/replace-file';
import { TEST_CACHE_DIR } from './test-cache';

export default async function setup(): Promise<void> {
  const manifest = new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const path = join(TEST_CACHE_DIR, `pglite-${version}-initdb.tar.gz`);
  if (!existsSync(path)) {
    const db = await PGlite.create();
    const dump = await db.dumpDataDir('gzip');
    await db.close();
    mkdirSync(TEST_CACHE_DIR, { recursive: true });
    // A run stopped halfway never leaves half a template.
    replaceFile(path, Buffer.from(await dump.arrayBuffer()));
  }
  process.env.PGLITE_MEMORY_TEMPLATE = path;
}
