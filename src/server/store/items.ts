// Items: opaque ciphertext sent on a connection, claimant → adviser or
// adviser → claimant (replies), with its size and times; and retention.
import type { SqlDriver } from './driver';
import { iso, isoOrNull, isUuid } from './rows';

export type Direction = 'to-adviser' | 'to-claimant';

export interface Item {
  /** Made by the sending device, so a repeat of the same send is the same item. */
  id: string;
  connectionId: string;
  direction: Direction;
  /** The encrypted envelope, as the client sent it (base64url text). */
  envelope: string;
  /** Bytes of the decoded envelope. */
  size: number;
  createdAt: string;
  /** When the adviser marked it seen (to-adviser) or the claimant fetched it (to-claimant). */
  seenAt: string | null;
}

export interface ItemStore {
  /**
   * Adds an item; a repeat of the same id with the same envelope returns the
   * stored one with `created: false`. `stopped` when the connection has
   * stopped (or is unknown), also when the stop won a race with this add.
   */
  addItem(item: Omit<Item, 'seenAt'>): Promise<{ item: Item; created: boolean } | { conflict: true } | { stopped: true }>;
  listItems(connectionId: string, direction: Direction): Promise<Item[]>;
  getItem(id: string): Promise<Item | null>;
  markSeen(id: string, now: string): Promise<Item | null>;
  /** Retention: deletes items seen before `seenBefore`, and any item created before `createdBefore`. Returns how many. */
  deleteExpired(input: { seenBefore: string; createdBefore: string }): Promise<number>;
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

const ITEM_COLUMNS = 'id, connection_id, direction, envelope, size, created_at, seen_at';
/** Without the envelope: a new item's envelope is the one just sent, so it is not read back (100 KB each way). */
const ITEM_META_COLUMNS = 'id, connection_id, direction, size, created_at, seen_at';

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

/** Rows of items, with envelopes kept beside the database filled in (an empty `envelope` column means "kept beside"). */
async function withEnvelopes(db: SqlDriver, rows: ItemRow[]): Promise<Item[]> {
  const files = db.envelopes;
  return Promise.all(rows.map(async (row) => toItem(files && row.envelope === '' ? { ...row, envelope: (await files.get(row.connection_id, row.id)) ?? '' } : row)));
}

export function itemQueries(db: SqlDriver): ItemStore {
  /** Inserts the row (envelope text, or '' when kept beside); on no insert, says why. */
  async function insertRow(item: Omit<Item, 'seenAt'>, stored: string): Promise<{ item: Item; created: boolean } | { conflict: true } | { stopped: true }> {
    // One statement, in its own transaction: FOR SHARE on the connection row
    // waits for a stopConnection holding FOR UPDATE, then finds it stopped and
    // inserts nothing. The envelope is not read back: we have it.
    const inserted = await db.query<Omit<ItemRow, 'envelope'>>(
      `INSERT INTO items (id, connection_id, direction, envelope, size, created_at)
       SELECT $1, c.id, $3, $4, $5, $6::timestamptz FROM connections c WHERE c.id = $2 AND c.stopped_at IS NULL FOR SHARE
       ON CONFLICT (id) DO NOTHING
       RETURNING ${ITEM_META_COLUMNS}`,
      [item.id, item.connectionId, item.direction, stored, item.size, item.createdAt],
    );
    if (inserted[0]) return { item: toItem({ ...inserted[0], envelope: item.envelope }), created: true };
    // Nothing inserted: a stopped or unknown connection, or an id already used (a resend, or a conflict).
    const connections = await db.query<{ stopped_at: Date | null }>(`SELECT stopped_at FROM connections WHERE id = $1`, [item.connectionId]);
    const connection = connections[0];
    if (!connection || connection.stopped_at !== null) return { stopped: true as const };
    const existing = await db.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items WHERE id = $1`, [item.id]);
    const row = existing[0];
    if (!row || row.connection_id !== item.connectionId || row.direction !== item.direction) return { conflict: true as const };
    // Kept beside: the caller has checked the file holds this envelope.
    if (row.envelope === item.envelope || (row.envelope === '' && stored === '')) return { item: toItem({ ...row, envelope: item.envelope }), created: false };
    return { conflict: true as const };
  }

  /** One addItem at a time per item id (two sends of one id must not race on its file). */
  const busy = new Map<string, Promise<unknown>>();
  function oneAtATime<R>(id: string, run: () => Promise<R>): Promise<R> {
    const before = busy.get(id) ?? Promise.resolve();
    const done = before.then(run, run);
    const settled = done.catch(() => {});
    busy.set(id, settled);
    void settled.then(() => {
      if (busy.get(id) === settled) busy.delete(id);
    });
    return done;
  }

  return {
    async addItem(item) {
      const files = db.envelopes;
      if (!files) return insertRow(item, item.envelope);
      return oneAtATime(item.id, async () => {
        const kept = await files.get(item.connectionId, item.id);
        if (kept !== item.envelope) {
          // Another envelope under this id: a conflict if its row exists, else a leftover of a crash (replaced).
          if (kept !== null && (await db.query(`SELECT 1 FROM items WHERE id = $1`, [item.id])).length > 0) return { conflict: true as const };
          // Written (and fsynced) before the row: a stored item always has its envelope.
          await files.put(item.connectionId, item.id, item.envelope);
        }
        return insertRow(item, '');
      });
    },

    async listItems(connectionId, direction) {
      if (!isUuid(connectionId)) return [];
      const rows = await db.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items WHERE connection_id = $1 AND direction = $2 ORDER BY created_at DESC, id DESC`, [
        connectionId,
        direction,
      ]);
      return withEnvelopes(db, rows);
    },

    async getItem(id) {
      if (!isUuid(id)) return null;
      const rows = await db.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items WHERE id = $1`, [id]);
      return (await withEnvelopes(db, rows))[0] ?? null;
    },

    async markSeen(id, now) {
      if (!isUuid(id)) return null;
      // The first time it was seen is kept.
      const rows = await db.query<ItemRow>(`UPDATE items SET seen_at = COALESCE(seen_at, $2::timestamptz) WHERE id = $1 RETURNING ${ITEM_COLUMNS}`, [id, now]);
      return (await withEnvelopes(db, rows))[0] ?? null;
    },

    async deleteExpired(input) {
      const rows = await db.query<{ n: number }>(
        `WITH gone AS (
           DELETE FROM items
           WHERE (seen_at IS NOT NULL AND seen_at < $1::timestamptz) OR created_at < $2::timestamptz
           RETURNING 1
         )
         SELECT count(*)::int AS n FROM gone`,
        [input.seenBefore, input.createdBefore],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
