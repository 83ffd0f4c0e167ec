// Deadline hints on the relay (issue 13, point 4): a sent item may carry one
// sealed hint per adviser computer; the relay checks their shape, keeps only
// those for this adviser's computers, and each computer's push carries its
// own hint and no other. The relay's rows hold the hints only as the
// ciphertext the phone sent, until the push is sent. Real relay, real sender,
// stand-in push service over HTTPS; the test decrypts what arrives as a
// browser would.
import { createECDH, randomBytes } from 'node:crypto';
import ece from 'http_ece';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../../src/client/services/crypto';
import { sealHints } from '../../../src/client/services/deadline-hints';
import { startScheduler } from '../../../src/server/push/scheduler';
import type { SqlDriver } from '../../../src/server/store/driver';
import type { Store } from '../../../src/server/store/store';
import { HINT_CHARS } from '../../../src/shared/protocol/hint-shape';
import { MAX_PUSH_HINTS } from '../../../src/shared/protocol/push-types';
import { startPushService, type PushRequest, type PushService } from '../../support/push-service';
import { addDevice, call, connected, envelope, publicKey, startRelay, TEST_VAPID, UNLIMITED, uuid, type Relay } from '../../support/relay-api';
import { openTestStore, PGLITE, SLOW, TABLES } from '../../support/store-adapters';

const vapid = { subject: 'mailto:test@example.org', publicKey: TEST_VAPID.publicKey, privateKey: TEST_VAPID.privateKey };

let service: PushService;
let store: Store;
let driver: SqlDriver;
let close: (() => Promise<void>) | undefined;
let relay: Relay;

beforeAll(async () => {
  service = await startPushService();
  ({ store, driver, close } = await openTestStore(PGLITE));
  relay = await startRelay(store, UNLIMITED, { publicKey: TEST_VAPID.publicKey, endpoints: service.policy });
}, SLOW);
afterAll(async () => {
  await relay?.close();
  await close?.();
  await service?.close();
});

/** A browser's subscription whose keys the test holds, subscribed for an adviser computer through the API. */
async function subscribeComputer(deviceToken: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  const endpoint = `${service.origin}/push/${randomBytes(12).toString('base64url')}`;
  const res = await call(relay, 'POST', '/api/push/subscribers', {
    body: { adviserToken: deviceToken, subscription: { endpoint, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } } },
  });
  expect(res.status).toBe(201);
  return { ecdh, auth, path: new URL(endpoint).pathname };
}

function decrypt(request: PushRequest, sub: { ecdh: ReturnType<typeof createECDH>; auth: Buffer }): Record<string, unknown> {
  return JSON.parse(
    ece.decrypt(request.body, { version: 'aes128gcm', privateKey: sub.ecdh, authSecret: sub.auth.toString('base64url') }).toString('utf8'),
  ) as Record<string, unknown>;
}

async function sendAll(): Promise<void> {
  const scheduler = startScheduler({ store, vapid, agent: service.agent, policy: service.policy, loop: false, now: () => new Date(relay.clock.ms + 1000) });
  await scheduler.runOnce();
  await scheduler.stop?.();
}

