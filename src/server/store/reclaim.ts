// Deleted means gone on the embedded store. A DELETE only marks rows dead:
// their bytes stay in the table files until the page is reused, and in the
// write-ahead log until its segment is reused. VACUUM FULL rewrites each
// table into new files and deletes the old ones; two WAL switches with a
// checkpoint after each, with recycling off, delete every segment that held
// the deleted rows (measured: a marker label and envelope are in no file of
// the data folder afterwards, tests/unit/server/deleted-means-gone.test.ts).
// Cost: VACUUM FULL copies the live rows of each table, so it runs in the
// retention pass only when something was deleted (retention.ts).
import type { PGlite } from '@electric-sql/pglite';

/** The tables whose rows retention and "stop sharing" delete. */
export const RECLAIMED_TABLES = ['items', 'connections', 'invites', 'device_requests', 'adviser_devices', 'push_subscribers', 'reminders'];

export async function reclaimPglite(db: Pick<PGlite, 'exec'>): Promise<void> {
  // One statement per call: VACUUM cannot run inside the transaction a multi-statement exec makes.
  await db.exec(`VACUUM FULL ${RECLAIMED_TABLES.join(', ')}`);
  await db.exec('SET wal_recycle = off');
  for (let i = 0; i < 2; i++) {
    await db.exec('CHECKPOINT');
    await db.exec('SELECT pg_switch_wal()');
  }
  await db.exec('CHECKPOINT');
  await db.exec('RESET wal_recycle');
}
