// Push store tests (settings, subscribers, reminders), run against both adapters: PGlite in memory, and a
// real PostgreSQL (TEST_DATABASE_URL, or a throwaway cluster from Debian's
// binaries; skipped with a message when neither is there).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { SqlDriver } from '../../../src/server/store/driver';
import { createSqlStore } from '../../../src/server/store/sql-store';
import type { Connection, NewReminder, Store } from '../../../src/server/store/store';
import { emptyTables, openTestStore, SLOW, storeAdapters, type FreshDatabase } from '../../support/store-adapters';

const { adapters, stop } = await storeAdapters('push store');
afterAll(stop, SLOW);

// Fixed clock for the tests: the store takes `now` from its callers.
const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();
const NOW = at(0);
const hash = (what: string): string => `${what}-${randomUUID()}`;

describe.each(adapters)('push store on $name', (adapter) => {
  let database: FreshDatabase;
  let driver: SqlDriver;
  let store: Store;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ store, driver, database, close } = await openTestStore(adapter));
  }, SLOW);

  afterAll(() => close?.(), SLOW);

  beforeEach(async () => {
    await emptyTables(driver);
  });

  async function adviserWithDevice(): Promise<{ adviserId: string; deviceId: string }> {
    const enrolTokenHash = hash('enrol');
    await store.createAdviser({ name: 'Ada', org: 'Org', enrolTokenHash, enrolExpiresAt: at(60) });
    const deviceTokenHash = hash('device');
    const adviser = await store.enrolAdviser({ enrolTokenHash, signingKey: 'sk', device: { publicKey: 'pk', signature: 'sig' }, deviceTokenHash, now: NOW });
    const owner = await store.findCredential(deviceTokenHash);
    if (!adviser || owner?.kind !== 'adviser') throw new Error('enrol failed');
    return { adviserId: adviser.id, deviceId: owner.deviceId };
  }

  async function connectionOf(adviserId: string): Promise<Connection> {
    const codeHash = hash('code');
    await store.createInvite({ codeHash, adviserId, label: 'J.S.', expiresAt: at(60) });
    const made = await store.connect({ codeHash, connectionId: randomUUID(), claimantPublicKey: 'pk', claimantTokenHash: hash('claimant'), now: NOW });
    if (!made) throw new Error('connect failed');
    return made.connection;
  }

  function subscribe(link: { connectionId?: string; adviserDeviceId?: string } = {}, endpoint = `https://push.example.org/${randomUUID()}`) {
    return store.createSubscriber({ tokenHash: hash('sub'), endpoint, p256dh: 'p256', auth: 'auth', ...link, now: NOW });
  }

  async function setState(id: string, state: 'sending' | 'sent' | 'failed', sentAt: string | null = null): Promise<void> {
    await driver.query(`UPDATE reminders SET state = $2, sent_at = $3::timestamptz WHERE id = $1`, [id, state, sentAt]);
  }

  const deadline = (subscriberId: string, dueAt: string, extra: Partial<NewReminder> = {}): NewReminder => ({
    subscriberId,
    kind: 'deadline',
    dueAt,
    deadlineId: 'appeal',
    deadlineDate: '2030-02-01',
    ref: 'note1',
    ...extra,
  });

  describe('settings', () => {
    it('gets, sets and overwrites', async () => {
      expect(await store.getSetting('x')).toBeNull();
      await store.setSetting('x', 'one');
      await store.setSetting('x', 'two');
      expect(await store.getSetting('x')).toBe('two');
    });
    it('initSetting keeps the first value (one set of VAPID keys per database)', async () => {
      expect(await store.initSetting('vapid', 'first')).toBe('first');
      expect(await store.initSetting('vapid', 'second')).toBe('first');
      const [a, b] = await Promise.all([store.initSetting('race', 'a'), store.initSetting('race', 'b')]);
      expect(a).toBe(b);
    });
    it('a second driver on the same database sees the same keys', async () => {
      const other = createSqlStore(await database.open());
      expect(await other.initSetting('shared', 'from-other')).toBe('from-other');
      expect(await store.initSetting('shared', 'mine')).toBe('from-other');
      await other.close();
    });
  });

  describe('subscribers', () => {
    it('are created, found by token hash, re-synced, updated and deleted', async () => {
      const tokenHash = hash('sub');
      const created = await store.createSubscriber({ tokenHash, endpoint: 'https://push.example.org/a', p256dh: 'p', auth: 'a', now: NOW });
      expect(created).toEqual({
        id: expect.any(String),
        endpoint: 'https://push.example.org/a',
        p256dh: 'p',
        auth: 'a',
        connectionId: null,
        adviserDeviceId: null,
        replies: true,
        quiet: { start: 1260, end: 480 },
        journal: null,
        createdAt: NOW,
        updatedAt: NOW,
      });
      expect(await store.findSubscriber(tokenHash)).toEqual(created);
      expect(await store.findSubscriber(hash('other'))).toBeNull();
      expect(await store.getSubscriber(created.id)).toEqual(created);
      expect(await store.getSubscriber('nope')).toBeNull();

      expect(await store.resyncSubscriber(created.id, { endpoint: 'https://push.example.org/b', p256dh: 'p2', auth: 'a2' }, at(5))).toBe(true);
      expect(await store.findSubscriber(tokenHash)).toMatchObject({ endpoint: 'https://push.example.org/b', p256dh: 'p2', auth: 'a2', updatedAt: at(5) });
      expect(await store.resyncSubscriber(randomUUID(), { endpoint: 'https://x.example.org', p256dh: 'p', auth: 'a' }, NOW)).toBe(false);

      const updated = await store.updatePreferences(created.id, { replies: false, quiet: { start: 0, end: 60 }, journal: { days: 5, minute: 600 } }, at(6));
      expect(updated).toMatchObject({ replies: false, quiet: { start: 0, end: 60 }, journal: { days: 5, minute: 600 }, updatedAt: at(6) });
      expect((await store.updatePreferences(created.id, { replies: true, quiet: { start: 0, end: 0 }, journal: null }, at(7)))?.journal).toBeNull();
      expect(await store.updatePreferences(randomUUID(), { replies: true, quiet: { start: 0, end: 0 }, journal: null }, NOW)).toBeNull();

      await store.addReminders([{ subscriberId: created.id, kind: 'reply', dueAt: NOW }]);
      expect(await store.deleteSubscriber(created.id)).toBe(true);
      expect(await store.deleteSubscriber(created.id)).toBe(false);
      expect(await store.findSubscriber(tokenHash)).toBeNull();
      const left = await driver.query<{ n: number }>('SELECT count(*)::int AS n FROM reminders');
      expect(Number(left[0]?.n)).toBe(0);
    });

    it('subscribing the same endpoint again replaces the old subscriber', async () => {
      const first = await subscribe({}, 'https://push.example.org/same');
      const second = await subscribe({}, 'https://push.example.org/same');
      expect(await store.getSubscriber(first.id)).toBeNull();
      expect(await store.getSubscriber(second.id)).not.toBeNull();
    });

    it('are listed by adviser (any device) and by connection', async () => {
      const { adviserId, deviceId } = await adviserWithDevice();
      const other = await adviserWithDevice();
      const connection = await connectionOf(adviserId);
      const onDevice = await subscribe({ adviserDeviceId: deviceId });
      await subscribe({ adviserDeviceId: other.deviceId });
      const onConnection = await subscribe({ connectionId: connection.id });
      await subscribe();
      expect((await store.listAdviserSubscribers(adviserId)).map((s) => s.id)).toEqual([onDevice.id]);
      expect((await store.listConnectionSubscribers(connection.id)).map((s) => s.id)).toEqual([onConnection.id]);
      expect(await store.listAdviserSubscribers('nope')).toEqual([]);
      expect(await store.listConnectionSubscribers(randomUUID())).toEqual([]);
    });

    it('with deviceActiveSince, a subscriber on an idle adviser computer is neither found nor listed', async () => {
      const { adviserId, deviceId } = await adviserWithDevice();
      const tokenHash = hash('sub');
      const onDevice = await store.createSubscriber({
        tokenHash,
        endpoint: 'https://push.example.org/idle',
        p256dh: 'p',
        auth: 'a',
        adviserDeviceId: deviceId,
        now: NOW,
      });
      const phone = hash('sub');
      await store.createSubscriber({ tokenHash: phone, endpoint: 'https://push.example.org/phone', p256dh: 'p', auth: 'a', now: NOW });
      // Never seen since it was added (NOW): active from NOW on, idle for anything later.
      expect(await store.findSubscriber(tokenHash, { deviceActiveSince: NOW })).toEqual(onDevice);
      expect((await store.listAdviserSubscribers(adviserId, { deviceActiveSince: NOW })).map((s) => s.id)).toEqual([onDevice.id]);
      expect(await store.findSubscriber(tokenHash, { deviceActiveSince: at(1) })).toBeNull();
      expect(await store.listAdviserSubscribers(adviserId, { deviceActiveSince: at(1) })).toEqual([]);
      // A subscriber with no adviser computer is not affected.
      expect(await store.findSubscriber(phone, { deviceActiveSince: at(1) })).not.toBeNull();
      // Used again later: found again (last use counts, not when it was added).
      await store.touchDevice(deviceId, at(10));
      expect(await store.findSubscriber(tokenHash, { deviceActiveSince: at(5) })).toEqual(onDevice);
      expect((await store.listAdviserSubscribers(adviserId, { deviceActiveSince: at(5) })).map((s) => s.id)).toEqual([onDevice.id]);
      expect(await store.findSubscriber(tokenHash, { deviceActiveSince: at(11) })).toBeNull();
      // Without the option (retention and tests), the row is still there until the computer is removed.
      expect(await store.findSubscriber(tokenHash)).toEqual(onDevice);
      await store.removeDevice(deviceId);
      expect(await store.findSubscriber(tokenHash)).toBeNull();
    });

    it('stopping sharing deletes the claimant subscribers and their reminders, not the adviser ones', async () => {
      const { adviserId, deviceId } = await adviserWithDevice();
      const connection = await connectionOf(adviserId);
      const claimant = await subscribe({ connectionId: connection.id });
      const adviser = await subscribe({ adviserDeviceId: deviceId });
      await store.replaceDeadlineReminders(claimant.id, [deadline(claimant.id, at(60))]);
      await store.addReminders([
        { subscriberId: claimant.id, kind: 'reply', dueAt: NOW },
        { subscriberId: adviser.id, kind: 'adviser-stopped', dueAt: NOW },
      ]);
      await store.stopConnection(connection.id, at(1));
      expect(await store.getSubscriber(claimant.id)).toBeNull();
      expect(await store.listReminders(claimant.id)).toEqual([]);
      const rows = await driver.query<{ n: number }>('SELECT count(*)::int AS n FROM reminders WHERE subscriber_id = $1', [claimant.id]);
      expect(Number(rows[0]?.n)).toBe(0);
      expect(await store.listReminders(adviser.id)).toHaveLength(1);
      expect(await store.getConnection(connection.id)).toMatchObject({ stoppedAt: at(1) });
    });
  });

  describe('reminders', () => {
    it('replaceDeadlineReminders swaps the waiting ones and keeps what was sent', async () => {
      const s = await subscribe();
      const first = await store.replaceDeadlineReminders(s.id, [deadline(s.id, at(10)), deadline(s.id, at(20)), deadline(s.id, at(30))]);
      expect(first.map((r) => r.dueAt)).toEqual([at(10), at(20), at(30)]);
      expect(first[0]).toMatchObject({ kind: 'deadline', deadlineId: 'appeal', deadlineDate: '2030-02-01', ref: 'note1', state: 'due', snoozed: false });
      await setState(first[0]!.id, 'sent', at(10));
      await setState(first[1]!.id, 'sending');
      // The same list again (the app opened): the sent and sending ones are not added twice.
      const again = await store.replaceDeadlineReminders(s.id, [deadline(s.id, at(10)), deadline(s.id, at(20)), deadline(s.id, at(30))]);
      expect(again.map((r) => r.dueAt)).toEqual([at(30)]);
      const all = await store.listReminders(s.id);
      expect(all.map((r) => [r.dueAt, r.state])).toEqual([
        [at(10), 'sent'],
        [at(20), 'sending'],
        [at(30), 'due'],
      ]);
      // An empty list removes the waiting ones only.
      expect(await store.replaceDeadlineReminders(s.id, [])).toEqual([]);
      expect((await store.listReminders(s.id)).map((r) => r.state)).toEqual(['sent', 'sending']);
      expect(await store.replaceDeadlineReminders(randomUUID(), [deadline(randomUUID(), at(1))])).toEqual([]);
    });

    it('replaceDeadlineReminders keeps snoozed copies while their deadline is still listed', async () => {
      const s = await subscribe();
      const [snooze] = await store.addReminders([{ ...deadline(s.id, at(90)), snoozed: true }]);
      const [otherSnooze] = await store.addReminders([{ ...deadline(s.id, at(95), { ref: 'note2' }), snoozed: true }]);
      await store.replaceDeadlineReminders(s.id, [deadline(s.id, at(100))]);
      const ids = (await store.listReminders(s.id)).map((r) => r.id);
      expect(ids).toContain(snooze!.id);
      expect(ids).not.toContain(otherSnooze!.id);
      await store.replaceDeadlineReminders(s.id, []);
      expect(await store.listReminders(s.id)).toEqual([]);
    });

    it('replaceDeadlineReminders leaves other kinds alone', async () => {
      const s = await subscribe();
      await store.addReminders([{ subscriberId: s.id, kind: 'reply', dueAt: NOW }]);
      await store.setJournalReminder(s.id, at(5));
      await store.replaceDeadlineReminders(s.id, []);
      expect((await store.listReminders(s.id)).map((r) => r.kind)).toEqual(['reply', 'journal']);
    });

    it('setJournalReminder keeps one waiting journal reminder', async () => {
      const s = await subscribe();
      const one = await store.setJournalReminder(s.id, at(10));
      expect(one).toMatchObject({ kind: 'journal', dueAt: at(10), state: 'due' });
      const two = await store.setJournalReminder(s.id, at(20));
      expect((await store.listReminders(s.id)).map((r) => r.id)).toEqual([two!.id]);
      // A snoozed journal copy stays.
      await store.addReminders([{ subscriberId: s.id, kind: 'journal', dueAt: at(15), snoozed: true }]);
      expect(await store.setJournalReminder(s.id, null)).toBeNull();
      expect((await store.listReminders(s.id)).map((r) => [r.dueAt, r.snoozed])).toEqual([[at(15), true]]);
      // One being sent blocks another until it is done.
      const three = await store.setJournalReminder(s.id, at(30));
      await setState(three!.id, 'sending');
      expect(await store.setJournalReminder(s.id, at(40))).toBeNull();
      expect(await store.setJournalReminder(randomUUID(), at(40))).toBeNull();
    });

    it('addReminders inserts one-offs, coalescing when asked', async () => {
      const a = await subscribe();
      const b = await subscribe();
      const added = await store.addReminders([
        { subscriberId: a.id, kind: 'adviser-new-item', dueAt: NOW },
        { subscriberId: b.id, kind: 'adviser-new-item', dueAt: NOW },
      ]);
      expect(added).toHaveLength(2);
      expect(added[0]).toMatchObject({
        subscriberId: a.id,
        kind: 'adviser-new-item',
        ref: null,
        deadlineId: null,
        deadlineDate: null,
        state: 'due',
        attempts: 0,
        sentAt: null,
      });
      // A second new item while the first push still waits: not another.
      expect(await store.addReminders([{ subscriberId: a.id, kind: 'adviser-new-item', dueAt: at(1) }], { coalesce: true })).toEqual([]);
      await setState(added[0]!.id, 'sent', NOW);
      expect(await store.addReminders([{ subscriberId: a.id, kind: 'adviser-new-item', dueAt: at(1) }], { coalesce: true })).toHaveLength(1);
      // Unknown or malformed subscribers are skipped.
      expect(
        await store.addReminders([
          { subscriberId: randomUUID(), kind: 'reply', dueAt: NOW },
          { subscriberId: 'x', kind: 'reply', dueAt: NOW },
        ]),
      ).toEqual([]);
    });

    it('getReminder only finds the subscriber’s own', async () => {
      const a = await subscribe();
      const b = await subscribe();
      const [reminder] = await store.addReminders([{ subscriberId: a.id, kind: 'reply', dueAt: NOW }]);
      expect(await store.getReminder(reminder!.id, a.id)).toEqual(reminder);
      expect(await store.getReminder(reminder!.id, b.id)).toBeNull();
      expect(await store.getReminder('nope', a.id)).toBeNull();
    });

    it('listRecentReminders gives the sent ones since a time, newest first', async () => {
      const s = await subscribe();
      const made = await store.addReminders([
        { subscriberId: s.id, kind: 'reply', dueAt: at(-20000) },
        deadline(s.id, at(-100)),
        { subscriberId: s.id, kind: 'journal', dueAt: at(-50) },
        { subscriberId: s.id, kind: 'reply', dueAt: at(-10) },
      ]);
      await setState(made[0]!.id, 'sent', at(-20000));
      await setState(made[1]!.id, 'sent', at(-100));
      await setState(made[2]!.id, 'sent', at(-50));
      await setState(made[3]!.id, 'failed');
      const recent = await store.listRecentReminders(s.id, at(-7 * 24 * 60));
      expect(recent.map((r) => r.id)).toEqual([made[2]!.id, made[1]!.id]);
      expect(recent[1]).toMatchObject({ kind: 'deadline', sentAt: at(-100), deadlineId: 'appeal', deadlineDate: '2030-02-01', ref: 'note1' });
    });
  });
});
