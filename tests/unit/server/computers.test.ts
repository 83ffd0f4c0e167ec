// Issue 12, point 2 (relay and admin): an adviser's computers are listed
// (name, added, last used), named, removed and renewed; a credential unused
// for DEVICE_IDLE_DAYS stops working and retention removes the computer;
// `npm run admin -- list-advisers | remove-adviser | remove-device`.
// On PGlite and PostgreSQL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/server/admin';
import { ApiFailure } from '../../../src/client/services/api-client';
import { keepCredentialFresh, type CredentialRelay, type CredentialState, type CredentialStore } from '../../../src/client/services/computer-token';
import { hashSecret, newToken } from '../../../src/server/api/auth';
import { runRetention } from '../../../src/server/retention';
import type { Store } from '../../../src/server/store/store';
import { addDevice, call, connected, enrolled, envelope, startRelay, uuid, type Relay } from '../../support/relay-api';
import { emptyTables, openTestStore, SLOW, storeAdapters, type TestStore } from '../../support/store-adapters';

const { adapters, stop } = await storeAdapters('computers');
afterAll(stop, SLOW);

const DAY = 24 * 60 * 60 * 1000;

describe.each(adapters)('computers on $name', (adapter) => {
  let test: TestStore;
  let store: Store;
  let relay: Relay;

  /** A relay call as the app's api-client makes it: a failure throws ApiFailure. */
  async function appCall(method: string, path: string, token: string, body?: unknown): Promise<unknown> {
    const res = await call(relay, method, path, { token, ...(body === undefined ? {} : { body }) });
    if (res.status >= 400) throw new ApiFailure(res.status, res.body?.error ?? 'server_error', res.body?.message ?? '');
    return res.body;
  }

  beforeAll(async () => {
    test = await openTestStore(adapter);
    store = test.store;
    relay = await startRelay(store, undefined, null, { deviceIdleDays: 90 });
  }, SLOW);
  afterAll(async () => {
    await relay?.close();
    await test?.close();
  }, SLOW);
  beforeEach(async () => {
    await emptyTables(test.driver);
    relay.clock.ms = Date.parse('2030-01-01T12:00:00Z');
  });

  it('lists the computers (name, added, last used, which is this one), names this one and removes another', async () => {
    const { adviser, claimantToken } = await connected(relay, store);
    relay.clock.ms += 60_000;
    const second = await addDevice(relay, adviser);

    const list = await call(relay, 'GET', '/api/adviser/devices', { token: adviser.deviceToken });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
    expect(list.body[0]).toEqual({ id: expect.any(String), name: null, createdAt: '2030-01-01T12:00:00.000Z', lastSeenAt: null, current: true });
    expect(list.body[1]).toMatchObject({ name: null, createdAt: '2030-01-01T12:01:00.000Z', current: false });

    const named = await call(relay, 'PUT', '/api/adviser/device', { token: adviser.deviceToken, body: { name: '  Office laptop ' } });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ id: list.body[0].id, name: 'Office laptop', current: true });
    for (const body of [{ name: '' }, { name: 'x'.repeat(61) }, { name: 'bad\u0007' }, {}]) {
      expect((await call(relay, 'PUT', '/api/adviser/device', { token: adviser.deviceToken, body })).status).toBe(400);
    }

    // The claimant is given both keys, until the second computer is removed.
    expect((await call(relay, 'GET', '/api/claimant/adviser', { token: claimantToken })).body.devices).toHaveLength(2);
    const removed = await call(relay, 'DELETE', `/api/adviser/devices/${list.body[1].id}`, { token: adviser.deviceToken });
    expect(removed.status).toBe(204);
    expect((await call(relay, 'GET', '/api/adviser/me', { token: second.deviceToken })).status).toBe(401);
    expect((await call(relay, 'GET', '/api/claimant/adviser', { token: claimantToken })).body.devices).toEqual([
      { publicKey: adviser.publicKey, signature: adviser.signature },
    ]);
    expect((await call(relay, 'GET', '/api/adviser/devices', { token: adviser.deviceToken })).body).toHaveLength(1);

    // Unknown, malformed, or another adviser's: not found (ids are not confirmed to strangers).
    const other = await enrolled(relay, store, 'Other Adviser');
    expect((await call(relay, 'DELETE', `/api/adviser/devices/${list.body[0].id}`, { token: other.deviceToken })).status).toBe(404);
    expect((await call(relay, 'DELETE', `/api/adviser/devices/${uuid()}`, { token: adviser.deviceToken })).status).toBe(404);
    expect((await call(relay, 'DELETE', '/api/adviser/devices/nope', { token: adviser.deviceToken })).status).toBe(400);
    expect((await call(relay, 'GET', '/api/adviser/devices', { token: claimantToken })).status).toBe(403);
    expect((await call(relay, 'GET', '/api/adviser/devices')).status).toBe(401);
  });

  it('renews a credential: the new token works, the old one stops at once', async () => {
    const adviser = await enrolled(relay, store);
    const renewed = await call(relay, 'POST', '/api/adviser/device/token', { token: adviser.deviceToken });
    expect(renewed.status).toBe(200);
    expect(renewed.body.deviceToken).toMatch(/^a_[A-Za-z0-9_-]{43}$/);
    expect((await call(relay, 'GET', '/api/adviser/me', { token: renewed.body.deviceToken })).status).toBe(200);
    expect((await call(relay, 'GET', '/api/adviser/me', { token: adviser.deviceToken })).status).toBe(401);
  });

  it('renews to a credential the computer made: repeating it with the new one changes nothing; another computer’s is refused (409)', async () => {
    const adviser = await enrolled(relay, store);
    const mine = newToken('a_');
    const renewed = await call(relay, 'POST', '/api/adviser/device/token', { token: adviser.deviceToken, body: { deviceToken: mine } });
    expect(renewed).toMatchObject({ status: 200, body: { deviceToken: mine } });
    expect((await call(relay, 'GET', '/api/adviser/me', { token: adviser.deviceToken })).status).toBe(401);
    // The old credential cannot ask again (it is revoked at once): the route is not idempotent, which is why the app keeps the new one first.
    expect((await call(relay, 'POST', '/api/adviser/device/token', { token: adviser.deviceToken, body: { deviceToken: mine } })).status).toBe(401);
    expect((await call(relay, 'POST', '/api/adviser/device/token', { token: mine, body: { deviceToken: mine } })).status).toBe(200);
    expect((await call(relay, 'GET', '/api/adviser/me', { token: mine })).status).toBe(200);
    const other = await addDevice(relay, { ...adviser, deviceToken: mine });
    expect((await call(relay, 'POST', '/api/adviser/device/token', { token: mine, body: { deviceToken: other.deviceToken } })).status).toBe(409);
    expect((await call(relay, 'GET', '/api/adviser/me', { token: other.deviceToken })).status).toBe(200);
    expect((await call(relay, 'POST', '/api/adviser/device/token', { token: mine, body: { deviceToken: 'a_short' } })).status).toBe(400);
    expect((await call(relay, 'POST', '/api/adviser/device/token', { token: mine, body: { deviceToken: newToken('c_') } })).status).toBe(400);
  });

  it('the adviser app’s renewal against the relay: a crash after the relay’s change and before the write does not lock the computer out', async () => {
    const adviser = await enrolled(relay, store);
    const asApp: CredentialRelay = {
      renew: (token, next) => appCall('POST', '/api/adviser/device/token', token, { deviceToken: next }),
      check: (token) => appCall('GET', '/api/adviser/me', token),
    };
    let state: CredentialState = { deviceToken: adviser.deviceToken, tokenIssuedAt: new Date(relay.clock.ms).toISOString() };
    let crash = false;
    const kept: CredentialStore = {
      read: async () => state,
      write: async (next) => {
        if (crash && next.pendingToken === undefined) throw new Error('crashed');
        state = next;
      },
    };
    const now = () => new Date(relay.clock.ms);
    expect(await keepCredentialFresh(kept, asApp, { now })).toEqual({ outcome: 'fresh' });
    relay.clock.ms += 31 * DAY;
    crash = true;
    await expect(keepCredentialFresh(kept, asApp, { now })).rejects.toThrow('crashed');
    expect((await call(relay, 'GET', '/api/adviser/me', { token: state.deviceToken })).status).toBe(401);
    crash = false;
    const recovered = await keepCredentialFresh(kept, asApp, { now });
    expect(recovered.outcome).toBe('recovered');
    expect(state.pendingToken).toBeUndefined();
    expect((await call(relay, 'GET', '/api/adviser/me', { token: state.deviceToken })).status).toBe(200);
    // A removed computer: the relay refuses, the app keeps what it has and says nothing.
    relay.clock.ms += 31 * DAY;
    const owner = await store.findCredential(hashSecret(state.deviceToken));
    if (owner?.kind !== 'adviser') throw new Error('no device');
    await store.removeDevice(owner.deviceId);
    const before = state.deviceToken;
    expect(await keepCredentialFresh(kept, asApp, { now })).toEqual({ outcome: 'refused' });
    expect(state).toMatchObject({ deviceToken: before });
    expect(state.pendingToken).toBeUndefined();
  });

  it('a credential unused for 90 days stops working (401, plain words); last use is written at most once a day', async () => {
    const adviser = await enrolled(relay, store);
    const owner = await store.findCredential(hashSecret(adviser.deviceToken));
    if (owner?.kind !== 'adviser') throw new Error('no device');
    const lastSeen = async () => (await store.listComputers(adviser.adviserId))[0]?.lastSeenAt ?? null;

    // Within the first day: no write.
    relay.clock.ms += 12 * 60 * 60 * 1000;
    expect((await call(relay, 'GET', '/api/adviser/me', { token: adviser.deviceToken })).status).toBe(200);
    expect(await lastSeen()).toBeNull();
    // A day later: one write; more calls the same day: none.
    relay.clock.ms += DAY;
    const dayTwo = new Date(relay.clock.ms).toISOString();
    expect((await call(relay, 'GET', '/api/adviser/me', { token: adviser.deviceToken })).status).toBe(200);
    expect(await lastSeen()).toBe(dayTwo);
    relay.clock.ms += 60 * 60 * 1000;
    expect((await call(relay, 'GET', '/api/adviser/connections', { token: adviser.deviceToken })).status).toBe(200);
    expect(await lastSeen()).toBe(dayTwo);

    // 89 days later it still works (and counts as a use); 91 days after that it does not.
    relay.clock.ms += 89 * DAY;
    expect((await call(relay, 'GET', '/api/adviser/me', { token: adviser.deviceToken })).status).toBe(200);
    relay.clock.ms += 91 * DAY;
    const late = await call(relay, 'GET', '/api/adviser/me', { token: adviser.deviceToken });
    expect(late.status).toBe(401);
    expect(late.body.message).toMatch(/has not used the relay for 90 days/);

    // Retention removes it, so claimants are no longer given its key.
    const result = await runRetention(store, { retentionSeenDays: 30, retentionMaxDays: 90, deviceIdleDays: 90 }, new Date(relay.clock.ms));
    expect(result.devices).toBe(1);
    expect(await store.listComputers(adviser.adviserId)).toEqual([]);
    expect(await store.findCredential(hashSecret(adviser.deviceToken))).toBeNull();
  });

  describe('admin CLI', () => {
    function run(argv: string[]) {
      const out: string[] = [];
      const err: string[] = [];
      return main(argv, {
        loadConfig: () => ({ publicOrigin: 'https://relay.example.org', databaseUrl: null, dataDir: '/unused' }),
        openStore: async () => Object.assign(Object.create(store) as Store, { close: async () => {} }),
        out: (line) => out.push(line),
        err: (line) => err.push(line),
      }).then((exit) => ({ exit, out: out.join('\n'), err: err.join('\n') }));
    }

    it('list-advisers shows advisers and their computers with ids; remove-device removes one computer', async () => {
      const { adviser } = await connected(relay, store);
      const second = await addDevice(relay, adviser);
      const listed = await run(['list-advisers']);
      expect(listed.exit).toBe(0);
      expect(listed.out).toContain(`${adviser.adviserId}  Sam Jones (Cardiff Advice), added `);
      const computers = await store.listComputers(adviser.adviserId);
      for (const computer of computers) expect(listed.out).toContain(`computer ${computer.id}  (no name), added 2030-01-01`);

      const owner = await store.findCredential(hashSecret(second.deviceToken));
      if (owner?.kind !== 'adviser') throw new Error('no second computer');
      const secondId = owner.deviceId;
      expect(await run(['remove-device', secondId])).toMatchObject({ exit: 0 });
      expect((await call(relay, 'GET', '/api/adviser/me', { token: second.deviceToken })).status).toBe(401);
      expect((await call(relay, 'GET', '/api/adviser/me', { token: adviser.deviceToken })).status).toBe(200);
      expect(await run(['remove-device', secondId])).toMatchObject({ exit: 1, err: `There is no computer ${secondId}.` });
    });

    it('remove-adviser removes the adviser with their computers, connections and items', async () => {
      const { adviser, claimantToken, connectionId } = await connected(relay, store);
      const item = uuid();
      expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: item, envelope: envelope() } })).status).toBe(201);
      const keep = await connected(relay, store, 'Staying Adviser');

      expect(await run(['remove-adviser', adviser.adviserId])).toMatchObject({ exit: 0 });
      expect((await call(relay, 'GET', '/api/adviser/me', { token: adviser.deviceToken })).status).toBe(401);
      expect((await call(relay, 'GET', '/api/claimant/status', { token: claimantToken })).status).toBe(401);
      expect(await store.getConnection(connectionId)).toBeNull();
      expect(await store.getItem(item)).toBeNull();
      expect(await store.getAdviser(adviser.adviserId)).toBeNull();
      expect((await call(relay, 'GET', '/api/adviser/me', { token: keep.adviser.deviceToken })).status).toBe(200);
      expect(await run(['remove-adviser', adviser.adviserId])).toMatchObject({ exit: 1 });
      expect((await run(['list-advisers'])).out).not.toContain('Sam Jones');
    });
  });
});
