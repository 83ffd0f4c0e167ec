// Reminders: rows the push sender picks up when due (see push-queue.ts). They
// hold the kind, an opaque ref chosen by the device and, for deadlines, the
// deadline's id and date: never names or labels. A new item's reminder may
// hold sealed deadline hints for its computer (ciphertext, each with the
// connection and item it is bound to), until it is sent.
import { randomUUID } from 'node:crypto';
import { MAX_PUSH_HINTS, type PushHint } from '../../shared/protocol/push-types';
import type { SqlDriver } from './driver';
import { iso, isoOrNull, isUuid } from './rows';

export type ReminderKind = 'reply' | 'journal' | 'deadline' | 'adviser-new-item' | 'adviser-stopped';
export type ReminderState = 'due' | 'sending' | 'sent' | 'failed';

export interface Reminder {
  id: string;
  subscriberId: string;
  kind: ReminderKind;
  ref: string | null;
  deadlineId: string | null;
  /** YYYY-MM-DD */
  deadlineDate: string | null;
  dueAt: string;
  state: ReminderState;
  attempts: number;
  sentAt: string | null;
  /** A copy made by "snooze": kept when the deadline list or journal time is replaced. */
  snoozed: boolean;
  createdAt: string;
  /** 'adviser-new-item': sealed deadline hints for the subscriber's computer (cleared once sent). */
  hints: PushHint[];
}

export interface NewReminder {
  subscriberId: string;
  kind: ReminderKind;
  dueAt: string;
  ref?: string | null;
  deadlineId?: string | null;
  deadlineDate?: string | null;
  snoozed?: boolean;
  /** A new item's sealed deadline hint for this subscriber's computer. */
  hint?: PushHint | null;
}

export interface ReminderStore {
  /**
   * Replaces the subscriber's deadline reminders: deletes its 'due' ones (snoozed
   * copies only when their deadline left the list), inserts `reminders`, skipping
   * any already sent/being sent for the same deadline and time. Returns those inserted.
   */
  replaceDeadlineReminders(subscriberId: string, reminders: NewReminder[]): Promise<Reminder[]>;
  /** Replaces the waiting (unsnoozed) journal reminder with one at `dueAt` (none when null). */
  setJournalReminder(subscriberId: string, dueAt: string | null): Promise<Reminder | null>;
  /**
   * Inserts one-off reminders (reply, adviser-new-item, adviser-stopped, snooze
   * copies). With `coalesce`, one is skipped when its subscriber already has a
   * 'due' unsnoozed reminder of the same kind and ref; its hint then joins
   * that waiting reminder's (up to MAX_PUSH_HINTS; more are dropped).
   */
  addReminders(reminders: NewReminder[], options?: { coalesce?: boolean }): Promise<Reminder[]>;
  /** The subscriber's reminder, or null (unknown or someone else's). */
  getReminder(id: string, subscriberId: string): Promise<Reminder | null>;
  /** Reminders of any state, oldest due first (for tests and the sender). */
  listReminders(subscriberId: string): Promise<Reminder[]>;
  /** Sent at or after `since`, newest first. */
  listRecentReminders(subscriberId: string, since: string): Promise<Reminder[]>;
  /** Retention: deletes reminders sent or failed before `before`. Returns how many. */
  purgeFinishedReminders(before: string): Promise<number>;
}

interface ReminderRow {
  id: string;
  subscriber_id: string;
  kind: ReminderKind;
  ref: string | null;
  deadline_id: string | null;
  deadline_date: string | null;
  due_at: Date;
  state: ReminderState;
  attempts: number | string;
  sent_at: Date | null;
  snoozed: boolean;
  created_at: Date;
  hints: unknown;
}

const REMINDER_COLUMNS =
  "id, subscriber_id, kind, ref, deadline_id, to_char(deadline_date, 'YYYY-MM-DD') AS deadline_date, due_at, state, attempts, sent_at, snoozed, created_at, hints";

/** The stored hints (jsonb; PGlite and pg both give it parsed, but a string is read too). */
export function readHints(value: unknown): PushHint[] {
  const list: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(list) ? (list as PushHint[]) : [];
}

function toReminder(row: ReminderRow): Reminder {
  return {
    id: row.id,
    subscriberId: row.subscriber_id,
    kind: row.kind,
    ref: row.ref,
    deadlineId: row.deadline_id,
    deadlineDate: row.deadline_date,
    dueAt: iso(row.due_at),
    state: row.state,
    attempts: Number(row.attempts),
    sentAt: isoOrNull(row.sent_at),
    snoozed: row.snoozed,
    createdAt: iso(row.created_at),
    hints: readHints(row.hints),
  };
}

/** Inserts one reminder unless `guard` (SQL on the would-be row's values $2..$8) finds a match; returns it or null. */
async function insertReminder(db: SqlDriver, r: NewReminder, guard = ''): Promise<Reminder | null> {
  const rows = await db.query<ReminderRow>(
    `INSERT INTO reminders (id, subscriber_id, kind, ref, deadline_id, deadline_date, due_at, snoozed, hints)
     SELECT $1::uuid, $2::uuid, $3::text, $4::text, $5::text, $6::date, $7::timestamptz, $8::boolean, $9::jsonb
     WHERE EXISTS (SELECT 1 FROM push_subscribers WHERE id = $2::uuid)${guard}
     RETURNING ${REMINDER_COLUMNS}`,
    [
      randomUUID(),
      r.subscriberId,
      r.kind,
      r.ref ?? null,
      r.deadlineId ?? null,
      r.deadlineDate ?? null,
      r.dueAt,
      r.snoozed ?? false,
      r.hint ? JSON.stringify([r.hint]) : null,
    ],
  );
  return rows[0] ? toReminder(rows[0]) : null;
}

