// Items: opaque ciphertext sent on a connection, claimant → adviser or
// adviser → claimant (replies), with its size and times; and retention.
// Lists and status never read the envelope column: one envelope is read at a
// time (getEnvelopePieces), so a connection full of large items costs a list
// what a connection of small ones does.
import type { SqlDriver } from './driver';
import { iso, isoOrNull, isUuid } from './rows';
import { ADVISER_SUBSCRIBERS_JSON, subscribersFromJson, type PushSubscriber } from './subscribers';

export type Direction = 'to-adviser' | 'to-claimant';

export interface Item {
  /** Made by the sending device, so a repeat of the same send is the same item. */
  id: string;
  connectionId: string;
  direction: Direction;
  /** Bytes of the decoded envelope. */
  size: number;
  createdAt: string;
  /** When the adviser marked it seen (to-adviser) or the claimant fetched it (to-claimant). */
  seenAt: string | null;
}

export interface ItemWithEnvelope extends Item {
  /**
   * The encrypted envelope, as the client sent it: canonical unpadded
   * base64url (the API's envelopeSchema checks it), which the store keeps as
   * the bytes it encodes and gives back as the same text.
   */
  envelope: string;
}

/**
 * An item with its envelope as consecutive pieces of the base64url text, each
 * at most ENVELOPE_PIECE_CHARS long: a 100 KB envelope is 133 KB of text, and
 * V8 makes every string over 128 KB in its own memory mapping (about 0.7 ms
 * each, tests/bench/long-strings-bench.ts), so the routes write the pieces
 * into the response as they are.
 */
export interface ItemWithEnvelopePieces extends Item {
  envelopePieces: string[];
}

/** An item to add: its envelope as the base64url text, or as the bytes that text encodes (what the API hands over). */
export type NewItem = Omit<Item, 'seenAt'> & { envelope: string | Buffer };

/** What one side may keep on a connection at a time (items it sent that the relay still holds). */
export interface Quota {
  maxItems: number;
  maxBytes: number;
}

/** A position in a newest-first list: the items after it are older. */
export interface ItemCursor {
  createdAt: string;
  id: string;
}

/**
 * With `claimantTokenHash`, the item is added only while that hash is the
 * connection's claimant credential, checked in the same statement (under the
 * connection's row lock): a caller that took the connection from a cache
 * needs no separate credential look-up. Otherwise `stopped`.
 */
export interface AddItemCheck {
  claimantTokenHash?: string;
  /**
   * For an item to the adviser: with a new item, also return the adviser's
   * push subscribers on computers used since this time (as
   * listAdviserSubscribers does), read by the same statement.
   */
  adviserSubscribersSince?: string;
}

export type AddItemResult = { item: Item; created: boolean; subscribers?: PushSubscriber[] } | { conflict: true } | { full: 'items' | 'bytes' } | { stopped: true };

export interface ItemStore {
  /**
   * Adds an item; a repeat of the same id with the same envelope returns the
   * stored one with `created: false` (even when the connection is full).
   * `stopped` when the connection has stopped (or is unknown), also when the
   * stop won a race with this add.
   * `{ full }` when the sender's items on this connection would go over `quota`.
   */
  addItem(item: NewItem, quota?: Quota, check?: AddItemCheck): Promise<AddItemResult>;
  /** Newest first, without envelopes; at most `page.limit`, older than `page.before` when given. */
  listItems(connectionId: string, direction: Direction, page?: { limit: number; before?: ItemCursor | undefined }): Promise<Item[]>;
  getItem(id: string): Promise<Item | null>;
  /** The one item with its envelope. */
  getEnvelope(id: string): Promise<ItemWithEnvelope | null>;
  /**
   * The envelope of `item`, in pieces (what the API sends): null unless the
   * row under that id is still that item, on that connection in that
   * direction (an id can be used again once its item is deleted, so a route
   * that checked the item's owner gets that item's envelope or nothing).
   */
  getEnvelopePieces(item: Pick<Item, 'id' | 'connectionId' | 'direction'>): Promise<ItemWithEnvelopePieces | null>;
  markSeen(id: string, now: string): Promise<Item | null>;
  /** How many items and bytes one side holds on a connection. */
  itemUsage(connectionId: string, direction: Direction): Promise<{ items: number; bytes: number }>;
  /** Retention: deletes items seen before `seenBefore`, and any item created before `createdBefore`. Returns how many. */
  deleteExpired(input: { seenBefore: string; createdBefore: string }): Promise<number>;
}

interface ItemRow {
  id: string;
  connection_id: string;
  direction: Direction;
  size: number;
  created_at: Date;
  seen_at: Date | null;
}

/** Every column but the envelope. */
const ITEM_COLUMNS = 'id, connection_id, direction, size, created_at, seen_at';

