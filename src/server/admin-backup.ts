// `npm run admin -- backup <file>` and `restore <file>` for the embedded
// store (PGlite in DATA_DIR). A backup is PGlite's own dump of its data folder
// (dumpDataDir: a gzipped tar), taken while this command holds the folder's
// lock, so the relay must be stopped: the copy is then consistent (no writer).
// Restoring loads that file into a new, empty DATA_DIR. With PostgreSQL
// (DATABASE_URL) use pg_dump and pg_restore instead (README, "Backups").
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from './config';
import { lockDataDir } from './store/data-dir-lock';
import { openStore } from './store/open-store';

export const BACKUP_USAGE = `  backup <file>   Write a backup of the embedded store (DATA_DIR) to <file> (a new
                  .tar.gz). Stop the relay first. With DATABASE_URL, use pg_dump.
  restore <file>  Load a backup into DATA_DIR, which must not exist or be empty.`;

export const PG_DUMP_HINT = `With PostgreSQL (DATABASE_URL), back up with pg_dump and restore with pg_restore:
  pg_dump --format=custom --file=uc-relay.dump "$DATABASE_URL"
  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" uc-relay.dump`;

export interface BackupIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Writes `bytes` to `file` (which must not exist) through a temporary name, with fsync. */
function writeNewFile(file: string, bytes: Uint8Array): void {
  const temp = `${file}.partial`;
  const fd = openSync(temp, 'wx');
  try {
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (existsSync(file)) throw new Error(`${file} already exists.`);
  renameSync(temp, file);
}

export async function backup(file: string, config: Pick<Config, 'databaseUrl' | 'dataDir'>, io: BackupIo): Promise<number> {
  if (config.databaseUrl) {
    io.err(PG_DUMP_HINT);
    return 2;
  }
  const target = resolve(file);
  if (existsSync(target)) {
    io.err(`${target} already exists: choose a new file name.`);
    return 1;
  }
  if (!existsSync(config.dataDir)) {
    io.err(`There is no data folder at ${config.dataDir} (DATA_DIR).`);
    return 1;
  }
  // The lock fails while the relay runs: a copy taken under a live writer could be torn.
  const unlock = lockDataDir(config.dataDir);
  try {
    const db = await PGlite.create(config.dataDir);
    try {
      await db.query('CHECKPOINT');
      const dump = await db.dumpDataDir('gzip');
      writeNewFile(target, new Uint8Array(await dump.arrayBuffer()));
    } finally {
      await db.close();
    }
  } finally {
    unlock();
  }
  io.out(`Backed up ${config.dataDir} to ${target}.`);
  return 0;
}

export async function restore(file: string, config: Pick<Config, 'databaseUrl' | 'dataDir'>, io: BackupIo): Promise<number> {
  if (config.databaseUrl) {
    io.err(PG_DUMP_HINT);
    return 2;
  }
  const source = resolve(file);
  if (!existsSync(source)) {
    io.err(`There is no backup at ${source}.`);
    return 1;
  }
  if (existsSync(config.dataDir) && readdirSync(config.dataDir).length > 0) {
    io.err(`${config.dataDir} (DATA_DIR) is not empty: restore into a new folder, then point DATA_DIR at it.`);
    return 1;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const unlock = lockDataDir(config.dataDir);
  try {
    const db = await PGlite.create({ dataDir: config.dataDir, loadDataDir: new Blob([readFileSync(source)]) });
    await db.close();
  } finally {
    unlock();
  }
  // Open it as the relay would (migrations run if the backup is older than this version).
  const store = await openStore({ dataDir: config.dataDir });
  await store.close();
  io.out(`Restored ${source} into ${config.dataDir}.`);
  return 0;
}