/** Locks the subscriber's row (ordering concurrent replacements for one device); false when it is gone. */
async function lockSubscriber(tx: SqlDriver, subscriberId: string): Promise<boolean> {
  const found = await tx.query<{ id: string }>(`SELECT id FROM push_subscribers WHERE id = $1 FOR UPDATE`, [subscriberId]);
  return found.length > 0;
}

export function reminderQueries(db: SqlDriver): ReminderStore {
  return {
    replaceDeadlineReminders(subscriberId, reminders) {
      if (!isUuid(subscriberId)) return Promise.resolve([]);
      return db.transaction(async (tx) => {
        if (!(await lockSubscriber(tx, subscriberId))) return [];
        const keep = reminders.map((r) => `${r.deadlineId ?? ''}|${r.deadlineDate ?? ''}|${r.ref ?? ''}`);
        await tx.query(
          `DELETE FROM reminders
           WHERE subscriber_id = $1 AND kind = 'deadline' AND state = 'due'
             AND (NOT snoozed OR NOT (concat_ws('|', coalesce(deadline_id, ''), coalesce(to_char(deadline_date, 'YYYY-MM-DD'), ''), coalesce(ref, '')) = ANY($2::text[])))`,
          [subscriberId, keep],
        );
        const inserted: Reminder[] = [];
        for (const r of reminders) {
          // Already sent (or being sent) for this deadline at this time: not again.
          const row = await insertReminder(
            tx,
            { ...r, subscriberId, kind: 'deadline', snoozed: false },
            ` AND NOT EXISTS (SELECT 1 FROM reminders o WHERE o.subscriber_id = $2 AND o.kind = 'deadline' AND o.state <> 'due'
                AND o.deadline_id IS NOT DISTINCT FROM $5 AND o.deadline_date IS NOT DISTINCT FROM $6::date
                AND o.ref IS NOT DISTINCT FROM $4 AND o.due_at = $7::timestamptz AND NOT o.snoozed)`,
          );
          if (row) inserted.push(row);
        }
        return inserted;
      });
    },

    setJournalReminder(subscriberId, dueAt) {
      if (!isUuid(subscriberId)) return Promise.resolve(null);
      return db.transaction(async (tx) => {
        if (!(await lockSubscriber(tx, subscriberId))) return null;
        await tx.query(`DELETE FROM reminders WHERE subscriber_id = $1 AND kind = 'journal' AND state = 'due' AND NOT snoozed`, [subscriberId]);
        if (dueAt === null) return null;
        return insertReminder(
          tx,
          { subscriberId, kind: 'journal', dueAt },
          ` AND NOT EXISTS (SELECT 1 FROM reminders o WHERE o.subscriber_id = $2 AND o.kind = 'journal' AND NOT o.snoozed
                AND (o.state = 'sending' OR (o.state <> 'due' AND o.due_at = $7::timestamptz)))`,
        );
      });
    },

    async addReminders(reminders, options = {}) {
      const guard = options.coalesce
        ? ` AND NOT EXISTS (SELECT 1 FROM reminders o WHERE o.subscriber_id = $2 AND o.kind = $3 AND o.state = 'due'
              AND NOT o.snoozed AND o.ref IS NOT DISTINCT FROM $4)`
        : '';
      const inserted: Reminder[] = [];
      for (const r of reminders) {
        if (!isUuid(r.subscriberId)) continue;
        const row = await insertReminder(db, r, guard);
        if (row) inserted.push(row);
        else if (options.coalesce && r.hint) {
          // One push for the items that wait together: this item's hint goes with the waiting one.
          await db.query(
            `UPDATE reminders SET hints = COALESCE(hints, '[]'::jsonb) || $4::jsonb
             WHERE id = (SELECT id FROM reminders WHERE subscriber_id = $1 AND kind = $2 AND state = 'due' AND NOT snoozed
                           AND ref IS NOT DISTINCT FROM $3 ORDER BY due_at LIMIT 1)
               AND jsonb_array_length(COALESCE(hints, '[]'::jsonb)) < $5`,
            [r.subscriberId, r.kind, r.ref ?? null, JSON.stringify([r.hint]), MAX_PUSH_HINTS],
          );
        }
      }
      return inserted;
    },

    async getReminder(id, subscriberId) {
      if (!isUuid(id) || !isUuid(subscriberId)) return null;
      const rows = await db.query<ReminderRow>(`SELECT ${REMINDER_COLUMNS} FROM reminders WHERE id = $1 AND subscriber_id = $2`, [id, subscriberId]);
      return rows[0] ? toReminder(rows[0]) : null;
    },

    async listReminders(subscriberId) {
      if (!isUuid(subscriberId)) return [];
      const rows = await db.query<ReminderRow>(`SELECT ${REMINDER_COLUMNS} FROM reminders WHERE subscriber_id = $1 ORDER BY due_at, id`, [subscriberId]);
      return rows.map(toReminder);
    },

    async listRecentReminders(subscriberId, since) {
      if (!isUuid(subscriberId)) return [];
      const rows = await db.query<ReminderRow>(
        `SELECT ${REMINDER_COLUMNS} FROM reminders
         WHERE subscriber_id = $1 AND state = 'sent' AND sent_at >= $2::timestamptz
         ORDER BY sent_at DESC, id DESC LIMIT 200`,
        [subscriberId, since],
      );
      return rows.map(toReminder);
    },

    async purgeFinishedReminders(before) {
      const rows = await db.query(`DELETE FROM reminders WHERE state IN ('sent', 'failed') AND COALESCE(sent_at, due_at) < $1::timestamptz RETURNING id`, [before]);
      return rows.length;
    },
  };
}
