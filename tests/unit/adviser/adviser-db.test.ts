import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Identity, Receipt, SentReply } from '../../../src/client/data/adviser-db.ts';
import { buildReceiptExport } from '../../../src/client/adviser/receipt-export.ts';

type Store = typeof import('../../../src/client/data/adviser-db.ts');

/** A fresh copy of the module, so its cached connection starts empty. */
const load = async (): Promise<Store> => {
  vi.resetModules();
  return import('../../../src/client/data/adviser-db.ts');
};

let store: Store;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = await load();
});

async function identity(): Promise<Identity> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const signing = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  return {
    adviserId: 'adv-1',
    name: 'Sam Patel',
    org: 'Eastside Advice',
    signingKey: 'BSIGNING',
    signingPrivateKey: signing.privateKey,
    publicKey: 'BPUBLIC',
    privateKey: pair.privateKey,
    deviceToken: 'device-token',
    enrolledAt: '2025-03-01T09:00:00.000Z',
  };
}

const receipt = (over: Partial<Receipt> = {}): Receipt => ({
  itemId: 'item-1',
  connectionId: 'conn-1',
  label: 'Mrs J',
  kind: 'image',
  sentAt: '2025-03-03T10:00:00.000Z',
  receivedAt: '2025-03-03T10:00:05.000Z',
  seenAt: '2025-03-03T11:00:00.000Z',
  sha256: 'ab'.repeat(32),
  size: 120_000,
  ...over,
});

const reply = (over: Partial<SentReply> = {}): SentReply => ({
  id: 'reply-1',
  connectionId: 'conn-1',
  label: 'Mrs J',
  text: 'Thanks, I have it.',
  sentAt: '2025-03-03T11:05:00.000Z',
  sha256: 'cd'.repeat(32),
  ...over,
});

