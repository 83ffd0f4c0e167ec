// The claimant's side of "Send to my adviser", kept only on this device in
// IndexedDB: the key pair, the one connection, the outbox and the replies.
// Separate from the notices database so stopping sharing never touches notices.
import { type DBSchema } from 'idb';
// The hint lets the app send the outbox when it opens, without loading this for everyone.
import { FORWARD_HINT, setHint } from './hints';
import { databaseOpener, type Migration } from './open-db';
import type { AdviserKeys, ItemHint } from '../../shared/protocol/api-types';

export interface Identity {
  publicKey: string;
  /** Non-extractable: the browser keeps it, nobody can copy it out. */
  privateKey: CryptoKey;
  createdAt: string;
}

export interface Connection {
  connectionId: string;
  claimantToken: string;
  /**
   * The adviser's pinned signing key and the device keys it has signed. Only
   * device keys whose signatures verified are stored, so items can be sealed
   * to them with no signal. A connection made before signing keys existed has
   * signingKey '' and its one pinned key: it is never replaced by the relay.
   */
  adviser: AdviserKeys;
  /** fingerprint(adviser.signingKey), as shown when connecting. */
  fingerprint: string;
  connectedAt: string;
  /** Set when the relay says the adviser side has stopped (401/410). */
  stoppedAt?: string;
}

export type OutboxState = 'waiting' | 'sent' | 'seen';

export interface OutboxItem {
  /** Made on this device before the first send, so a repeat send is the same item. */
  id: string;
  kind: 'text' | 'image';
  /** "Photo" or the first 40 characters of the text. Never leaves this device. */
  summary: string;
  /** The locked (encrypted) item. Dropped after stop sharing; the receipt stays. */
  envelope?: string;
  /** A sealed deadline hint per adviser computer, sent with the item (none on items queued before hints). */
  hints?: ItemHint[];
  sha256: string;
  size: number;
  createdAt: string;
  state: OutboxState;
  sentAt?: string;
  seenAt?: string;
}

export interface Reply {
  id: string;
  /** Empty when refused. */
  text: string;
  receivedAt: string;
  /** It could not be checked (not sealed by a computer the adviser vouched for, or not for this connection): shown as that, never as the adviser's words. */
  refused?: true;
}

interface ForwardDB extends DBSchema {
  identity: { key: string; value: Identity & { key: string } };
  connection: { key: string; value: Connection & { key: string } };
  outbox: { key: string; value: OutboxItem; indexes: { createdAt: string } };
  replies: { key: string; value: Reply };
}


const DB_NAME = 'uc-forward';
/** The identity and connection stores each hold one record under this key. */
const ONLY = 'only';

// Migration i upgrades version i to i + 1. Only ever append: users may hold any older version.
const MIGRATIONS: ReadonlyArray<Migration<ForwardDB>> = [
  (db) => {
    db.createObjectStore('identity', { keyPath: 'key' });
    db.createObjectStore('connection', { keyPath: 'key' });
    const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
    outbox.createIndex('createdAt', 'createdAt');
    db.createObjectStore('replies', { keyPath: 'id' });
  },
  // 2: the adviser became a signing key plus signed device keys. Keep an older
  // connection working: its one pinned device key stays, with no signing key.
  (_db, tx) => {
    const store = tx.objectStore('connection');
    void store.get(ONLY).then((record) => {
      const old = record?.adviser as Partial<AdviserKeys> & { publicKey?: unknown };
      if (!record || !old || Array.isArray(old.devices) || typeof old.publicKey !== 'string') return;
      const adviser: AdviserKeys = {
        name: String(old.name ?? ''),
        org: String(old.org ?? ''),
        signingKey: '',
        devices: [{ publicKey: old.publicKey, signature: '' }],
      };
      return store.put({ ...record, adviser });
    });
  },
  // 3: a sent item no longer keeps its locked copy (up to 2 MB each, read
  // again on every change of the Send screen): drop those already sent.
  (_db, tx) => {
    void tx
      .objectStore('outbox')
      .openCursor()
      .then(async function drop(cursor): Promise<void> {
        if (!cursor) return;
        if (cursor.value.state !== 'waiting' && cursor.value.envelope !== undefined) await cursor.update(withoutEnvelope(cursor.value));
        await drop(await cursor.continue());
      });
  },
];

