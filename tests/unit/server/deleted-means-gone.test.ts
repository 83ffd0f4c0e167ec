// Issue 12, point 7: deleted means gone. Stopping sharing and retention
// delete rows; the retention pass purges expired invites, old device codes
// and finished reminders, and on the embedded store (PGlite) reclaims the
// space so that no file of the data folder (table files and write-ahead log)
// still holds a deleted label or envelope. On PostgreSQL the rows are gone.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRetention } from '../../../src/server/retention';
import { openStore } from '../../../src/server/store/open-store';
import type { SqlDriver } from '../../../src/server/store/driver';
import type { Store } from '../../../src/server/store/store';
import { emptyTables, openTestStore, SLOW, storeAdapters, type TestStore } from '../../support/store-adapters';

const { adapters, stop } = await storeAdapters('deleted-means-gone');
afterAll(stop, SLOW);

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2030-03-01T09:00:00Z');
const at = (days: number) => new Date(T0 + days * DAY).toISOString();
const RETENTION = { retentionSeenDays: 30, retentionMaxDays: 90, deviceIdleDays: 90 };
const hash = (what: string) => `${what}-${randomUUID()}`;

function allFiles(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [{ path, bytes: readFileSync(path) }];
  });
}
const filesWith = (dir: string, marker: string | Buffer) =>
  allFiles(dir)
    .filter((file) => file.bytes.includes(marker))
    .map((file) => file.path);

/** An adviser with a computer, a connection made from an invite labelled `label`, and an item whose envelope is `envelope`. */
async function sharedItem(store: Store, label: string, envelope: string) {
  const enrolTokenHash = hash('enrol');
  await store.createAdviser({ name: 'Sam', org: 'Advice', enrolTokenHash, enrolExpiresAt: at(7) });
  const adviser = await store.enrolAdviser({
    enrolTokenHash,
    signingKey: 'sk',
    device: { publicKey: 'pk', signature: 'sig' },
    deviceTokenHash: hash('device'),
    now: at(0),
  });
  if (!adviser) throw new Error('enrol failed');
  const codeHash = hash('code');
  // A plaintext label, as apps from before sealed labels sent them: the hardest case.
  await store.createInvite({ codeHash, adviserId: adviser.id, label, sealedLabel: Buffer.from(label).toString('base64url'), expiresAt: at(7) });
  const made = await store.connect({ codeHash, connectionId: randomUUID(), claimantPublicKey: 'claimant-pk', claimantTokenHash: hash('c'), now: at(0) });
  if (!made) throw new Error('connect failed');
  const itemId = randomUUID();
  await store.addItem({ id: itemId, connectionId: made.connection.id, direction: 'to-adviser', envelope, size: envelope.length, createdAt: at(0) });
  return { adviser, connection: made.connection, itemId };
}

describe('deleted means gone on the embedded store (PGlite on disk)', () => {
  it(
    'a marker label and envelope are in no file of the data folder (WAL included) after stop sharing and retention',
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'uc-gone-'));
      const dataDir = join(root, 'data');
      const LABEL = `LABELMARKER${randomUUID().replaceAll('-', '')}`;
      const ENVELOPE = `ENVELOPEMARKER${randomUUID().replaceAll('-', '')}`.repeat(200);
      // The store keeps the bytes the base64url text encodes: look for those.
      const envelopeMarker = Buffer.from(ENVELOPE.slice(0, 44), 'base64url');
      try {
        const store = await openStore({ dataDir });
        const { connection } = await sharedItem(store, LABEL, ENVELOPE);
        // Control: the markers did reach the folder's files.
        expect(filesWith(dataDir, LABEL).length, 'label on disk before').toBeGreaterThan(0);
        expect(filesWith(dataDir, envelopeMarker).length, 'envelope on disk before').toBeGreaterThan(0);

        await store.stopConnection(connection.id, at(1));
        await runRetention(store, RETENTION, new Date(at(1)));
        await store.close();

        expect(filesWith(dataDir, LABEL)).toEqual([]);
        expect(filesWith(dataDir, envelopeMarker)).toEqual([]);
        expect(filesWith(dataDir, Buffer.from(LABEL).toString('base64url').slice(0, 20))).toEqual([]);

        // The stopped marker is still there for the adviser, with nothing in it.
        const reopened = await openStore({ dataDir });
        try {
          expect(await reopened.getConnection(connection.id)).toMatchObject({ label: '', sealedLabel: null, claimantPublicKey: '' });
        } finally {
          await reopened.close();
        }
      } finally {
        rmSync(root, { recursive: true, force: true });
        rmSync(`${dataDir}.lock`, { force: true });
      }
    },
    SLOW,
  );
});

