import type { SqlDriver } from './driver';
import { openPostgres } from './pg-driver';
import { openPglite } from './pglite-driver';
import { SqlStore } from './sql-store';
import type { Store } from './store';

/** PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir` (null: in memory). Migrated. */
export async function openStore(options: { databaseUrl?: string | null; dataDir?: string | null }): Promise<Store> {
  const driver: SqlDriver = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir ?? null);
  const store = new SqlStore(driver);
  try {
    await store.migrate();
  } catch (error) {
    await driver.close().catch(() => {});
    throw error;
  }
  return store;
}