/** An outbox row as a receipt: everything but the locked copy. */
export function withoutEnvelope(item: OutboxItem): OutboxItem {
  const { envelope: _envelope, hints: _hints, ...receipt } = item;
  return receipt;
}

const database = databaseOpener<ForwardDB>(DB_NAME, MIGRATIONS);
const getDb = database.get;

function strip<T extends { key: string }>(record: T | undefined): Omit<T, 'key'> | undefined {
  if (!record) return undefined;
  const { key: _key, ...rest } = record;
  return rest;
}

// Identity

export async function getIdentity(): Promise<Identity | undefined> {
  return strip(await (await getDb()).get('identity', ONLY));
}

export async function saveIdentity(identity: Identity): Promise<void> {
  await (await getDb()).put('identity', { ...identity, key: ONLY });
}

// Connection

export async function getConnection(): Promise<Connection | undefined> {
  return strip(await (await getDb()).get('connection', ONLY));
}

export async function saveConnection(connection: Connection): Promise<void> {
  await (await getDb()).put('connection', { ...connection, key: ONLY });
  setHint(FORWARD_HINT, true);
}


/** Saves the key pair and the connection together, so there is never one without the other. */
export async function saveConnected(identity: Identity, connection: Connection): Promise<void> {
  const tx = (await getDb()).transaction(['identity', 'connection'], 'readwrite');
  await Promise.all([
    tx.objectStore('identity').put({ ...identity, key: ONLY }),
    tx.objectStore('connection').put({ ...connection, key: ONLY }),
    tx.done,
  ]);
  setHint(FORWARD_HINT, true);
}

export async function markConnectionStopped(at: string): Promise<void> {
  const tx = (await getDb()).transaction('connection', 'readwrite');
  const existing = await tx.store.get(ONLY);
  if (existing && !existing.stoppedAt) await tx.store.put({ ...existing, stoppedAt: at });
  await tx.done;
}

// Outbox

export async function addOutboxItem(item: OutboxItem): Promise<void> {
  await (await getDb()).put('outbox', item);
}

export async function getOutboxItem(id: string): Promise<OutboxItem | undefined> {
  return (await getDb()).get('outbox', id);
}

/** Everything sent from this device, newest first. */
export async function listOutbox(): Promise<OutboxItem[]> {
  const all = await (await getDb()).getAllFromIndex('outbox', 'createdAt');
  return all.reverse();
}

/** Items still to send, oldest first. */
export async function listWaiting(): Promise<OutboxItem[]> {
  const all = await (await getDb()).getAllFromIndex('outbox', 'createdAt');
  return all.filter((item) => item.state === 'waiting' && item.envelope !== undefined);
}

/** Changes one item in a single transaction; does nothing if it has gone. */
export async function updateOutboxItem(
  id: string,
  change: (item: OutboxItem) => OutboxItem,
): Promise<OutboxItem | undefined> {
  const tx = (await getDb()).transaction('outbox', 'readwrite');
  const existing = await tx.store.get(id);
  let updated: OutboxItem | undefined;
  if (existing) {
    updated = change(existing);
    await tx.store.put(updated);
  }
  await tx.done;
  return updated;
}

// Replies

export async function saveReply(reply: Reply): Promise<void> {
  await (await getDb()).put('replies', reply);
}

export async function hasReply(id: string): Promise<boolean> {
  return (await (await getDb()).getKey('replies', id)) !== undefined;
}

/** Messages from the adviser, newest first. */
export async function listReplies(): Promise<Reply[]> {
  const all = await (await getDb()).getAll('replies');
  return all.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0));
}

/**
 * Stop sharing on this device: forget the keys, the connection and the
 * replies. Receipts stay: outbox rows are kept without their envelopes, and
 * anything still waiting will now never be sent.
 */
export async function clearAll(): Promise<void> {
  const tx = (await getDb()).transaction(['identity', 'connection', 'outbox', 'replies'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const items = await outbox.getAll();
  await Promise.all([
    tx.objectStore('identity').clear(),
    tx.objectStore('connection').clear(),
    tx.objectStore('replies').clear(),
    ...items.map((item) => outbox.put(withoutEnvelope(item))),
    tx.done,
  ]);
  setHint(FORWARD_HINT, false);
}
