// Retention: items go some days after they were seen, and all items go after
// a maximum age, seen or not.
import type { Config } from './config';
import type { Store } from './store/store';

const DAY = 24 * 60 * 60 * 1000;

export function runRetention(store: Store, config: Pick<Config, 'retentionSeenDays' | 'retentionMaxDays'>, now = new Date()): Promise<number> {
  return store.deleteExpired({
    seenBefore: new Date(now.getTime() - config.retentionSeenDays * DAY).toISOString(),
    createdBefore: new Date(now.getTime() - config.retentionMaxDays * DAY).toISOString(),
  });
}
