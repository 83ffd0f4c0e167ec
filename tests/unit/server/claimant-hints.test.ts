// A send with a claimant credential seen before skips the separate credential
// look-up (api/claimant-hints.ts): the insert itself checks the credential.
// A hint grants nothing: after stop sharing (or with a credential that never
// worked) the answer is what it was without hints, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimantHints } from '../../../src/server/api/claimant-hints';
import type { Store } from '../../../src/server/store/store';
import { call, connected, envelope, startRelay, uuid, type Relay } from '../../support/relay-api';
import { openTestStore, SLOW, storeAdapters, type TestStore } from '../../support/store-adapters';

const { adapters, stop } = await storeAdapters('claimant hints');
afterAll(stop, SLOW);

it('keeps at most its limit of hints, dropping the oldest', () => {
  const hints = new ClaimantHints(2);
  hints.set('a', { connectionId: '1', adviserId: 'x' });
  hints.set('b', { connectionId: '2', adviserId: 'x' });
  hints.set('c', { connectionId: '3', adviserId: 'x' });
  expect(hints.size).toBe(2);
  expect(hints.get('a')).toBeUndefined();
  expect(hints.get('c')?.connectionId).toBe('3');
});

describe.each(adapters)('claimant hints on $name', (adapter) => {
  let test: TestStore;
  let relay: Relay;
  let lookups = 0;

  beforeAll(async () => {
    test = await openTestStore(adapter);
    // Counts credential look-ups, as the store sees them.
    const store: Store = { ...test.store, findCredential: (hash) => (lookups++, test.store.findCredential(hash)) };
    relay = await startRelay(store);
  }, SLOW);
  afterAll(async () => {
    await relay?.close();
    await test?.close();
  }, SLOW);

  const send = (token: string, id = uuid()) => call(relay, 'POST', '/api/items', { token, body: { id, envelope: envelope() } });
  const stored = async (connectionId: string) => (await test.store.listItems(connectionId, 'to-adviser')).length;

  it('a second send needs no credential look-up, and a resend is still the same item', async () => {
    const { claimantToken, connectionId } = await connected(relay, test.store);
    lookups = 0;
    const id = uuid();
    const body = { id, envelope: envelope() };
    expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body })).status).toBe(201);
    expect(lookups).toBe(1);
    expect((await send(claimantToken)).status).toBe(201);
    expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body })).status).toBe(200);
    expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id, envelope: envelope() } })).status).toBe(409);
    expect(lookups).toBe(1);
    expect(await stored(connectionId)).toBe(2);
  });

  it('after stop sharing, a hinted credential gets 401 as before, and nothing is stored', async () => {
    const { claimantToken, connectionId } = await connected(relay, test.store);
    expect((await send(claimantToken)).status).toBe(201);
    expect((await call(relay, 'DELETE', '/api/claimant/connection', { token: claimantToken })).status).toBeLessThan(300);
    lookups = 0;
    const after = await send(claimantToken);
    expect(after.status).toBe(401);
    // The hint was tried (the store refused it) and dropped; the full look-up gave the answer.
    expect(lookups).toBe(1);
    expect((await send(claimantToken)).status).toBe(401);
    expect(lookups).toBe(2);
    expect(await stored(connectionId)).toBeLessThanOrEqual(1);
  });

  it("one connection's hint never lets another credential in", async () => {
    const a = await connected(relay, test.store);
    const b = await connected(relay, test.store);
    expect((await send(a.claimantToken)).status).toBe(201);
    expect((await send(b.claimantToken)).status).toBe(201);
    expect(await stored(a.connectionId)).toBe(1);
    expect(await stored(b.connectionId)).toBe(1);
  });
});
