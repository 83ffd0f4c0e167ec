import { randomUUID } from 'node:crypto';
import type { SqlDriver } from './driver';
import { migrate } from './migrations';
import type {
  Adviser,
  AdviserDevice,
  Connection,
  ConnectionSummary,
  CredentialOwner,
  DeviceRequestState,
  Direction,
  Item,
  NewReminder,
  PendingDeviceRequest,
  PushKeys,
  PushPreferencesRow,
  PushSubscriber,
  Reminder,
  ReminderKind,
  ReminderState,
  Store,
} from './store';

// Row shapes as the drivers return them (timestamptz → Date).
interface AdviserRow {
  id: string;
  name: string;
  org: string;
  signing_key: string | null;
  created_at: Date;
}
interface DeviceRow {
  id: string;
  adviser_id: string;
  public_key: string;
  signature: string;
  created_at: Date;
}
interface DeviceRequestRow {
  id: string;
  adviser_id: string;
  public_key: string | null;
  signature: string | null;
  state: DeviceRequestState;
  expired: boolean;
  created_at: Date;
}
interface ConnectionRow {
  id: string;
  adviser_id: string;
  label: string;
  claimant_public_key: string;
  created_at: Date;
  stopped_at: Date | null;
}
interface SummaryRow extends ConnectionRow {
  last_item_at: Date | null;
  unseen: number;
}
interface ItemRow {
  id: string;
  connection_id: string;
  direction: Direction;
  envelope: string;
  size: number;
  created_at: Date;
  seen_at: Date | null;
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
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids come from URLs: a malformed one is "not found", not a database error. */
const isUuid = (id: string): boolean => UUID.test(id);

function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : iso(value);
}

const ADVISER_COLUMNS = 'id, name, org, signing_key, created_at';
const DEVICE_COLUMNS = 'id, adviser_id, public_key, signature, created_at';
const CONNECTION_COLUMNS = 'id, adviser_id, label, claimant_public_key, created_at, stopped_at';
const ITEM_COLUMNS = 'id, connection_id, direction, envelope, size, created_at, seen_at';

const SUBSCRIBER_COLUMNS =
  'id, endpoint, p256dh, auth, connection_id, adviser_device_id, replies_on, quiet_start, quiet_end, journal_days, journal_minute, created_at, updated_at';
const REMINDER_COLUMNS =
  "id, subscriber_id, kind, ref, deadline_id, to_char(deadline_date, 'YYYY-MM-DD') AS deadline_date, due_at, state, attempts, sent_at, snoozed, created_at";

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
  };
}

/** Inserts one reminder unless `guard` (SQL on the would-be row's values $2..$8) finds a match; returns it or null. */
async function insertReminder(db: SqlDriver, r: NewReminder, guard = ''): Promise<Reminder | null> {
  const rows = await db.query<ReminderRow>(
    `INSERT INTO reminders (id, subscriber_id, kind, ref, deadline_id, deadline_date, due_at, snoozed)
     SELECT $1::uuid, $2::uuid, $3::text, $4::text, $5::text, $6::date, $7::timestamptz, $8::boolean
     WHERE EXISTS (SELECT 1 FROM push_subscribers WHERE id = $2::uuid)${guard}
     RETURNING ${REMINDER_COLUMNS}`,
    [randomUUID(), r.subscriberId, r.kind, r.ref ?? null, r.deadlineId ?? null, r.deadlineDate ?? null, r.dueAt, r.snoozed ?? false],
  );
  return rows[0] ? toReminder(rows[0]) : null;
}

function toDevice(row: DeviceRow): AdviserDevice {
  return { id: row.id, publicKey: row.public_key, signature: row.signature, createdAt: iso(row.created_at) };
}

/** Devices with a signed key, oldest first (devices from before migration 2 have none). */
async function devicesOf(db: SqlDriver, adviserId: string): Promise<AdviserDevice[]> {
  const rows = await db.query<DeviceRow>(
    `SELECT ${DEVICE_COLUMNS} FROM adviser_devices
     WHERE adviser_id = $1 AND public_key IS NOT NULL AND signature IS NOT NULL
     ORDER BY created_at, id`,
    [adviserId],
  );
  return rows.map(toDevice);
}

