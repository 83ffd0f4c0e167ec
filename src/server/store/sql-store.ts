// The one SQL implementation of the Store, on any SqlDriver (PGlite or
// PostgreSQL): the queries of every aggregate module over one driver.
import { adviserQueries } from './advisers';
import { connectionQueries } from './connections';
import { deviceRequestQueries } from './device-requests';
import type { SqlDriver } from './driver';
import { inviteQueries } from './invites';
import { itemQueries } from './items';
import { migrate } from './migrations';
import { isUuid } from './rows';
import { pushQueueQueries } from './push-queue';
import { rateLimitQueries } from './rate-limits';
import { reminderQueries } from './reminders';
import { settingQueries } from './settings';
import { statsQueries } from './stats';
import type { Store } from './store';
import { subscriberQueries } from './subscribers';

/** Envelopes kept beside the database whose items are gone (envelope-files.ts): removed. */
function sweepEnvelopes(db: SqlDriver): Promise<number> {
  if (!db.envelopes) return Promise.resolve(0);
  return db.envelopes.sweep(async (connectionId, itemIds) => {
    const rows = await db.query<{ id: string }>(`SELECT id FROM items WHERE connection_id = $1 AND id = ANY($2::uuid[])`, [connectionId, itemIds]);
    return new Set(rows.map((row) => row.id));
  });
}

export function createSqlStore(db: SqlDriver): Store {
  const connections = connectionQueries(db);
  const items = itemQueries(db);
  return {
    migrate: async () => {
      await migrate(db);
      await sweepEnvelopes(db); // what a crash between an envelope and its row left behind
    },
    close: () => db.close(),
    ...adviserQueries(db),
    ...deviceRequestQueries(db),
    ...inviteQueries(db),
    ...connections,
    ...items,
    // A connection's envelopes go with its items; retention sweeps those of the items it deleted
    // (and of items deleted any other way, e.g. with their adviser).
    async stopConnection(id, now) {
      await connections.stopConnection(id, now);
      if (db.envelopes && isUuid(id)) await db.envelopes.removeConnection(id);
    },
    async deleteExpired(input) {
      const deleted = await items.deleteExpired(input);
      await sweepEnvelopes(db);
      return deleted;
    },
    ...settingQueries(db),
    ...subscriberQueries(db),
    ...reminderQueries(db),
    ...pushQueueQueries(db),
    ...statsQueries(db),
    ...rateLimitQueries(db),
  };
}
