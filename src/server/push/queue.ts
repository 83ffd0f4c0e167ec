// The reminders table as a work queue for the push sender. Rows move
// due → sending (claimed with a lease) → sent | failed, or back to due for a
// retry. A process that dies mid-send leaves its rows in 'sending'; when the
// lease runs out another claim takes them again, so only the rows that were in
// flight can be sent twice, and a resend carries the same Topic (it replaces).
//
// `attempts` doubles as the claim number: every claim adds one, and each
// outcome is recorded only if the row still belongs to the claim that sent it.
import { randomUUID } from 'node:crypto';
import type { PushKind } from '../../shared/protocol/push-types';
import type { SqlDriver } from '../store/driver';
import { nextJournalTime, type QuietHours } from './uk-time';

export interface ClaimedReminder {
  id: string;
  subscriberId: string;
  kind: PushKind;
  ref: string | null;
  deadlineId: string | null;
  /** YYYY-MM-DD */
  deadlineDate: string | null;
  dueAt: Date;
  /** Claims so far, this one included (1 on the first send). */
  attempts: number;
  /** When this claim's lease runs out. */
  claimedUntil: Date;
  endpoint: string;
  p256dh: string;
  auth: string;
  quiet: QuietHours;
}

interface ClaimRow {
  id: string;
  subscriber_id: string;
  kind: PushKind;
  ref: string | null;
  deadline_id: string | null;
  deadline_date: string | null;
  due_at: Date | string;
  attempts: number | string;
  claimed_until: Date | string;
  endpoint: string;
  p256dh: string;
  auth: string;
  quiet_start: number | string;
  quiet_end: number | string;
}

const asDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

/**
 * Claims up to `batch` reminders that are due, or whose earlier claim's lease
 * ran out, oldest first. Rows another process is claiming at the same moment
 * are skipped (SKIP LOCKED), so two senders never claim the same row at once.
 */
export async function claimDue(driver: SqlDriver, options: { now: Date; batch: number; leaseMs: number }): Promise<ClaimedReminder[]> {
  const until = new Date(options.now.getTime() + options.leaseMs);
  const rows = await driver.query<ClaimRow>(
    `WITH claimed AS (
       UPDATE reminders SET state = 'sending', claimed_until = $2::timestamptz, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM reminders
         WHERE (state = 'due' AND due_at <= $1::timestamptz) OR (state = 'sending' AND claimed_until < $1::timestamptz)
         ORDER BY due_at
         LIMIT $3
         FOR UPDATE SKIP LOCKED
       )
       RETURNING id, subscriber_id, kind, ref, deadline_id, deadline_date, due_at, attempts, claimed_until
     )
     SELECT c.id, c.subscriber_id, c.kind, c.ref, c.deadline_id, to_char(c.deadline_date, 'YYYY-MM-DD') AS deadline_date,
            c.due_at, c.attempts, c.claimed_until, s.endpoint, s.p256dh, s.auth, s.quiet_start, s.quiet_end
     FROM claimed c JOIN push_subscribers s ON s.id = c.subscriber_id
     ORDER BY c.due_at`,
    [options.now, until, options.batch],
  );
  return rows.map((row) => ({
    id: row.id,
    subscriberId: row.subscriber_id,
    kind: row.kind,
    ref: row.ref,
    deadlineId: row.deadline_id,
    deadlineDate: row.deadline_date,
    dueAt: asDate(row.due_at),
    attempts: Number(row.attempts),
    claimedUntil: asDate(row.claimed_until),
    endpoint: row.endpoint,
    p256dh: row.p256dh,
    auth: row.auth,
    quiet: { start: Number(row.quiet_start), end: Number(row.quiet_end) },
  }));
}

/** Which claim an outcome belongs to: its `attempts`. Omit to record whatever claim holds the row. */
export interface ClaimRef {
  attempt?: number;
  now?: Date;
}

function claimFilter(attempt: number | undefined, first: number): { sql: string; params: unknown[] } {
  return attempt === undefined ? { sql: '', params: [] } : { sql: ` AND attempts = $${first}`, params: [attempt] };
}