describe('adviser-db', () => {
  it('has no identity on a new computer', async () => {
    expect(await store.getIdentity()).toBeUndefined();
  });

  it('keeps the identity, private key included, across a reopen', async () => {
    const me = await identity();
    await store.saveIdentity(me);
    await store.closeAdviserDb();
    const fresh = await load();
    const saved = await fresh.getIdentity();
    expect(saved?.adviserId).toBe('adv-1');
    expect(saved?.deviceToken).toBe('device-token');
    expect(saved?.privateKey).toBeDefined();
    expect(saved?.privateKey.extractable).toBe(false);
    expect(saved?.privateKey.type).toBe('private');
    expect(saved?.signingKey).toBe('BSIGNING');
    expect(saved?.signingPrivateKey?.extractable).toBe(false);
    expect(saved?.signingPrivateKey?.algorithm).toMatchObject({ name: 'ECDSA' });
    expect(saved && store.canAddComputers(saved)).toBe(true);
  });

  it("keeps an added computer's identity, which has no signing private key", async () => {
    const { signingPrivateKey: _dropped, ...added } = await identity();
    await store.saveIdentity(added);
    const saved = await store.getIdentity();
    expect(saved?.signingPrivateKey).toBeUndefined();
    expect(saved && store.canAddComputers(saved)).toBe(false);
  });

  it('replaces the identity rather than keeping two', async () => {
    await store.saveIdentity(await identity());
    await store.saveIdentity({ ...(await identity()), name: 'Sam P' });
    expect((await store.getIdentity())?.name).toBe('Sam P');
  });

  it('writes a renewed credential in one go, keeping the rest of the identity (keys included) and dropping a pending one', async () => {
    const me = await identity();
    await store.saveIdentity(me);
    await store.writeCredential({ deviceToken: 'device-token', tokenIssuedAt: me.enrolledAt, pendingToken: 'next-token' });
    expect(await store.getIdentity()).toMatchObject({ deviceToken: 'device-token', pendingToken: 'next-token', adviserId: 'adv-1' });
    await store.writeCredential({ deviceToken: 'next-token', tokenIssuedAt: '2025-04-01T09:00:00.000Z' });
    const kept = await store.getIdentity();
    expect(kept).toMatchObject({ deviceToken: 'next-token', tokenIssuedAt: '2025-04-01T09:00:00.000Z', publicKey: 'BPUBLIC', enrolledAt: me.enrolledAt });
    expect(kept && 'pendingToken' in kept).toBe(false);
    expect(kept?.privateKey).toBeInstanceOf(CryptoKey);
    // Not set up (or deleted meanwhile): nothing is written.
    await store.deleteAdviserDb();
    store = await load();
    await store.writeCredential({ deviceToken: 'x', tokenIssuedAt: me.enrolledAt });
    expect(await store.getIdentity()).toBeUndefined();
  });

  it('keeps receipts per client, newest first', async () => {
    await store.saveReceipt(receipt({ itemId: 'a', receivedAt: '2025-03-01T10:00:00.000Z' }));
    await store.saveReceipt(receipt({ itemId: 'b', receivedAt: '2025-03-05T10:00:00.000Z' }));
    await store.saveReceipt(receipt({ itemId: 'c', connectionId: 'conn-2' }));
    expect((await store.receiptsFor('conn-1')).map((r) => r.itemId)).toEqual(['b', 'a']);
    expect((await store.receiptsFor('conn-2')).map((r) => r.itemId)).toEqual(['c']);
    expect(await store.receiptsFor('nobody')).toEqual([]);
  });

  it('keeps the first time an item was seen when it is opened again', async () => {
    await store.saveReceipt(receipt({ seenAt: '2025-03-03T11:00:00.000Z' }));
    const again = await store.saveReceipt(receipt({ seenAt: '2025-03-04T09:00:00.000Z' }));
    expect(again.seenAt).toBe('2025-03-03T11:00:00.000Z');
    expect((await store.getReceipt('item-1'))?.seenAt).toBe('2025-03-03T11:00:00.000Z');
  });

  it('keeps replies per client, newest first', async () => {
    await store.saveReply(reply({ id: 'r1', sentAt: '2025-03-01T10:00:00.000Z' }));
    await store.saveReply(reply({ id: 'r2', sentAt: '2025-03-02T10:00:00.000Z' }));
    await store.saveReply(reply({ id: 'r3', connectionId: 'conn-2' }));
    expect((await store.repliesFor('conn-1')).map((r) => r.id)).toEqual(['r2', 'r1']);
  });

  it('builds the receipts file: what, sent, received, seen and sha256', () => {
    const file = buildReceiptExport('Mrs J', 'conn-1', [receipt()], [reply()], '2025-03-06T12:00:00.000Z');
    expect(file).toEqual({
      client: 'Mrs J',
      connectionId: 'conn-1',
      exportedAt: '2025-03-06T12:00:00.000Z',
      received: [
        {
          what: 'photo',
          sent: '2025-03-03T10:00:00.000Z',
          received: '2025-03-03T10:00:05.000Z',
          seen: '2025-03-03T11:00:00.000Z',
          sha256: 'ab'.repeat(32),
          itemId: 'item-1',
          size: 120_000,
        },
      ],
      replies: [{ what: 'reply', sent: '2025-03-03T11:05:00.000Z', sha256: 'cd'.repeat(32), replyId: 'reply-1' }],
    });
    // No message content in the file: only facts and hashes.
    expect(JSON.stringify(file)).not.toContain('Thanks');
  });

  it('calls a PDF a PDF in the receipts file, and text text', () => {
    const file = buildReceiptExport('Mrs J', 'conn-1', [receipt({ kind: 'pdf' }), receipt({ itemId: 'item-2', kind: 'text' })], [], '2025-03-06T12:00:00.000Z');
    expect(file.received.map((r) => r.what)).toEqual(['PDF', 'text']);
  });

  it('creates every store and index (numbered migrations, now version 4)', async () => {
    await store.getIdentity();
    await store.closeAdviserDb();
    const db = await openDB(store.ADVISER_DB_NAME);
    expect(db.version).toBe(4);
    expect([...db.objectStoreNames].sort()).toEqual(['desk', 'identity', 'pins', 'receipts', 'replies']);
    const tx = db.transaction(['receipts', 'replies', 'desk']);
    expect([...tx.objectStore('receipts').indexNames]).toEqual(['byConnection']);
    expect([...tx.objectStore('replies').indexNames]).toEqual(['byConnection']);
    expect([...tx.objectStore('desk').indexNames]).toEqual(['byConnection']);
    db.close();
  });

  it('version 2 removes an identity from before signing keys, and keeps receipts and replies', async () => {
    await store.closeAdviserDb();
    globalThis.indexedDB = new IDBFactory();
    const v1 = await openDB(store.ADVISER_DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('identity');
        db.createObjectStore('receipts', { keyPath: 'itemId' }).createIndex('byConnection', 'connectionId');
        db.createObjectStore('replies', { keyPath: 'id' }).createIndex('byConnection', 'connectionId');
      },
    });
    const { signingKey: _s, signingPrivateKey: _p, ...old } = await identity();
    await v1.put('identity', old, 'self');
    await v1.put('receipts', receipt());
    await v1.put('replies', reply());
    v1.close();
    const fresh = await load();
    expect(await fresh.getIdentity()).toBeUndefined();
    expect((await fresh.receiptsFor('conn-1')).map((r) => r.itemId)).toEqual(['item-1']);
    expect((await fresh.repliesFor('conn-1')).map((r) => r.id)).toEqual(['reply-1']);
  });

  it('deletes everything, the key included', async () => {
    await store.saveIdentity(await identity());
    await store.saveReceipt(receipt());
    await store.deleteAdviserDb();
    expect(await store.getIdentity()).toBeUndefined();
    expect(await store.receiptsFor('conn-1')).toEqual([]);
  });
});

