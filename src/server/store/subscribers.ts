// Push subscribers (see src/shared/protocol/push-types.ts). A subscriber is
// one browser push subscription with its own s_ credential (hashed),
// optionally linked to a claimant's connection (replies) or an adviser's
// device (new items, stopped sharing), with its reminder preferences.
import { randomUUID } from 'node:crypto';
import type { SqlDriver } from './driver';
import { iso, isUuid, one } from './rows';

export interface PushKeys {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushSubscriber extends PushKeys {
  id: string;
  connectionId: string | null;
  adviserDeviceId: string | null;
  replies: boolean;
  /** Minutes after midnight, UK time. */
  quiet: { start: number; end: number };
  /** Null when journal reminders are off. */
  journal: { days: number; minute: number } | null;
  createdAt: string;
  updatedAt: string;
}

export interface PushPreferencesRow {
  replies: boolean;
  quiet: { start: number; end: number };
  journal: { days: number; minute: number } | null;
}

/** An adviser computer's credential stops working when unused for DEVICE_IDLE_DAYS: its pushes stop with it. */
export interface DeviceActivity {
  /** ISO time: a computer last seen (or added, if never seen) before this is idle. */
  deviceActiveSince?: string;
}

/** A subscriber with no adviser computer, or one whose computer is not idle ($n: deviceActiveSince or null). */
const deviceActive = (n: number) =>
  `($${n}::timestamptz IS NULL OR s.adviser_device_id IS NULL OR EXISTS (
     SELECT 1 FROM adviser_devices d WHERE d.id = s.adviser_device_id AND COALESCE(d.last_seen_at, d.created_at) >= $${n}::timestamptz))`;

export interface SubscriberStore {
  /** A new subscriber; another with the same endpoint (the same browser subscription) and the same owner is deleted. */
  createSubscriber(input: PushKeys & { tokenHash: string; connectionId?: string | null; adviserDeviceId?: string | null; now: string }): Promise<PushSubscriber>;
  /**
   * The subscriber of an s_ credential. With `deviceActiveSince`, a subscriber
   * linked to an adviser's computer counts only while that computer has used
   * the relay since then (its credential has not idle-expired): null otherwise.
   */
  findSubscriber(tokenHash: string, options?: DeviceActivity): Promise<PushSubscriber | null>;
  getSubscriber(id: string): Promise<PushSubscriber | null>;
  /** New endpoint/keys for the same subscriber (re-sync); false when unknown. */
  resyncSubscriber(id: string, keys: PushKeys, now: string): Promise<boolean>;
  /**
   * Deletes the subscriber and (cascade) its reminders; false when unknown.
   * With `endpoint` (the push service said the subscription is gone), only if
   * it still has that endpoint: a device that re-synced meanwhile is kept.
   */
  deleteSubscriber(id: string, options?: { endpoint?: string }): Promise<boolean>;
  updatePreferences(id: string, prefs: PushPreferencesRow, now: string): Promise<PushSubscriber | null>;
  /** Subscribers linked to any device of the adviser (with `deviceActiveSince`, only devices used since then). */
  listAdviserSubscribers(adviserId: string, options?: DeviceActivity): Promise<PushSubscriber[]>;
  /** Subscribers linked to the connection (the claimant's phones). */
  listConnectionSubscribers(connectionId: string): Promise<PushSubscriber[]>;
}

interface SubscriberRow {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  connection_id: string | null;
  adviser_device_id: string | null;
  replies_on: boolean;
  quiet_start: number | string;
  quiet_end: number | string;
  journal_days: number | string;
  journal_minute: number | string | null;
  created_at: Date;
  updated_at: Date;
}

const SUBSCRIBER_COLUMNS =
  'id, endpoint, p256dh, auth, connection_id, adviser_device_id, replies_on, quiet_start, quiet_end, journal_days, journal_minute, created_at, updated_at';

/**
 * A JSON array of the subscribers (all SUBSCRIBER_COLUMNS) linked to the
 * computers of adviser `adviser` (an SQL expression) used since `since` (an
 * SQL expression), oldest first: listAdviserSubscribers inside another
 * statement (items.ts, with a new item). Read with subscribersFromJson.
 */
export const ADVISER_SUBSCRIBERS_JSON = (adviser: string, since: string) =>
  `(SELECT COALESCE(json_agg(json_build_object(${SUBSCRIBER_COLUMNS.split(', ')
    .map((c) => `'${c}', s.${c}`)
    .join(', ')}) ORDER BY s.created_at, s.id), '[]'::json)
     FROM push_subscribers s JOIN adviser_devices d ON d.id = s.adviser_device_id
     WHERE d.adviser_id = ${adviser} AND COALESCE(d.last_seen_at, d.created_at) >= ${since})`;

/** The subscribers of ADVISER_SUBSCRIBERS_JSON (the drivers give json parsed; text is parsed here). */
export function subscribersFromJson(value: unknown): PushSubscriber[] {
  const rows = (typeof value === 'string' ? JSON.parse(value) : value) as SubscriberRow[];
  return rows.map(toSubscriber);
}

function toSubscriber(row: SubscriberRow): PushSubscriber {
  return {
    id: row.id,
    endpoint: row.endpoint,
    p256dh: row.p256dh,
    auth: row.auth,
    connectionId: row.connection_id,
    adviserDeviceId: row.adviser_device_id,
    replies: row.replies_on,
    quiet: { start: Number(row.quiet_start), end: Number(row.quiet_end) },
    journal: row.journal_minute === null ? null : { days: Number(row.journal_days), minute: Number(row.journal_minute) },
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function subscriberQueries(db: SqlDriver): SubscriberStore {
  return {
    createSubscriber(input) {
      return db.transaction(async (tx) => {
        // One subscriber per browser subscription and owner: subscribing again (the
        // app lost its credential) replaces the old one, so no push arrives twice.
        // Only the same owner's: knowing an endpoint never removes someone else's.
        await tx.query(
          `DELETE FROM push_subscribers WHERE endpoint = $1
             AND connection_id IS NOT DISTINCT FROM $2::uuid AND adviser_device_id IS NOT DISTINCT FROM $3::uuid`,
          [input.endpoint, input.connectionId ?? null, input.adviserDeviceId ?? null],
        );
        const rows = await tx.query<SubscriberRow>(
          `INSERT INTO push_subscribers (id, token_hash, endpoint, p256dh, auth, connection_id, adviser_device_id, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $8::timestamptz)
           RETURNING ${SUBSCRIBER_COLUMNS}`,
          [randomUUID(), input.tokenHash, input.endpoint, input.p256dh, input.auth, input.connectionId ?? null, input.adviserDeviceId ?? null, input.now],
        );
        return toSubscriber(one(rows));
      });
    },

    async findSubscriber(tokenHash, options = {}) {
      const rows = await db.query<SubscriberRow>(`SELECT ${SUBSCRIBER_COLUMNS} FROM push_subscribers s WHERE s.token_hash = $1 AND ${deviceActive(2)}`, [
        tokenHash,
        options.deviceActiveSince ?? null,
      ]);
      return rows[0] ? toSubscriber(rows[0]) : null;
    },

    async getSubscriber(id) {
      if (!isUuid(id)) return null;
      const rows = await db.query<SubscriberRow>(`SELECT ${SUBSCRIBER_COLUMNS} FROM push_subscribers WHERE id = $1`, [id]);
      return rows[0] ? toSubscriber(rows[0]) : null;
    },

    async resyncSubscriber(id, keys, now) {
      if (!isUuid(id)) return false;
      const rows = await db.query<{ id: string }>(
        `UPDATE push_subscribers SET endpoint = $2, p256dh = $3, auth = $4, updated_at = $5::timestamptz WHERE id = $1 RETURNING id`,
        [id, keys.endpoint, keys.p256dh, keys.auth, now],
      );
      return rows.length === 1;
    },

    async deleteSubscriber(id, options = {}) {
      if (!isUuid(id)) return false;
      const rows =
        options.endpoint === undefined
          ? await db.query<{ id: string }>(`DELETE FROM push_subscribers WHERE id = $1 RETURNING id`, [id])
          : await db.query<{ id: string }>(`DELETE FROM push_subscribers WHERE id = $1 AND endpoint = $2 RETURNING id`, [id, options.endpoint]);
      return rows.length === 1;
    },

    async updatePreferences(id, prefs, now) {
      if (!isUuid(id)) return null;
      const rows = await db.query<SubscriberRow>(
        `UPDATE push_subscribers
         SET replies_on = $2, quiet_start = $3, quiet_end = $4, journal_days = $5, journal_minute = $6, updated_at = $7::timestamptz
         WHERE id = $1 RETURNING ${SUBSCRIBER_COLUMNS}`,
        [id, prefs.replies, prefs.quiet.start, prefs.quiet.end, prefs.journal?.days ?? 0, prefs.journal?.minute ?? null, now],
      );
      return rows[0] ? toSubscriber(rows[0]) : null;
    },

    async listAdviserSubscribers(adviserId, options = {}) {
      if (!isUuid(adviserId)) return [];
      const rows = await db.query<SubscriberRow>(
        `SELECT ${SUBSCRIBER_COLUMNS.split(', ')
          .map((c) => `s.${c}`)
          .join(', ')}
         FROM push_subscribers s JOIN adviser_devices d ON d.id = s.adviser_device_id
         WHERE d.adviser_id = $1 AND ($2::timestamptz IS NULL OR COALESCE(d.last_seen_at, d.created_at) >= $2::timestamptz)
         ORDER BY s.created_at, s.id`,
        [adviserId, options.deviceActiveSince ?? null],
      );
      return rows.map(toSubscriber);
    },

    async listConnectionSubscribers(connectionId) {
      if (!isUuid(connectionId)) return [];
      const rows = await db.query<SubscriberRow>(`SELECT ${SUBSCRIBER_COLUMNS} FROM push_subscribers WHERE connection_id = $1 ORDER BY created_at, id`, [
        connectionId,
      ]);
      return rows.map(toSubscriber);
    },
  };
}
