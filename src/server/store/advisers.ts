// Advisers and their computers (devices), and whose a credential is. An
// adviser is enrolled by their organisation with a one-time token; each
// computer has its own HPKE key, signed by the adviser's signing key.
import { randomUUID } from 'node:crypto';
import type { SqlDriver } from './driver';
import { iso, isUuid, one } from './rows';

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
  | { kind: 'adviser'; adviserId: string; deviceId: string }
  /** A claimant's credential is only found while the connection has not stopped. */
  | { kind: 'claimant'; connectionId: string; adviserId: string };

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
      const rows = await db.query<{ kind: 'adviser' | 'claimant'; id: string; adviser_id: string }>(
        `SELECT 'adviser' AS kind, id, adviser_id FROM adviser_devices WHERE token_hash = $1
         UNION ALL
         SELECT 'claimant' AS kind, id, adviser_id FROM connections WHERE claimant_token_hash = $1 AND stopped_at IS NULL`,
        [tokenHash],
      );
      const device = rows.find((row) => row.kind === 'adviser');
      if (device) return { kind: 'adviser', adviserId: device.adviser_id, deviceId: device.id };
      const connection = rows[0];
      return connection ? { kind: 'claimant', connectionId: connection.id, adviserId: connection.adviser_id } : null;
    },
  };
}
