// The push reminder routes, route by route, against both stores (PGlite in
// memory and a throwaway PostgreSQL), and the hooks that make reminders when
// a claimant sends, an adviser replies, or sharing stops.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret, newToken } from '../../../src/server/api/auth';
import type { SqlDriver } from '../../../src/server/store/driver';
import type { Store } from '../../../src/server/store/store';
import { addDevice, call, connected, envelope, publicKey, startRelay, TEST_VAPID, UNLIMITED, uuid, type Relay } from '../../support/relay-api';
import { openTestStore, SLOW, storeAdapters } from '../../support/store-adapters';
import { endpointPolicy } from '../../../src/server/push/endpoint-policy';

const { adapters, stop } = await storeAdapters('push API');
afterAll(stop, SLOW);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A relay that also takes a (stand-in) push service on 127.0.0.1:9, as PUSH_ENDPOINT_HOSTS=127.0.0.1:9 makes it. */
const LOOPBACK = { publicKey: TEST_VAPID.publicKey, endpoints: endpointPolicy(['127.0.0.1:9']) };

function subscription(endpoint = `https://fcm.googleapis.com/fcm/send/${uuid()}`) {
  return { endpoint, keys: { p256dh: publicKey(), auth: randomBytes(16).toString('base64url') } };
}

const PREFS = {
  replies: true,
  journal: { days: 0b0000001, minute: 600 },
  quiet: { start: 1260, end: 480 },
  deadlines: [{ id: 'appeal', date: '2026-04-02', ref: 'notice_1' }],
};