describe.each(adapters)('retention purges on $name', (adapter) => {
  let test: TestStore;
  let store: Store;
  let driver: SqlDriver;

  beforeEach(async () => {
    if (!test) ({ store, driver } = test = await openTestStore(adapter));
    await emptyTables(test.driver);
  }, SLOW);
  afterAll(() => test?.close(), SLOW);

  it('stop sharing then retention: no row holds the label or the envelope any more', async () => {
    const LABEL = `label-${randomUUID()}`;
    const ENVELOPE = Buffer.from(`envelope-${randomUUID()}`).toString('base64url');
    const { connection, itemId } = await sharedItem(store, LABEL, ENVELOPE);
    await store.stopConnection(connection.id, at(1));
    await runRetention(store, RETENTION, new Date(at(1)));
    const count = async (sql: string, params: unknown[]) => Number((await driver.query<{ n: number }>(sql, params))[0]?.n);
    expect(await count(`SELECT count(*)::int AS n FROM items WHERE id = $1 OR envelope = $2`, [itemId, Buffer.from(ENVELOPE, 'base64url')])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM connections WHERE label = $1 OR sealed_label IS NOT NULL`, [LABEL])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM invites WHERE label = $1 OR sealed_label IS NOT NULL`, [LABEL])).toBe(0);
  });

  it('purges invites expired over a week ago, device codes over a day old, reminders sent or failed over 8 days ago, and unused computers', async () => {
    const { adviser } = await sharedItem(store, 'label', 'envelope');
    const fresh = hash('fresh');
    const old = hash('old');
    await store.createInvite({ codeHash: fresh, adviserId: adviser.id, label: '', expiresAt: at(11) });
    await store.createInvite({ codeHash: old, adviserId: adviser.id, label: '', expiresAt: at(2) });
    await store.createDeviceCode({ adviserId: adviser.id, codeHash: hash('dc-old'), expiresAt: at(0), now: at(0) });
    await store.createDeviceCode({ adviserId: adviser.id, codeHash: hash('dc-new'), expiresAt: at(10), now: at(9.5) });
    const subscriber = await store.createSubscriber({
      tokenHash: hash('s'),
      endpoint: `https://push.example.org/${randomUUID()}`,
      p256dh: 'p',
      auth: 'a',
      now: at(0),
    });
    const [sentOld, sentNew, failedOld, due] = await store.addReminders([
      { subscriberId: subscriber.id, kind: 'reply', dueAt: at(0) },
      { subscriberId: subscriber.id, kind: 'journal', dueAt: at(5) },
      { subscriberId: subscriber.id, kind: 'adviser-new-item', dueAt: at(0) },
      { subscriberId: subscriber.id, kind: 'adviser-stopped', dueAt: at(0) },
    ]);
    await driver.query(`UPDATE reminders SET state = 'sent', sent_at = due_at WHERE id = $1 OR id = $2`, [sentOld!.id, sentNew!.id]);
    await driver.query(`UPDATE reminders SET state = 'failed' WHERE id = $1`, [failedOld!.id]);

    const result = await runRetention(store, RETENTION, new Date(at(10)));
    expect(result).toMatchObject({ invites: 1, deviceRequests: 1, reminders: 2, devices: 0 });
    expect(await store.findInvite(old, at(10))).toBeNull();
    expect((await store.findInvite(fresh, at(10)))?.state).toBe('open');
    const left = (await store.listReminders(subscriber.id)).map((r) => r.id).sort();
    expect(left).toEqual([sentNew!.id, due!.id].sort());
    expect(await count(driver, 'device_requests')).toBe(1);

    // 100 days on, the computer (never used since day 0) goes too.
    expect((await runRetention(store, RETENTION, new Date(at(100)))).devices).toBe(1);
    expect(await store.listComputers(adviser.id)).toEqual([]);
  });
});

async function count(driver: SqlDriver, table: string): Promise<number> {
  return Number((await driver.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n);
}
