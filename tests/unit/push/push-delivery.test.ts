// The push sender end to end against a stand-in push service over real HTTPS:
// rows go in with SQL, runOnce() claims and sends them (web-push: aes128gcm,
// VAPID), the stand-in receives them and the test decrypts them with the
// subscription's own private key, as a browser would.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import ece from 'http_ece';
import webpush from 'web-push';
import type { PushPayload } from '../../../src/shared/protocol/push-types';
import type { SqlDriver } from '../../../src/server/store/driver';
import type { Store } from '../../../src/server/store/store';
import { startScheduler, type Scheduler } from '../../../src/server/push/scheduler';
import { endpointPolicy } from '../../../src/server/push/endpoint-policy';
import { backoffMs, classify, daysLeft, MAX_ATTEMPTS } from '../../../src/server/push/send';
import { nextJournalTime } from '../../../src/server/push/uk-time';
import { encryptInline } from '../../../src/server/push/encrypt-pool';
import { startPushService, type PushRequest, type PushService } from '../../support/push-service';
import { insertReminder, insertSubscriber, type TestSubscription } from '../../support/push-rows';
import { openTestStore, PGLITE } from '../../support/store-adapters';

const keys = webpush.generateVAPIDKeys();
const vapid = { subject: 'mailto:test@example.org', publicKey: keys.publicKey, privateKey: keys.privateKey };
// Monday 10 March 2025, 10:00 GMT (UK winter time).
const START = new Date('2025-03-10T10:00:00Z');

let service: PushService;
let store: Store;
let driver: SqlDriver;
let close: (() => Promise<void>) | undefined;
let clock: Date;
let scheduler: Scheduler;

beforeAll(async () => {
  service = await startPushService();
  ({ store, driver, close } = await openTestStore(PGLITE));
}, 30_000);
afterAll(async () => {
  await close?.();
  await service?.close();
});
beforeEach(async () => {
  await driver.query('DELETE FROM push_subscribers');
  service.requests.length = 0;
  service.answer = () => undefined;
  clock = START;
  scheduler = startScheduler({
    store,
    vapid,
    agent: service.agent,
    policy: service.policy,
    loop: false,
    batch: 50,
    leaseMs: 60_000,
    concurrency: 4,
    now: () => clock,
  });
});
// Ends its encryption thread.
afterEach(() => scheduler.stop());

function decrypt(request: PushRequest, subscription: TestSubscription): unknown {
  const plain = ece.decrypt(request.body, { version: 'aes128gcm', privateKey: subscription.ecdh, authSecret: subscription.auth.toString('base64url') });
  return JSON.parse(plain.toString('utf8'));
}

async function reminderRow(id: string) {
  const rows = await driver.query<{ state: string; attempts: number; due_at: Date; sent_at: Date | null }>(
    'SELECT state, attempts, due_at, sent_at FROM reminders WHERE id = $1',
    [id],
  );
  return rows[0];
}

