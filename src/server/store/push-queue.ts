// The reminders table as a work queue for the push sender. Rows move
// due → sending (claimed with a lease) → sent | failed, or back to due for a
// retry. A process that dies mid-send leaves its rows in 'sending'; when the
// lease runs out another claim takes them again, so only the rows that were in
// flight can be sent twice, and a resend carries the same Topic (it replaces).
//
// `attempts` doubles as the claim number: every claim adds one, and each
// outcome is recorded only if the row still belongs to the claim that sent it.
// Times here are Dates: the sender computes with them.
import { randomUUID } from 'node:crypto';
import type { PushHint, PushKind } from '../../shared/protocol/push-types';
import type { QuietHours } from '../../shared/protocol/push-types';
import { nextJournalTime } from '../push/uk-time';
import type { SqlDriver } from './driver';
import { readHints } from './reminders';
import { asDate } from './rows';

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
  /** 'adviser-new-item': the sealed deadline hints for this subscriber's computer. */
  hints: PushHint[];
}

/** Which claim an outcome belongs to: its `attempts`. Omit to record whatever claim holds the row. */
export interface ClaimRef {
  attempt?: number;
  now?: Date;
}

export interface PushQueueStore {
  /**
   * Claims up to `batch` reminders that are due, or whose earlier claim's lease
   * ran out, oldest first. Rows another process is claiming at the same moment
   * are skipped (SKIP LOCKED), so two senders never claim the same row at once.
   */
  claimDueReminders(options: { now: Date; batch: number; leaseMs: number }): Promise<ClaimedReminder[]>;
  /**
   * Records a delivered push. For a journal reminder, schedules the next one
   * (from the subscriber's days, minute and quiet hours) in the same
   * transaction, unless one is already waiting (the API may have scheduled it)
   * or this was a snoozed copy. False when the row was no longer this claim's
   * (another sender took it over, or it was deleted).
   */
  markReminderSent(id: string, claim?: ClaimRef): Promise<boolean>;
  /**
   * Records many delivered pushes in one statement (the sender's group commit).
   * Only for rows whose sending schedules nothing: never journal reminders,
   * whose next occurrence markReminderSent() schedules in its own transaction.
   * Each row is recorded only if it still belongs to the claim that sent it;
   * returns the ids that were.
   */
  markRemindersSent(rows: ReadonlyArray<{ id: string; attempt: number; at: Date }>): Promise<Set<string>>;
  /** Back to 'due' at `at` (a retry). */
  markReminderRetry(id: string, at: Date, claim?: ClaimRef): Promise<boolean>;
  /** Given up: never sent again. */
  markReminderFailed(id: string, claim?: ClaimRef): Promise<boolean>;
  /**
   * Gives back claimed rows that were never sent (a sender shutting down):
   * due again at once, and the claim not counted as a try. Only rows still
   * held by the claim that took them; returns how many.
   */
  releaseReminders(rows: ReadonlyArray<{ id: string; attempt: number }>): Promise<number>;
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
  hints: unknown;
}

