// Connections: one claimant sharing with one adviser, made from an invite
// (see invites.ts). Stopping keeps only a marker: no label, no keys, no items.
import type { SqlDriver } from './driver';
import { iso, isoOrNull, isUuid } from './rows';

/** Set (to '1') when rows were deleted outside retention, so that its next pass reclaims their space. */
export const RECLAIM_NEEDED = 'reclaim_needed';

export interface Connection {
  id: string;
  adviserId: string;
  /** A plaintext label from before labels were sealed ('' once sealed or renamed). */
  label: string;
  /** The adviser's own label for this client, sealed by their app to their computers' keys; null for older connections. */
  sealedLabel: string | null;
  /** base64url of the claimant's HPKE public key, for replies. */
  claimantPublicKey: string;
  createdAt: string;
  stoppedAt: string | null;
}

export interface ConnectionSummary extends Connection {
  lastItemAt: string | null;
  unseen: number;
}

export interface ConnectionStore {
  getConnection(id: string): Promise<Connection | null>;
  listConnections(adviserId: string): Promise<ConnectionSummary[]>;
  /** Stop sharing: deletes every item and credential of the connection, and the claimant's push subscribers and reminders, and keeps only a stopped marker (no label, no keys). */
  stopConnection(id: string, now: string): Promise<void>;
  /** Replaces the label with a sealed one and drops any plaintext label. False when unknown or stopped. */
  setSealedLabel(id: string, sealedLabel: string): Promise<boolean>;
}

export interface ConnectionRow {
  id: string;
  adviser_id: string;
  label: string;
  sealed_label: string | null;
  claimant_public_key: string;
  created_at: Date;
  stopped_at: Date | null;
}
interface SummaryRow extends ConnectionRow {
  last_item_at: Date | null;
  unseen: number;
}

export const CONNECTION_COLUMNS = 'id, adviser_id, label, sealed_label, claimant_public_key, created_at, stopped_at';

export function toConnection(row: ConnectionRow): Connection {
  return {
    id: row.id,
    adviserId: row.adviser_id,
    label: row.label,
    sealedLabel: row.sealed_label,
    claimantPublicKey: row.claimant_public_key,
    createdAt: iso(row.created_at),
    stoppedAt: isoOrNull(row.stopped_at),
  };
}

export function connectionQueries(db: SqlDriver): ConnectionStore {
  return {
    async getConnection(id) {
      if (!isUuid(id)) return null;
      const rows = await db.query<ConnectionRow>(`SELECT ${CONNECTION_COLUMNS} FROM connections WHERE id = $1`, [id]);
      return rows[0] ? toConnection(rows[0]) : null;
    },

    async listConnections(adviserId) {
      if (!isUuid(adviserId)) return [];
      const rows = await db.query<SummaryRow>(
        `SELECT c.id, c.adviser_id, c.label, c.sealed_label, c.claimant_public_key, c.created_at, c.stopped_at,
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
    },

    async stopConnection(id, now) {
      if (!isUuid(id)) return;
      await db.transaction(async (tx) => {
        // FOR UPDATE waits for addItem calls holding FOR SHARE on this row, and
        // makes later ones wait and then see stopped_at: no item outlives the stop.
        await tx.query(`SELECT id FROM connections WHERE id = $1 FOR UPDATE`, [id]);
        await tx.query(
          `UPDATE connections
           SET claimant_token_hash = NULL, label = '', sealed_label = NULL, claimant_public_key = '',
               stopped_at = COALESCE(stopped_at, $2::timestamptz)
           WHERE id = $1`,
          [id, now],
        );
        await tx.query(`DELETE FROM items WHERE connection_id = $1`, [id]);
        // The row stays (stopped marker), so ON DELETE CASCADE does not fire: the
        // claimant's push subscribers go here, and their reminders with them.
        await tx.query(`DELETE FROM push_subscribers WHERE connection_id = $1`, [id]);
        // The next retention pass reclaims the space (retention.ts).
        await tx.query(`INSERT INTO settings (key, value) VALUES ($1, '1') ON CONFLICT (key) DO UPDATE SET value = '1'`, [RECLAIM_NEEDED]);
      });
    },

    async setSealedLabel(id, sealedLabel) {
      if (!isUuid(id)) return false;
      const rows = await db.query(`UPDATE connections SET sealed_label = $2, label = '' WHERE id = $1 AND stopped_at IS NULL RETURNING id`, [id, sealedLabel]);
      return rows.length === 1;
    },
  };
}
