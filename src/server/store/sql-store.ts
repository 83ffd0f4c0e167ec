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
  PendingDeviceRequest,
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
      const rows = await tx.query<{ state: DeviceRequestState }>(
        `SELECT state FROM device_requests WHERE id = $1 AND adviser_id = $2 FOR UPDATE`,
        [id, adviserId],
      );
      const row = rows[0];
      if (!row) return 'not_found' as const;
      if (row.state === 'claimed') return 'gone' as const;
      // The new computer's key is no longer needed; its poll token stays so it learns of the refusal (410).
      await tx.query(
        `UPDATE device_requests SET state = 'refused', public_key = NULL, signature = NULL WHERE id = $1`,
        [id],
      );
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
    const devices = await this.db.query<{ id: string; adviser_id: string }>(
      `SELECT id, adviser_id FROM adviser_devices WHERE token_hash = $1`,
      [tokenHash],
    );
    const device = devices[0];
    if (device) return { kind: 'adviser', adviserId: device.adviser_id, deviceId: device.id };
    const connections = await this.db.query<{ id: string }>(
      `SELECT id FROM connections WHERE claimant_token_hash = $1 AND stopped_at IS NULL`,
      [tokenHash],
    );
    const connection = connections[0];
    return connection ? { kind: 'claimant', connectionId: connection.id } : null;
  }

  async createInvite(input: { codeHash: string; adviserId: string; label: string; expiresAt: string }): Promise<void> {
    await this.db.query(
      `INSERT INTO invites (code_hash, adviser_id, label, expires_at) VALUES ($1, $2, $3, $4::timestamptz)`,
      [input.codeHash, input.adviserId, input.label, input.expiresAt],
    );
  }

  async findInvite(
    codeHash: string,
    now: string,
  ): Promise<{ adviser: Adviser; label: string; expiresAt: string; state: 'open' | 'used' | 'expired' } | null> {
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
    });
  }

  addItem(item: Omit<Item, 'seenAt'>): Promise<{ item: Item; created: boolean } | { conflict: true }> {
    return this.db.transaction(async (tx) => {
      const connections = await tx.query<{ stopped_at: Date | null }>(
        `SELECT stopped_at FROM connections WHERE id = $1 FOR SHARE`,
        [item.connectionId],
      );
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
    const rows = await this.db.query<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM items WHERE connection_id = $1 AND direction = $2 ORDER BY created_at DESC, id DESC`,
      [connectionId, direction],
    );
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
    const rows = await this.db.query<ItemRow>(
      `UPDATE items SET seen_at = COALESCE(seen_at, $2::timestamptz) WHERE id = $1 RETURNING ${ITEM_COLUMNS}`,
      [id, now],
    );
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
}

function one<T>(rows: T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('expected one row');
  return row;
}
