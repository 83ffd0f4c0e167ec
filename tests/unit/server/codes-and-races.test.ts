// The smaller points of issue 12 on the relay: codes only in request bodies,
// stored under a keyed hash with a key kept out of the database; the README's
// guessing figures worked out from the real alphabet and limits; HSTS behind
// https; and a send racing "stop sharing" answered 410, never 500.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guessingFigures, INVITE_ALPHABET } from '../../../src/server/api/invite-code';
import { DEFAULT_RATE_LIMITS } from '../../../src/server/api/rate-limit';
import { ROUTE_LIST } from '../../../src/server/api/routes';
import { HSTS } from '../../../src/server/server';
import { createSqlStore } from '../../../src/server/store/sql-store';
import type { Store } from '../../../src/server/store/store';
import { sealedLabel, call, connected, enrolled, envelope, invite, startRelay, uuid, type Relay } from '../../support/relay-api';
import { openTestStore, SLOW, storeAdapters, type TestStore } from '../../support/store-adapters';

const { adapters, stop } = await storeAdapters('codes and races');
afterAll(stop, SLOW);

describe('codes never travel in a URL', () => {
  it('no route has a code in its path, and the old look-up address is gone', () => {
    for (const { pattern } of ROUTE_LIST) expect(pattern).not.toMatch(/:code|invites\/:/);
    expect(ROUTE_LIST).toContainEqual({ method: 'POST', pattern: '/api/invites/lookup' });
  });
});

describe('the README’s guessing figures', () => {
  it('are worked out from the real alphabet and the real limits', () => {
    const f = guessingFigures({ perIpPerMinute: DEFAULT_RATE_LIMITS.invitePerIp.limit, perPrefixPerHour: DEFAULT_RATE_LIMITS.invitePerPrefix.limit });
    expect(INVITE_ALPHABET.length).toBe(30);
    expect(new Set(INVITE_ALPHABET).size).toBe(INVITE_ALPHABET.length);
    expect(DEFAULT_RATE_LIMITS.invitePerIp.windowMs).toBe(60_000);
    expect(DEFAULT_RATE_LIMITS.invitePerPrefix.windowMs).toBe(3_600_000);
    const readme = readFileSync('README.md', 'utf8');
    const sci = (x: number) => {
      const exponent = Math.floor(Math.log10(x));
      const sup = String(exponent)
        .replace('-', '⁻')
        .replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);
      return `${(x / 10 ** exponent).toFixed(1)} × 10${sup}`;
    };
    for (const text of [
      `${f.alphabet}⁹`,
      `${(f.codes / 1e13).toFixed(2)} × 10¹³`,
      `2^${f.bits.toFixed(1)}`,
      f.prefixes.toLocaleString('en-GB'),
      f.ceilingPerHour.toLocaleString('en-GB'),
      f.addressesForCeiling.toLocaleString('en-GB'),
      sci(f.perInvite),
      sci(f.perInviteOneAddress),
      sci(f.perDeviceCode),
    ]) {
      expect(readme, text).toContain(text);
    }
  });
});

