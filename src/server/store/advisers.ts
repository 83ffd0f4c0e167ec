// Advisers and their computers (devices), and whose a credential is. An
// adviser is enrolled by their organisation with a one-time token; each
// computer has its own HPKE key, signed by the adviser's signing key.
import { randomUUID } from 'node:crypto';
import type { SqlDriver } from './driver';
import { iso, isoOrNull, isUuid, one } from './rows';

/** One computer of an adviser: its HPKE public key, signed by the adviser's signing key. */
export interface AdviserDevice {
  id: string;
  /** base64url of the device's HPKE public key (raw P-256 point). */
  publicKey: string;
  /** base64url ECDSA P-256 signature (IEEE P1363, 64 bytes) of the device key by the signing key. */
  signature: string;
  createdAt: string;
}

/** Times are ISO 8601 strings in UTC; ids are UUIDs unless said otherwise. */
export interface Adviser {
  id: string;
  name: string;
  org: string;
  /** base64url of the adviser's ECDSA P-256 signing key (raw point); null until enrolled. */
  signingKey: string | null;
  /** Devices with a signed key, oldest first (devices from before signed keys are left out). */
  devices: AdviserDevice[];
  createdAt: string;
}

export type CredentialOwner =
  /** lastSeenAt: when the computer last used the relay (to the day), or when it was added. */
  | { kind: 'adviser'; adviserId: string; deviceId: string; lastSeenAt: string }
  /** A claimant's credential is only found while the connection has not stopped. */
  | { kind: 'claimant'; connectionId: string; adviserId: string };

/** One computer as its adviser (or the admin CLI) sees it. */
export interface Computer {
  id: string;
  adviserId: string;
  name: string | null;
  createdAt: string;
  lastSeenAt: string | null;
}

/** An adviser as the admin CLI lists them. */
export interface AdviserSummary {
  id: string;
  name: string;
  org: string;
  enrolled: boolean;
  computers: number;
  /** The latest use by any of their computers, or null. */
  lastSeenAt: string | null;
  createdAt: string;
}

export interface AdviserStore {
  createAdviser(input: { name: string; org: string; enrolTokenHash: string; enrolExpiresAt: string }): Promise<Adviser>;
  /**
   * Uses the one-time enrolment token: sets the signing key and adds the first
   * device with its signed key. Null when unknown, used or expired. The caller
   * has checked the signature.
   */
  enrolAdviser(input: {
    enrolTokenHash: string;
    signingKey: string;
    device: { publicKey: string; signature: string };
    deviceTokenHash: string;
    now: string;
  }): Promise<Adviser | null>;
  getAdviser(id: string): Promise<Adviser | null>;
  /** The adviser's devices with signed keys, oldest first. */
  listDevices(adviserId: string): Promise<AdviserDevice[]>;
  /** Finds who a credential belongs to (by its hash): an adviser's device or a claimant's connection, or null. */
  findCredential(tokenHash: string): Promise<CredentialOwner | null>;
  /** Notes that the computer used the relay now (the caller does this at most once a day). */
  touchDevice(deviceId: string, now: string): Promise<void>;
  /** The adviser's computers (all of them), oldest first. */
  listComputers(adviserId: string): Promise<Computer[]>;
  /** Removes a computer: its credential stops working, its key is no longer listed, its push subscriptions go. With `adviserId`, only that adviser's. */
  removeDevice(deviceId: string, adviserId?: string): Promise<boolean>;
  renameDevice(deviceId: string, name: string): Promise<Computer | null>;
  /** Replaces the computer's credential (its hash): the old one stops working at once. */
  rotateDeviceToken(deviceId: string, tokenHash: string, now: string): Promise<boolean>;
  listAdvisers(): Promise<AdviserSummary[]>;
  /** Removes the adviser with their computers, invites, connections and items. */
  removeAdviser(id: string): Promise<boolean>;
  /** Retention: removes computers unused since `idleBefore`. Returns how many. */
  purgeIdleDevices(idleBefore: string): Promise<number>;
}

