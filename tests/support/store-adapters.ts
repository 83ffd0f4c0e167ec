// The two store adapters every store and API suite runs against: PGlite in
// memory, and a real PostgreSQL (TEST_DATABASE_URL, or a throwaway cluster
// from Debian's binaries; skipped with a message when neither is there).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { SqlDriver } from '../../src/server/store/driver';
import { openPostgres } from '../../src/server/store/pg-driver';
import { openPglite } from '../../src/server/store/pglite-driver';
import { createSqlStore } from '../../src/server/store/sql-store';
import type { Store } from '../../src/server/store/store';
import { startTestPostgres, type TestPostgres } from './postgres';

export const SLOW = 60_000;

/** A database of its own, into which any number of drivers can be opened. */
export interface FreshDatabase {
  open(): Promise<SqlDriver>;
  drop(): Promise<void>;
  /** PostgreSQL only: the database's URL (for a child process). */
  url?: string;
}
export interface Adapter {
  name: string;
  fresh(): Promise<FreshDatabase>;
}

/** PGlite in memory: the adapter a suite uses when one engine is enough. */
export const PGLITE: Adapter = {
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

/** Fresh databases on the PostgreSQL server at `adminUrl`. */
export function postgresAdapter(adminUrl: string): Adapter {
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
        url: url.toString(),
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
    adapters: [PGLITE, ...(server ? [postgresAdapter(server.url)] : [])],
    stop: async () => server?.stop(),
  };
}

/** A migrated store on a fresh database, the driver under it (for SQL the store does not offer), and close() to drop it all. */
export interface TestStore {
  store: Store;
  driver: SqlDriver;
  database: FreshDatabase;
  close(): Promise<void>;
}

export async function openTestStore(adapter: Adapter): Promise<TestStore> {
  const database = await adapter.fresh();
  const driver = await database.open();
  const store = createSqlStore(driver);
  await store.migrate();
  return {
    store,
    driver,
    database,
    close: async () => {
      await store.close();
      await database.drop();
    },
  };
}

/** Every table the migrations make (but schema_migrations), children first. */
export const TABLES = [
  'rate_limits',
  'reminders',
  'push_subscribers',
  'settings',
  'items',
  'connections',
  'invites',
  'device_requests',
  'adviser_devices',
  'advisers',
];

/** Empties every table: a clean database for the next test. */
export async function emptyTables(driver: SqlDriver): Promise<void> {
  await driver.query(`TRUNCATE ${TABLES.join(', ')}`);
}