function toItem(row: ItemRow): Item {
  return {
    id: row.id,
    connectionId: row.connection_id,
    direction: row.direction,
    size: Number(row.size),
    createdAt: iso(row.created_at),
    seenAt: isoOrNull(row.seen_at),
  };
}

/** The counters (migration 9) of one side of a connection. */
const USAGE_COLUMNS: Record<Direction, string> = {
  'to-adviser': 'to_adviser_items AS n, to_adviser_bytes AS bytes',
  'to-claimant': 'to_claimant_items AS n, to_claimant_bytes AS bytes',
};

/**
 * A send in one statement (one round trip, no BEGIN/COMMIT): lock the
 * connection row (FOR NO KEY UPDATE: sends on one connection take turns, so
 * two at once cannot both fit under the quota; stopConnection's FOR UPDATE
 * waits for them, and later ones wait and then see stopped_at), read the
 * sender's counters from it, and insert only when sharing goes on and the
 * item fits. The insert trigger adds the item to the counters before the
 * lock is let go. $1 id, $2 connection, $3 direction, $4 envelope, $5 size,
 * $6 created_at, $7/$8 quota (null: none), $9 the claimant credential's hash
 * the connection must have (null: not checked here); to the adviser, $10
 * the time since which a computer must have been used for its push
 * subscribers to be listed with a new item (null: none listed).
 */
const ADD_ITEM: Record<Direction, string> = Object.fromEntries(
  (['to-adviser', 'to-claimant'] as const).map((direction) => [
    direction,
    `WITH c AS (
       SELECT stopped_at, adviser_id, ${USAGE_COLUMNS[direction]} FROM connections
       WHERE id = $2::uuid AND ($9::text IS NULL OR claimant_token_hash = $9::text) FOR NO KEY UPDATE
     ), added AS (
       INSERT INTO items (id, connection_id, direction, envelope, size, created_at)
       SELECT $1::uuid, $2::uuid, $3::text, $4::bytea, $5::integer, $6::timestamptz FROM c
       WHERE c.stopped_at IS NULL
         AND ($7::integer IS NULL OR c.n + 1 <= $7::integer)
         AND ($8::bigint IS NULL OR c.bytes + $5::integer <= $8::bigint)
       ON CONFLICT (id) DO NOTHING
       RETURNING ${ITEM_COLUMNS}
     )
     SELECT c.stopped_at, c.n, c.bytes, added.*${
       direction === 'to-adviser'
         ? `, CASE WHEN added.id IS NOT NULL AND $10::timestamptz IS NOT NULL THEN ${ADVISER_SUBSCRIBERS_JSON('c.adviser_id', '$10::timestamptz')} END AS subscribers`
         : ''
     }
     FROM c LEFT JOIN added ON true`,
  ]),
) as Record<Direction, string>;

/**
 * The envelope as a parameter: the bytes its base64url text encodes (a
 * quarter fewer than the text), which both drivers send in binary format, so
 * neither re-encodes it. The column is bytea (migration 11); Node makes the
 * text again from the bytes when one envelope is read (ENVELOPE_PIECES).
 * Measured in the README ("Envelopes as bytes", "Reading an envelope").
 */
const envelopeParam = (envelope: string | Buffer) => (typeof envelope === 'string' ? Buffer.from(envelope, 'base64url') : envelope);

/**
 * Bytes of the envelope per piece: a multiple of 3, so every piece but the
 * last is whole base64 with no padding, and its 64 Ki characters stay under
 * V8's 128 KB for an ordinary string.
 */
export const ENVELOPE_PIECE_BYTES = 48 * 1024;
export const ENVELOPE_PIECE_CHARS = (ENVELOPE_PIECE_BYTES / 3) * 4;

/**
 * One row per piece of the stored bytes, made base64url text by Node
 * (PostgreSQL's translate() over the encoded text cost 2 to 5 ms of the
 * database's CPU a read, much more in PGlite's WebAssembly; measured in the
 * README). The column's storage is EXTERNAL (migration 11), so each piece
 * reads only its own part. A bytea comes back as hex text, 96 Ki characters
 * a piece, also under V8's limit.
 */
const ENVELOPE_PIECES = `SELECT ${ITEM_COLUMNS}, substring(envelope FROM piece FOR ${ENVELOPE_PIECE_BYTES}) AS envelope
  FROM items, generate_series(1, greatest(octet_length(envelope), 1), ${ENVELOPE_PIECE_BYTES}) AS piece
  WHERE id = $1 AND connection_id = $2 AND direction = $3 ORDER BY piece`;