describe('deadline hints on the relay', () => {
  it("each computer's push carries its own hint and no other; no hint, a generic push; rows hold only the ciphertext, until sent", async () => {
    relay.clock.ms = Date.parse('2026-06-01T10:00:00Z');
    const c = await connected(relay, store);
    const second = await addDevice(relay, c.adviser);
    const first = await subscribeComputer(c.adviser.deviceToken);
    const other = await subscribeComputer(second.deviceToken);
    const claimant = await generateKeyPair();

    // Real sealed hints (to the computers' public keys), one with a date the test then looks for everywhere.
    const itemId = uuid();
    const hints = await sealHints('2026-06-04', [c.adviser.publicKey, second.publicKey], { sender: claimant, connectionId: c.connectionId, itemId });
    // And one for a key that is not this adviser's computer: dropped.
    const [stray] = await sealHints('2026-06-04', [publicKey()], { sender: claimant, connectionId: c.connectionId, itemId });
    const res = await call(relay, 'POST', '/api/items', { token: c.claimantToken, body: { id: itemId, envelope: envelope(), hints: [...hints, stray!] } });
    expect(res.status).toBe(201);

    // Stored: each reminder holds its own computer's hint as sent, with the connection and item; nothing else, and no date.
    const rows = await driver.query<{ hints: unknown; adviser_device_id: string }>(
      `SELECT r.hints, s.adviser_device_id FROM reminders r JOIN push_subscribers s ON s.id = r.subscriber_id WHERE r.kind = 'adviser-new-item'`,
    );
    expect(rows).toHaveLength(2);
    const stored = rows.map((row) => (typeof row.hints === 'string' ? JSON.parse(row.hints) : row.hints) as unknown[]);
    expect(stored.map((list) => (list[0] as { hint: string }).hint).sort()).toEqual(hints.map((h) => h.hint).sort());
    for (const list of stored) expect(list).toEqual([{ connectionId: c.connectionId, itemId, hint: expect.any(String) }]);
    for (const table of TABLES) {
      const dump = JSON.stringify(await driver.query(`SELECT * FROM ${table}`));
      expect(dump).not.toContain('2026-06-04');
      expect(dump).not.toContain(stray!.hint);
    }

    await sendAll();
    expect(service.requests).toHaveLength(2);
    const byPath = new Map(service.requests.map((r) => [r.path, r]));
    const toFirst = decrypt(byPath.get(first.path)!, first);
    const toOther = decrypt(byPath.get(other.path)!, other);
    expect(toFirst.hints).toEqual([{ connectionId: c.connectionId, itemId, hint: hints[0]!.hint }]);
    expect(toOther.hints).toEqual([{ connectionId: c.connectionId, itemId, hint: hints[1]!.hint }]);
    expect(Object.keys(toFirst).sort()).toEqual(['hints', 'id', 'kind', 'v']);
    expect(service.requests.every((r) => r.body.length < 1024)).toBe(true);
    // Sent: the hints are gone from the relay (the row stays for "recent" until retention).
    expect(await driver.query(`SELECT id FROM reminders WHERE hints IS NOT NULL`)).toEqual([]);

    // An item from a phone that sends no hints: the same generic push as before hints.
    service.requests.length = 0;
    relay.clock.ms += 60_000;
    expect((await call(relay, 'POST', '/api/items', { token: c.claimantToken, body: { id: uuid(), envelope: envelope() } })).status).toBe(201);
    await sendAll();
    expect(service.requests).toHaveLength(2);
    for (const request of service.requests) {
      const sub = request.path === first.path ? first : other;
      expect(Object.keys(decrypt(request, sub)).sort()).toEqual(['id', 'kind', 'v']);
    }
  });

  it('refuses hints that are not exactly one fixed-size base64url hint per computer key', async () => {
    const c = await connected(relay, store);
    const key = c.adviser.publicKey;
    const hint = 'A'.repeat(HINT_CHARS - 1) + 'A';
    const send = (hints: unknown) => call(relay, 'POST', '/api/items', { token: c.claimantToken, body: { id: uuid(), envelope: envelope(), hints } });
    expect((await send([{ key, hint }])).status).toBe(201);
    expect((await send([])).status).toBe(201);
    for (const bad of [
      [{ key, hint: hint.slice(1) }],
      [{ key, hint: hint + 'A' }],
      [{ key, hint: '+' + hint.slice(1) }],
      [{ key, hint: 'A'.repeat(HINT_CHARS - 1) + 'B' }], // non-zero trailing bits: not canonical
      [
        { key, hint },
        { key, hint },
      ],
      [{ key: 'short', hint }],
      [{ hint }],
      Array.from({ length: 256 }, () => ({ key: publicKey(), hint })),
      'hints',
    ]) {
      expect((await send(bad)).status).toBe(400);
    }
  });

  it('items that wait together (quiet hours, a busy sender) share one push with up to MAX_PUSH_HINTS hints', async () => {
    const c = await connected(relay, store);
    const sub = await subscribeComputer(c.adviser.deviceToken);
    const claimant = await generateKeyPair();
    // No sender runs meanwhile: the first item's reminder waits, and the others join it.
    const sent: string[] = [];
    for (let i = 0; i < MAX_PUSH_HINTS + 2; i++) {
      const id = uuid();
      const [h] = await sealHints(null, [c.adviser.publicKey], { sender: claimant, connectionId: c.connectionId, itemId: id });
      sent.push(h!.hint);
      expect((await call(relay, 'POST', '/api/items', { token: c.claimantToken, body: { id, envelope: envelope(), hints: [h] } })).status).toBe(201);
    }
    const rows = await driver.query<{ hints: unknown }>(
      `SELECT r.hints FROM reminders r JOIN push_subscribers s ON s.id = r.subscriber_id WHERE s.endpoint LIKE $1`,
      [`%${sub.path}`],
    );
    expect(rows).toHaveLength(1);
    const list = (typeof rows[0]!.hints === 'string' ? JSON.parse(rows[0]!.hints) : rows[0]!.hints) as { hint: string }[];
    expect(list.map((h) => h.hint)).toEqual(sent.slice(0, MAX_PUSH_HINTS));
  });
});