async function toAdviser(db: SqlDriver, row: AdviserRow): Promise<Adviser> {
  return {
    id: row.id,
    name: row.name,
    org: row.org,
    signingKey: row.signing_key,
    devices: await devicesOf(db, row.id),
    createdAt: iso(row.created_at),
  };
}
function toConnection(row: ConnectionRow): Connection {
  return {
    id: row.id,
    adviserId: row.adviser_id,
    label: row.label,
    claimantPublicKey: row.claimant_public_key,
    createdAt: iso(row.created_at),
    stoppedAt: isoOrNull(row.stopped_at),
  };
}
function toItem(row: ItemRow): Item {
  return {
    id: row.id,
    connectionId: row.connection_id,
    direction: row.direction,
    envelope: row.envelope,
    size: Number(row.size),
    createdAt: iso(row.created_at),
    seenAt: isoOrNull(row.seen_at),
  };
}

export class SqlStore implements Store {
  constructor(private readonly db: SqlDriver) {}

  migrate(): Promise<void> {
    return migrate(this.db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  async createAdviser(input: { name: string; org: string; enrolTokenHash: string; enrolExpiresAt: string }): Promise<Adviser> {
    const rows = await this.db.query<AdviserRow>(
      `INSERT INTO advisers (id, name, org, enrol_token_hash, enrol_expires_at)
       VALUES ($1, $2, $3, $4, $5::timestamptz)
       RETURNING ${ADVISER_COLUMNS}`,
      [randomUUID(), input.name, input.org, input.enrolTokenHash, input.enrolExpiresAt],
    );
    return toAdviser(this.db, one(rows));
  }

  enrolAdviser(input: {
    enrolTokenHash: string;
    signingKey: string;
    device: { publicKey: string; signature: string };
    deviceTokenHash: string;
    now: string;
  }): Promise<Adviser | null> {
    return this.db.transaction(async (tx) => {
      // The row lock taken by this UPDATE makes a concurrent enrolment with the
      // same token wait, then find enrolled_at set: one caller wins.
      const rows = await tx.query<AdviserRow>(
        `UPDATE advisers SET signing_key = $2, enrolled_at = $3::timestamptz
         WHERE enrol_token_hash = $1 AND enrolled_at IS NULL AND enrol_expires_at > $3::timestamptz
         RETURNING ${ADVISER_COLUMNS}`,
        [input.enrolTokenHash, input.signingKey, input.now],
      );
      const row = rows[0];
      if (!row) return null;
      await tx.query(
        `INSERT INTO adviser_devices (id, adviser_id, token_hash, public_key, signature, created_at)
         VALUES ($1, $2, $3, $4, $5, $6::timestamptz)`,
        [randomUUID(), row.id, input.deviceTokenHash, input.device.publicKey, input.device.signature, input.now],
      );
      return toAdviser(tx, row);
    });
  }

  async getAdviser(id: string): Promise<Adviser | null> {
    if (!isUuid(id)) return null;
    const rows = await this.db.query<AdviserRow>(`SELECT ${ADVISER_COLUMNS} FROM advisers WHERE id = $1`, [id]);
    return rows[0] ? toAdviser(this.db, rows[0]) : null;
  }

  async listDevices(adviserId: string): Promise<AdviserDevice[]> {
    if (!isUuid(adviserId)) return [];
    return devicesOf(this.db, adviserId);
  }

  async createDeviceCode(input: { adviserId: string; codeHash: string; expiresAt: string; now: string }): Promise<{ id: string }> {
    const rows = await this.db.query<{ id: string }>(
      `INSERT INTO device_requests (id, adviser_id, code_hash, code_expires_at, state, created_at)
       VALUES ($1, $2, $3, $4::timestamptz, 'open', $5::timestamptz)
       RETURNING id`,
      [randomUUID(), input.adviserId, input.codeHash, input.expiresAt, input.now],
    );
    return { id: one(rows).id };
  }

  requestDevice(input: {
    codeHash: string;
    publicKey: string;
    pollTokenHash: string;
    expiresAt: string;
    now: string;
  }): Promise<{ status: 'pending'; id: string; expiresAt: string } | { status: 'not_found' } | { status: 'gone' }> {
    return this.db.transaction(async (tx) => {
      // Single use: the row lock makes a concurrent use of the same code wait,
      // then find the state moved on.
      const used = await tx.query<{ id: string; code_expires_at: Date }>(
        `UPDATE device_requests
         SET state = 'pending', public_key = $2, poll_token_hash = $3, code_expires_at = $4::timestamptz
         WHERE code_hash = $1 AND state = 'open' AND code_expires_at > $5::timestamptz
         RETURNING id, code_expires_at`,
        [input.codeHash, input.publicKey, input.pollTokenHash, input.expiresAt, input.now],
      );
      const row = used[0];
      if (row) return { status: 'pending' as const, id: row.id, expiresAt: iso(row.code_expires_at) };
      const known = await tx.query<{ id: string }>(`SELECT id FROM device_requests WHERE code_hash = $1`, [input.codeHash]);
      return known[0] ? { status: 'gone' as const } : { status: 'not_found' as const };
    });
  }

  async getDeviceRequest(
    id: string,
    adviserId: string,
    now: string,
  ): Promise<{ id: string; publicKey: string | null; state: DeviceRequestState | 'expired'; createdAt: string } | null> {
    if (!isUuid(id) || !isUuid(adviserId)) return null;
    const rows = await this.db.query<DeviceRequestRow>(
      `SELECT id, adviser_id, public_key, signature, state, created_at, code_expires_at <= $3::timestamptz AS expired
       FROM device_requests WHERE id = $1 AND adviser_id = $2`,
      [id, adviserId, now],
    );
    const row = rows[0];
    if (!row) return null;
    const finished = row.state === 'claimed' || row.state === 'refused';
    return { id: row.id, publicKey: row.public_key, state: row.expired && !finished ? 'expired' : row.state, createdAt: iso(row.created_at) };
  }

  async listPendingDevices(adviserId: string, now: string): Promise<PendingDeviceRequest[]> {
    if (!isUuid(adviserId)) return [];
    const rows = await this.db.query<{ id: string; public_key: string; created_at: Date }>(
      `SELECT id, public_key, created_at FROM device_requests
       WHERE adviser_id = $1 AND state = 'pending' AND code_expires_at > $2::timestamptz AND public_key IS NOT NULL
       ORDER BY created_at DESC, id DESC`,
      [adviserId, now],
    );
    return rows.map((row) => ({ id: row.id, publicKey: row.public_key, createdAt: iso(row.created_at) }));
  }

  async approveDevice(input: { id: string; adviserId: string; signature: string; expiresAt: string; now: string }): Promise<boolean> {
    if (!isUuid(input.id) || !isUuid(input.adviserId)) return false;
    const rows = await this.db.query<{ id: string }>(
      `UPDATE device_requests SET state = 'approved', signature = $3, code_expires_at = $4::timestamptz
       WHERE id = $1 AND adviser_id = $2 AND state = 'pending' AND code_expires_at > $5::timestamptz
       RETURNING id`,
      [input.id, input.adviserId, input.signature, input.expiresAt, input.now],
    );
    return rows.length === 1;
  }

  refuseDevice(input: { id: string; adviserId: string; now: string }): Promise<'refused' | 'gone' | 'not_found'> {
    const { id, adviserId } = input;
    if (!isUuid(id) || !isUuid(adviserId)) return Promise.resolve('not_found');
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{ state: DeviceRequestState }>(`SELECT state FROM device_requests WHERE id = $1 AND adviser_id = $2 FOR UPDATE`, [id, adviserId]);
      const row = rows[0];
      if (!row) return 'not_found' as const;
      if (row.state === 'claimed') return 'gone' as const;
      // The new computer's key is no longer needed; its poll token stays so it learns of the refusal (410).
      await tx.query(`UPDATE device_requests SET state = 'refused', public_key = NULL, signature = NULL WHERE id = $1`, [id]);
      return 'refused' as const;
    });
  }