describe.each(adapters)('push API on $name', (adapter) => {
  let store: Store;
  let driver: SqlDriver;
  let close: (() => Promise<void>) | undefined;
  let relay: Relay;
  /** The claimant credential subscriptions are made with unless a test says otherwise. */
  let owner: { claimantToken: string };
  let ownerConnectionId: string;

  beforeAll(async () => {
    ({ store, driver, close } = await openTestStore(adapter));
    relay = await startRelay(store, UNLIMITED, LOOPBACK);
    const c = await connected(relay, store, 'Owner');
    owner = { claimantToken: c.claimantToken };
    ownerConnectionId = c.connectionId;
  }, SLOW);
  afterAll(async () => {
    await relay?.close();
    await close?.();
  }, SLOW);

  async function subscribed(extra: Record<string, unknown> = owner, sub = subscription()) {
    const res = await call(relay, 'POST', '/api/push/subscribers', { body: { subscription: sub, ...extra } });
    if (res.status !== 201) throw new Error(`subscribe failed: ${res.status} ${JSON.stringify(res.body)}`);
    const token = res.body.subscriberToken as string;
    const subscriber = await store.findSubscriber(hashSecret(token));
    if (!subscriber) throw new Error('subscriber not stored');
    return { token, subscriber, sub, owner: extra };
  }

  const reminders = (subscriberId: string) => store.listReminders(subscriberId);
  const markSent = (id: string, at: number) =>
    driver.query(`UPDATE reminders SET state = 'sent', sent_at = $2::timestamptz WHERE id = $1`, [id, new Date(at).toISOString()]);

  describe('routes', () => {
    it('GET /api/push/key gives the VAPID public key', async () => {
      const res = await call(relay, 'GET', '/api/push/key');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ publicKey: TEST_VAPID.publicKey });
    });

    it('answers 404 when push is not set up', async () => {
      const bare = await startRelay(store, UNLIMITED, null);
      try {
        expect((await call(bare, 'GET', '/api/push/key')).status).toBe(404);
        expect((await call(bare, 'POST', '/api/push/subscribers', { body: { subscription: subscription(), ...owner } })).status).toBe(404);
      } finally {
        await bare.close();
      }
    });

    it('POST /api/push/subscribers makes an s_ credential, stored only as a hash', async () => {
      const sub = subscription();
      const res = await call(relay, 'POST', '/api/push/subscribers', { body: { subscription: sub, ...owner } });
      expect(res.status).toBe(201);
      expect(res.body.subscriberToken).toMatch(/^s_[A-Za-z0-9_-]{43}$/);
      const stored = await store.findSubscriber(hashSecret(res.body.subscriberToken));
      expect(stored).toMatchObject({ endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth, connectionId: ownerConnectionId, adviserDeviceId: null });
      const raw = await driver.query<{ token_hash: string }>('SELECT token_hash FROM push_subscribers WHERE id = $1', [stored!.id]);
      expect(raw[0]?.token_hash).toBe(hashSecret(res.body.subscriberToken));
    });

    it('a phone not connected to an adviser subscribes with no owner: only its s_ credential changes or removes it', async () => {
      const sub = subscription();
      const res = await call(relay, 'POST', '/api/push/subscribers', { body: { subscription: sub } });
      expect(res.status).toBe(201);
      const token = res.body.subscriberToken as string;
      const stored = await store.findSubscriber(hashSecret(token));
      expect(stored).toMatchObject({ endpoint: sub.endpoint, connectionId: null, adviserDeviceId: null });
      // Without its s_ credential nothing about it can be changed, whatever else is sent.
      expect((await call(relay, 'PUT', '/api/push/subscription', { body: { subscription: subscription() } })).status).toBe(401);
      expect((await call(relay, 'DELETE', '/api/push/subscription', { body: {} })).status).toBe(401);
      expect((await call(relay, 'PUT', '/api/push/subscription', { token, body: { subscription: subscription() } })).status).toBe(204);
      expect((await call(relay, 'DELETE', '/api/push/subscription', { token, body: {} })).status).toBe(204);
      expect(await store.getSubscriber(stored!.id)).toBeNull();
      // The endpoint rules hold without an owner too.
      const internal = { ...subscription(), endpoint: 'https://127.0.0.1%2eexample/push' };
      expect((await call(relay, 'POST', '/api/push/subscribers', { body: { subscription: internal } })).status).toBe(400);
    });

    it('links a subscription to a connection or an adviser device with their credentials', async () => {
      const c = await connected(relay, store);
      const claimant = await subscribed({ claimantToken: c.claimantToken });
      expect(claimant.subscriber).toMatchObject({ connectionId: c.connectionId, adviserDeviceId: null });
      const adviser = await subscribed({ adviserToken: c.adviser.deviceToken });
      const owner = await store.findCredential(hashSecret(c.adviser.deviceToken));
      expect(adviser.subscriber).toMatchObject({ connectionId: null, adviserDeviceId: owner?.kind === 'adviser' ? owner.deviceId : 'x' });

      const unknown = await call(relay, 'POST', '/api/push/subscribers', { body: { subscription: subscription(), claimantToken: newToken('c_') } });
      expect(unknown.status).toBe(401);
      const unknownAdviser = await call(relay, 'POST', '/api/push/subscribers', { body: { subscription: subscription(), adviserToken: newToken('a_') } });
      expect(unknownAdviser.status).toBe(401);
      const swapped = await call(relay, 'POST', '/api/push/subscribers', { body: { subscription: subscription(), claimantToken: c.adviser.deviceToken } });
      expect(swapped.status).toBe(400);
      const both = await call(relay, 'POST', '/api/push/subscribers', {
        body: { subscription: subscription(), claimantToken: c.claimantToken, adviserToken: c.adviser.deviceToken },
      });
      expect(both.status).toBe(400);
    });

    it('refuses bad subscriptions (400)', async () => {
      const good = subscription();
      const bad: unknown[] = [
        {},
        { endpoint: good.endpoint },
        { ...good, endpoint: 'http://fcm.googleapis.com/fcm/send/x' },
        { ...good, endpoint: 'https://10.0.0.1/push' },
        { ...good, endpoint: 'https://[::1]/push' },
        { ...good, endpoint: 'https://localhost/push' },
        { ...good, endpoint: 'https://intranet/push' },
        { ...good, endpoint: 'https://push.example.org:8443/x' },
        { ...good, endpoint: 'https://user:pw@push.example.org/x' },
        { ...good, endpoint: `https://push.example.org/${'x'.repeat(2048)}` },
        { ...good, endpoint: 'not a url' },
        // Parser tricks and hosts that are not push services: all refused before anything is stored.
        { ...good, endpoint: 'https://127.0.0.1%2eexample/push' },
        { ...good, endpoint: 'https://127.0.0.1/push' },
        { ...good, endpoint: 'https://2130706433/push' }, // 127.0.0.1 as one decimal number
        { ...good, endpoint: 'https://0x7f.1/push' },
        { ...good, endpoint: 'https://[::ffff:127.0.0.1]/push' },
        { ...good, endpoint: 'https://169.254.169.254/latest/meta-data' },
        { ...good, endpoint: 'https://fcm.googleapis.com.evil.example/push' },
        { ...good, endpoint: 'https://evil.example\\@fcm.googleapis.com/push' },
        { ...good, endpoint: 'https://fcm.googleapis.com@evil.example/push' },
        { ...good, endpoint: 'https://fcm.googleapis.com:444/push' },
        { ...good, endpoint: 'https://notify.windows.com/push' }, // only its subdomains
        { ...good, endpoint: 'http://127.0.0.1:9/push' },
        { ...good, keys: { ...good.keys, p256dh: 'A'.repeat(87) } }, // not a point on the curve
        { ...good, keys: { ...good.keys, p256dh: good.keys.p256dh.slice(0, 80) } },
        { ...good, keys: { ...good.keys, auth: randomBytes(15).toString('base64url') } },
        { ...good, keys: { ...good.keys, auth: 'not base64url!!!!!!!!!' } },
        { ...good, keys: { p256dh: good.keys.p256dh } },
      ];
      for (const sub of bad) {
        const res = await call(relay, 'POST', '/api/push/subscribers', { body: { subscription: sub } });
        expect(res.status, JSON.stringify(sub).slice(0, 120)).toBe(400);
        expect(res.body.error).toBe('bad_request');
      }
      expect((await call(relay, 'POST', '/api/push/subscribers', { raw: 'nope' })).status).toBe(400);
      expect((await call(relay, 'POST', '/api/push/subscribers', { body: { subscription: good }, contentType: 'text/plain' })).status).toBe(415);
    });

    it('stores the normalised URL (the WHATWG href), which is what is sent', async () => {
      const { subscriber } = await subscribed(owner, subscription('https://FCM.GoogleAPIs.com./fcm/send/a b'.replace('./', '/')));
      expect(subscriber.endpoint).toBe('https://fcm.googleapis.com/fcm/send/a%20b');
      const windows = await subscribed(owner, subscription('https://DB5P.notify.windows.com:443/w/?token=x'));
      expect(windows.subscriber.endpoint).toBe('https://db5p.notify.windows.com/w/?token=x');
    });

    it('takes the longest endpoint allowed and padded base64url keys', async () => {
      const sub = subscription();
      const long = `https://fcm.googleapis.com/${'x'.repeat(2048 - 'https://fcm.googleapis.com/'.length)}`;
      const padded = { endpoint: long, keys: { p256dh: `${sub.keys.p256dh}=`, auth: `${sub.keys.auth}==` } };
      const { subscriber } = await subscribed(owner, padded);
      expect(subscriber).toMatchObject({ endpoint: long, p256dh: sub.keys.p256dh, auth: sub.keys.auth });
    });

    it('allows a stand-in push service on 127.0.0.1 only when the relay is configured with it', async () => {
      const local = subscription('https://127.0.0.1:9/push/abc');
      expect((await call(relay, 'POST', '/api/push/subscribers', { body: { subscription: local, ...owner } })).status).toBe(201);
      const strict = await startRelay(store, UNLIMITED, { publicKey: TEST_VAPID.publicKey });
      try {
        expect((await call(strict, 'POST', '/api/push/subscribers', { body: { subscription: local, ...owner } })).status).toBe(400);
        expect((await call(strict, 'POST', '/api/push/subscribers', { body: { subscription: subscription(), ...owner } })).status).toBe(201);
      } finally {
        await strict.close();
      }
    });

    it('PUT /api/push/subscription re-syncs the endpoint and keys, with the credential it was made with', async () => {
      const { token, subscriber } = await subscribed();
      const fresh = subscription();
      // Without the owner's credential, or with someone else's: refused, nothing changes.
      expect((await call(relay, 'PUT', '/api/push/subscription', { token, body: { subscription: fresh } })).status).toBe(401);
      const other = await connected(relay, store, 'Other');
      for (const body of [{ claimantToken: other.claimantToken }, { adviserToken: other.adviser.deviceToken }]) {
        expect((await call(relay, 'PUT', '/api/push/subscription', { token, body: { subscription: fresh, ...body } })).status).toBe(403);
      }
      expect((await store.getSubscriber(subscriber.id))?.endpoint).toBe(subscriber.endpoint);
      const res = await call(relay, 'PUT', '/api/push/subscription', { token, body: { subscription: fresh, ...owner } });
      expect(res.status).toBe(204);
      expect(await store.getSubscriber(subscriber.id)).toMatchObject({ endpoint: fresh.endpoint, p256dh: fresh.keys.p256dh, auth: fresh.keys.auth });
      expect((await call(relay, 'PUT', '/api/push/subscription', { token, body: { subscription: { endpoint: 'http://x.org' }, ...owner } })).status).toBe(400);
      const tricky = subscription('https://127.0.0.1%2eexample/push');
      expect((await call(relay, 'PUT', '/api/push/subscription', { token, body: { subscription: tricky, ...owner } })).status).toBe(400);
    });

    it('subscribing again with a known endpoint never removes another owner’s subscriber', async () => {
      const victim = await subscribed();
      const attacker = await connected(relay, store, 'Attacker');
      const again = await call(relay, 'POST', '/api/push/subscribers', { body: { subscription: victim.sub, claimantToken: attacker.claimantToken } });
      expect(again.status).toBe(201);
      expect(await store.getSubscriber(victim.subscriber.id)).not.toBeNull();
      // The same owner subscribing again replaces its own (no push twice).
      const mine = await subscribed(owner, victim.sub);
      expect(await store.getSubscriber(victim.subscriber.id)).toBeNull();
      expect(mine.subscriber.endpoint).toBe(victim.sub.endpoint);
    });

    it('subscriber routes need the s_ credential (401)', async () => {
      const c = await connected(relay, store);
      const routes: Array<[string, string, unknown]> = [
        ['PUT', '/api/push/subscription', { subscription: subscription() }],
        ['PUT', '/api/push/preferences', PREFS],
        ['POST', '/api/push/snooze', { reminderId: uuid(), until: 'hour' }],
        ['GET', '/api/push/recent', undefined],
        ['DELETE', '/api/push/subscription', undefined],
      ];
      for (const [method, path, body] of routes) {
        for (const token of [undefined, newToken('s_'), c.claimantToken, c.adviser.deviceToken, 's_short']) {
          const res = await call(relay, method, path, { ...(token ? { token } : {}), ...(body === undefined ? {} : { body }) });
          expect(res.status, `${method} ${path} ${token?.slice(0, 2)}`).toBe(401);
          expect(res.body.error).toBe('unauthorized');
        }
      }
    });

    it('PUT /api/push/preferences stores them and schedules deadline and journal reminders', async () => {
      relay.clock.ms = Date.parse('2026-03-01T12:00:00Z'); // a Sunday
      const { token, subscriber } = await subscribed();
      const res = await call(relay, 'PUT', '/api/push/preferences', { token, body: PREFS });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(PREFS);
      expect(await store.getSubscriber(subscriber.id)).toMatchObject({ replies: true, journal: { days: 1, minute: 600 }, quiet: { start: 1260, end: 480 } });
      const list = await reminders(subscriber.id);
      expect(list.map((r) => [r.kind, r.dueAt, r.deadlineId, r.deadlineDate, r.ref])).toEqual([
        ['journal', '2026-03-02T10:00:00.000Z', null, null, null],
        ['deadline', '2026-03-26T09:00:00.000Z', 'appeal', '2026-04-02', 'notice_1'],
        ['deadline', '2026-03-31T08:00:00.000Z', 'appeal', '2026-04-02', 'notice_1'],
        ['deadline', '2026-04-02T08:00:00.000Z', 'appeal', '2026-04-02', 'notice_1'],
      ]);

      // The list replaces the previous one; journal off removes its reminder.
      const next = { ...PREFS, journal: null, deadlines: [{ id: 'mandatory-reconsideration', date: '2026-03-04', ref: 'n2' }] };
      expect((await call(relay, 'PUT', '/api/push/preferences', { token, body: next })).status).toBe(200);
      expect((await reminders(subscriber.id)).map((r) => [r.kind, r.dueAt])).toEqual([
        ['deadline', '2026-03-02T09:00:00.000Z'],
        ['deadline', '2026-03-04T09:00:00.000Z'],
      ]);
      expect((await store.getSubscriber(subscriber.id))?.journal).toBeNull();
    });

    it('refuses bad preferences (400)', async () => {
      const { token } = await subscribed();
      const many = Array.from({ length: 201 }, (_, i) => ({ id: 'appeal', date: '2026-04-02', ref: `r${i}` }));
      const bad: unknown[] = [
        { ...PREFS, replies: 'yes' },
        { ...PREFS, journal: { days: 128, minute: 600 } },
        { ...PREFS, journal: { days: -1, minute: 600 } },
        { ...PREFS, journal: { days: 1, minute: 1440 } },
        { ...PREFS, journal: { days: 1, minute: 10.5 } },
        { ...PREFS, quiet: { start: -1, end: 480 } },
        { ...PREFS, quiet: { start: 0 } },
        { ...PREFS, deadlines: many },
        { ...PREFS, deadlines: [{ id: 'appeal', date: '2026-02-30', ref: 'r' }] },
        { ...PREFS, deadlines: [{ id: 'appeal', date: '2026-4-2', ref: 'r' }] },
        { ...PREFS, deadlines: [{ id: 'not-a-deadline', date: '2026-04-02', ref: 'r' }] },
        { ...PREFS, deadlines: [{ id: 'appeal', date: '2026-04-02', ref: 'has space' }] },
        { ...PREFS, deadlines: [{ id: 'appeal', date: '2026-04-02', ref: 'x'.repeat(65) }] },
        { ...PREFS, deadlines: [{ id: 'appeal', date: '2026-04-02', ref: '' }] },
        { ...PREFS, deadlines: 'none' },
        { replies: true },
      ];
      for (const body of bad) {
        const res = await call(relay, 'PUT', '/api/push/preferences', { token, body });
        expect(res.status, JSON.stringify(body).slice(0, 150)).toBe(400);
      }
      const fine = { ...PREFS, deadlines: many.slice(0, 200).map((d) => ({ ...d, ref: 'x'.repeat(64) })) };
      expect((await call(relay, 'PUT', '/api/push/preferences', { token, body: fine })).status).toBe(200);
    });

    it('POST /api/push/snooze copies the subscriber’s own reminder for later', async () => {
      relay.clock.ms = Date.parse('2026-03-01T12:00:00Z');
      const { token, subscriber } = await subscribed();
      await call(relay, 'PUT', '/api/push/preferences', { token, body: PREFS });
      const original = (await reminders(subscriber.id)).find((r) => r.kind === 'deadline')!;
      relay.clock.ms = Date.parse(original.dueAt);
      await markSent(original.id, relay.clock.ms);

      const hour = await call(relay, 'POST', '/api/push/snooze', { token, body: { reminderId: original.id, until: 'hour' } });
      expect(hour.status).toBe(201);
      expect(hour.body).toEqual({ dueAt: new Date(relay.clock.ms + HOUR).toISOString() });
      const tomorrow = await call(relay, 'POST', '/api/push/snooze', { token, body: { reminderId: original.id, until: 'tomorrow' } });
      expect(tomorrow.body).toEqual({ dueAt: '2026-03-27T09:00:00.000Z' });
      const copies = (await reminders(subscriber.id)).filter((r) => r.snoozed);
      expect(copies.map((r) => [r.kind, r.dueAt, r.deadlineId, r.deadlineDate, r.ref, r.state])).toEqual([
        ['deadline', hour.body.dueAt, 'appeal', '2026-04-02', 'notice_1', 'due'],
        ['deadline', '2026-03-27T09:00:00.000Z', 'appeal', '2026-04-02', 'notice_1', 'due'],
      ]);
      // Re-sending the same preferences keeps the snoozed copies.
      await call(relay, 'PUT', '/api/push/preferences', { token, body: PREFS });
      expect((await reminders(subscriber.id)).filter((r) => r.snoozed)).toHaveLength(2);

      const other = await subscribed();
      expect((await call(relay, 'POST', '/api/push/snooze', { token: other.token, body: { reminderId: original.id, until: 'hour' } })).status).toBe(404);
      expect((await call(relay, 'POST', '/api/push/snooze', { token, body: { reminderId: uuid(), until: 'hour' } })).status).toBe(404);
      expect((await call(relay, 'POST', '/api/push/snooze', { token, body: { reminderId: original.id, until: 'week' } })).status).toBe(400);
      expect((await call(relay, 'POST', '/api/push/snooze', { token, body: { reminderId: 'x', until: 'hour' } })).status).toBe(400);
    });

    it('snooze into quiet hours waits for their end', async () => {
      relay.clock.ms = Date.parse('2026-06-01T19:30:00Z'); // 20:30 BST
      const { token, subscriber } = await subscribed();
      const [reminder] = await store.addReminders([{ subscriberId: subscriber.id, kind: 'reply', dueAt: new Date(relay.clock.ms).toISOString() }]);
      const res = await call(relay, 'POST', '/api/push/snooze', { token, body: { reminderId: reminder!.id, until: 'hour' } });
      expect(res.body).toEqual({ dueAt: '2026-06-02T07:00:00.000Z' });
    });

    it('GET /api/push/recent lists what was sent in the last 7 days', async () => {
      relay.clock.ms = Date.parse('2026-03-01T12:00:00Z');
      const { token, subscriber } = await subscribed();
      await call(relay, 'PUT', '/api/push/preferences', { token, body: PREFS });
      const [journal, seven, two] = await reminders(subscriber.id);
      await markSent(journal!.id, Date.parse(journal!.dueAt));
      await markSent(seven!.id, Date.parse(seven!.dueAt));
      await markSent(two!.id, Date.parse(two!.dueAt));
      relay.clock.ms = Date.parse('2026-03-31T12:00:00Z');
      const res = await call(relay, 'GET', '/api/push/recent', { token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        { id: two!.id, kind: 'deadline', sentAt: two!.dueAt, deadline: { id: 'appeal', daysLeft: 2 }, ref: 'notice_1' },
        { id: seven!.id, kind: 'deadline', sentAt: seven!.dueAt, deadline: { id: 'appeal', daysLeft: 7 }, ref: 'notice_1' },
      ]);
    });

    it('DELETE /api/push/subscription turns everything off', async () => {
      relay.clock.ms = Date.parse('2026-03-01T12:00:00Z');
      const { token, subscriber } = await subscribed();
      await call(relay, 'PUT', '/api/push/preferences', { token, body: PREFS });
      // Only with the credential that made it.
      expect((await call(relay, 'DELETE', '/api/push/subscription', { token })).status).toBe(415);
      expect((await call(relay, 'DELETE', '/api/push/subscription', { token, body: {} })).status).toBe(401);
      const other = await connected(relay, store, 'Other');
      expect((await call(relay, 'DELETE', '/api/push/subscription', { token, body: { claimantToken: other.claimantToken } })).status).toBe(403);
      expect(await store.getSubscriber(subscriber.id)).not.toBeNull();
      expect((await call(relay, 'DELETE', '/api/push/subscription', { token, body: owner })).status).toBe(204);
      expect(await store.getSubscriber(subscriber.id)).toBeNull();
      expect(await reminders(subscriber.id)).toEqual([]);
      expect((await call(relay, 'GET', '/api/push/recent', { token })).status).toBe(401);
      expect((await call(relay, 'DELETE', '/api/push/subscription', { token, body: owner })).status).toBe(401);
    });

    it('wrong methods are 405 with Allow', async () => {
      const res = await call(relay, 'POST', '/api/push/subscription');
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('PUT, DELETE');
    });
  });

  describe('hooks', () => {
    it('a sent item makes one adviser-new-item reminder per adviser device subscription', async () => {
      relay.clock.ms = Date.parse('2026-06-01T22:30:00Z'); // night: advisers have no quiet hours
      const c = await connected(relay, store);
      const second = await addDevice(relay, c.adviser);
      const one = await subscribed({ adviserToken: c.adviser.deviceToken });
      const two = await subscribed({ adviserToken: second.deviceToken });
      const claimant = await subscribed({ claimantToken: c.claimantToken });
      const stranger = await subscribed({ adviserToken: (await connected(relay, store, 'Other')).adviser.deviceToken });

      const item = { id: uuid(), envelope: envelope() };
      expect((await call(relay, 'POST', '/api/items', { token: c.claimantToken, body: item })).status).toBe(201);
      for (const s of [one, two]) {
        const list = await reminders(s.subscriber.id);
        expect(list.map((r) => [r.kind, r.dueAt, r.ref, r.deadlineId])).toEqual([['adviser-new-item', new Date(relay.clock.ms).toISOString(), null, null]]);
      }
      expect(await reminders(claimant.subscriber.id)).toEqual([]);
      expect(await reminders(stranger.subscriber.id)).toEqual([]);

      // A repeat of the same item, and another item while the push still waits: no more pushes.
      expect((await call(relay, 'POST', '/api/items', { token: c.claimantToken, body: item })).status).toBe(200);
      expect((await call(relay, 'POST', '/api/items', { token: c.claimantToken, body: { id: uuid(), envelope: envelope() } })).status).toBe(201);
      expect(await reminders(one.subscriber.id)).toHaveLength(1);
    });

    it('an adviser computer whose credential idle-expired (or was removed) gets no pushes and its subscriber can neither be linked nor changed (401)', async () => {
      relay.clock.ms = Date.parse('2026-06-01T22:30:00Z');
      const c = await connected(relay, store);
      const second = await addDevice(relay, c.adviser);
      const active = await subscribed({ adviserToken: c.adviser.deviceToken });
      const idle = await subscribed({ adviserToken: second.deviceToken });
      const removed = await subscribed({ adviserToken: (await addDevice(relay, c.adviser)).deviceToken });
      // The second computer was last used 91 days ago (DEVICE_IDLE_DAYS is 90); retention has not run yet.
      const idleDevice = idle.subscriber.adviserDeviceId;
      await driver.query(`UPDATE adviser_devices SET last_seen_at = $2::timestamptz WHERE id = $1`, [idleDevice, new Date(relay.clock.ms - 91 * DAY).toISOString()]);
      // The third was removed (a lost laptop): its subscriber goes with it.
      expect(await store.removeDevice(removed.subscriber.adviserDeviceId!)).toBe(true);
      expect(await store.getSubscriber(removed.subscriber.id)).toBeNull();
      expect((await call(relay, 'PUT', '/api/push/preferences', { token: removed.token, body: PREFS })).status).toBe(401);

      expect((await call(relay, 'POST', '/api/items', { token: c.claimantToken, body: { id: uuid(), envelope: envelope() } })).status).toBe(201);
      expect((await reminders(active.subscriber.id)).map((r) => r.kind)).toEqual(['adviser-new-item']);
      expect(await reminders(idle.subscriber.id)).toEqual([]);
      expect((await call(relay, 'DELETE', '/api/claimant/connection', { token: c.claimantToken })).status).toBe(204);
      expect((await reminders(active.subscriber.id)).map((r) => r.kind).sort()).toEqual(['adviser-new-item', 'adviser-stopped']);
      expect(await reminders(idle.subscriber.id)).toEqual([]);

      // The idle credential links nothing, and the idle subscriber's own s_ credential no longer works.
      const link = await call(relay, 'POST', '/api/push/subscribers', { body: { subscription: subscription(), adviserToken: second.deviceToken } });
      expect(link.status).toBe(401);
      expect(link.body.message).toMatch(/90 days/);
      const routes: Array<[string, string, unknown]> = [
        ['PUT', '/api/push/subscription', { subscription: subscription(), adviserToken: second.deviceToken }],
        ['PUT', '/api/push/preferences', PREFS],
        ['POST', '/api/push/snooze', { reminderId: uuid(), until: 'hour' }],
        ['GET', '/api/push/recent', undefined],
        ['DELETE', '/api/push/subscription', { adviserToken: second.deviceToken }],
      ];
      for (const [method, path, body] of routes) {
        const res = await call(relay, method, path, { token: idle.token, ...(body === undefined ? {} : { body }) });
        expect(res.status, `${method} ${path}`).toBe(401);
      }
      // The active computer's subscriber still works.
      expect((await call(relay, 'GET', '/api/push/recent', { token: active.token })).status).toBe(200);
      // Its credential is refused everywhere, so nothing can make it active again.
      expect((await call(relay, 'GET', '/api/adviser/me', { token: second.deviceToken })).status).toBe(401);
      expect((await call(relay, 'GET', '/api/push/recent', { token: idle.token })).status).toBe(401);
    });

    it('a reply makes a reply reminder for the connection’s subscriptions with replies on, out of quiet hours', async () => {
      relay.clock.ms = Date.parse('2026-06-01T21:30:00Z'); // 22:30 BST: quiet
      const c = await connected(relay, store);
      const on = await subscribed({ claimantToken: c.claimantToken });
      const off = await subscribed({ claimantToken: c.claimantToken });
      expect(
        (await call(relay, 'PUT', '/api/push/preferences', { token: off.token, body: { ...PREFS, replies: false, journal: null, deadlines: [] } })).status,
      ).toBe(200);
      const adviserSub = await subscribed({ adviserToken: c.adviser.deviceToken });

      const res = await call(relay, 'POST', `/api/adviser/connections/${c.connectionId}/replies`, {
        token: c.adviser.deviceToken,
        body: { id: uuid(), envelope: envelope() },
      });
      expect(res.status).toBe(201);
      expect((await reminders(on.subscriber.id)).map((r) => [r.kind, r.dueAt, r.ref])).toEqual([['reply', '2026-06-02T07:00:00.000Z', null]]);
      expect(await reminders(off.subscriber.id)).toEqual([]);
      expect(await reminders(adviserSub.subscriber.id)).toEqual([]);
    });

    it('stopping sharing tells the adviser and leaves no claimant subscribers or reminders', async () => {
      relay.clock.ms = Date.parse('2026-03-01T12:00:00Z');
      const c = await connected(relay, store);
      const adviserSub = await subscribed({ adviserToken: c.adviser.deviceToken });
      const claimant = await subscribed({ claimantToken: c.claimantToken });
      await call(relay, 'PUT', '/api/push/preferences', { token: claimant.token, body: PREFS });
      await call(relay, 'POST', `/api/adviser/connections/${c.connectionId}/replies`, { token: c.adviser.deviceToken, body: { id: uuid(), envelope: envelope() } });
      expect((await reminders(claimant.subscriber.id)).length).toBeGreaterThan(0);

      expect((await call(relay, 'DELETE', '/api/claimant/connection', { token: c.claimantToken })).status).toBe(204);
      expect((await reminders(adviserSub.subscriber.id)).map((r) => [r.kind, r.ref])).toEqual([['adviser-stopped', null]]);
      expect(await store.getSubscriber(claimant.subscriber.id)).toBeNull();
      const left = await driver.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM push_subscribers s LEFT JOIN reminders r ON r.subscriber_id = s.id WHERE s.connection_id = $1',
        [c.connectionId],
      );
      expect(Number(left[0]?.n)).toBe(0);
      const orphans = await driver.query<{ n: number }>('SELECT count(*)::int AS n FROM reminders WHERE subscriber_id = $1', [claimant.subscriber.id]);
      expect(Number(orphans[0]?.n)).toBe(0);
      expect((await call(relay, 'GET', '/api/push/recent', { token: claimant.token })).status).toBe(401);
      // The stopped credential cannot link a new subscription.
      expect((await call(relay, 'POST', '/api/push/subscribers', { body: { subscription: subscription(), claimantToken: c.claimantToken } })).status).toBe(401);
    });
  });

  describe('rate limits', () => {
    it('subscribing is limited per IP, subscriber routes per subscriber', async () => {
      const limited = await startRelay(store, { ...UNLIMITED, invitePerIp: { limit: 2, windowMs: DAY }, pushPerSubscriber: { limit: 2, windowMs: DAY } }, LOOPBACK);
      try {
        const first = await call(limited, 'POST', '/api/push/subscribers', { body: { subscription: subscription(), ...owner } });
        expect(first.status).toBe(201);
        expect((await call(limited, 'POST', '/api/push/subscribers', { body: { subscription: subscription(), ...owner } })).status).toBe(201);
        const third = await call(limited, 'POST', '/api/push/subscribers', { body: { subscription: subscription(), ...owner } });
        expect(third.status).toBe(429);
        expect(third.headers.get('retry-after')).toMatch(/^\d+$/);

        const token = first.body.subscriberToken as string;
        expect((await call(limited, 'GET', '/api/push/recent', { token })).status).toBe(200);
        expect((await call(limited, 'GET', '/api/push/recent', { token })).status).toBe(200);
        expect((await call(limited, 'GET', '/api/push/recent', { token })).status).toBe(429);
      } finally {
        await limited.close();
      }
    });
  });
});