describe('push delivery', () => {
  it('sends a deadline reminder: encrypted, discreet payload, Topic, TTL and Urgency', async () => {
    const sub = await insertSubscriber(driver, service.origin);
    const id = await insertReminder(driver, sub.id, { kind: 'deadline', dueAt: START, ref: 'n-7f3a', deadlineId: 'mr-last-day', deadlineDate: '2025-03-12' });

    expect(await scheduler.runOnce()).toBe(1);
    expect(service.requests).toHaveLength(1);
    const request = service.requests[0]!;
    expect(request.path).toBe(new URL(sub.endpoint).pathname);
    expect(request.topic).toBe(id.replace(/-/g, ''));
    expect(request.topic).toHaveLength(32);
    expect(request.ttl).toBe(String(24 * 60 * 60));
    expect(request.urgency).toBe('high');
    expect(request.encoding).toBe('aes128gcm');
    expect(request.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${keys.publicKey}$`));
    // The body is ciphertext: nothing readable on the wire.
    expect(request.body.includes(Buffer.from(id))).toBe(false);

    const payload = decrypt(request, sub);
    const expected: PushPayload = { v: 1, id, kind: 'deadline', deadline: { id: 'mr-last-day', daysLeft: 2 }, ref: 'n-7f3a' };
    expect(payload).toStrictEqual(expected);

    const row = await reminderRow(id);
    expect(row?.state).toBe('sent');
    expect(row?.sent_at?.getTime()).toBe(START.getTime());
  });

  it('sends a reply reminder with only v, id, kind (and ref): 4 h TTL, normal urgency', async () => {
    const sub = await insertSubscriber(driver, service.origin);
    const withRef = await insertReminder(driver, sub.id, { kind: 'reply', dueAt: START, ref: 'conn-ref' });
    const bare = await insertReminder(driver, sub.id, { kind: 'adviser-new-item', dueAt: new Date(START.getTime() + 1) });
    clock = new Date(START.getTime() + 1000);
    expect(await scheduler.runOnce()).toBe(2);
    const byTopic = new Map(service.requests.map((request) => [request.topic, request]));
    const first = byTopic.get(withRef.replace(/-/g, ''))!;
    const second = byTopic.get(bare.replace(/-/g, ''))!;
    expect(decrypt(first, sub)).toStrictEqual({ v: 1, id: withRef, kind: 'reply', ref: 'conn-ref' });
    expect(decrypt(second, sub)).toStrictEqual({ v: 1, id: bare, kind: 'adviser-new-item' });
    for (const request of [first, second]) {
      expect(request.ttl).toBe(String(4 * 60 * 60));
      expect(request.urgency).toBe('normal');
      // Nothing personal can be in it: the only keys are the payload's own.
      const payload = decrypt(request, sub) as Record<string, unknown>;
      expect(Object.keys(payload).every((key) => ['v', 'id', 'kind', 'ref', 'deadline'].includes(key))).toBe(true);
    }
  });

  it('a deadline a week away is normal urgency; days left follow the UK date, not UTC', async () => {
    const sub = await insertSubscriber(driver, service.origin);
    const id = await insertReminder(driver, sub.id, { kind: 'deadline', dueAt: START, deadlineId: 'appeal', deadlineDate: '2025-03-17' });
    await scheduler.runOnce();
    expect(decrypt(service.requests[0]!, sub)).toStrictEqual({ v: 1, id, kind: 'deadline', deadline: { id: 'appeal', daysLeft: 7 } });
    expect(service.requests[0]!.urgency).toBe('normal');
    // 23:30 UTC on 30 June is already 1 July in the UK (BST).
    expect(daysLeft('2025-07-01', new Date('2025-06-30T23:30:00Z'))).toBe(0);
    expect(daysLeft('2025-07-01', new Date('2025-06-30T22:30:00Z'))).toBe(1);
  });

  it('410 Gone deletes the subscriber and its reminders', async () => {
    const sub = await insertSubscriber(driver, service.origin);
    const id = await insertReminder(driver, sub.id, { kind: 'reply', dueAt: START });
    await insertReminder(driver, sub.id, { kind: 'journal', dueAt: new Date(START.getTime() + 86_400_000) });
    const other = await insertSubscriber(driver, service.origin);
    const kept = await insertReminder(driver, other.id, { kind: 'reply', dueAt: START });
    service.answer = (request) => (request.path === new URL(sub.endpoint).pathname ? { status: 410 } : undefined);

    expect(await scheduler.runOnce()).toBe(2);
    expect(await driver.query('SELECT id FROM push_subscribers WHERE id = $1', [sub.id])).toHaveLength(0);
    expect(await driver.query('SELECT id FROM reminders WHERE subscriber_id = $1', [sub.id])).toHaveLength(0);
    expect(await reminderRow(id)).toBeUndefined();
    expect((await reminderRow(kept))?.state).toBe('sent');
  });

  it('404 from an endpoint the device has since replaced keeps the subscriber and retries on the new one', async () => {
    const sub = await insertSubscriber(driver, service.origin);
    const id = await insertReminder(driver, sub.id, { kind: 'reply', dueAt: START });
    service.answer = () => {
      // The device re-syncs a new subscription while the old one is being answered.
      void driver.query('UPDATE push_subscribers SET endpoint = $2 WHERE id = $1', [sub.id, `${service.origin}/push/renewed`]);
      return { status: 404, delayMs: 50 };
    };
    await scheduler.runOnce();
    expect(await driver.query('SELECT id FROM push_subscribers WHERE id = $1', [sub.id])).toHaveLength(1);
    service.answer = () => undefined;
    expect(await scheduler.runOnce()).toBe(1);
    expect(service.requests.at(-1)?.path).toBe('/push/renewed');
    expect((await reminderRow(id))?.state).toBe('sent');
  });

  it('429 then 201: retried after the backoff, honouring a longer Retry-After', async () => {
    const sub = await insertSubscriber(driver, service.origin);
    const id = await insertReminder(driver, sub.id, { kind: 'reply', dueAt: START });
    service.answer = () => ({ status: 429, headers: { 'Retry-After': '300' } });
    await scheduler.runOnce();
    let row = await reminderRow(id);
    expect(row?.state).toBe('due');
    expect(row?.attempts).toBe(1);
    expect(row?.due_at.getTime()).toBe(START.getTime() + 300_000);

    // Not before its time.
    service.answer = () => ({ status: 429 });
    clock = new Date(START.getTime() + 299_000);
    expect(await scheduler.runOnce()).toBe(0);
    // Second try: 429 without Retry-After → 30 s × 2^2.
    clock = new Date(START.getTime() + 300_000);
    expect(await scheduler.runOnce()).toBe(1);
    row = await reminderRow(id);
    expect(row?.due_at.getTime()).toBe(clock.getTime() + backoffMs(2));
    expect(backoffMs(2)).toBe(120_000);

    service.answer = () => undefined;
    clock = new Date(row!.due_at.getTime());
    expect(await scheduler.runOnce()).toBe(1);
    row = await reminderRow(id);
    expect(row?.state).toBe('sent');
    expect(row?.attempts).toBe(3);
    // Every try carried the same Topic, so the phone shows it once.
    expect(new Set(service.requests.map((request) => request.topic))).toEqual(new Set([id.replace(/-/g, '')]));
    expect(decrypt(service.requests.at(-1)!, sub)).toStrictEqual({ v: 1, id, kind: 'reply' });
  });

  it('500 retries with growing backoff and gives up after 8 attempts; other 4xx fail at once', async () => {
    const sub = await insertSubscriber(driver, service.origin);
    const id = await insertReminder(driver, sub.id, { kind: 'reply', dueAt: START });
    service.answer = () => ({ status: 500 });
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await scheduler.runOnce()).toBe(1);
      const row = await reminderRow(id);
      if (attempt < MAX_ATTEMPTS) {
        expect(row?.state).toBe('due');
        waits.push(row!.due_at.getTime() - clock.getTime());
        clock = row!.due_at;
      } else {
        expect(row?.state).toBe('failed');
      }
    }
    expect(waits).toEqual([60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000]);
    expect(service.requests).toHaveLength(MAX_ATTEMPTS);
    clock = new Date(clock.getTime() + 86_400_000);
    expect(await scheduler.runOnce()).toBe(0);

    const bad = await insertReminder(driver, sub.id, { kind: 'reply', dueAt: clock });
    service.answer = () => ({ status: 413 });
    await scheduler.runOnce();
    expect((await reminderRow(bad))?.state).toBe('failed');
  });

  it('network errors retry', async () => {
    const sub = await insertSubscriber(driver, 'https://127.0.0.1:1');
    const id = await insertReminder(driver, sub.id, { kind: 'reply', dueAt: START });
    // A push service that is allowed (PUSH_ENDPOINT_HOSTS) but does not answer.
    const unreachable = startScheduler({
      store,
      vapid,
      agent: service.agent,
      policy: endpointPolicy([service.host, '127.0.0.1:1']),
      loop: false,
      batch: 50,
      leaseMs: 60_000,
      concurrency: 4,
      now: () => clock,
    });
    expect(await unreachable.runOnce()).toBe(1);
    const row = await reminderRow(id);
    expect(row?.state).toBe('due');
    expect(row?.due_at.getTime()).toBe(START.getTime() + 60_000);
    expect(classify({ error: 'ECONNRESET' }, MAX_ATTEMPTS, START).type).toBe('failed');
  });

  it('a sent journal reminder schedules the next one (UK time, chosen weekdays) in the same step', async () => {
    // Mondays and Wednesdays at 10:00 UK time.
    const sub = await insertSubscriber(driver, service.origin, { journalDays: 0b101, journalMinute: 600 });
    const id = await insertReminder(driver, sub.id, { kind: 'journal', dueAt: START });
    expect(await scheduler.runOnce()).toBe(1);
    expect(service.requests[0]!.ttl).toBe(String(24 * 60 * 60));
    expect(decrypt(service.requests[0]!, sub)).toStrictEqual({ v: 1, id, kind: 'journal' });
    const rows = await driver.query<{ id: string; state: string; due_at: Date }>(
      "SELECT id, state, due_at FROM reminders WHERE subscriber_id = $1 AND kind = 'journal' ORDER BY due_at",
      [sub.id],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id, state: 'sent' });
    expect(rows[1]?.state).toBe('due');
    expect(rows[1]?.due_at.toISOString()).toBe('2025-03-12T10:00:00.000Z');
    expect(rows[1]?.due_at.getTime()).toBe(nextJournalTime(START, 0b101, 600, { start: 0, end: 0 })?.getTime());

    // That one sends on Wednesday and schedules the next Monday.
    clock = new Date('2025-03-12T10:00:05Z');
    expect(await scheduler.runOnce()).toBe(1);
    const next = await driver.query<{ due_at: Date }>("SELECT due_at FROM reminders WHERE subscriber_id = $1 AND state = 'due'", [sub.id]);
    expect(next.map((row) => row.due_at.toISOString())).toEqual(['2025-03-17T10:00:00.000Z']);
  });

  it('a snoozed journal copy neither blocks nor extends the weekly series', async () => {
    const sub = await insertSubscriber(driver, service.origin, { journalDays: 0b101, journalMinute: 600 });
    const regular = await insertReminder(driver, sub.id, { kind: 'journal', dueAt: START });
    // Snoozed an hour from an earlier one, still waiting.
    const snoozed = await insertReminder(driver, sub.id, { kind: 'journal', dueAt: new Date(START.getTime() + 3_600_000) });
    await driver.query('UPDATE reminders SET snoozed = true WHERE id = $1', [snoozed]);
    expect(await scheduler.runOnce()).toBe(1);
    const waiting = async () =>
      (
        await driver.query<{ due_at: Date; snoozed: boolean }>("SELECT due_at, snoozed FROM reminders WHERE subscriber_id = $1 AND state = 'due' ORDER BY due_at", [
          sub.id,
        ])
      ).map((row) => `${row.due_at.toISOString()}${row.snoozed ? ' snoozed' : ''}`);
    expect((await reminderRow(regular))?.state).toBe('sent');
    expect(await waiting()).toEqual(['2025-03-10T11:00:00.000Z snoozed', '2025-03-12T10:00:00.000Z']);
    clock = new Date(START.getTime() + 3_600_000);
    expect(await scheduler.runOnce()).toBe(1);
    expect(await waiting()).toEqual(['2025-03-12T10:00:00.000Z']);
  });

  it('a claim holds its rows until the lease runs out; then they are claimed again, attempts counted', async () => {
    const sub = await insertSubscriber(driver, service.origin);
    const id = await insertReminder(driver, sub.id, { kind: 'reply', dueAt: START });
    const first = await store.claimDueReminders({ now: START, batch: 10, leaseMs: 60_000 });
    expect(first.map((row) => [row.id, row.attempts])).toEqual([[id, 1]]);
    expect(await store.claimDueReminders({ now: new Date(START.getTime() + 59_000), batch: 10, leaseMs: 60_000 })).toHaveLength(0);
    // The first sender died: the row comes back after the lease.
    clock = new Date(START.getTime() + 61_000);
    expect(await scheduler.runOnce()).toBe(1);
    const row = await reminderRow(id);
    expect(row).toMatchObject({ state: 'sent', attempts: 2 });
    // The dead sender's late outcome no longer applies to the row.
    expect(await store.markReminderRetry(id, START, { attempt: 1 })).toBe(false);
    expect((await reminderRow(id))?.state).toBe('sent');
  });

  it('the lease is checked once the body is encrypted: a push whose encryption outlasted its lease is not sent', async () => {
    const sub = await insertSubscriber(driver, service.origin);
    const id = await insertReminder(driver, sub.id, { kind: 'reply', dueAt: START });
    // Encryption threads so slow that the lease (60 s, sends take up to 15 s) is nearly over when the body comes.
    const slow = startScheduler({
      store,
      vapid,
      agent: service.agent,
      policy: service.policy,
      loop: false,
      leaseMs: 60_000,
      now: () => clock,
      encryptor: {
        encrypt: async (jobs) => {
          clock = new Date(clock.getTime() + 50_000);
          return jobs.map(encryptInline);
        },
        close: async () => {},
      },
    });
    expect(await slow.runOnce()).toBe(1);
    expect(service.requests).toHaveLength(0);
    // Left to be claimed again once the lease has run out, and then sent.
    expect(await reminderRow(id)).toMatchObject({ state: 'sending', attempts: 1 });
    clock = new Date(START.getTime() + 61_000);
    expect(await scheduler.runOnce()).toBe(1);
    expect(service.requests).toHaveLength(1);
    expect(decrypt(service.requests[0]!, sub)).toStrictEqual({ v: 1, id, kind: 'reply' });
    await slow.stop();
  });
});