  claimDevice(input: {
    id: string;
    pollTokenHash: string;
    deviceTokenHash: string;
    now: string;
  }): Promise<{ status: 'claimed'; adviser: Adviser; deviceId: string } | { status: 'pending' } | { status: 'gone' } | { status: 'not_found' }> {
    if (!isUuid(input.id)) return Promise.resolve({ status: 'not_found' as const });
    return this.db.transaction(async (tx) => {
      // FOR UPDATE: two claims at once are one after the other; the second finds 'claimed'.
      const rows = await tx.query<DeviceRequestRow>(
        `SELECT id, adviser_id, public_key, signature, state, created_at, code_expires_at <= $3::timestamptz AS expired
         FROM device_requests WHERE id = $1 AND poll_token_hash = $2 FOR UPDATE`,
        [input.id, input.pollTokenHash, input.now],
      );
      const row = rows[0];
      if (!row) return { status: 'not_found' as const };
      if (row.state === 'pending' && !row.expired) return { status: 'pending' as const };
      if (row.state !== 'approved' || row.expired || row.public_key === null || row.signature === null) return { status: 'gone' as const };
      const deviceId = randomUUID();
      await tx.query(
        `INSERT INTO adviser_devices (id, adviser_id, token_hash, public_key, signature, created_at)
         VALUES ($1, $2, $3, $4, $5, $6::timestamptz)`,
        [deviceId, row.adviser_id, input.deviceTokenHash, row.public_key, row.signature, input.now],
      );
      await tx.query(`UPDATE device_requests SET state = 'claimed', device_token_hash = $2 WHERE id = $1`, [row.id, input.deviceTokenHash]);
      const advisers = await tx.query<AdviserRow>(`SELECT ${ADVISER_COLUMNS} FROM advisers WHERE id = $1`, [row.adviser_id]);
      return { status: 'claimed' as const, adviser: await toAdviser(tx, one(advisers)), deviceId };
    });
  }

