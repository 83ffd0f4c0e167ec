import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Deadline } from '../../../src/shared/notices/types.ts';
import type { SavedNotice } from '../../../src/client/data/notices-db.ts';
import { newId as newNoticeId } from '../../../src/shared/protocol/ids.ts';

type Store = typeof import('../../../src/client/data/notices-db.ts');

/** A fresh copy of the module, so its cached connection starts empty. */
const load = async (): Promise<Store> => {
  vi.resetModules();
  return import('../../../src/client/data/notices-db.ts');
};

let store: Store;

beforeEach(async () => {
  // A brand-new, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
  store = await load();
});

const deadline = (date: string, id: Deadline['id'] = 'appeal'): Deadline => ({
  id,
  date,
  target: date,
  rule: 'appeal-one-month',
});

const notice = (id: string, savedAt: string, dates: string[] = []): SavedNotice => ({
  id,
  kind: 'claim-decision',
  text: `Notice ${id}`,
  noticeDate: '2026-11-01',
  countFrom: '2026-11-01',
  countFromSource: 'text',
  deadlines: dates.map((d) => deadline(d)),
  savedAt,
});

describe('notices-db', () => {
  it('saves, gets and lists notices (newest first)', async () => {
    const a = notice('a', '2026-11-01T10:00:00.000Z', ['2026-12-01']);
    const b = { ...notice('b', '2026-11-02T10:00:00.000Z'), title: 'My decision' };
    await store.saveNotice(a);
    await store.saveNotice(b);
    expect(await store.getNotice('a')).toEqual(a);
    expect(await store.getNotice('b')).toEqual(b);
    expect(await store.getNotice('missing')).toBeUndefined();
    expect((await store.listNotices()).map((n) => n.id)).toEqual(['b', 'a']);
  });

  it('overwrites a notice saved again with the same id', async () => {
    await store.saveNotice(notice('a', '2026-11-01T10:00:00.000Z'));
    await store.saveNotice({ ...notice('a', '2026-11-01T10:00:00.000Z'), text: 'changed' });
    const all = await store.listNotices();
    expect(all).toHaveLength(1);
    expect(all[0]?.text).toBe('changed');
  });

  it('updates a notice and keeps its id', async () => {
    await store.saveNotice(notice('a', '2026-11-01T10:00:00.000Z'));
    const updated = await store.updateNotice('a', {
      title: 'Renamed',
      countFrom: '2026-11-03',
      countFromSource: 'user',
      deadlines: [deadline('2026-12-03')],
    });
    expect(updated.id).toBe('a');
    expect(updated.title).toBe('Renamed');
    expect(updated.text).toBe('Notice a');
    expect(await store.getNotice('a')).toEqual(updated);
  });

  it('ignores an id smuggled into the patch', async () => {
    await store.saveNotice(notice('a', '2026-11-01T10:00:00.000Z'));
    const patch = { id: 'b', title: 'x' } as Partial<Omit<SavedNotice, 'id'>>;
    expect((await store.updateNotice('a', patch)).id).toBe('a');
    expect(await store.getNotice('b')).toBeUndefined();
  });

  it('rejects an update of a missing notice', async () => {
    await expect(store.updateNotice('nope', { title: 'x' })).rejects.toThrow(/nope/);
    expect(await store.listNotices()).toEqual([]);
  });

  it('deletes a notice (and deleting a missing one is fine)', async () => {
    await store.saveNotice(notice('a', '2026-11-01T10:00:00.000Z'));
    await store.saveNotice(notice('b', '2026-11-02T10:00:00.000Z'));
    await store.deleteNotice('a');
    await store.deleteNotice('a');
    expect(await store.getNotice('a')).toBeUndefined();
    expect((await store.listNotices()).map((n) => n.id)).toEqual(['b']);
  });

  it('sees the data again after a second open', async () => {
    await store.saveNotice(notice('a', '2026-11-01T10:00:00.000Z', ['2026-12-01']));
    const again = await load(); // new module, new connection, same database
    expect(again).not.toBe(store);
    expect(await again.getNotice('a')).toEqual(notice('a', '2026-11-01T10:00:00.000Z', ['2026-12-01']));
    // The first connection still works too.
    expect(await store.listNotices()).toHaveLength(1);
  });

  it('starts empty in a fresh database', async () => {
    expect(await store.listNotices()).toEqual([]);
  });

  it('steps aside for a newer version and retries after a failed open', async () => {
    await store.saveNotice(notice('a', '2026-11-01T10:00:00.000Z'));
    // A newer app version (another tab) upgrades: our connection must close, not block it.
    const onBlocked = vi.fn();
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('uc-companion', 2);
      req.onblocked = onBlocked;
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(onBlocked).not.toHaveBeenCalled();
    // Our version 1 can't open a version 2 database: the call fails...
    await expect(store.listNotices()).rejects.toThrow();
    // ...but the failure isn't cached, so once the database is usable again we recover.
    newer.close();
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase('uc-companion');
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
    expect(await store.listNotices()).toEqual([]);
  });
});

