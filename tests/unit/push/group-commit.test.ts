// Delivered pushes are recorded together (group commit): one UPDATE for the
// pushes that ended in one turn of the event loop (or, as the scheduler uses
// it, for up to minItems of them, at most maxWaitMs late), only for the claim
// that sent each row, never for journal reminders (they schedule their next one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../../src/server/store/pglite-driver';
import type { SqlDriver } from '../../../src/server/store/driver';
import { createSqlStore } from '../../../src/server/store/sql-store';
import type { Store } from '../../../src/server/store/store';
import { groupCommit } from '../../../src/server/push/scheduler';
import { insertReminder, insertSubscriber } from '../../support/push-rows';

describe('groupCommit', () => {
  it('flushes what was added in one turn together, and an idle add at once', async () => {
    const flushes: number[][] = [];
    const add = groupCommit<number>(async (items) => {
      flushes.push(items);
    });
    await Promise.all([add(1), add(2), add(3)]);
    expect(flushes).toEqual([[1, 2, 3]]);
    await add(4);
    expect(flushes).toEqual([[1, 2, 3], [4]]);
  });

  it('items added during a flush go in the next one; a failed flush rejects its own items only', async () => {
    const flushes: number[][] = [];
    let release!: () => void;
    const add = groupCommit<number>(async (items) => {
      flushes.push(items);
      if (items.includes(1)) await new Promise<void>((resolve) => (release = resolve));
      if (items.includes(13)) throw new Error('database blip');
    });
    const first = add(1);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const later = [add(12), add(13)];
    const other = add(14);
    release();
    await first;
    await expect(Promise.all(later)).rejects.toThrow('database blip');
    await expect(other).rejects.toThrow('database blip');
    expect(flushes).toEqual([[1], [12, 13, 14]]);
    await add(20);
    expect(flushes.at(-1)).toEqual([20]);
  });
});

describe('groupCommit with minItems', () => {
  it('waits for minItems, or drain(), before a flush', async () => {
    const flushes: number[][] = [];
    const add = groupCommit<number>(async (items) => void flushes.push(items), { minItems: 3, maxWaitMs: 60_000 });
    const first = [add(1), add(2)];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(flushes).toEqual([]);
    first.push(add(3));
    await Promise.all(first);
    expect(flushes).toEqual([[1, 2, 3]]);
    const last = add(4);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(flushes).toHaveLength(1);
    add.drain();
    await last;
    expect(flushes).toEqual([[1, 2, 3], [4]]);
    add.drain(); // nothing queued: no empty flush
    await new Promise((resolve) => setImmediate(resolve));
    expect(flushes).toHaveLength(2);
  });

  it('flushes fewer than minItems once the oldest has waited maxWaitMs', async () => {
    const flushes: { items: number[]; at: number }[] = [];
    const add = groupCommit<number>(async (items) => void flushes.push({ items, at: performance.now() }), { minItems: 50, maxWaitMs: 40 });
    const start = performance.now();
    await Promise.all([add(1), add(2)]);
    expect(flushes.map((flush) => flush.items)).toEqual([[1, 2]]);
    expect(flushes[0]!.at - start).toBeGreaterThanOrEqual(35);
  });
});

describe('markRemindersSent', () => {
  let driver: SqlDriver;
  let store: Store;
  beforeAll(async () => {
    driver = await openPglite(null);
    store = createSqlStore(driver);
    await store.migrate();
  }, 90_000); // PGlite takes long to open when the shared machine is busy
  afterAll(async () => {
    await driver?.close();
  });

  it('records rows of this claim only, with each row its own time, and never journal rows', async () => {
    const sub = await insertSubscriber(driver, 'https://push.example.org');
    const due = new Date(Date.now() - 60_000);
    const reply = await insertReminder(driver, sub.id, { kind: 'reply', dueAt: due });
    const deadline = await insertReminder(driver, sub.id, { kind: 'deadline', dueAt: due, deadlineId: 'd', deadlineDate: '2030-01-01' });
    const journal = await insertReminder(driver, sub.id, { kind: 'journal', dueAt: due });
    const stale = await insertReminder(driver, sub.id, { kind: 'reply', dueAt: due });
    const claimed = await store.claimDueReminders({ now: new Date(), batch: 10, leaseMs: 60_000 });
    expect(claimed).toHaveLength(4);
    const at1 = new Date('2030-01-01T10:00:00Z');
    const at2 = new Date('2030-01-01T10:00:01Z');
    const done = await store.markRemindersSent([
      { id: reply, attempt: 1, at: at1 },
      { id: deadline, attempt: 1, at: at2 },
      { id: journal, attempt: 1, at: at2 },
      { id: stale, attempt: 7, at: at2 }, // another claim's row
    ]);
    expect([...done].sort()).toEqual([reply, deadline].sort());
    const rows = await driver.query<{ id: string; state: string; sent_at: Date | null; claimed_until: Date | null }>(
      'SELECT id, state, sent_at, claimed_until FROM reminders WHERE subscriber_id = $1',
      [sub.id],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(reply)).toMatchObject({ state: 'sent', sent_at: at1, claimed_until: null });
    expect(byId.get(deadline)).toMatchObject({ state: 'sent', sent_at: at2, claimed_until: null });
    expect(byId.get(journal)?.state).toBe('sending');
    expect(byId.get(stale)?.state).toBe('sending');
    expect(await store.markRemindersSent([])).toEqual(new Set());
  });
});