  async findCredential(tokenHash: string): Promise<CredentialOwner | null> {
    const devices = await this.db.query<{ id: string; adviser_id: string }>(`SELECT id, adviser_id FROM adviser_devices WHERE token_hash = $1`, [tokenHash]);
    const device = devices[0];
    if (device) return { kind: 'adviser', adviserId: device.adviser_id, deviceId: device.id };
    const connections = await this.db.query<{ id: string }>(`SELECT id FROM connections WHERE claimant_token_hash = $1 AND stopped_at IS NULL`, [tokenHash]);
    const connection = connections[0];
    return connection ? { kind: 'claimant', connectionId: connection.id } : null;
  }

  async createInvite(input: { codeHash: string; adviserId: string; label: string; expiresAt: string }): Promise<void> {
    await this.db.query(`INSERT INTO invites (code_hash, adviser_id, label, expires_at) VALUES ($1, $2, $3, $4::timestamptz)`, [
      input.codeHash,
      input.adviserId,
      input.label,
      input.expiresAt,
    ]);
  }

  async findInvite(codeHash: string, now: string): Promise<{ adviser: Adviser; label: string; expiresAt: string; state: 'open' | 'used' | 'expired' } | null> {
    const rows = await this.db.query<AdviserRow & { label: string; expires_at: Date; state: 'open' | 'used' | 'expired' }>(
      `SELECT a.id, a.name, a.org, a.signing_key, a.created_at, i.label, i.expires_at,
              CASE WHEN i.used_at IS NOT NULL THEN 'used'
                   WHEN i.expires_at <= $2::timestamptz THEN 'expired'
                   ELSE 'open' END AS state
       FROM invites i JOIN advisers a ON a.id = i.adviser_id
       WHERE i.code_hash = $1`,
      [codeHash, now],
    );
    const row = rows[0];
    if (!row) return null;
    return { adviser: await toAdviser(this.db, row), label: row.label, expiresAt: iso(row.expires_at), state: row.state };
  }

  connect(input: {
    codeHash: string;
    connectionId: string;
    claimantPublicKey: string;
    claimantTokenHash: string;
    now: string;
  }): Promise<{ connection: Connection; adviser: Adviser } | null> {
    return this.db.transaction(async (tx) => {
      // The row lock taken by this UPDATE makes a concurrent use of the same
      // code wait, then find used_at set: exactly one caller wins. The label is
      // moved to the connection, so stopping it later leaves no copy behind.
      const used = await tx.query<{ adviser_id: string; label: string }>(
        `UPDATE invites SET used_at = $2::timestamptz
         WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2::timestamptz
         RETURNING adviser_id, label`,
        [input.codeHash, input.now],
      );
      const invite = used[0];
      if (!invite) return null;
      await tx.query(`UPDATE invites SET label = '' WHERE code_hash = $1`, [input.codeHash]);
      const connections = await tx.query<ConnectionRow>(
        `INSERT INTO connections (id, adviser_id, label, claimant_public_key, claimant_token_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6::timestamptz)
         RETURNING ${CONNECTION_COLUMNS}`,
        [input.connectionId, invite.adviser_id, invite.label, input.claimantPublicKey, input.claimantTokenHash, input.now],
      );
      const advisers = await tx.query<AdviserRow>(`SELECT ${ADVISER_COLUMNS} FROM advisers WHERE id = $1`, [invite.adviser_id]);
      return { connection: toConnection(one(connections)), adviser: await toAdviser(tx, one(advisers)) };
    });
  }