describe('pinned client keys', () => {
  it('keeps the first pin for a connection and never replaces it', async () => {
    const first = { connectionId: 'conn-1', claimantPublicKey: 'BFIRST', pinnedAt: '2026-01-01T09:00:00Z' };
    expect(await store.addPin(first)).toEqual(first);
    expect(await store.addPin({ ...first, claimantPublicKey: 'BRELAY', pinnedAt: '2026-01-02T09:00:00Z' })).toEqual(first);
    expect(await store.getPin('conn-1')).toEqual(first);
    expect(await store.getPin('conn-2')).toBeUndefined();
  });

  it('marks a pin compared only for its own key, and keeps the first time', async () => {
    await store.addPin({ connectionId: 'conn-1', claimantPublicKey: 'BFIRST', pinnedAt: '2026-01-01T09:00:00Z' });
    await store.markPinCompared('conn-1', 'BRELAY', '2026-01-01T10:00:00Z');
    expect((await store.getPin('conn-1'))?.comparedAt).toBeUndefined();
    await store.markPinCompared('conn-1', 'BFIRST', '2026-01-01T11:00:00Z');
    await store.markPinCompared('conn-1', 'BFIRST', '2026-01-01T12:00:00Z');
    expect((await store.getPin('conn-1'))?.comparedAt).toBe('2026-01-01T11:00:00Z');
    await store.markPinCompared('conn-9', 'BFIRST', '2026-01-01T12:00:00Z');
    expect(await store.getPin('conn-9')).toBeUndefined();
  });

  it('an older database gains the pins store and keeps its receipts', async () => {
    await store.closeAdviserDb();
    globalThis.indexedDB = new IDBFactory();
    const old = await openDB('uc-adviser', 2, {
      upgrade(db) {
        db.createObjectStore('identity');
        db.createObjectStore('receipts', { keyPath: 'itemId' }).createIndex('byConnection', 'connectionId');
        db.createObjectStore('replies', { keyPath: 'id' }).createIndex('byConnection', 'connectionId');
      },
    });
    await old.put('receipts', receipt());
    old.close();
    store = await load();
    expect(await store.receiptsFor('conn-1')).toHaveLength(1);
    expect(await store.getPin('conn-1')).toBeUndefined();
  });
});