describe.each(adapters)('codes, HSTS and races on $name', (adapter) => {
  let test: TestStore;
  let store: Store;
  let relay: Relay;
  const secret = randomBytes(32);

  beforeAll(async () => {
    test = await openTestStore(adapter);
    store = test.store;
    relay = await startRelay(store, undefined, null, { codeSecret: secret });
  }, SLOW);
  afterAll(async () => {
    await relay?.close();
    await test?.close();
  }, SLOW);

  it('stores invite and device codes as HMAC-SHA256 under the server key, not a plain hash', async () => {
    const adviser = await enrolled(relay, store);
    const code = await invite(relay, adviser.deviceToken, 'HMAC check');
    const normalised = code.replaceAll('-', '');
    const rows = await test.driver.query<{ code_hash: string }>(`SELECT code_hash FROM invites WHERE sealed_label = $1`, [sealedLabel('HMAC check')]);
    expect(rows).toEqual([{ code_hash: createHmac('sha256', secret).update(normalised).digest('hex') }]);
    expect(rows[0]!.code_hash).not.toBe(createHash('sha256').update(normalised).digest('hex'));

    const device = await call(relay, 'POST', '/api/adviser/device-codes', { token: adviser.deviceToken });
    const deviceHash = createHmac('sha256', secret).update(String(device.body.code).replaceAll('-', '')).digest('hex');
    expect(await test.driver.query('SELECT 1 AS found FROM device_requests WHERE code_hash = $1', [deviceHash])).toEqual([{ found: 1 }]);
  });

  it('a second relay with the same key finds the code; one with another key cannot', async () => {
    const adviser = await enrolled(relay, store);
    const code = await invite(relay, adviser.deviceToken);
    const same = await startRelay(createSqlStore(await test.database.open()), undefined, null, { codeSecret: Buffer.from(secret) });
    const other = await startRelay(store, undefined, null, { codeSecret: randomBytes(32) });
    try {
      expect((await call(same, 'POST', '/api/invites/lookup', { body: { code } })).status).toBe(200);
      expect((await call(other, 'POST', '/api/invites/lookup', { body: { code } })).status).toBe(404);
      expect((await call(relay, 'GET', `/api/invites/${code}`)).status).toBe(404);
    } finally {
      await same.close();
      await other.close();
    }
  });

  it('sends HSTS when PUBLIC_ORIGIN is https, and not over http', async () => {
    const https = await startRelay(store, undefined, null, { publicOrigin: 'https://relay.example.org' });
    try {
      for (const path of ['/api/adviser/me', '/health', '/nothing.js']) {
        expect((await fetch(`${https.base}${path}`)).headers.get('strict-transport-security'), path).toBe(HSTS);
        expect((await fetch(`${relay.base}${path}`)).headers.get('strict-transport-security'), path).toBeNull();
      }
      expect(HSTS).toMatch(/^max-age=\d{8}/);
    } finally {
      await https.close();
    }
  });

  it(
    'sends and replies racing "stop sharing" get 201, 401 or 410: never a 5xx, and nothing outlives the stop',
    async () => {
      for (let round = 0; round < 3; round++) {
        const c = await connected(relay, store);
        const sends = Array.from({ length: 12 }, () =>
          call(relay, 'POST', '/api/items', { token: c.claimantToken, body: { id: uuid(), envelope: envelope() } }).then((r) => ['send', r.status] as const),
        );
        const replies = Array.from({ length: 6 }, () =>
          call(relay, 'POST', `/api/adviser/connections/${c.connectionId}/replies`, {
            token: c.adviser.deviceToken,
            body: { id: uuid(), envelope: envelope() },
          }).then((r) => ['reply', r.status] as const),
        );
        const stopAt = call(relay, 'DELETE', '/api/claimant/connection', { token: c.claimantToken }).then((r) => ['stop', r.status] as const);
        const results = await Promise.all([...sends.slice(0, 6), ...replies.slice(0, 3), stopAt, ...sends.slice(6), ...replies.slice(3)]);
        for (const [what, status] of results) {
          if (what === 'stop') expect(status).toBe(204);
          else if (what === 'send') expect([201, 401, 410], `send ${status}`).toContain(status);
          else expect([201, 410], `reply ${status}`).toContain(status);
        }
        expect(await test.driver.query('SELECT id FROM items WHERE connection_id = $1', [c.connectionId])).toEqual([]);
      }
    },
    SLOW,
  );

  it('the store answers "stopped" (not an error) when stop sharing won the race', async () => {
    const c = await connected(relay, store);
    await store.stopConnection(c.connectionId, new Date().toISOString());
    expect(
      await store.addItem({ id: uuid(), connectionId: c.connectionId, direction: 'to-claimant', envelope: 'AAAA', size: 3, createdAt: new Date().toISOString() }),
    ).toEqual({
      stopped: true,
    });
    const reply = await call(relay, 'POST', `/api/adviser/connections/${c.connectionId}/replies`, {
      token: c.adviser.deviceToken,
      body: { id: uuid(), envelope: envelope() },
    });
    expect(reply.status).toBe(410);
  });

  it('a reply whose route saw the connection open, but whose insert came after the stop, is 410 (the race, made certain)', async () => {
    const c = await connected(relay, store);
    // The route reads the connection before the stop commits; the insert then finds it stopped.
    const stale: Store = { ...store, getConnection: async (id) => ({ ...(await store.getConnection(id))!, stoppedAt: null }) };
    const racing = await startRelay(stale);
    try {
      await store.stopConnection(c.connectionId, new Date().toISOString());
      const reply = await call(racing, 'POST', `/api/adviser/connections/${c.connectionId}/replies`, {
        token: c.adviser.deviceToken,
        body: { id: uuid(), envelope: envelope() },
      });
      expect(reply.status).toBe(410);
      expect(reply.body.error).toBe('gone');
    } finally {
      await racing.close();
    }
  });
});