  async getConnection(id: string): Promise<Connection | null> {
    if (!isUuid(id)) return null;
    const rows = await this.db.query<ConnectionRow>(`SELECT ${CONNECTION_COLUMNS} FROM connections WHERE id = $1`, [id]);
    return rows[0] ? toConnection(rows[0]) : null;
  }

  async listConnections(adviserId: string): Promise<ConnectionSummary[]> {
    if (!isUuid(adviserId)) return [];
    const rows = await this.db.query<SummaryRow>(
      `SELECT c.id, c.adviser_id, c.label, c.claimant_public_key, c.created_at, c.stopped_at,
              s.last_item_at, COALESCE(s.unseen, 0)::int AS unseen
       FROM connections c
       LEFT JOIN LATERAL (
         SELECT max(i.created_at) AS last_item_at, (count(*) FILTER (WHERE i.seen_at IS NULL))::int AS unseen
         FROM items i WHERE i.connection_id = c.id AND i.direction = 'to-adviser'
       ) s ON true
       WHERE c.adviser_id = $1
       ORDER BY c.created_at DESC, c.id DESC`,
      [adviserId],
    );
    return rows.map((row) => ({ ...toConnection(row), lastItemAt: isoOrNull(row.last_item_at), unseen: Number(row.unseen) }));
  }

  async stopConnection(id: string, now: string): Promise<void> {
    if (!isUuid(id)) return;
    await this.db.transaction(async (tx) => {
      // FOR UPDATE waits for addItem calls holding FOR SHARE on this row, and
      // makes later ones wait and then see stopped_at: no item outlives the stop.
      await tx.query(`SELECT id FROM connections WHERE id = $1 FOR UPDATE`, [id]);
      await tx.query(
        `UPDATE connections
         SET claimant_token_hash = NULL, label = '', claimant_public_key = '',
             stopped_at = COALESCE(stopped_at, $2::timestamptz)
         WHERE id = $1`,
        [id, now],
      );
      await tx.query(`DELETE FROM items WHERE connection_id = $1`, [id]);
      // The row stays (stopped marker), so ON DELETE CASCADE does not fire: the
      // claimant's push subscribers go here, and their reminders with them.
      await tx.query(`DELETE FROM push_subscribers WHERE connection_id = $1`, [id]);
    });
  }

  addItem(item: Omit<Item, 'seenAt'>): Promise<{ item: Item; created: boolean } | { conflict: true }> {
    return this.db.transaction(async (tx) => {
      const connections = await tx.query<{ stopped_at: Date | null }>(`SELECT stopped_at FROM connections WHERE id = $1 FOR SHARE`, [item.connectionId]);
      const connection = connections[0];
      if (!connection || connection.stopped_at !== null) throw new Error('addItem: connection unknown or stopped');
      const inserted = await tx.query<ItemRow>(
        `INSERT INTO items (id, connection_id, direction, envelope, size, created_at)
         VALUES ($1, $2, $3, $4, $5, $6::timestamptz)
         ON CONFLICT (id) DO NOTHING
         RETURNING ${ITEM_COLUMNS}`,
        [item.id, item.connectionId, item.direction, item.envelope, item.size, item.createdAt],
      );
      if (inserted[0]) return { item: toItem(inserted[0]), created: true };
      const existing = await tx.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items WHERE id = $1`, [item.id]);
      const row = existing[0];
      if (row && row.connection_id === item.connectionId && row.direction === item.direction && row.envelope === item.envelope) {
        return { item: toItem(row), created: false };
      }
      return { conflict: true as const };
    });
  }

  async listItems(connectionId: string, direction: Direction): Promise<Item[]> {
    if (!isUuid(connectionId)) return [];
    const rows = await this.db.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items WHERE connection_id = $1 AND direction = $2 ORDER BY created_at DESC, id DESC`, [
      connectionId,
      direction,
    ]);
    return rows.map(toItem);
  }

  async getItem(id: string): Promise<Item | null> {
    if (!isUuid(id)) return null;
    const rows = await this.db.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items WHERE id = $1`, [id]);
    return rows[0] ? toItem(rows[0]) : null;
  }

  async markSeen(id: string, now: string): Promise<Item | null> {
    if (!isUuid(id)) return null;
    // The first time it was seen is kept.
    const rows = await this.db.query<ItemRow>(`UPDATE items SET seen_at = COALESCE(seen_at, $2::timestamptz) WHERE id = $1 RETURNING ${ITEM_COLUMNS}`, [id, now]);
    return rows[0] ? toItem(rows[0]) : null;
  }

  async deleteExpired(input: { seenBefore: string; createdBefore: string }): Promise<number> {
    const rows = await this.db.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM items
         WHERE (seen_at IS NOT NULL AND seen_at < $1::timestamptz) OR created_at < $2::timestamptz
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM gone`,
      [input.seenBefore, input.createdBefore],
    );
    return Number(rows[0]?.n ?? 0);
  }

