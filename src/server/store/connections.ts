// Connections: one claimant sharing with one adviser, made from an invite
// (see invites.ts). Stopping keeps only a marker: no label, no keys, no items.
import type { SqlDriver } from './driver';
import { iso, isoOrNull, isUuid } from './rows';

export interface Connection {
  id: string;
  adviserId: string;
  /** The adviser's own label for this client (e.g. "J.S. housing"), never shown to anyone else. */
  label: string;
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
}

export interface ConnectionRow {
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

export const CONNECTION_COLUMNS = 'id, adviser_id, label, claimant_public_key, created_at, stopped_at';

export function toConnection(row: ConnectionRow): Connection {
  return {
    id: row.id,
    adviserId: row.adviser_id,
    label: row.label,
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
    },

    async stopConnection(id, now) {
      if (!isUuid(id)) return;
      await db.transaction(async (tx) => {
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
    },
  };
}
