// Issue 12, point 5: per-connection quotas (items and bytes, per side), the
// adviser's item list a page at a time, and lists and status polls that
// never read an envelope. On PGlite and PostgreSQL.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SqlDriver } from '../../../src/server/store/driver';
import { migrate, MIGRATIONS } from '../../../src/server/store/migrations';
import { createSqlStore } from '../../../src/server/store/sql-store';
import type { Store } from '../../../src/server/store/store';
import { runRetention } from '../../../src/server/retention';
import { call, connected, envelope, startRelay, uuid, type Relay } from '../../support/relay-api';
import { emptyTables, openTestStore, SLOW, storeAdapters, type TestStore } from '../../support/store-adapters';

const { adapters, stop } = await storeAdapters('quota');
afterAll(stop, SLOW);

/** The driver under the store, noting every statement it runs. */
function recording(driver: SqlDriver, log: string[]): SqlDriver {
  return {
    query: (sql, params) => {
      log.push(sql);
      return driver.query(sql, params);
    },
    transaction: (fn) => driver.transaction((tx) => fn(recording(tx, log))),
    close: () => driver.close(),
  };
}

const QUOTA = { maxItems: 5, maxBytes: 2000 };

type Usage = { toAdviser: [number, number]; toClaimant: [number, number] };

/** A connection's quota counters (migration 9), and the same added up from its items. */
async function usageOf(driver: SqlDriver, connectionId: string): Promise<{ counters: Usage; items: Usage }> {
  const [c] = await driver.query<Record<string, number | string>>(
    'SELECT to_adviser_items, to_adviser_bytes, to_claimant_items, to_claimant_bytes FROM connections WHERE id = $1',
    [connectionId],
  );
  const [i] = await driver.query<Record<string, number | string>>(
    `SELECT count(*) FILTER (WHERE direction = 'to-adviser') AS to_adviser_items,
            COALESCE(sum(size) FILTER (WHERE direction = 'to-adviser'), 0) AS to_adviser_bytes,
            count(*) FILTER (WHERE direction = 'to-claimant') AS to_claimant_items,
            COALESCE(sum(size) FILTER (WHERE direction = 'to-claimant'), 0) AS to_claimant_bytes
     FROM items WHERE connection_id = $1`,
    [connectionId],
  );
  const usage = (row: Record<string, number | string>): Usage => ({
    toAdviser: [Number(row.to_adviser_items), Number(row.to_adviser_bytes)],
    toClaimant: [Number(row.to_claimant_items), Number(row.to_claimant_bytes)],
  });
  return { counters: usage(c!), items: usage(i!) };
}