describe('newNoticeId', () => {
  it('returns distinct ids', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newNoticeId()));
    expect(ids.size).toBe(50);
  });

  it('falls back to 32 hex characters without randomUUID', () => {
    // Simulate an older browser or an insecure context: the method is missing entirely.
    // (In Node it lives on Crypto.prototype, so an own property shadows it and delete restores it.)
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const id = newNoticeId();
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect(newNoticeId()).not.toBe(id);
    } finally {
      delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof globalThis.crypto.randomUUID).toBe('function');
  });
});

describe('nextDeadline', () => {
  const n = notice('a', '2026-11-01T10:00:00.000Z', ['2027-12-01', '2026-11-05', '2026-12-01', '2026-11-20']);

  it('picks the earliest deadline on or after today', () => {
    expect(store.nextDeadline(n, '2026-11-10')?.date).toBe('2026-11-20');
    expect(store.nextDeadline(n, '2026-11-20')?.date).toBe('2026-11-20'); // today still counts
    expect(store.nextDeadline(n, '2026-01-01')?.date).toBe('2026-11-05');
  });

  it('returns undefined when every deadline has passed or there are none', () => {
    expect(store.nextDeadline(n, '2027-12-02')).toBeUndefined();
    expect(store.nextDeadline(notice('b', '2026-11-01T10:00:00.000Z'), '2026-01-01')).toBeUndefined();
  });
});

describe('sortByNearestDeadline', () => {
  it('puts upcoming deadlines first, soonest first, then the rest newest first', () => {
    const today = '2026-11-10';
    const list = [
      notice('none-old', '2026-10-01T00:00:00.000Z'),
      notice('past', '2026-10-20T00:00:00.000Z', ['2026-11-01']),
      notice('later', '2026-10-02T00:00:00.000Z', ['2026-12-20']),
      notice('soon', '2026-10-03T00:00:00.000Z', ['2026-11-01', '2026-11-12', '2027-01-01']),
      notice('none-new', '2026-11-09T00:00:00.000Z'),
      notice('today', '2026-09-01T00:00:00.000Z', [today]),
    ];
    const before = list.map((x) => x.id);
    const sorted = store.sortByNearestDeadline(list, today);
    expect(sorted.map((x) => x.id)).toEqual(['today', 'soon', 'later', 'none-new', 'past', 'none-old']);
    expect(list.map((x) => x.id)).toEqual(before); // input untouched
    expect(sorted).not.toBe(list);
  });

  it('breaks ties on the same deadline by newest saved first', () => {
    const sorted = store.sortByNearestDeadline(
      [notice('older', '2026-11-01T00:00:00.000Z', ['2026-12-01']), notice('newer', '2026-11-05T00:00:00.000Z', ['2026-12-01'])],
      '2026-11-10',
    );
    expect(sorted.map((x) => x.id)).toEqual(['newer', 'older']);
  });

  it('handles an empty list', () => {
    expect(store.sortByNearestDeadline([], '2026-11-10')).toEqual([]);
  });
});
