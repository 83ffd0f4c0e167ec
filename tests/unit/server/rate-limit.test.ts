// Rate limits behind a proxy and across relay processes: the client address
// from X-Forwarded-For (TRUST_PROXY), limits per credential for signed-in
// requests, buckets in the database shared by two stores on one database, and
// a clean-up that never hands back a guessing allowance.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from '../../../src/server/api/client-address';
import { newToken } from '../../../src/server/api/auth';
import { bucketKey, DEFAULT_RATE_LIMITS, RateLimiter } from '../../../src/server/api/rate-limit';
import { memoryRateLimits } from '../../../src/server/store/rate-limits';
import { createSqlStore } from '../../../src/server/store/sql-store';
import type { Store } from '../../../src/server/store/store';
import { call, connected, enrolled, envelope, invite, startRelay, UNLIMITED, uuid, type Relay } from '../../support/relay-api';
import { openTestStore, SLOW, storeAdapters, type TestStore } from '../../support/store-adapters';

const { adapters, stop } = await storeAdapters('rate limit');
afterAll(stop, SLOW);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Take = (nowMs: number) => Promise<{ allowed: boolean; waitMs: number }>;

/** A bucket of 2 a minute, taken at `t0`: empty after two, and refilled evenly (a clock step back adds nothing). */
async function expectEvenRefill(take: Take, t0: number): Promise<void> {
  expect((await take(t0)).allowed).toBe(true);
  expect((await take(t0)).allowed).toBe(true);
  expect(await take(t0)).toEqual({ allowed: false, waitMs: 30_000 });
  expect((await take(t0 - 10 * MINUTE)).allowed).toBe(false);
  expect((await take(t0 - 10 * MINUTE + 29_000)).allowed).toBe(false);
  expect((await take(t0 - 10 * MINUTE + 31_000)).allowed).toBe(true);
}

function request(socket: string, forwarded?: string | string[]): IncomingMessage {
  return { socket: { remoteAddress: socket }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } } as unknown as IncomingMessage;
}

describe('the client address (TRUST_PROXY)', () => {
  it('is the socket address with no proxy, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('203.0.113.9', '1.2.3.4'), 0)).toBe('203.0.113.9');
    expect(clientAddress(request('::ffff:203.0.113.9'), 0)).toBe('203.0.113.9');
  });

  it('is the entry `hops` from the right; spoofed entries further left are ignored', () => {
    // One proxy (10.0.0.2) appended the address it saw: 198.51.100.7. The client wrote 6.6.6.6 itself.
    expect(clientAddress(request('10.0.0.2', '6.6.6.6, 198.51.100.7'), 1)).toBe('198.51.100.7');
    expect(clientAddress(request('10.0.0.2', ['6.6.6.6', '198.51.100.7']), 1)).toBe('198.51.100.7');
    // Two proxies: CDN then load balancer.
    expect(clientAddress(request('10.0.0.2', '6.6.6.6, 198.51.100.7, 192.0.2.10'), 2)).toBe('198.51.100.7');
    // Fewer entries than proxies: the leftmost, written by a trusted proxy.
    expect(clientAddress(request('10.0.0.2', '198.51.100.7'), 3)).toBe('198.51.100.7');
    expect(clientAddress(request('10.0.0.2'), 1)).toBe('10.0.0.2');
  });

  it('falls back to the socket address when the entry is not an address', () => {
    expect(clientAddress(request('10.0.0.2', 'unknown'), 1)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', '198.51.100.7:4711'), 1)).toBe('10.0.0.2');
  });

  it('keys IPv6 clients by their /64', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('[2001:db8::1]')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('not an address')).toBeNull();
  });
});

