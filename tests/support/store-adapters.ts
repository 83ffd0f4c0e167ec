// The two store adapters every store suite runs against: PGlite in memory,
// and a real PostgreSQL (TEST_DATABASE_URL, or a throwaway cluster from
// Debian's binaries; skipped with a message when neither is there).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { SqlDriver } from '../../src/server/store/driver';
import { openPostgres } from '../../src/server/store/pg-driver';
import { openPglite } from '../../src/server/store/pglite-driver';
import { startTestPostgres, type TestPostgres } from './postgres';

export const SLOW = 60_000;

/** A database of its own, into which any number of drivers can be opened. */
export interface FreshDatabase {
  open(): Promise<SqlDriver>;
  drop(): Promise<void>;
}
export interface Adapter {
  name: string;
  fresh(): Promise<FreshDatabase>;
}

const pgliteAdapter: Adapter = {
  name: 'pglite',
  async fresh() {
    const driver = await openPglite(null);
    // Every "open" shares the one in-memory instance; only drop() closes it.
    return {
      open: async () => ({ ...driver, close: async () => {} }),
      drop: () => driver.close(),
    };
  },
};

function postgresAdapter(adminUrl: string): Adapter {
  return {
    name: 'postgres',
    async fresh() {
      const name = `t_${randomUUID().replaceAll('-', '')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const opened: SqlDriver[] = [];
      return {
        async open() {
          const driver = await openPostgres(url.toString());
          opened.push(driver);
          return driver;
        },
        async drop() {
          await Promise.all(opened.map((driver) => driver.close().catch(() => {})));
          const cleanup = new pg.Client({ connectionString: adminUrl });
          await cleanup.connect();
          try {
            await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          } finally {
            await cleanup.end();
          }
        },
      };
    },
  };
}

/** PGlite always; PostgreSQL when one can be started. `stop()` ends the throwaway server. */
export async function storeAdapters(suite: string): Promise<{ adapters: Adapter[]; stop(): Promise<void> }> {
  let server: TestPostgres | null = null;
  try {
    server = await startTestPostgres();
  } catch (error) {
    console.warn(`PostgreSQL could not be started: skipped the Postgres ${suite} tests.\n${String(error)}`);
  }
  if (!server) console.warn(`PostgreSQL not found: skipped the Postgres ${suite} tests`);
  return {
    adapters: [pgliteAdapter, ...(server ? [postgresAdapter(server.url)] : [])],
    stop: async () => server?.stop(),
  };
}