/**
 * Records a delivered push. For a journal reminder, schedules the next one
 * (from the subscriber's days, minute and quiet hours) in the same
 * transaction, unless one is already waiting (the API may have scheduled it)
 * or this was a snoozed copy. Returns false when the row was no longer this
 * claim's (another sender took it over, or it was deleted).
 */
export async function markSent(driver: SqlDriver, id: string, options: ClaimRef = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  return driver.transaction(async (tx) => {
    const claim = claimFilter(options.attempt, 3);
    const done = await tx.query<{ kind: PushKind; subscriber_id: string; due_at: Date | string; snoozed: boolean }>(
      `UPDATE reminders SET state = 'sent', sent_at = $2::timestamptz, claimed_until = NULL
       WHERE id = $1 AND state = 'sending'${claim.sql}
       RETURNING kind, subscriber_id, due_at, snoozed`,
      [id, now, ...claim.params],
    );
    const row = done[0];
    if (!row) return false;
    // A snoozed copy (migration 5) is a one-off: the regular series goes on from its own row.
    if (row.kind === 'journal' && !row.snoozed) await scheduleNextJournal(tx, row.subscriber_id, asDate(row.due_at), now);
    return true;
  });
}

async function scheduleNextJournal(tx: SqlDriver, subscriberId: string, dueAt: Date, now: Date): Promise<void> {
  const subscribers = await tx.query<{
    journal_days: number | string;
    journal_minute: number | string | null;
    quiet_start: number | string;
    quiet_end: number | string;
  }>('SELECT journal_days, journal_minute, quiet_start, quiet_end FROM push_subscribers WHERE id = $1 FOR UPDATE', [subscriberId]);
  const subscriber = subscribers[0];
  if (!subscriber || subscriber.journal_minute === null) return;
  // After this occurrence, and never in the past (a sender that was down for days).
  const after = new Date(Math.max(dueAt.getTime(), now.getTime()));
  const next = nextJournalTime(after, Number(subscriber.journal_days), Number(subscriber.journal_minute), {
    start: Number(subscriber.quiet_start),
    end: Number(subscriber.quiet_end),
  });
  if (!next) return;
  await tx.query(
    `INSERT INTO reminders (id, subscriber_id, kind, due_at)
     SELECT $1, $2, 'journal', $3::timestamptz
     WHERE NOT EXISTS (SELECT 1 FROM reminders WHERE subscriber_id = $2 AND kind = 'journal' AND NOT snoozed AND state IN ('due', 'sending'))`,
    [randomUUID(), subscriberId, next],
  );
}

/** Back to 'due' at `at` (a retry). */
export async function markRetry(driver: SqlDriver, id: string, at: Date, options: ClaimRef = {}): Promise<boolean> {
  const claim = claimFilter(options.attempt, 3);
  const rows = await driver.query<{ id: string }>(
    `UPDATE reminders SET state = 'due', due_at = $2::timestamptz, claimed_until = NULL
     WHERE id = $1 AND state = 'sending'${claim.sql} RETURNING id`,
    [id, at, ...claim.params],
  );
  return rows.length > 0;
}

/** Given up: never sent again. */
export async function markFailed(driver: SqlDriver, id: string, options: ClaimRef = {}): Promise<boolean> {
  const claim = claimFilter(options.attempt, 2);
  const rows = await driver.query<{ id: string }>(
    `UPDATE reminders SET state = 'failed', claimed_until = NULL
     WHERE id = $1 AND state = 'sending'${claim.sql} RETURNING id`,
    [id, ...claim.params],
  );
  return rows.length > 0;
}

/**
 * The push service says the subscription is gone (404/410): delete the
 * subscriber; its reminders go with it (ON DELETE CASCADE). With `endpoint`,
 * only if the subscriber still has that endpoint: a device that re-synced a
 * new subscription meanwhile is kept. Returns whether it was deleted.
 */
export async function dropSubscriber(driver: SqlDriver, subscriberId: string, endpoint?: string): Promise<boolean> {
  const rows =
    endpoint === undefined
      ? await driver.query<{ id: string }>('DELETE FROM push_subscribers WHERE id = $1 RETURNING id', [subscriberId])
      : await driver.query<{ id: string }>('DELETE FROM push_subscribers WHERE id = $1 AND endpoint = $2 RETURNING id', [subscriberId, endpoint]);
  return rows.length > 0;
}