export function itemQueries(db: SqlDriver): ItemStore {
  async function getItem(id: string): Promise<Item | null> {
    if (!isUuid(id)) return null;
    const rows = await db.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items WHERE id = $1`, [id]);
    return rows[0] ? toItem(rows[0]) : null;
  }

  async function getEnvelopePieces(item: Pick<Item, 'id' | 'connectionId' | 'direction'>): Promise<ItemWithEnvelopePieces | null> {
    if (!isUuid(item.id) || !isUuid(item.connectionId)) return null;
    // Both drivers give a bytea as a Buffer (pglite-driver.ts's parser, node-postgres's own).
    const rows = await db.query<ItemRow & { envelope: Buffer }>(ENVELOPE_PIECES, [item.id, item.connectionId, item.direction]);
    const row = rows[0];
    return row ? { ...toItem(row), envelopePieces: rows.map((piece) => piece.envelope.toString('base64url')) } : null;
  }

  return {
    async addItem(item, quota, check) {
      if (!isUuid(item.connectionId)) return { stopped: true };
      const envelope = envelopeParam(item.envelope);
      // A repeat is compared in the database: the stored envelope is never read out.
      const repeat = async (): Promise<AddItemResult | null> => {
        const existing = await db.query<ItemRow & { same: boolean }>(`SELECT ${ITEM_COLUMNS}, envelope = $2::bytea AS same FROM items WHERE id = $1`, [
          item.id,
          envelope,
        ]);
        const row = existing[0];
        if (!row) return null;
        if (row.same && row.connection_id === item.connectionId && row.direction === item.direction) return { item: toItem(row), created: false };
        return { conflict: true };
      };
      const rows = await db.query<Partial<ItemRow> & { stopped_at: Date | null; n: number | string; bytes: number | string; subscribers?: unknown }>(
        ADD_ITEM[item.direction],
        [
          item.id,
          item.connectionId,
          item.direction,
          envelope,
          item.size,
          item.createdAt,
          quota?.maxItems ?? null,
          quota?.maxBytes ?? null,
          check?.claimantTokenHash ?? null,
          ...(item.direction === 'to-adviser' ? [check?.adviserSubscribersSince ?? null] : []),
        ],
      );
      const row = rows[0];
      if (!row || row.stopped_at !== null) return { stopped: true };
      if (row.id !== null && row.id !== undefined) {
        const added = { item: toItem(row as ItemRow), created: true };
        return row.subscribers === null || row.subscribers === undefined ? added : { ...added, subscribers: subscribersFromJson(row.subscribers) };
      }
      // Not added: the id is taken (a repeat, or a conflict), or the item does not fit.
      // A repeat of a stored item is answered as such even when the connection is full.
      const before = await repeat();
      if (before) return before;
      if (quota && Number(row.n) + 1 > quota.maxItems) return { full: 'items' };
      if (quota && Number(row.bytes) + item.size > quota.maxBytes) return { full: 'bytes' };
      // Taken by an item deleted since: the sender may try again.
      return { conflict: true };
    },

    async listItems(connectionId, direction, page) {
      if (!isUuid(connectionId)) return [];
      const params: unknown[] = [connectionId, direction];
      let where = '';
      if (page?.before) {
        params.push(page.before.createdAt, page.before.id);
        where = ` AND (created_at, id) < ($3::timestamptz, $4::uuid)`;
      }
      let limit = '';
      if (page) {
        params.push(page.limit);
        limit = ` LIMIT $${params.length}`;
      }
      const rows = await db.query<ItemRow>(
        `SELECT ${ITEM_COLUMNS} FROM items WHERE connection_id = $1 AND direction = $2${where} ORDER BY created_at DESC, id DESC${limit}`,
        params,
      );
      return rows.map(toItem);
    },

    getItem,

    async getEnvelope(id) {
      const item = await getItem(id);
      const withPieces = item && (await getEnvelopePieces(item));
      if (!withPieces) return null;
      const { envelopePieces, ...info } = withPieces;
      return { ...info, envelope: envelopePieces.join('') };
    },

    getEnvelopePieces,

    async markSeen(id, now) {
      if (!isUuid(id)) return null;
      // The first time it was seen is kept.
      const rows = await db.query<ItemRow>(`UPDATE items SET seen_at = COALESCE(seen_at, $2::timestamptz) WHERE id = $1 RETURNING ${ITEM_COLUMNS}`, [id, now]);
      return rows[0] ? toItem(rows[0]) : null;
    },

    async itemUsage(connectionId, direction) {
      if (!isUuid(connectionId)) return { items: 0, bytes: 0 };
      const rows = await db.query<{ n: number | string; bytes: number | string }>(`SELECT ${USAGE_COLUMNS[direction]} FROM connections WHERE id = $1`, [
        connectionId,
      ]);
      return { items: Number(rows[0]?.n ?? 0), bytes: Number(rows[0]?.bytes ?? 0) };
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
