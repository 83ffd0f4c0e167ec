// The one way to open the relay's store: the server (main.ts), the push
// sender on its own (push/scheduler-main.ts) and the admin CLI.
import type { SqlDriver } from './driver';
import { openPostgres } from './pg-driver';
import { openPglite } from './pglite-driver';
import { createSqlStore } from './sql-store';
import type { Store } from './store';

/** PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir` (null: in memory). Migrated. */
export async function openStore(options: { databaseUrl?: string | null; dataDir?: string | null }): Promise<Store> {
  const driver: SqlDriver = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir ?? null);
  const store = createSqlStore(driver);
  try {
    await store.migrate();
  } catch (error) {
    await driver.close().catch(() => {});
    throw error;
  }
  return store;
}