  // ---- Push reminders ----

  async getSetting(key: string): Promise<string | null> {
    const rows = await this.db.query<{ value: string }>(`SELECT value FROM settings WHERE key = $1`, [key]);
    return rows[0]?.value ?? null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.db.query(`INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [key, value]);
  }

  async initSetting(key: string, value: string): Promise<string> {
    await this.db.query(`INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [key, value]);
    const stored = await this.getSetting(key);
    if (stored === null) throw new Error('initSetting: the setting vanished');
    return stored;
  }

  async createSubscriber(
    input: PushKeys & { tokenHash: string; connectionId?: string | null; adviserDeviceId?: string | null; now: string },
  ): Promise<PushSubscriber> {
    return this.db.transaction(async (tx) => {
      // One subscriber per browser subscription: subscribing again (the app lost
      // its credential) replaces the old one, so no push arrives twice.
      await tx.query(`DELETE FROM push_subscribers WHERE endpoint = $1`, [input.endpoint]);
      const rows = await tx.query<SubscriberRow>(
        `INSERT INTO push_subscribers (id, token_hash, endpoint, p256dh, auth, connection_id, adviser_device_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $8::timestamptz)
         RETURNING ${SUBSCRIBER_COLUMNS}`,
        [randomUUID(), input.tokenHash, input.endpoint, input.p256dh, input.auth, input.connectionId ?? null, input.adviserDeviceId ?? null, input.now],
      );
      return toSubscriber(one(rows));
    });
  }

  async findSubscriber(tokenHash: string): Promise<PushSubscriber | null> {
    const rows = await this.db.query<SubscriberRow>(`SELECT ${SUBSCRIBER_COLUMNS} FROM push_subscribers WHERE token_hash = $1`, [tokenHash]);
    return rows[0] ? toSubscriber(rows[0]) : null;
  }

  async getSubscriber(id: string): Promise<PushSubscriber | null> {
    if (!isUuid(id)) return null;
    const rows = await this.db.query<SubscriberRow>(`SELECT ${SUBSCRIBER_COLUMNS} FROM push_subscribers WHERE id = $1`, [id]);
    return rows[0] ? toSubscriber(rows[0]) : null;
  }

  async resyncSubscriber(id: string, keys: PushKeys, now: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const rows = await this.db.query<{ id: string }>(
      `UPDATE push_subscribers SET endpoint = $2, p256dh = $3, auth = $4, updated_at = $5::timestamptz WHERE id = $1 RETURNING id`,
      [id, keys.endpoint, keys.p256dh, keys.auth, now],
    );
    return rows.length === 1;
  }

  async deleteSubscriber(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const rows = await this.db.query<{ id: string }>(`DELETE FROM push_subscribers WHERE id = $1 RETURNING id`, [id]);
    return rows.length === 1;
  }

  async updatePreferences(id: string, prefs: PushPreferencesRow, now: string): Promise<PushSubscriber | null> {
    if (!isUuid(id)) return null;
    const rows = await this.db.query<SubscriberRow>(
      `UPDATE push_subscribers
       SET replies_on = $2, quiet_start = $3, quiet_end = $4, journal_days = $5, journal_minute = $6, updated_at = $7::timestamptz
       WHERE id = $1 RETURNING ${SUBSCRIBER_COLUMNS}`,
      [id, prefs.replies, prefs.quiet.start, prefs.quiet.end, prefs.journal?.days ?? 0, prefs.journal?.minute ?? null, now],
    );
    return rows[0] ? toSubscriber(rows[0]) : null;
  }