function claimFilter(attempt: number | undefined, first: number): { sql: string; params: unknown[] } {
  return attempt === undefined ? { sql: '', params: [] } : { sql: ` AND attempts = $${first}`, params: [attempt] };
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

/**
 * The claim: up to $3 rows that are due at $1, or whose lease ran out by $1,
 * oldest due first, leased until $2. A row being sent was claimed when it was
 * due, and its lease ends after that, so `due_at <= $1` holds for both kinds:
 * reminders_claim_idx (migration 10) is read in due order from its start and
 * the scan stops once the batch is full, passing over only the rows leased
 * right now. Its cost follows the batch, not the backlog.
 */
export const CLAIM_SQL = `WITH claimed AS (
     UPDATE reminders SET state = 'sending', claimed_until = $2::timestamptz, attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM reminders
       WHERE state IN ('due', 'sending') AND due_at <= $1::timestamptz AND (state = 'due' OR claimed_until < $1::timestamptz)
       ORDER BY due_at
       LIMIT $3
       FOR UPDATE SKIP LOCKED
     )
     RETURNING id, subscriber_id, kind, ref, deadline_id, deadline_date, due_at, attempts, claimed_until, hints
   )
   SELECT c.id, c.subscriber_id, c.kind, c.ref, c.deadline_id, to_char(c.deadline_date, 'YYYY-MM-DD') AS deadline_date,
          c.due_at, c.attempts, c.claimed_until, s.endpoint, s.p256dh, s.auth, s.quiet_start, s.quiet_end, c.hints
   FROM claimed c JOIN push_subscribers s ON s.id = c.subscriber_id
   ORDER BY c.due_at`;

/**
 * Run before CLAIM_SQL in its transaction. Without table statistics (PGlite
 * never analyzes; PostgreSQL only after autovacuum has run) the planner takes
 * a few due rows for granted and prefers to fetch them all and sort them,
 * which at 20,000 due rows took 54 ms against 0.4 ms for the ordered index
 * scan. With sorting disabled for this one transaction, the index's order is
 * used (the final sort of the batch's own rows stays).
 *
 * Disabling a plan node adds a huge constant to its estimated cost (the
 * final sort keeps it), so PostgreSQL, whose JIT starts above a cost of
 * 100,000, compiled every claim with LLVM: 300 to 540 ms of PostgreSQL's CPU
 * for a statement that runs in 0.05 ms (auto_explain in `npm run
 * bench:relays`, where the claims took 80 % of PostgreSQL's time). So JIT is
 * off for the transaction too. Both settings are local to it.
 */
export const CLAIM_PLANNER = "SELECT set_config('enable_sort', 'off', true), set_config('jit', 'off', true)";

export function pushQueueQueries(db: SqlDriver): PushQueueStore {
  return {
    async claimDueReminders(options) {
      const until = new Date(options.now.getTime() + options.leaseMs);
      // Planned without a sort (see CLAIM_SQL): the embedded store never gathers statistics.
      const rows = await db.transaction(async (tx) => {
        await tx.query(CLAIM_PLANNER);
        return tx.query<ClaimRow>(CLAIM_SQL, [options.now, until, options.batch]);
      });
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
        hints: readHints(row.hints),
      }));
    },

    markReminderSent(id, claim = {}) {
      const now = claim.now ?? new Date();
      return db.transaction(async (tx) => {
        const filter = claimFilter(claim.attempt, 3);
        const done = await tx.query<{ kind: PushKind; subscriber_id: string; due_at: Date | string; snoozed: boolean }>(
          `UPDATE reminders SET state = 'sent', sent_at = $2::timestamptz, claimed_until = NULL, hints = NULL
           WHERE id = $1 AND state = 'sending'${filter.sql}
           RETURNING kind, subscriber_id, due_at, snoozed`,
          [id, now, ...filter.params],
        );
        const row = done[0];
        if (!row) return false;
        // A snoozed copy (migration 5) is a one-off: the regular series goes on from its own row.
        if (row.kind === 'journal' && !row.snoozed) await scheduleNextJournal(tx, row.subscriber_id, asDate(row.due_at), now);
        return true;
      });
    },

    async markRemindersSent(rows) {
      if (rows.length === 0) return new Set();
      const done = await db.query<{ id: string }>(
        `UPDATE reminders r SET state = 'sent', sent_at = c.at, claimed_until = NULL, hints = NULL
         FROM unnest($1::uuid[], $2::int[], $3::timestamptz[]) AS c(id, attempt, at)
         WHERE r.id = c.id AND r.state = 'sending' AND r.attempts = c.attempt AND r.kind <> 'journal'
         RETURNING r.id`,
        [rows.map((row) => row.id), rows.map((row) => row.attempt), rows.map((row) => row.at.toISOString())],
      );
      return new Set(done.map((row) => row.id));
    },

    async markReminderRetry(id, at, claim = {}) {
      const filter = claimFilter(claim.attempt, 3);
      const rows = await db.query<{ id: string }>(
        `UPDATE reminders SET state = 'due', due_at = $2::timestamptz, claimed_until = NULL
         WHERE id = $1 AND state = 'sending'${filter.sql} RETURNING id`,
        [id, at, ...filter.params],
      );
      return rows.length > 0;
    },

    async releaseReminders(rows) {
      if (rows.length === 0) return 0;
      const done = await db.query<{ id: string }>(
        `UPDATE reminders r SET state = 'due', claimed_until = NULL, attempts = r.attempts - 1
         FROM unnest($1::uuid[], $2::int[]) AS c(id, attempt)
         WHERE r.id = c.id AND r.state = 'sending' AND r.attempts = c.attempt
         RETURNING r.id`,
        [rows.map((row) => row.id), rows.map((row) => row.attempt)],
      );
      return done.length;
    },

    async markReminderFailed(id, claim = {}) {
      const filter = claimFilter(claim.attempt, 2);
      const rows = await db.query<{ id: string }>(
        `UPDATE reminders SET state = 'failed', claimed_until = NULL, hints = NULL
         WHERE id = $1 AND state = 'sending'${filter.sql} RETURNING id`,
        [id, ...filter.params],
      );
      return rows.length > 0;
    },
  };
}