export interface AdviserRow {
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

const ADVISER_COLUMNS = 'id, name, org, signing_key, created_at';
const DEVICE_COLUMNS = 'id, adviser_id, public_key, signature, created_at';

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

/** The adviser of an advisers row (ADVISER_COLUMNS), with its devices read in the same transaction. */
export async function toAdviser(db: SqlDriver, row: AdviserRow): Promise<Adviser> {
  return {
    id: row.id,
    name: row.name,
    org: row.org,
    signingKey: row.signing_key,
    devices: await devicesOf(db, row.id),
    createdAt: iso(row.created_at),
  };
}

/** The adviser with this id, which the caller knows exists (a foreign key points at it). */
export async function adviserOf(db: SqlDriver, id: string): Promise<Adviser> {
  const rows = await db.query<AdviserRow>(`SELECT ${ADVISER_COLUMNS} FROM advisers WHERE id = $1`, [id]);
  return toAdviser(db, one(rows));
}

export function adviserQueries(db: SqlDriver): AdviserStore {
  return {
    async createAdviser(input) {
      const rows = await db.query<AdviserRow>(
        `INSERT INTO advisers (id, name, org, enrol_token_hash, enrol_expires_at)
         VALUES ($1, $2, $3, $4, $5::timestamptz)
         RETURNING ${ADVISER_COLUMNS}`,
        [randomUUID(), input.name, input.org, input.enrolTokenHash, input.enrolExpiresAt],
      );
      return toAdviser(db, one(rows));
    },

    enrolAdviser(input) {
      return db.transaction(async (tx) => {
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
    },

    async getAdviser(id) {
      if (!isUuid(id)) return null;
      const rows = await db.query<AdviserRow>(`SELECT ${ADVISER_COLUMNS} FROM advisers WHERE id = $1`, [id]);
      return rows[0] ? toAdviser(db, rows[0]) : null;
    },

    async listDevices(adviserId) {
      if (!isUuid(adviserId)) return [];
      return devicesOf(db, adviserId);
    },

    async findCredential(tokenHash) {
      // One round trip: a token hash is unique in each table, and tokens of the two kinds never collide.
      const rows = await db.query<{ kind: 'adviser' | 'claimant'; id: string; adviser_id: string; seen: Date | null }>(
        `SELECT 'adviser' AS kind, id, adviser_id, COALESCE(last_seen_at, created_at) AS seen FROM adviser_devices WHERE token_hash = $1
         UNION ALL
         SELECT 'claimant' AS kind, id, adviser_id, NULL::timestamptz AS seen FROM connections WHERE claimant_token_hash = $1 AND stopped_at IS NULL`,
        [tokenHash],
      );
      const device = rows.find((row) => row.kind === 'adviser');
      if (device) return { kind: 'adviser', adviserId: device.adviser_id, deviceId: device.id, lastSeenAt: iso(device.seen!) };
      const connection = rows[0];
      return connection ? { kind: 'claimant', connectionId: connection.id, adviserId: connection.adviser_id } : null;
    },

    async touchDevice(deviceId, now) {
      if (!isUuid(deviceId)) return;
      await db.query(`UPDATE adviser_devices SET last_seen_at = $2::timestamptz WHERE id = $1`, [deviceId, now]);
    },

    async listComputers(adviserId) {
      if (!isUuid(adviserId)) return [];
      const rows = await db.query<ComputerRow>(`SELECT ${COMPUTER_COLUMNS} FROM adviser_devices WHERE adviser_id = $1 ORDER BY created_at, id`, [adviserId]);
      return rows.map(toComputer);
    },

    async removeDevice(deviceId, adviserId) {
      if (!isUuid(deviceId) || (adviserId !== undefined && !isUuid(adviserId))) return false;
      const rows =
        adviserId === undefined
          ? await db.query(`DELETE FROM adviser_devices WHERE id = $1 RETURNING id`, [deviceId])
          : await db.query(`DELETE FROM adviser_devices WHERE id = $1 AND adviser_id = $2 RETURNING id`, [deviceId, adviserId]);
      return rows.length === 1;
    },

    async renameDevice(deviceId, name) {
      if (!isUuid(deviceId)) return null;
      const rows = await db.query<ComputerRow>(`UPDATE adviser_devices SET name = $2 WHERE id = $1 RETURNING ${COMPUTER_COLUMNS}`, [deviceId, name]);
      return rows[0] ? toComputer(rows[0]) : null;
    },

    async rotateDeviceToken(deviceId, tokenHash, now) {
      if (!isUuid(deviceId)) return false;
      const rows = await db.query(`UPDATE adviser_devices SET token_hash = $2, last_seen_at = $3::timestamptz WHERE id = $1 RETURNING id`, [
        deviceId,
        tokenHash,
        now,
      ]);
      return rows.length === 1;
    },

    async listAdvisers() {
      const rows = await db.query<AdviserRow & { computers: number | string; last_seen_at: Date | null }>(
        `SELECT a.id, a.name, a.org, a.signing_key, a.created_at,
                (SELECT count(*) FROM adviser_devices d WHERE d.adviser_id = a.id)::int AS computers,
                (SELECT max(COALESCE(d.last_seen_at, d.created_at)) FROM adviser_devices d WHERE d.adviser_id = a.id) AS last_seen_at
         FROM advisers a ORDER BY a.created_at, a.id`,
      );
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        org: row.org,
        enrolled: row.signing_key !== null,
        computers: Number(row.computers),
        lastSeenAt: isoOrNull(row.last_seen_at),
        createdAt: iso(row.created_at),
      }));
    },

    async removeAdviser(id) {
      if (!isUuid(id)) return false;
      // ON DELETE CASCADE takes their computers, invites, device codes,
      // connections with their items, and every push subscription tied to them.
      const rows = await db.query(`DELETE FROM advisers WHERE id = $1 RETURNING id`, [id]);
      return rows.length === 1;
    },

    async purgeIdleDevices(idleBefore) {
      const rows = await db.query(`DELETE FROM adviser_devices WHERE COALESCE(last_seen_at, created_at) < $1::timestamptz RETURNING id`, [idleBefore]);
      return rows.length;
    },
  };
}

interface ComputerRow {
  id: string;
  adviser_id: string;
  name: string | null;
  created_at: Date;
  last_seen_at: Date | null;
}
const COMPUTER_COLUMNS = 'id, adviser_id, name, created_at, last_seen_at';

function toComputer(row: ComputerRow): Computer {
  return { id: row.id, adviserId: row.adviser_id, name: row.name, createdAt: iso(row.created_at), lastSeenAt: isoOrNull(row.last_seen_at) };
}
