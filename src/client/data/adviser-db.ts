// The adviser's own records, kept on this computer in IndexedDB `uc-adviser`:
// who this computer is (its own non-extractable HPKE private key and, on the
// adviser's first computer only, the non-extractable signing key), receipts for
// every item opened, and the replies sent. Receipts are the adviser's
// evidence of what arrived when; they stay after the relay deletes the item.
import { deleteDB, type DBSchema } from 'idb';
import type { Deadline, NoticeKind } from '../../shared/notices/types';
import { ADVISER_DB_NAME, ADVISER_IDENTITY_KEY } from '../../shared/protocol/adviser-database';
import { databaseOpener, type Migration } from './open-db';

export interface Identity {
  adviserId: string;
  name: string;
  org: string;
  /** base64url raw ECDSA P-256 public key: the adviser's one signing key. Invite links pin its fingerprint. */
  signingKey: string;
  /**
   * Non-extractable ECDSA private key. Only on the computer that was set up
   * first: it signs the keys of further computers. Absent on added computers.
   */
  signingPrivateKey?: CryptoKey;
  /** base64url raw P-256 HPKE public key of this computer, signed by the signing key. */
  publicKey: string;
  /** Non-extractable: it can decrypt, but it can never be copied off this computer. */
  privateKey: CryptoKey;
  deviceToken: string;
  /** ISO time this computer was set up. */
  enrolledAt: string;
  /** When `deviceToken` was made, if renewed since set-up (services/computer-token.ts). */
  tokenIssuedAt?: string;
  /** A new credential kept before the relay was asked to move to it (a renewal not yet finished). */
  pendingToken?: string;
}

export interface Receipt {
  itemId: string;
  connectionId: string;
  /** The label the adviser gave the client, at the time. */
  label: string;
  /** 'pdf': a file the phone sent as a PDF (older receipts say 'image' for those too). */
  kind: 'text' | 'image' | 'pdf';
  /** ISO time on the client's device. */
  sentAt: string;
  /** ISO time the relay received it. */
  receivedAt: string;
  /** ISO time it was first opened here. */
  seenAt: string;
  /** SHA-256 of the envelope, hex. */
  sha256: string;
  size: number;
}

export interface SentReply {
  id: string;
  connectionId: string;
  label: string;
  text: string;
  sentAt: string;
  sha256: string;
}

/** A client's key as this computer first saw it (see services/claimant-pin.ts): items are checked against it, replies sealed to it. */
export interface ClaimantPin {
  connectionId: string;
  claimantPublicKey: string;
  pinnedAt: string;
  /** When the adviser compared safety codes with the client (typed what the client read out). */
  comparedAt?: string;
}

/** What the explainer made of an item, or of the adviser's correction of it. */
export interface DeskReading {
  kind: NoticeKind;
  /** YYYY-MM-DD: the notice's date (found in the words, or the adviser's correction); null when none. */
  noticeDate: string | null;
  /** YYYY-MM-DD: the day the deadlines count from. */
  countFrom: string;
  deadlines: Deadline[];
}

/**
 * One forwarded item as the adviser's desk explained it: kept on this
 * computer only, never sent anywhere. No words of the item are kept, only
 * what the explainer found (as for receipts, which keep a hash).
 */
export interface DeskItem {
  itemId: string;
  connectionId: string;
  /** The label the adviser gave the client, at the time. */
  label: string;
  /** ISO time the relay received it. */
  receivedAt: string;
  /** How the words were read. */
  source: 'text' | 'photo' | 'pdf-text' | 'pdf-photo';
  found: DeskReading;
  /** The adviser's correction of the kind or date, with the deadlines worked out again. */
  corrected?: DeskReading & { at: string };
  /** Deadline id → ISO time the adviser marked it handled. */
  handled: Record<string, string>;
  explainedAt: string;
}

interface AdviserDB extends DBSchema {
  identity: { key: string; value: Identity };
  receipts: { key: string; value: Receipt; indexes: { byConnection: string } };
  replies: { key: string; value: SentReply; indexes: { byConnection: string } };
  pins: { key: string; value: ClaimantPin };
  desk: { key: string; value: DeskItem; indexes: { byConnection: string } };
}


export { ADVISER_DB_NAME };
/** There is one identity per computer, under this key (the service worker reads it too). */
const SELF = ADVISER_IDENTITY_KEY;

// Migration i upgrades version i to i + 1. Only ever append: computers may hold any older version.
const MIGRATIONS: ReadonlyArray<Migration<AdviserDB>> = [
  // 1: identity, receipts and replies.
  (db) => {
    db.createObjectStore('identity');
    const receipts = db.createObjectStore('receipts', { keyPath: 'itemId' });
    receipts.createIndex('byConnection', 'connectionId');
    const replies = db.createObjectStore('replies', { keyPath: 'id' });
    replies.createIndex('byConnection', 'connectionId');
  },
  // 2: advisers now have a signing key that signs each computer's key. An
  // identity from before has none and the relay no longer accepts it, so it
  // is removed: the computer must be set up again. Receipts and replies stay.
  (_db, tx) => {
    void tx.objectStore('identity').clear();
  },
  // 3: each client's key, pinned the first time this computer sees the connection.
  (db) => {
    db.createObjectStore('pins', { keyPath: 'connectionId' });
  },
  // 4: the desk: what each item says (kind, date, deadlines), corrections and "handled".
  (db) => {
    db.createObjectStore('desk', { keyPath: 'itemId' }).createIndex('byConnection', 'connectionId');
  },
];

const database = databaseOpener<AdviserDB>(ADVISER_DB_NAME, MIGRATIONS);
const getDb = database.get;

export async function getIdentity(): Promise<Identity | undefined> {
  return (await getDb()).get('identity', SELF);
}

