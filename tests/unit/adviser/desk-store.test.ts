// The desk's records in the adviser's database (uc-adviser v3): what each
// item says, the adviser's corrections and "handled", kept on this computer.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeskItem, DeskReading } from '../../../src/client/data/adviser-db.ts';

type Store = typeof import('../../../src/client/data/adviser-db.ts');
const load = async (): Promise<Store> => {
  vi.resetModules();
  return import('../../../src/client/data/adviser-db.ts');
};

let store: Store;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = await load();
});

const found: DeskReading = {
  kind: 'mandatory-reconsideration-notice',
  noticeDate: '2026-11-13',
  countFrom: '2026-11-13',
  deadlines: [{ id: 'appeal', date: '2026-12-14', target: '2026-12-09', rule: 'appeal-next-working-day', time: '17:00', movedFrom: '2026-12-13' }],
};
const corrected: DeskReading & { at: string } = {
  kind: 'claim-decision',
  noticeDate: '2026-11-20',
  countFrom: '2026-11-20',
  deadlines: [{ id: 'mandatory-reconsideration', date: '2026-12-20', target: '2026-12-15', rule: 'mr-one-month' }],
  at: '2026-12-02T09:00:00.000Z',
};
const item = (over: Partial<DeskItem> = {}): DeskItem => ({
  itemId: 'item-1',
  connectionId: 'conn-1',
  label: 'R. Patel',
  receivedAt: '2026-12-01T10:00:00.000Z',
  source: 'photo',
  found,
  handled: {},
  explainedAt: '2026-12-01T10:00:05.000Z',
  ...over,
});

describe('the desk store', () => {
  it('keeps what an item says, across a reopen', async () => {
    await store.saveDeskItem(item());
    await store.closeAdviserDb();
    const fresh = await load();
    expect(await fresh.getDeskItem('item-1')).toEqual(item());
    expect(await fresh.allDeskItems()).toHaveLength(1);
  });

  it('keeps a correction apart from what was found, and can go back', async () => {
    await store.saveDeskItem(item());
    const saved = await store.correctDeskItem('item-1', corrected);
    expect(saved?.found).toEqual(found);
    expect(saved && store.readingOf(saved)).toEqual(corrected);
    expect((await store.getDeskItem('item-1'))?.corrected).toEqual(corrected);
    const undone = await store.correctDeskItem('item-1', null);
    expect(undone?.corrected).toBeUndefined();
    expect(undone && store.readingOf(undone)).toEqual(found);
  });

  it('keeps the correction and "handled" when the item is explained again', async () => {
    await store.saveDeskItem(item());
    await store.correctDeskItem('item-1', corrected);
    await store.markHandled('item-1', 'appeal', '2026-12-03T10:00:00.000Z');
    const again = await store.saveDeskItem(item({ explainedAt: '2026-12-04T10:00:00.000Z' }));
    expect(again.corrected).toEqual(corrected);
    expect(again.handled).toEqual({ appeal: '2026-12-03T10:00:00.000Z' });
    expect(again.explainedAt).toBe('2026-12-04T10:00:00.000Z');
  });

  it('marks a deadline handled and open again', async () => {
    await store.saveDeskItem(item());
    expect((await store.markHandled('item-1', 'appeal', '2026-12-03T10:00:00.000Z'))?.handled).toEqual({ appeal: '2026-12-03T10:00:00.000Z' });
    expect((await store.markHandled('item-1', 'appeal', null))?.handled).toEqual({});
  });

  it('does nothing for an item it does not have', async () => {
    expect(await store.correctDeskItem('nope', corrected)).toBeUndefined();
    expect(await store.markHandled('nope', 'appeal', '2026-12-03T10:00:00.000Z')).toBeUndefined();
    expect(await store.allDeskItems()).toEqual([]);
  });

  it('upgrades a version 2 database: the identity, receipts and replies stay', async () => {
    const old = await openDB('uc-adviser', 2, {
      upgrade(db) {
        db.createObjectStore('identity');
        db.createObjectStore('receipts', { keyPath: 'itemId' }).createIndex('byConnection', 'connectionId');
        db.createObjectStore('replies', { keyPath: 'id' }).createIndex('byConnection', 'connectionId');
      },
    });
    await old.put('identity', { adviserId: 'adv-1' }, 'self');
    await old.put('receipts', { itemId: 'r1', connectionId: 'conn-1', receivedAt: '2026-12-01T10:00:00.000Z' });
    old.close();
    store = await load();
    expect((await store.getIdentity())?.adviserId).toBe('adv-1');
    expect(await store.receiptsFor('conn-1')).toHaveLength(1);
    await store.saveDeskItem(item());
    expect(await store.allDeskItems()).toHaveLength(1);
  });
});
