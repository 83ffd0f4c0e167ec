// Counts for /metrics: items stored and the push queue, read at each scrape.
// Only counts: never ids or contents.
import type { SqlDriver } from './driver';

export interface StoredCounts {
  itemsToAdviser: number;
  itemsToClaimant: number;
  /** Reminders due now (or before), not yet claimed. */
  remindersDueNow: number;
  /** Reminders due later. */
  remindersLater: number;
  /** Reminders claimed by a sender (in flight, or left by one that died until the lease runs out). */
  remindersSending: number;
}

export interface StatsStore {
  countStored(): Promise<StoredCounts>;
}

export function statsQueries(db: SqlDriver): StatsStore {
  return {
    async countStored() {
      const rows = await db.query<Record<keyof StoredCounts, number | string>>(
        `SELECT
           (SELECT count(*) FROM items WHERE direction = 'to-adviser') AS "itemsToAdviser",
           (SELECT count(*) FROM items WHERE direction = 'to-claimant') AS "itemsToClaimant",
           (SELECT count(*) FROM reminders WHERE state = 'due' AND due_at <= now()) AS "remindersDueNow",
           (SELECT count(*) FROM reminders WHERE state = 'due' AND due_at > now()) AS "remindersLater",
           (SELECT count(*) FROM reminders WHERE state = 'sending') AS "remindersSending"`,
      );
      const row = rows[0]!;
      return {
        itemsToAdviser: Number(row.itemsToAdviser),
        itemsToClaimant: Number(row.itemsToClaimant),
        remindersDueNow: Number(row.remindersDueNow),
        remindersLater: Number(row.remindersLater),
        remindersSending: Number(row.remindersSending),
      };
    },
  };
}