  async listAdviserSubscribers(adviserId: string): Promise<PushSubscriber[]> {
    if (!isUuid(adviserId)) return [];
    const rows = await this.db.query<SubscriberRow>(
      `SELECT ${SUBSCRIBER_COLUMNS.split(', ')
        .map((c) => `s.${c}`)
        .join(', ')}
       FROM push_subscribers s JOIN adviser_devices d ON d.id = s.adviser_device_id
       WHERE d.adviser_id = $1 ORDER BY s.created_at, s.id`,
      [adviserId],
    );
    return rows.map(toSubscriber);
  }

  async listConnectionSubscribers(connectionId: string): Promise<PushSubscriber[]> {
    if (!isUuid(connectionId)) return [];
    const rows = await this.db.query<SubscriberRow>(`SELECT ${SUBSCRIBER_COLUMNS} FROM push_subscribers WHERE connection_id = $1 ORDER BY created_at, id`, [
      connectionId,
    ]);
    return rows.map(toSubscriber);
  }

  replaceDeadlineReminders(subscriberId: string, reminders: NewReminder[]): Promise<Reminder[]> {
    if (!isUuid(subscriberId)) return Promise.resolve([]);
    return this.db.transaction(async (tx) => {
      // The subscriber row lock orders concurrent replacements for one device.
      const found = await tx.query<{ id: string }>(`SELECT id FROM push_subscribers WHERE id = $1 FOR UPDATE`, [subscriberId]);
      if (!found[0]) return [];
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
  }

  setJournalReminder(subscriberId: string, dueAt: string | null): Promise<Reminder | null> {
    if (!isUuid(subscriberId)) return Promise.resolve(null);
    return this.db.transaction(async (tx) => {
      const found = await tx.query<{ id: string }>(`SELECT id FROM push_subscribers WHERE id = $1 FOR UPDATE`, [subscriberId]);
      if (!found[0]) return null;
      await tx.query(`DELETE FROM reminders WHERE subscriber_id = $1 AND kind = 'journal' AND state = 'due' AND NOT snoozed`, [subscriberId]);
      if (dueAt === null) return null;
      return insertReminder(
        tx,
        { subscriberId, kind: 'journal', dueAt },
        ` AND NOT EXISTS (SELECT 1 FROM reminders o WHERE o.subscriber_id = $2 AND o.kind = 'journal' AND NOT o.snoozed
              AND (o.state = 'sending' OR (o.state <> 'due' AND o.due_at = $7::timestamptz)))`,
      );
    });
  }

  async addReminders(reminders: NewReminder[], options: { coalesce?: boolean } = {}): Promise<Reminder[]> {
    const guard = options.coalesce
      ? ` AND NOT EXISTS (SELECT 1 FROM reminders o WHERE o.subscriber_id = $2 AND o.kind = $3 AND o.state = 'due'
            AND NOT o.snoozed AND o.ref IS NOT DISTINCT FROM $4)`
      : '';
    const inserted: Reminder[] = [];
    for (const r of reminders) {
      if (!isUuid(r.subscriberId)) continue;
      const row = await insertReminder(this.db, r, guard);
      if (row) inserted.push(row);
    }
    return inserted;
  }

  async getReminder(id: string, subscriberId: string): Promise<Reminder | null> {
    if (!isUuid(id) || !isUuid(subscriberId)) return null;
    const rows = await this.db.query<ReminderRow>(`SELECT ${REMINDER_COLUMNS} FROM reminders WHERE id = $1 AND subscriber_id = $2`, [id, subscriberId]);
    return rows[0] ? toReminder(rows[0]) : null;
  }

  async listReminders(subscriberId: string): Promise<Reminder[]> {
    if (!isUuid(subscriberId)) return [];
    const rows = await this.db.query<ReminderRow>(`SELECT ${REMINDER_COLUMNS} FROM reminders WHERE subscriber_id = $1 ORDER BY due_at, id`, [subscriberId]);
    return rows.map(toReminder);
  }

  async listRecentReminders(subscriberId: string, since: string): Promise<Reminder[]> {
    if (!isUuid(subscriberId)) return [];
    const rows = await this.db.query<ReminderRow>(
      `SELECT ${REMINDER_COLUMNS} FROM reminders
       WHERE subscriber_id = $1 AND state = 'sent' AND sent_at >= $2::timestamptz
       ORDER BY sent_at DESC, id DESC LIMIT 200`,
      [subscriberId, since],
    );
    return rows.map(toReminder);
  }
}

function one<T>(rows: T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('expected one row');
  return row;
}
