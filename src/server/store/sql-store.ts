// The one SQL implementation of the Store, on any SqlDriver (PGlite or
// PostgreSQL): the queries of every aggregate module over one driver.
import { adviserQueries } from './advisers';
import { connectionQueries } from './connections';
import { deviceRequestQueries } from './device-requests';
import type { SqlDriver } from './driver';
import { inviteQueries } from './invites';
import { itemQueries } from './items';
import { migrate } from './migrations';
import { pushQueueQueries } from './push-queue';
import { rateLimitQueries } from './rate-limits';
import { reminderQueries } from './reminders';
import { settingQueries } from './settings';
import { statsQueries } from './stats';
import type { Store } from './store';
import { subscriberQueries } from './subscribers';

export function createSqlStore(db: SqlDriver): Store {
  return {
    migrate: () => migrate(db),
    close: () => db.close(),
    reclaimSpace: async () => {
      await db.reclaim?.();
    },
    singleProcess: db.exclusive === true,
    ...adviserQueries(db),
    ...deviceRequestQueries(db),
    ...inviteQueries(db),
    ...connectionQueries(db),
    ...itemQueries(db),
    ...settingQueries(db),
    ...subscriberQueries(db),
    ...reminderQueries(db),
    ...pushQueueQueries(db),
    ...statsQueries(db),
    ...rateLimitQueries(db),
  };
}