describe.each(adapters)('rate limits on $name', (adapter) => {
  let test: TestStore;
  let store: Store;

  beforeAll(async () => {
    test = await openTestStore(adapter);
    store = test.store;
  }, SLOW);
  afterAll(() => test?.close(), SLOW);

  describe('behind one proxy (TRUST_PROXY=1)', () => {
    let relay: Relay;
    beforeAll(async () => {
      relay = await startRelay(store, { ...UNLIMITED, invitePerIp: { limit: 10, windowMs: MINUTE }, invitePerPrefix: DEFAULT_RATE_LIMITS.invitePerPrefix }, null, {
        trustProxy: 1,
      });
    });
    afterAll(() => relay?.close());

    it('eleven look-ups from eleven people do not lock out a twelfth', async () => {
      const adviser = await enrolled(relay, store);
      const code = await invite(relay, adviser.deviceToken);
      for (let i = 1; i <= 11; i++) {
        const res = await call(relay, 'POST', '/api/invites/lookup', { body: { code: '222-222-222' }, headers: { 'X-Forwarded-For': `198.51.100.${i}` } });
        expect(res.status).toBe(404);
      }
      const twelfth = await call(relay, 'POST', '/api/invites/lookup', { body: { code }, headers: { 'X-Forwarded-For': '198.51.100.12' } });
      expect(twelfth.status).toBe(200);
    });

    it('one person cannot dodge their limit by writing X-Forwarded-For entries of their own', async () => {
      const statuses: number[] = [];
      for (let i = 1; i <= 11; i++) {
        const res = await call(relay, 'POST', '/api/invites/lookup', { body: { code: '333-333-333' }, headers: { 'X-Forwarded-For': `6.6.6.${i}, 203.0.113.50` } });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
      expect(statuses[10]).toBe(429);
    });
  });

  it('one flooding credential does not give another claimant 429 (same address, no proxy)', async () => {
    const relay = await startRelay(store, {
      ...UNLIMITED,
      anyPerIp: { limit: 20, windowMs: MINUTE },
      anyPerCredential: { limit: 20, windowMs: MINUTE },
    });
    try {
      const setup = await startRelay(store);
      const [flooder, other] = [await connected(setup, store), await connected(setup, store)];
      await setup.close();
      const flood: number[] = [];
      for (let i = 0; i < 30; i++) flood.push((await call(relay, 'GET', '/api/claimant/status', { token: flooder.claimantToken })).status);
      expect(flood.filter((s) => s === 429).length).toBeGreaterThan(0);
      for (let i = 0; i < 16; i++) {
        expect((await call(relay, 'GET', '/api/claimant/status', { token: other.claimantToken })).status).toBe(200);
      }
    } finally {
      await relay.close();
    }
  });

  it('made-up credentials count against the address (429 after the limit, not endless 401s)', async () => {
    const relay = await startRelay(store, { ...UNLIMITED, badCredentialPerIp: { limit: 5, windowMs: MINUTE } }, null, { trustProxy: 1 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        statuses.push((await call(relay, 'GET', '/api/claimant/status', { token: newToken('c_'), headers: { 'X-Forwarded-For': '203.0.113.77' } })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    } finally {
      await relay.close();
    }
  });

  it('two stores on one database share a bucket (two relay processes on one PostgreSQL)', async () => {
    const second = createSqlStore(await test.database.open());
    const rate = { limit: 3, windowMs: HOUR };
    const key = bucketKey(`shared-${Math.random()}`);
    const nowMs = Date.now();
    const take = (s: Store) => s.takeRateToken({ key, ...rate, nowMs });
    expect((await take(store)).allowed).toBe(true);
    expect((await take(second)).allowed).toBe(true);
    expect((await take(store)).allowed).toBe(true);
    const refused = await take(second);
    expect(refused.allowed).toBe(false);
    expect(refused.waitMs).toBeGreaterThan(HOUR / 3 - 1000);
    expect((await take(store)).allowed).toBe(false);
    await second.close();
  });

  it('two relays on one database share the per-address limit', async () => {
    const limits = { ...UNLIMITED, invitePerIp: { limit: 4, windowMs: MINUTE } };
    // Relays on one database share CODE_HASH_SECRET (bucket keys are HMACs under it).
    const codeSecret = randomBytes(32);
    const a = await startRelay(store, limits, null, { trustProxy: 1, codeSecret });
    const b = await startRelay(createSqlStore(await test.database.open()), limits, null, { trustProxy: 1, codeSecret });
    try {
      const lookup = (relay: Relay) => call(relay, 'POST', '/api/invites/lookup', { body: { code: '444-444-444' }, headers: { 'X-Forwarded-For': '192.0.2.44' } });
      expect((await lookup(a)).status).toBe(404);
      expect((await lookup(b)).status).toBe(404);
      expect((await lookup(a)).status).toBe(404);
      expect((await lookup(b)).status).toBe(404);
      expect((await lookup(a)).status).toBe(429);
      expect((await lookup(b)).status).toBe(429);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('refills evenly, and a clock that steps back adds nothing', async () => {
    const rate = { limit: 2, windowMs: MINUTE };
    const key = bucketKey(`refill-${Math.random()}`);
    const t0 = Date.now();
    const take = (nowMs: number) => store.takeRateToken({ key, ...rate, nowMs });
    await expectEvenRefill(take, t0);
  });

  it('clean-up drops only full buckets: the per-prefix guessing limit survives a flood of other keys', async () => {
    const prefix = { limit: 3, windowMs: HOUR };
    const key = bucketKey(`invite-prefix:ABC-${Math.random()}`);
    const t0 = Date.now();
    for (let i = 0; i < 3; i++) expect((await store.takeRateToken({ key, ...prefix, nowMs: t0 })).allowed).toBe(true);
    // A flood of fresh buckets (other addresses), as an attacker would make to flush a bounded table.
    for (let i = 0; i < 200; i++) await store.takeRateToken({ key: bucketKey(`flood-${i}-${Math.random()}`), limit: 10, windowMs: MINUTE, nowMs: t0 });
    const swept = await store.sweepRateLimits(t0 + 2 * MINUTE);
    expect(swept).toBeGreaterThanOrEqual(200);
    expect((await store.takeRateToken({ key, ...prefix, nowMs: t0 + 2 * MINUTE })).allowed).toBe(false);
    // Once it would be full again it holds nothing, and goes.
    await store.sweepRateLimits(t0 + 2 * HOUR);
    const rows = await test.driver.query<{ key: string }>('SELECT key FROM rate_limits WHERE key = $1', [key]);
    expect(rows).toEqual([]);
  });

  it('the limiter sweeps by itself, at most once a minute, and keys hold no address', async () => {
    let nowMs = Date.now() + 10 * HOUR;
    const limiter = new RateLimiter(store, () => nowMs);
    expect(await limiter.take('invite-ip:198.51.100.200', { limit: 1, windowMs: MINUTE })).toBe(0);
    expect(await limiter.take('invite-ip:198.51.100.200', { limit: 1, windowMs: MINUTE })).toBe(60);
    nowMs += 2 * MINUTE;
    await limiter.take('other', { limit: 5, windowMs: MINUTE });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const keys = (await test.driver.query<{ key: string }>('SELECT key FROM rate_limits')).map((row) => row.key);
    expect(keys).not.toContain(bucketKey('invite-ip:198.51.100.200'));
    expect(keys.join(' ')).not.toContain('198.51.100');
  });
});

describe('flood limits kept in memory (one process alone uses PGlite)', () => {
  it('the in-memory buckets refill evenly, add nothing when the clock steps back, and sweep only full buckets', async () => {
    const buckets = memoryRateLimits();
    const rate = { limit: 2, windowMs: MINUTE };
    const t0 = Date.now();
    const take = (nowMs: number, key = 'a') => buckets.takeRateToken({ key, ...rate, nowMs });
    await expectEvenRefill(take, t0);
    await take(t0 + 20_000, 'b');
    // 'a' was full again long before t0 + 31 s; 'b' holds 1 of 2 tokens until t0 + 50 s, so it stays.
    expect(await buckets.sweepRateLimits(t0 + 31_000)).toBe(1);
    expect((await take(t0 + 31_000, 'b')).allowed).toBe(true);
    expect((await take(t0 + 31_000, 'b')).allowed).toBe(false);
  });
});

describe.each(adapters)('flood limits on $name', (adapter) => {
  let test: TestStore;
  beforeAll(async () => {
    test = await openTestStore(adapter);
  }, SLOW);
  afterAll(() => test?.close(), SLOW);

  it('per-credential and per-connection send buckets both still limit; in memory on PGlite only, in the table on PostgreSQL', async () => {
    const { store } = test;
    expect(store.singleProcess).toBe(adapter.name === 'pglite');
    const setup = await startRelay(store);
    const { claimantToken } = await connected(setup, store);
    await setup.close();
    const relay = await startRelay(store, { ...UNLIMITED, sendsPerConnection: { limit: 3, windowMs: MINUTE }, anyPerCredential: { limit: 6, windowMs: MINUTE } });
    // A time of this relay's own: the buckets it writes are the ones updated at it.
    relay.clock.ms += 123_457;
    const rows = async () =>
      Number((await test.driver.query<{ n: number }>('SELECT count(*)::int AS n FROM rate_limits WHERE updated_ms = $1', [relay.clock.ms]))[0]!.n);
    try {
      const send = () => call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: uuid(), envelope: envelope() } });
      const sends = [];
      for (let i = 0; i < 4; i++) sends.push((await send()).status);
      // The send bucket (3 a minute) refuses the fourth.
      expect(sends).toEqual([201, 201, 201, 429]);
      const status = [];
      for (let i = 0; i < 3; i++) status.push((await call(relay, 'GET', '/api/claimant/status', { token: claimantToken })).status);
      // The credential's bucket (6 a minute) had 4 sends and refuses the seventh request.
      expect(status).toEqual([200, 200, 429]);
      // PGlite: no bucket written for these; PostgreSQL: both buckets in the table, shared with other relay processes.
      expect(await rows()).toBe(adapter.name === 'pglite' ? 0 : 2);
      relay.clock.ms += MINUTE;
      expect((await send()).status).toBe(201);
    } finally {
      await relay.close();
    }
  });
});
