// Invites: a single-use code an adviser gives a client (only its hash is
// kept), with the adviser's label for that client. Using one makes the
// connection in the same transaction.
import { adviserOf, toAdviser, type Adviser, type AdviserRow } from './advisers';
import { CONNECTION_COLUMNS, toConnection, type Connection, type ConnectionRow } from './connections';
import type { SqlDriver } from './driver';
import { iso, one } from './rows';

export type InviteState = 'open' | 'used' | 'expired';

export interface InviteStore {
  /** `label` is a plaintext label (older apps, tests); new invites give `sealedLabel` and an empty label. */
  createInvite(input: { codeHash: string; adviserId: string; label: string; sealedLabel?: string | null; expiresAt: string }): Promise<void>;
  /** Retention: deletes invites that expired before `before` (used or not). Returns how many. */
  purgeInvites(before: string): Promise<number>;
  /** The invite and its adviser; `state` says whether it can still be used. */
  findInvite(codeHash: string, now: string): Promise<{ adviser: Adviser; label: string; expiresAt: string; state: InviteState } | null>;
  /** Uses the invite (single use) and makes the connection, atomically. Null when not open any more. */
  connect(input: {
    codeHash: string;
    connectionId: string;
    claimantPublicKey: string;
    claimantTokenHash: string;
    now: string;
  }): Promise<{ connection: Connection; adviser: Adviser } | null>;
}

export function inviteQueries(db: SqlDriver): InviteStore {
  return {
    async createInvite(input) {
      await db.query(`INSERT INTO invites (code_hash, adviser_id, label, sealed_label, expires_at) VALUES ($1, $2, $3, $4, $5::timestamptz)`, [
        input.codeHash,
        input.adviserId,
        input.label,
        input.sealedLabel ?? null,
        input.expiresAt,
      ]);
    },

    async purgeInvites(before) {
      const rows = await db.query(`DELETE FROM invites WHERE expires_at < $1::timestamptz RETURNING code_hash`, [before]);
      return rows.length;
    },

    async findInvite(codeHash, now) {
      const rows = await db.query<AdviserRow & { label: string; expires_at: Date; state: InviteState }>(
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
      return { adviser: await toAdviser(db, row), label: row.label, expiresAt: iso(row.expires_at), state: row.state };
    },

    connect(input) {
      return db.transaction(async (tx) => {
        // The row lock taken by this UPDATE makes a concurrent use of the same
        // code wait, then find used_at set: exactly one caller wins. The label is
        // moved to the connection, so stopping it later leaves no copy behind.
        const used = await tx.query<{ adviser_id: string; label: string; sealed_label: string | null }>(
          `UPDATE invites SET used_at = $2::timestamptz
           WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2::timestamptz
           RETURNING adviser_id, label, sealed_label`,
          [input.codeHash, input.now],
        );
        const invite = used[0];
        if (!invite) return null;
        await tx.query(`UPDATE invites SET label = '', sealed_label = NULL WHERE code_hash = $1`, [input.codeHash]);
        const connections = await tx.query<ConnectionRow>(
          `INSERT INTO connections (id, adviser_id, label, sealed_label, claimant_public_key, claimant_token_hash, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz)
           RETURNING ${CONNECTION_COLUMNS}`,
          [input.connectionId, invite.adviser_id, invite.label, invite.sealed_label, input.claimantPublicKey, input.claimantTokenHash, input.now],
        );
        return { connection: toConnection(one(connections)), adviser: await adviserOf(tx, invite.adviser_id) };
      });
    },
  };
}
