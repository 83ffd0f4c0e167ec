import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlDriver } from './driver';
import { lockDataDir } from './data-dir-lock';
import { fileEnvelopes, memoryEnvelopes } from './envelope-files';

type Queryable = Pick<PGlite, 'query'> | Pick<Transaction, 'query'>;

function txDriver(tx: Transaction): SqlDriver {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      return (await tx.query<T>(sql, params)).rows;
    },
    // PGlite has no nested transactions; run nested work in the same one.
    transaction<R>(fn: (inner: SqlDriver) => Promise<R>): Promise<R> {
      return fn(txDriver(tx));
    },
    async close(): Promise<void> {
      throw new Error('close() inside a transaction');
    },
  };
}

async function rows<T>(db: Queryable, sql: string, params?: unknown[]): Promise<T[]> {
  return (await db.query<T>(sql, params)).rows;
}

/** Embedded PostgreSQL (WebAssembly). `dataDir` null keeps everything in memory. */
export async function openPglite(dataDir: string | null): Promise<SqlDriver> {
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir === null ? () => {} : lockDataDir(dataDir);
  let db: PGlite;
  try {
    db = dataDir === null ? await PGlite.create() : await PGlite.create(dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    // Envelopes beside the database, not in it: PGlite's cost per byte of a statement (envelope-files.ts).
    envelopes: dataDir === null ? memoryEnvelopes() : fileEnvelopes(join(dataDir, 'uc-envelopes')),
    query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      return rows<T>(db, sql, params);
    },
    transaction<R>(fn: (tx: SqlDriver) => Promise<R>): Promise<R> {
      return db.transaction((tx) => fn(txDriver(tx)));
    },
    async close(): Promise<void> {
      try {
        await db.close();
      } finally {
        unlock();
      }
    },
  };
}