/** False where this browser cannot keep a key (a private window, say): ask before a one-time code or link is used up. */
export async function canKeepIdentity(): Promise<boolean> {
  try {
    await getIdentity();
    return true;
  } catch {
    return false;
  }
}

/** True on the computer that holds the signing key, so it can add other computers. */
export function canAddComputers(identity: Identity): boolean {
  return identity.signingPrivateKey !== undefined;
}

export async function saveIdentity(identity: Identity): Promise<void> {
  await (await getDb()).put('identity', identity, SELF);
}

/**
 * Replaces this computer's credential fields in one transaction (the rest of
 * the identity as it is now): a renewal's steps are each all or nothing.
 */
export async function writeCredential(credential: { deviceToken: string; tokenIssuedAt: string; pendingToken?: string }): Promise<void> {
  const tx = (await getDb()).transaction('identity', 'readwrite');
  const identity = await tx.store.get(SELF);
  if (identity) {
    const { pendingToken: _dropped, ...rest } = identity;
    await tx.store.put({ ...rest, ...credential }, SELF);
  }
  await tx.done;
}

export async function getPin(connectionId: string): Promise<ClaimantPin | undefined> {
  return (await getDb()).get('pins', connectionId);
}

/** Keeps the first pin for a connection, never replacing one (two tabs may race); returns the pin kept. */
export async function addPin(pin: ClaimantPin): Promise<ClaimantPin> {
  const tx = (await getDb()).transaction('pins', 'readwrite');
  const existing = await tx.store.get(pin.connectionId);
  if (!existing) await tx.store.add(pin);
  await tx.done;
  return existing ?? pin;
}

/** Marks a pin as compared, only if it is still for this key; the first time counts. */
export async function markPinCompared(connectionId: string, claimantPublicKey: string, at: string): Promise<void> {
  const tx = (await getDb()).transaction('pins', 'readwrite');
  const pin = await tx.store.get(connectionId);
  if (pin && pin.claimantPublicKey === claimantPublicKey && !pin.comparedAt) await tx.store.put({ ...pin, comparedAt: at });
  await tx.done;
}

/**
 * Stores a receipt. If the item was opened before, the first `seenAt` is kept:
 * the evidence is when it was first seen, not the latest look.
 */
export async function saveReceipt(receipt: Receipt): Promise<Receipt> {
  const db = await getDb();
  const tx = db.transaction('receipts', 'readwrite');
  const existing = await tx.store.get(receipt.itemId);
  const kept = existing ? { ...receipt, seenAt: existing.seenAt < receipt.seenAt ? existing.seenAt : receipt.seenAt } : receipt;
  await tx.store.put(kept);
  await tx.done;
  return kept;
}

export async function getReceipt(itemId: string): Promise<Receipt | undefined> {
  return (await getDb()).get('receipts', itemId);
}

/** Receipts for one client, newest sent first. */
export async function receiptsFor(connectionId: string): Promise<Receipt[]> {
  const all = await (await getDb()).getAllFromIndex('receipts', 'byConnection', connectionId);
  return all.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
}

export async function saveReply(reply: SentReply): Promise<void> {
  await (await getDb()).put('replies', reply);
}

/** Replies to one client, newest first. */
export async function repliesFor(connectionId: string): Promise<SentReply[]> {
  const all = await (await getDb()).getAllFromIndex('replies', 'byConnection', connectionId);
  return all.sort((a, b) => b.sentAt.localeCompare(a.sentAt));
}

/** The reading to go by: the adviser's correction, else what the explainer found. */
export const readingOf = (item: DeskItem): DeskReading => item.corrected ?? item.found;

export async function getDeskItem(itemId: string): Promise<DeskItem | undefined> {
  return (await getDb()).get('desk', itemId);
}

/** Every explained item, on every client. */
export async function allDeskItems(): Promise<DeskItem[]> {
  return (await getDb()).getAll('desk');
}

/** Keeps a new explanation; a correction or "handled" made before is kept. */
export async function saveDeskItem(item: DeskItem): Promise<DeskItem> {
  return (await updateDeskItem(item.itemId, (old) => (old ? { ...item, handled: old.handled, ...(old.corrected ? { corrected: old.corrected } : {}) } : item))) ?? item;
}

/** The adviser's correction (or null to go back to what was found). */
export async function correctDeskItem(itemId: string, corrected: (DeskReading & { at: string }) | null): Promise<DeskItem | undefined> {
  return updateDeskItem(itemId, (old) => {
    if (!old) return undefined;
    const { corrected: _old, ...rest } = old;
    return corrected ? { ...rest, corrected } : rest;
  });
}

/** Marks one deadline of an item handled (at an ISO time), or open again (null). */
export async function markHandled(itemId: string, deadlineId: string, at: string | null): Promise<DeskItem | undefined> {
  return updateDeskItem(itemId, (old) => {
    if (!old) return undefined;
    const { [deadlineId]: _was, ...rest } = old.handled;
    return { ...old, handled: at ? { ...rest, [deadlineId]: at } : rest };
  });
}

async function updateDeskItem(itemId: string, change: (old: DeskItem | undefined) => DeskItem | undefined): Promise<DeskItem | undefined> {
  const db = await getDb();
  const tx = db.transaction('desk', 'readwrite');
  const next = change(await tx.store.get(itemId));
  if (next) await tx.store.put(next);
  await tx.done;
  return next;
}

/** Closes and forgets the connection (tests, or after clearing data). */
export async function closeAdviserDb(): Promise<void> {
  await database.close();
}

/** Removes everything on this computer, the key included. */
export async function deleteAdviserDb(): Promise<void> {
  await closeAdviserDb();
  await deleteDB(ADVISER_DB_NAME);
}