describe.each(adapters)('quotas and paging on $name', (adapter) => {
  let test: TestStore;
  let store: Store;
  let relay: Relay;
  const statements: string[] = [];

  beforeAll(async () => {
    test = await openTestStore(adapter);
    store = createSqlStore(recording(test.driver, statements));
    relay = await startRelay(store, undefined, null, { quota: QUOTA });
  }, SLOW);
  afterAll(async () => {
    await relay?.close();
    await test?.close();
  }, SLOW);
  beforeEach(async () => {
    await emptyTables(test.driver);
    statements.length = 0;
  });

  it('a full connection: lists and status keep answering 200, the next send gets 409 connection_full, a resend still 200', async () => {
    const { adviser, claimantToken, connectionId } = await connected(relay, store);
    const ids: string[] = [];
    const envelopes: string[] = [];
    for (let i = 0; i < QUOTA.maxItems; i++) {
      const id = uuid();
      ids.push(id);
      envelopes.push(envelope(300));
      relay.clock.ms += 1000;
      expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id, envelope: envelopes[i] } })).status).toBe(201);
    }
    const full = await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: uuid(), envelope: envelope(10) } });
    expect(full.status).toBe(409);
    expect(full.body).toEqual({ error: 'connection_full', message: expect.stringMatching(/holds 5 items/), limit: 'items', maxItems: 5, maxBytes: 2000 });
    // A repeat of an item the relay already has is not a new item: still 200.
    expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: ids[0], envelope: envelopes[0] } })).status).toBe(200);
    // A different envelope under a used id is still a conflict, not "full".
    const clash = await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: ids[0], envelope: envelope(300) } });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toBe('conflict');

    for (let i = 0; i < 3; i++) {
      expect((await call(relay, 'GET', '/api/claimant/status', { token: claimantToken })).status).toBe(200);
      expect((await call(relay, 'GET', `/api/adviser/connections/${connectionId}/items`, { token: adviser.deviceToken })).status).toBe(200);
      expect((await call(relay, 'GET', '/api/adviser/connections', { token: adviser.deviceToken })).status).toBe(200);
    }
    // The adviser's replies have a quota of their own: a full client side does not stop them.
    expect(
      (await call(relay, 'POST', `/api/adviser/connections/${connectionId}/replies`, { token: adviser.deviceToken, body: { id: uuid(), envelope: envelope(10) } }))
        .status,
    ).toBe(201);

    // Once the adviser has seen items and retention has deleted them, there is room again.
    await call(relay, 'POST', `/api/adviser/items/${ids[0]}/seen`, { token: adviser.deviceToken });
    const later = new Date(relay.clock.ms + 31 * 24 * 60 * 60 * 1000);
    expect((await runRetention(store, { retentionSeenDays: 30, retentionMaxDays: 90 }, later)).items).toBe(1);
    expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: uuid(), envelope: envelope(10) } })).status).toBe(201);
  });

  it('the byte limit: an item that would go over is refused with limit "bytes"; a smaller one still fits', async () => {
    const { claimantToken, connectionId } = await connected(relay, store);
    expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: uuid(), envelope: envelope(1500) } })).status).toBe(201);
    const over = await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: uuid(), envelope: envelope(600) } });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ error: 'connection_full', limit: 'bytes', maxBytes: 2000 });
    expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: uuid(), envelope: envelope(450) } })).status).toBe(201);
    expect(await store.itemUsage(connectionId, 'to-adviser')).toEqual({ items: 2, bytes: 1950 });
  });

  it('concurrent sends cannot together go over the quota', async () => {
    const { claimantToken, connectionId } = await connected(relay, store);
    const results = await Promise.all(
      Array.from({ length: 12 }, () => call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: uuid(), envelope: envelope(20) } })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(QUOTA.maxItems);
    expect(results.filter((r) => r.status === 409 && r.body.error === 'connection_full')).toHaveLength(12 - QUOTA.maxItems);
    expect((await store.itemUsage(connectionId, 'to-adviser')).items).toBe(QUOTA.maxItems);
  });

  it('the quota counters on the connection row match its items after sends, resends, refusals, replies, concurrent sends, retention and stop sharing', async () => {
    const { adviser, claimantToken, connectionId } = await connected(relay, store);
    const other = await connected(relay, store, 'Kim Lee');
    const send = (token: string, body: { id: string; envelope: string }) => call(relay, 'POST', '/api/items', { token, body });
    const expectUsage = async (id: string, expected: Usage) => {
      const { counters, items } = await usageOf(test.driver, id);
      expect(counters).toEqual(items);
      expect(counters).toEqual(expected);
    };

    const first = { id: uuid(), envelope: envelope(300) };
    expect((await send(claimantToken, first)).status).toBe(201);
    expect((await send(claimantToken, first)).status).toBe(200); // a resend adds nothing
    expect((await send(claimantToken, { id: first.id, envelope: envelope(300) })).status).toBe(409); // nor does a clash
    expect((await send(other.claimantToken, { id: uuid(), envelope: envelope(100) })).status).toBe(201);
    const replied = await call(relay, 'POST', `/api/adviser/connections/${connectionId}/replies`, {
      token: adviser.deviceToken,
      body: { id: uuid(), envelope: envelope(40) },
    });
    expect(replied.status).toBe(201);
    await expectUsage(connectionId, { toAdviser: [1, 300], toClaimant: [1, 40] });

    // Twelve at once: five fit, the refused ones leave no trace in the counters.
    relay.clock.ms += 1000;
    const results = await Promise.all(Array.from({ length: 12 }, () => send(claimantToken, { id: uuid(), envelope: envelope(150) })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(QUOTA.maxItems - 1);
    await expectUsage(connectionId, { toAdviser: [5, 300 + 4 * 150], toClaimant: [1, 40] });
    expect(await store.itemUsage(connectionId, 'to-adviser')).toEqual({ items: 5, bytes: 900 });

    // Retention deletes the item the adviser saw long ago: its count and bytes go.
    await call(relay, 'POST', `/api/adviser/items/${first.id}/seen`, { token: adviser.deviceToken });
    const later = new Date(relay.clock.ms + 31 * 24 * 60 * 60 * 1000);
    expect((await runRetention(store, { retentionSeenDays: 30, retentionMaxDays: 90 }, later)).items).toBe(1);
    await expectUsage(connectionId, { toAdviser: [4, 600], toClaimant: [1, 40] });

    // Stop sharing deletes everything of the connection; the other one is untouched.
    expect((await call(relay, 'DELETE', '/api/claimant/connection', { token: claimantToken })).status).toBeLessThan(300);
    await expectUsage(connectionId, { toAdviser: [0, 0], toClaimant: [0, 0] });
    await expectUsage(other.connectionId, { toAdviser: [1, 100], toClaimant: [0, 0] });
  });

  /**
   * A new store of this adapter migrated up to (not including) `version`, with
   * one adviser and one connection, for a migration's test; dropped afterwards.
   */
  async function beforeMigration(version: number, test: (db: SqlDriver, connectionId: string) => Promise<void>): Promise<void> {
    const fresh = await adapter.fresh();
    try {
      const db = await fresh.open();
      await migrate(
        db,
        MIGRATIONS.filter((m) => m.version < version),
      );
      const adviserId = uuid();
      const connectionId = uuid();
      await db.query(`INSERT INTO advisers (id, name, org, enrol_token_hash, enrol_expires_at) VALUES ($1, 'A', 'O', $2, now())`, [adviserId, uuid()]);
      await db.query(`INSERT INTO connections (id, adviser_id, label, claimant_public_key) VALUES ($1, $2, '', 'k')`, [connectionId, adviserId]);
      await test(db, connectionId);
      await db.close();
    } finally {
      await fresh.drop();
    }
  }

  /** How the envelope column is stored ('e': out of line, never compressed). */
  const envelopeStorage = (db: SqlDriver) =>
    db.query<{ attstorage: string }>(`SELECT attstorage FROM pg_attribute WHERE attrelid = 'items'::regclass AND attname = 'envelope'`);

  it('migration 9 counts the items already stored; the envelope column is stored out of line without compression', async () => {
    await beforeMigration(9, async (db, connectionId) => {
      for (const [direction, size] of [
        ['to-adviser', 10],
        ['to-adviser', 20],
        ['to-claimant', 5],
      ] as const) {
        await db.query(`INSERT INTO items (id, connection_id, direction, envelope, size) VALUES ($1, $2, $3, $4, $5)`, [
          uuid(),
          connectionId,
          direction,
          randomBytes(size).toString('base64url'),
          size,
        ]);
      }
      await migrate(db);
      expect((await usageOf(db, connectionId)).counters).toEqual({ toAdviser: [2, 30], toClaimant: [1, 5] });
      expect(await envelopeStorage(db)).toEqual([{ attstorage: 'e' }]);
    });
  });

  it('migration 11 keeps each stored envelope as its bytes, and gives back exactly the text that was sent', async () => {
    await beforeMigration(11, async (db, connectionId) => {
      // Every remainder of base64url (no padding, one or two characters short), '-' and '_', and a long one
      // that PostgreSQL's base64 would break into lines.
      const sent = [Buffer.from([0xfb, 0xff]), Buffer.from([0xfb, 0xff, 0xfe]), Buffer.from([0xff, 0xff, 0xfe, 0xfb]), randomBytes(100_000)].map((bytes) => ({
        id: uuid(),
        text: bytes.toString('base64url'),
        size: bytes.length,
      }));
      expect(sent.map((e) => e.text).join('')).toMatch(/-.*_|_.*-/);
      for (const { id, text, size } of sent) {
        await db.query(`INSERT INTO items (id, connection_id, direction, envelope, size) VALUES ($1, $2, 'to-adviser', $3, $4)`, [id, connectionId, text, size]);
      }
      await migrate(db);
      const stored = await db.query<{ id: string; bytes: number }>(`SELECT id, octet_length(envelope) AS bytes FROM items`);
      expect(new Map(stored.map((row) => [row.id, Number(row.bytes)]))).toEqual(new Map(sent.map((e) => [e.id, e.size])));
      const items = createSqlStore(db);
      for (const { id, text } of sent) expect((await items.getEnvelope(id))?.envelope).toBe(text);
      expect(await envelopeStorage(db)).toEqual([{ attstorage: 'e' }]);
    });
  });

  it('pages the adviser list newest first with a cursor; bad limits and cursors are 400', async () => {
    const { adviser, claimantToken, connectionId } = await connected(relay, store);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = uuid();
      ids.unshift(id);
      // Two at the same time: the id breaks the tie, so no item is skipped or repeated.
      if (i !== 3) relay.clock.ms += 1000;
      await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id, envelope: envelope(10) } });
    }
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const path: string = `/api/adviser/connections/${connectionId}/items?limit=2${next ? `&before=${next}` : ''}`;
      const page = await call(relay, 'GET', path, { token: adviser.deviceToken });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      for (const item of page.body.items) expect(item.envelope).toBeUndefined();
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      next = page.body.next;
      pages++;
    } while (next);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    expect(seen.filter((id, i) => i > 0 && seen[i - 1]! === id)).toEqual([]);
    expect([...seen].sort()).toEqual([...ids].sort());

    const base = `/api/adviser/connections/${connectionId}/items`;
    for (const query of ['?limit=0', '?limit=201', '?limit=x', '?limit=1.5', '?before=@@', `?before=${Buffer.from('nope|x').toString('base64url')}`]) {
      expect((await call(relay, 'GET', base + query, { token: adviser.deviceToken })).status, query).toBe(400);
    }
    expect((await call(relay, 'GET', `${base}?limit=200`, { token: adviser.deviceToken })).body.items).toHaveLength(5);
  });

  it('lists and status polls never read the envelope column; one item is fetched with its envelope', async () => {
    const { adviser, claimantToken, connectionId } = await connected(relay, store);
    const id = uuid();
    await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id, envelope: envelope(100) } });
    await call(relay, 'POST', `/api/adviser/connections/${connectionId}/replies`, { token: adviser.deviceToken, body: { id: uuid(), envelope: envelope(10) } });
    statements.length = 0;
    expect((await call(relay, 'GET', '/api/claimant/status', { token: claimantToken })).status).toBe(200);
    expect((await call(relay, 'GET', `/api/adviser/connections/${connectionId}/items`, { token: adviser.deviceToken })).status).toBe(200);
    expect((await call(relay, 'GET', '/api/adviser/connections', { token: adviser.deviceToken })).status).toBe(200);
    expect(statements.length).toBeGreaterThan(3);
    expect(statements.filter((sql) => /envelope/i.test(sql))).toEqual([]);

    const one = await call(relay, 'GET', `/api/adviser/items/${id}`, { token: adviser.deviceToken });
    expect(one.status).toBe(200);
    expect(one.body.envelope).toHaveLength(Math.ceil((100 * 4) / 3));
    expect(statements.filter((sql) => /envelope/i.test(sql))).toHaveLength(1);
  });
});
