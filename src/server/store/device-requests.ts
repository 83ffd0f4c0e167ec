// Adding a computer (see src/shared/protocol/api-types.ts): a one-time device
// code made on a computer the adviser already has, a request from the new
// computer with its key, the adviser's approval with a signature, and the new
// computer's claim of its credential. Every step checks the state and the
// expiry in the same statement that moves it on.
import { randomUUID } from 'node:crypto';
import { adviserOf, type Adviser } from './advisers';
import type { SqlDriver } from './driver';
import { iso, isUuid, one } from './rows';

/** 'contested': a second computer used the same code while the first waited; both fail. */
export type DeviceRequestState = 'open' | 'pending' | 'approved' | 'refused' | 'claimed' | 'contested';

export interface PendingDeviceRequest {
  id: string;
  publicKey: string;
  createdAt: string;
}

export interface DeviceRequestStore {
  /** Stores a new one-time device code (its hash) in state 'open'. */
  createDeviceCode(input: { adviserId: string; codeHash: string; expiresAt: string; now: string }): Promise<{ id: string }>;
  /**
   * Uses the code once (open → pending), keeping the new computer's key and the
   * hash of its poll token; the request then lives until `expiresAt`. A second
   * use while the first waits (pending or approved, not expired) makes it
   * 'contested': both computers are told, nothing is added.
   */
  requestDevice(input: {
    codeHash: string;
    publicKey: string;
    pollTokenHash: string;
    expiresAt: string;
    now: string;
  }): Promise<{ status: 'pending'; id: string; expiresAt: string } | { status: 'not_found' } | { status: 'gone' } | { status: 'contested' }>;
  /** The adviser's own request, with its state ('expired' once past its time and not claimed or refused); null when unknown or not theirs. */
  getDeviceRequest(
    id: string,
    adviserId: string,
    now: string,
  ): Promise<{ id: string; publicKey: string | null; state: DeviceRequestState | 'expired'; createdAt: string } | null>;
  /** Requests waiting for the adviser, newest first (not expired). */
  listPendingDevices(adviserId: string, now: string): Promise<PendingDeviceRequest[]>;
  /** pending → approved with the signature; the claim then has until `expiresAt`. False when not pending, expired, or not the adviser's. */
  approveDevice(input: { id: string; adviserId: string; signature: string; expiresAt: string; now: string }): Promise<boolean>;
  /** pending or approved → refused (refused again is fine); 'gone' once claimed; 'not_found' when unknown or not theirs. */
  refuseDevice(input: { id: string; adviserId: string; now: string }): Promise<'refused' | 'gone' | 'not_found'>;
  /**
   * For the new computer, with its poll token: approved → claimed, adding the
   * device (key, signature, token hash) in the same transaction, once.
   */
  claimDevice(input: {
    id: string;
    pollTokenHash: string;
    deviceTokenHash: string;
    now: string;
  }): Promise<
    { status: 'claimed'; adviser: Adviser; deviceId: string } | { status: 'pending' } | { status: 'gone' } | { status: 'not_found' } | { status: 'contested' }
  >;
  /** Retention: deletes device codes and requests made before `before`. Returns how many. */
  purgeDeviceRequests(before: string): Promise<number>;
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

/** A request's columns, with `expired` worked out against $3 (now). */
const REQUEST_COLUMNS = 'id, adviser_id, public_key, signature, state, created_at, code_expires_at <= $3::timestamptz AS expired';

export function deviceRequestQueries(db: SqlDriver): DeviceRequestStore {
  return {
    async createDeviceCode(input) {
      const rows = await db.query<{ id: string }>(
        `INSERT INTO device_requests (id, adviser_id, code_hash, code_expires_at, state, created_at)
         VALUES ($1, $2, $3, $4::timestamptz, 'open', $5::timestamptz)
         RETURNING id`,
        [randomUUID(), input.adviserId, input.codeHash, input.expiresAt, input.now],
      );
      return { id: one(rows).id };
    },

    requestDevice(input) {
      return db.transaction(async (tx) => {
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
        const known = await tx.query<{ id: string; state: DeviceRequestState; expired: boolean }>(
          `SELECT id, state, code_expires_at <= $2::timestamptz AS expired FROM device_requests WHERE code_hash = $1 FOR UPDATE`,
          [input.codeHash, input.now],
        );
        const row0 = known[0];
        if (!row0) return { status: 'not_found' as const };
        if (row0.state === 'contested') return { status: 'contested' as const };
        if ((row0.state === 'pending' || row0.state === 'approved') && !row0.expired) {
          // Someone else has this code too: neither computer can be trusted to be the adviser's.
          await tx.query(`UPDATE device_requests SET state = 'contested', public_key = NULL, signature = NULL WHERE id = $1`, [row0.id]);
          return { status: 'contested' as const };
        }
        return { status: 'gone' as const };
      });
    },

    async getDeviceRequest(id, adviserId, now) {
      if (!isUuid(id) || !isUuid(adviserId)) return null;
      const rows = await db.query<DeviceRequestRow>(`SELECT ${REQUEST_COLUMNS} FROM device_requests WHERE id = $1 AND adviser_id = $2`, [id, adviserId, now]);
      const row = rows[0];
      if (!row) return null;
      const finished = row.state === 'claimed' || row.state === 'refused';
      return { id: row.id, publicKey: row.public_key, state: row.expired && !finished ? 'expired' : row.state, createdAt: iso(row.created_at) };
    },

    async listPendingDevices(adviserId, now) {
      if (!isUuid(adviserId)) return [];
      const rows = await db.query<{ id: string; public_key: string; created_at: Date }>(
        `SELECT id, public_key, created_at FROM device_requests
         WHERE adviser_id = $1 AND state = 'pending' AND code_expires_at > $2::timestamptz AND public_key IS NOT NULL
         ORDER BY created_at DESC, id DESC`,
        [adviserId, now],
      );
      return rows.map((row) => ({ id: row.id, publicKey: row.public_key, createdAt: iso(row.created_at) }));
    },

    async approveDevice(input) {
      if (!isUuid(input.id) || !isUuid(input.adviserId)) return false;
      const rows = await db.query<{ id: string }>(
        `UPDATE device_requests SET state = 'approved', signature = $3, code_expires_at = $4::timestamptz
         WHERE id = $1 AND adviser_id = $2 AND state = 'pending' AND code_expires_at > $5::timestamptz
         RETURNING id`,
        [input.id, input.adviserId, input.signature, input.expiresAt, input.now],
      );
      return rows.length === 1;
    },

    refuseDevice(input) {
      const { id, adviserId } = input;
      if (!isUuid(id) || !isUuid(adviserId)) return Promise.resolve('not_found');
      return db.transaction(async (tx) => {
        const rows = await tx.query<{ state: DeviceRequestState }>(`SELECT state FROM device_requests WHERE id = $1 AND adviser_id = $2 FOR UPDATE`, [
          id,
          adviserId,
        ]);
        const row = rows[0];
        if (!row) return 'not_found' as const;
        if (row.state === 'claimed') return 'gone' as const;
        // The new computer's key is no longer needed; its poll token stays so it learns of the refusal (410).
        await tx.query(`UPDATE device_requests SET state = 'refused', public_key = NULL, signature = NULL WHERE id = $1`, [id]);
        return 'refused' as const;
      });
    },

    claimDevice(input) {
      if (!isUuid(input.id)) return Promise.resolve({ status: 'not_found' as const });
      return db.transaction(async (tx) => {
        // FOR UPDATE: two claims at once are one after the other; the second finds 'claimed'.
        const rows = await tx.query<DeviceRequestRow>(`SELECT ${REQUEST_COLUMNS} FROM device_requests WHERE id = $1 AND poll_token_hash = $2 FOR UPDATE`, [
          input.id,
          input.pollTokenHash,
          input.now,
        ]);
        const row = rows[0];
        if (!row) return { status: 'not_found' as const };
        if (row.state === 'contested') return { status: 'contested' as const };
        if (row.state === 'pending' && !row.expired) return { status: 'pending' as const };
        if (row.state !== 'approved' || row.expired || row.public_key === null || row.signature === null) return { status: 'gone' as const };
        const deviceId = randomUUID();
        await tx.query(
          `INSERT INTO adviser_devices (id, adviser_id, token_hash, public_key, signature, created_at)
           VALUES ($1, $2, $3, $4, $5, $6::timestamptz)`,
          [deviceId, row.adviser_id, input.deviceTokenHash, row.public_key, row.signature, input.now],
        );
        await tx.query(`UPDATE device_requests SET state = 'claimed', device_token_hash = $2 WHERE id = $1`, [row.id, input.deviceTokenHash]);
        return { status: 'claimed' as const, adviser: await adviserOf(tx, row.adviser_id), deviceId };
      });
    },

    async purgeDeviceRequests(before) {
      const rows = await db.query(`DELETE FROM device_requests WHERE created_at < $1::timestamptz RETURNING id`, [before]);
      return rows.length;
    },
  };
}
