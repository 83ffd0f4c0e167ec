// One suite of store tests, run against both adapters: PGlite in memory, and a
// real PostgreSQL (TEST_DATABASE_URL, or a throwaway cluster from Debian's
// binaries; skipped with a message when neither is there).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlDriver } from '../../../src/server/store/driver';
import { ENVELOPE_PIECE_BYTES, ENVELOPE_PIECE_CHARS } from '../../../src/server/store/items';
import { migrate, MIGRATIONS } from '../../../src/server/store/migrations';
import { openStore } from '../../../src/server/store/open-store';
import { createSqlStore } from '../../../src/server/store/sql-store';
import type { Adviser, Connection, Direction, Item, ItemWithEnvelope, Store } from '../../../src/server/store/store';
import { emptyTables, openTestStore, SLOW, storeAdapters, type FreshDatabase } from '../../support/store-adapters';

const { adapters, stop } = await storeAdapters('store');
afterAll(stop, SLOW);

// Fixed clock for the tests: the store takes `now` from its callers.
const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();
const NOW = at(0);
const hash = (what: string): string => `${what}-${randomUUID()}`;

describe.each(adapters)('store on $name', (adapter) => {
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

  /** Stand-ins: the store keeps keys and signatures as given (the API checks them). */
  function keys(name: string) {
    return { signingKey: `sk-${name}`, device: { publicKey: `pk-${name}`, signature: `sig-${name}` } };
  }

  async function enrolledAdviser(name = 'Ada'): Promise<{ adviser: Adviser; deviceTokenHash: string }> {
    const enrolTokenHash = hash('enrol');
    await store.createAdviser({ name, org: 'Jobcentre North', enrolTokenHash, enrolExpiresAt: at(60) });
    const deviceTokenHash = hash('device');
    const adviser = await store.enrolAdviser({ enrolTokenHash, ...keys(name), deviceTokenHash, now: NOW });
    if (!adviser) throw new Error('enrol failed');
    return { adviser, deviceTokenHash };
  }

  async function connection(
    adviserId: string,
    options: { label?: string; now?: string } = {},
  ): Promise<{ connection: Connection; claimantTokenHash: string; codeHash: string }> {
    const codeHash = hash('code');
    const now = options.now ?? NOW;
    await store.createInvite({ codeHash, adviserId, label: options.label ?? 'J.S. housing', expiresAt: at(24 * 60) });
    const claimantTokenHash = hash('claimant');
    const made = await store.connect({ codeHash, connectionId: randomUUID(), claimantPublicKey: 'pk-claimant', claimantTokenHash, now });
    if (!made) throw new Error('connect failed');
    return { connection: made.connection, claimantTokenHash, codeHash };
  }

  function item(connectionId: string, direction: Direction, createdAt: string, envelope = `env-${randomUUID()}`): Omit<ItemWithEnvelope, 'seenAt'> {
    return { id: randomUUID(), connectionId, direction, envelope, size: envelope.length, createdAt };
  }

  /** An item as lists return it: without its envelope. */
  const meta = ({ envelope: _envelope, ...rest }: Omit<ItemWithEnvelope, 'seenAt'>) => rest;

  async function added(input: Omit<ItemWithEnvelope, 'seenAt'>): Promise<Item> {
    const result = await store.addItem(input);
    if (!('item' in result)) throw new Error(`unexpected ${JSON.stringify(result)}`);
    return result.item;
  }

  describe('advisers', () => {
    it('enrols once only, with the key and a device credential', async () => {
      const enrolTokenHash = hash('enrol');
      const created = await store.createAdviser({ name: 'Ada', org: 'Jobcentre North', enrolTokenHash, enrolExpiresAt: at(60) });
      expect(created).toMatchObject({ name: 'Ada', org: 'Jobcentre North', signingKey: null, devices: [] });
      expect(new Date(created.createdAt).toISOString()).toBe(created.createdAt);

      const deviceTokenHash = hash('device');
      const enrolled = await store.enrolAdviser({ enrolTokenHash, ...keys('ada'), deviceTokenHash, now: NOW });
      const credential = await store.findCredential(deviceTokenHash);
      expect(credential).toEqual({ kind: 'adviser', adviserId: created.id, deviceId: expect.any(String), lastSeenAt: NOW });
      const deviceId = credential?.kind === 'adviser' ? credential.deviceId : '';
      expect(enrolled).toEqual({
        ...created,
        signingKey: 'sk-ada',
        devices: [{ id: deviceId, publicKey: 'pk-ada', signature: 'sig-ada', createdAt: NOW }],
      });
      expect(await store.getAdviser(created.id)).toEqual(enrolled);
      expect(await store.listDevices(created.id)).toEqual(enrolled?.devices);

      const again = await store.enrolAdviser({ enrolTokenHash, ...keys('evil'), deviceTokenHash: hash('device'), now: at(1) });
      expect(again).toBeNull();
      expect(await store.getAdviser(created.id)).toEqual(enrolled);
    });

    it('refuses an expired or unknown enrolment token', async () => {
      const enrolTokenHash = hash('enrol');
      const created = await store.createAdviser({ name: 'Bo', org: 'Org', enrolTokenHash, enrolExpiresAt: at(60) });
      const deviceTokenHash = hash('device');
      expect(await store.enrolAdviser({ enrolTokenHash, ...keys('bo'), deviceTokenHash, now: at(60) })).toBeNull();
      expect(await store.enrolAdviser({ enrolTokenHash: hash('nope'), ...keys('bo'), deviceTokenHash, now: NOW })).toBeNull();
      expect(await store.findCredential(deviceTokenHash)).toBeNull();
      expect(await store.getAdviser(created.id)).toMatchObject({ signingKey: null, devices: [] });
    });

    it('finds no adviser for an unknown or malformed id', async () => {
      expect(await store.getAdviser(randomUUID())).toBeNull();
      expect(await store.getAdviser('not-a-uuid')).toBeNull();
      expect(await store.listDevices(randomUUID())).toEqual([]);
      expect(await store.listDevices('nope')).toEqual([]);
    });
  });

  describe('device requests (adding a computer)', () => {
    /** An adviser with an open device code (10 minutes from NOW). */
    async function withCode(name = 'Ada') {
      const { adviser, deviceTokenHash } = await enrolledAdviser(name);
      const codeHash = hash('device-code');
      const { id } = await store.createDeviceCode({ adviserId: adviser.id, codeHash, expiresAt: at(10), now: NOW });
      return { adviser, deviceTokenHash, codeHash, id };
    }
    const request = (codeHash: string, now = at(1), pollTokenHash = hash('poll')) =>
      store.requestDevice({ codeHash, publicKey: 'pk-new', pollTokenHash, expiresAt: new Date(Date.parse(now) + 10 * 60_000).toISOString(), now });

    it('the whole way: code → pending → approved → claimed, adding the device once', async () => {
      const { adviser, codeHash, id } = await withCode();
      const pollTokenHash = hash('poll');
      expect(await request(codeHash, at(1), pollTokenHash)).toEqual({ status: 'pending', id, expiresAt: at(11) });
      expect(await store.listPendingDevices(adviser.id, at(2))).toEqual([{ id, publicKey: 'pk-new', createdAt: NOW }]);
      expect(await store.getDeviceRequest(id, adviser.id, at(2))).toEqual({ id, publicKey: 'pk-new', state: 'pending', createdAt: NOW });
      expect(await store.claimDevice({ id, pollTokenHash, deviceTokenHash: hash('d'), now: at(2) })).toEqual({ status: 'pending' });

      expect(await store.approveDevice({ id, adviserId: adviser.id, signature: 'sig-new', expiresAt: at(13), now: at(3) })).toBe(true);
      expect(await store.listPendingDevices(adviser.id, at(3))).toEqual([]);
      expect(await store.approveDevice({ id, adviserId: adviser.id, signature: 'sig-other', expiresAt: at(14), now: at(4) })).toBe(false);

      const deviceTokenHash = hash('device-2');
      expect(await store.claimDevice({ id, pollTokenHash: hash('wrong'), deviceTokenHash, now: at(5) })).toEqual({ status: 'not_found' });
      const claimed = await store.claimDevice({ id, pollTokenHash, deviceTokenHash, now: at(5) });
      if (claimed.status !== 'claimed') throw new Error(`not claimed: ${claimed.status}`);
      expect(claimed.adviser.devices.map((d) => [d.publicKey, d.signature])).toEqual([
        ['pk-Ada', 'sig-Ada'],
        ['pk-new', 'sig-new'],
      ]);
      expect(claimed.adviser.devices[1]).toEqual({ id: claimed.deviceId, publicKey: 'pk-new', signature: 'sig-new', createdAt: at(5) });
      expect(await store.findCredential(deviceTokenHash)).toEqual({
        kind: 'adviser',
        adviserId: adviser.id,
        deviceId: claimed.deviceId,
        lastSeenAt: expect.any(String),
      });
      expect(await store.listDevices(adviser.id)).toEqual(claimed.adviser.devices);
      expect(await store.getAdviser(adviser.id)).toEqual(claimed.adviser);

      // Claim once: the second claim is gone and adds nothing.
      const second = hash('device-3');
      expect(await store.claimDevice({ id, pollTokenHash, deviceTokenHash: second, now: at(6) })).toEqual({ status: 'gone' });
      expect(await store.findCredential(second)).toBeNull();
      expect(await store.listDevices(adviser.id)).toHaveLength(2);
      expect(await store.refuseDevice({ id, adviserId: adviser.id, now: at(7) })).toBe('gone');
    });

    it('a code is single use, also under concurrency; a second use while the first waits makes both fail (contested)', async () => {
      const { codeHash } = await withCode();
      const other = createSqlStore(await database.open());
      const attempt = (s: Store) => s.requestDevice({ codeHash, publicKey: 'pk-x', pollTokenHash: hash('poll'), expiresAt: at(11), now: at(1) });
      const results = await Promise.all([attempt(store), attempt(other), attempt(store), attempt(other)]);
      await other.close();
      expect(results.filter((r) => r.status === 'pending')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'contested')).toHaveLength(3);
      expect(await request(codeHash, at(2))).toEqual({ status: 'contested' });
      expect(await request(hash('unknown'))).toEqual({ status: 'not_found' });
    });

    it('a code expires after its 10 minutes; so do requests and approvals not acted on', async () => {
      const { adviser, codeHash } = await withCode();
      expect(await request(codeHash, at(10))).toEqual({ status: 'gone' });

      // Requested at 1: the adviser has until 11 to approve.
      const late = await withCode('Bo');
      const pollTokenHash = hash('poll');
      const made = await request(late.codeHash, at(1), pollTokenHash);
      expect(made.status).toBe('pending');
      expect(await store.listPendingDevices(late.adviser.id, at(11))).toEqual([]);
      expect((await store.getDeviceRequest(late.id, late.adviser.id, at(11)))?.state).toBe('expired');
      expect(await store.approveDevice({ id: late.id, adviserId: late.adviser.id, signature: 's', expiresAt: at(21), now: at(11) })).toBe(false);
      expect(await store.claimDevice({ id: late.id, pollTokenHash, deviceTokenHash: hash('d'), now: at(11) })).toEqual({ status: 'gone' });

      // Approved at 5: the claim has until 15.
      const third = await withCode('Cy');
      const poll3 = hash('poll');
      await request(third.codeHash, at(1), poll3);
      expect(await store.approveDevice({ id: third.id, adviserId: third.adviser.id, signature: 's', expiresAt: at(15), now: at(5) })).toBe(true);
      const device = hash('d');
      expect(await store.claimDevice({ id: third.id, pollTokenHash: poll3, deviceTokenHash: device, now: at(15) })).toEqual({ status: 'gone' });
      expect(await store.findCredential(device)).toBeNull();
      expect(await store.listDevices(adviser.id)).toHaveLength(1);
    });

    it('another adviser cannot see, approve or refuse the request', async () => {
      const { adviser, codeHash, id } = await withCode('Ada');
      const { adviser: bo } = await enrolledAdviser('Bo');
      await request(codeHash);
      expect(await store.listPendingDevices(bo.id, at(2))).toEqual([]);
      expect(await store.getDeviceRequest(id, bo.id, at(2))).toBeNull();
      expect(await store.approveDevice({ id, adviserId: bo.id, signature: 's', expiresAt: at(12), now: at(2) })).toBe(false);
      expect(await store.refuseDevice({ id, adviserId: bo.id, now: at(2) })).toBe('not_found');
      expect((await store.getDeviceRequest(id, adviser.id, at(2)))?.state).toBe('pending');
      expect(await store.getDeviceRequest('nope', adviser.id, at(2))).toBeNull();
      expect(await store.approveDevice({ id: 'nope', adviserId: adviser.id, signature: 's', expiresAt: at(12), now: at(2) })).toBe(false);
      expect(await store.refuseDevice({ id: randomUUID(), adviserId: adviser.id, now: at(2) })).toBe('not_found');
      expect(await store.claimDevice({ id: 'nope', pollTokenHash: hash('p'), deviceTokenHash: hash('d'), now: at(2) })).toEqual({ status: 'not_found' });
    });

    it('a refused request cannot be approved or claimed, and forgets the key', async () => {
      const { adviser, codeHash, id } = await withCode();
      const pollTokenHash = hash('poll');
      await request(codeHash, at(1), pollTokenHash);
      expect(await store.approveDevice({ id, adviserId: adviser.id, signature: 's', expiresAt: at(12), now: at(2) })).toBe(true);
      // Refusing after approval but before the claim still stops it.
      expect(await store.refuseDevice({ id, adviserId: adviser.id, now: at(3) })).toBe('refused');
      expect(await store.refuseDevice({ id, adviserId: adviser.id, now: at(3) })).toBe('refused');
      expect(await store.approveDevice({ id, adviserId: adviser.id, signature: 's', expiresAt: at(12), now: at(4) })).toBe(false);
      expect(await store.claimDevice({ id, pollTokenHash, deviceTokenHash: hash('d'), now: at(4) })).toEqual({ status: 'gone' });
      expect(await store.getDeviceRequest(id, adviser.id, at(4))).toMatchObject({ state: 'refused', publicKey: null });
      expect(await store.listDevices(adviser.id)).toHaveLength(1);
    });

    it('claims at once: exactly one wins', async () => {
      const { adviser, codeHash, id } = await withCode();
      const pollTokenHash = hash('poll');
      await request(codeHash, at(1), pollTokenHash);
      await store.approveDevice({ id, adviserId: adviser.id, signature: 's', expiresAt: at(12), now: at(2) });
      const other = createSqlStore(await database.open());
      const attempt = (s: Store) => s.claimDevice({ id, pollTokenHash, deviceTokenHash: hash('d'), now: at(3) });
      const results = await Promise.all([attempt(store), attempt(other), attempt(store), attempt(other)]);
      await other.close();
      expect(results.filter((r) => r.status === 'claimed')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'gone')).toHaveLength(3);
      expect(await store.listDevices(adviser.id)).toHaveLength(2);
    });
  });

  describe('credentials', () => {
    it('resolve to the right owner, and a claimant one stops working after stopConnection', async () => {
      const ada = await enrolledAdviser('Ada');
      const bo = await enrolledAdviser('Bo');
      const adaClient = await connection(ada.adviser.id);
      const boClient = await connection(bo.adviser.id);

      expect(await store.findCredential(ada.deviceTokenHash)).toMatchObject({ kind: 'adviser', adviserId: ada.adviser.id });
      expect(await store.findCredential(bo.deviceTokenHash)).toMatchObject({ kind: 'adviser', adviserId: bo.adviser.id });
      expect(await store.findCredential(adaClient.claimantTokenHash)).toEqual({
        kind: 'claimant',
        connectionId: adaClient.connection.id,
        adviserId: ada.adviser.id,
      });
      expect(await store.findCredential(boClient.claimantTokenHash)).toEqual({ kind: 'claimant', connectionId: boClient.connection.id, adviserId: bo.adviser.id });
      expect(await store.findCredential(hash('unknown'))).toBeNull();

      await store.stopConnection(adaClient.connection.id, at(5));
      expect(await store.findCredential(adaClient.claimantTokenHash)).toBeNull();
      expect(await store.findCredential(boClient.claimantTokenHash)).toEqual({ kind: 'claimant', connectionId: boClient.connection.id, adviserId: bo.adviser.id });
      expect(await store.findCredential(ada.deviceTokenHash)).toMatchObject({ kind: 'adviser', adviserId: ada.adviser.id });
    });
  });

  describe('invites', () => {
    it('describe their state and make a connection once', async () => {
      const { adviser } = await enrolledAdviser();
      const codeHash = hash('code');
      await store.createInvite({ codeHash, adviserId: adviser.id, label: 'J.S. housing', expiresAt: at(60) });
      expect(await store.findInvite(codeHash, NOW)).toEqual({ adviser, label: 'J.S. housing', expiresAt: at(60), state: 'open' });

      const connectionId = randomUUID();
      const made = await store.connect({ codeHash, connectionId, claimantPublicKey: 'pk-c', claimantTokenHash: hash('c'), now: at(1) });
      expect(made).toEqual({
        adviser,
        connection: {
          id: connectionId,
          adviserId: adviser.id,
          label: 'J.S. housing',
          sealedLabel: null,
          claimantPublicKey: 'pk-c',
          createdAt: at(1),
          stoppedAt: null,
        },
      });
      expect(await store.getConnection(connectionId)).toEqual(made?.connection);
      expect((await store.findInvite(codeHash, at(2)))?.state).toBe('used');
      expect(await store.connect({ codeHash, connectionId: randomUUID(), claimantPublicKey: 'pk', claimantTokenHash: hash('c'), now: at(2) })).toBeNull();
    });

    it('are single use under concurrency: exactly one connect wins', async () => {
      const { adviser } = await enrolledAdviser();
      const codeHash = hash('code');
      await store.createInvite({ codeHash, adviserId: adviser.id, label: 'race', expiresAt: at(60) });
      // A second driver on the same database, so that on Postgres the two
      // attempts really run on different connections.
      const other = createSqlStore(await database.open());
      const attempt = (s: Store) => s.connect({ codeHash, connectionId: randomUUID(), claimantPublicKey: 'pk', claimantTokenHash: hash('c'), now: at(1) });
      const results = await Promise.all([attempt(store), attempt(other), attempt(store), attempt(other)]);
      await other.close();
      const winners = results.filter((result) => result !== null);
      expect(winners).toHaveLength(1);
      const all = await store.listConnections(adviser.id);
      expect(all.map((c) => c.id)).toEqual([winners[0]?.connection.id]);
    });

    it('cannot be used once expired, and unknown codes find nothing', async () => {
      const { adviser } = await enrolledAdviser();
      const codeHash = hash('code');
      await store.createInvite({ codeHash, adviserId: adviser.id, label: 'late', expiresAt: at(10) });
      expect((await store.findInvite(codeHash, at(9)))?.state).toBe('open');
      expect((await store.findInvite(codeHash, at(10)))?.state).toBe('expired');
      expect(await store.connect({ codeHash, connectionId: randomUUID(), claimantPublicKey: 'pk', claimantTokenHash: hash('c'), now: at(10) })).toBeNull();
      expect(await store.listConnections(adviser.id)).toEqual([]);
      expect(await store.findInvite(hash('nope'), NOW)).toBeNull();
      expect(
        await store.connect({ codeHash: hash('nope'), connectionId: randomUUID(), claimantPublicKey: 'pk', claimantTokenHash: hash('c'), now: NOW }),
      ).toBeNull();
    });
  });

  describe('items', () => {
    it('addItem is idempotent, and a different item under the same id is a conflict', async () => {
      const { adviser } = await enrolledAdviser();
      const { connection: c } = await connection(adviser.id);
      const { connection: d } = await connection(adviser.id);
      const first = item(c.id, 'to-adviser', at(1), 'ciphertext-1');

      const a = await store.addItem(first);
      expect(a).toEqual({ created: true, item: { ...meta(first), seenAt: null } });
      const b = await store.addItem({ ...first, createdAt: at(2) });
      expect(b).toEqual({ created: false, item: { ...meta(first), seenAt: null } });
      expect(await store.listItems(c.id, 'to-adviser')).toHaveLength(1);

      expect(await store.addItem({ ...first, envelope: 'ciphertext-2' })).toEqual({ conflict: true });
      expect(await store.addItem({ ...first, direction: 'to-claimant' })).toEqual({ conflict: true });
      expect(await store.addItem({ ...first, connectionId: d.id })).toEqual({ conflict: true });
      expect(await store.getItem(first.id)).toEqual({ ...meta(first), seenAt: null });
      expect(await store.getEnvelope(first.id)).toEqual({ ...first, seenAt: null });
      expect(await store.listItems(d.id, 'to-adviser')).toEqual([]);
    });

    it('listItems is newest first and by direction; getItem finds one', async () => {
      const { adviser } = await enrolledAdviser();
      const { connection: c } = await connection(adviser.id);
      const older = await added(item(c.id, 'to-claimant', at(1)));
      const newer = await added(item(c.id, 'to-claimant', at(3)));
      const middle = await added(item(c.id, 'to-claimant', at(2)));
      const other = await added(item(c.id, 'to-adviser', at(4)));
      expect((await store.listItems(c.id, 'to-claimant')).map((i) => i.id)).toEqual([newer.id, middle.id, older.id]);
      expect((await store.listItems(c.id, 'to-adviser')).map((i) => i.id)).toEqual([other.id]);
      expect(await store.getItem(middle.id)).toEqual(middle);
      expect(await store.getItem(randomUUID())).toBeNull();
      expect(await store.getItem('nope')).toBeNull();
      expect(await store.listItems('nope', 'to-adviser')).toEqual([]);
    });

    it('gives an envelope back as the text sent, in pieces of at most 64 Ki characters (all full but the last), at every length around the edge of a piece', async () => {
      const { adviser } = await enrolledAdviser();
      const { connection: c } = await connection(adviser.id);
      const P = ENVELOPE_PIECE_BYTES;
      for (const bytes of [1, 2, 3, P - 1, P, P + 1, 2 * P + 2, 100 * 1024]) {
        const text = randomBytes(bytes).toString('base64url');
        const sent = await added({ ...item(c.id, 'to-adviser', at(1), text), size: bytes });
        const got = await store.getEnvelopePieces(sent);
        expect(got, `${bytes} bytes`).toMatchObject({ ...sent, seenAt: null });
        const pieces = got!.envelopePieces;
        expect(pieces.length, `${bytes} bytes`).toBe(Math.ceil(bytes / P));
        for (const piece of pieces.slice(0, -1)) expect(piece.length).toBe(ENVELOPE_PIECE_CHARS);
        expect(pieces.at(-1)!.length).toBeLessThanOrEqual(ENVELOPE_PIECE_CHARS);
        expect(pieces.join(''), `${bytes} bytes`).toBe(text);
        expect((await store.getEnvelope(sent.id))?.envelope).toBe(text);
      }
      const last = (await store.listItems(c.id, 'to-adviser'))[0]!;
      expect(await store.getEnvelopePieces({ ...last, id: randomUUID() })).toBeNull();
      expect(await store.getEnvelopePieces({ ...last, id: 'nope' })).toBeNull();
      // Only that item's: not under its id on another connection or in the other direction.
      expect(await store.getEnvelopePieces({ ...last, connectionId: randomUUID() })).toBeNull();
      expect(await store.getEnvelopePieces({ ...last, direction: 'to-claimant' })).toBeNull();
      expect(await store.getEnvelopePieces(last)).not.toBeNull();
    });

    it('markSeen sets seenAt once and keeps the first time', async () => {
      const { adviser } = await enrolledAdviser();
      const { connection: c } = await connection(adviser.id);
      const sent = await added(item(c.id, 'to-adviser', at(1)));
      expect(await store.markSeen(sent.id, at(2))).toEqual({ ...sent, seenAt: at(2) });
      expect(await store.markSeen(sent.id, at(3))).toEqual({ ...sent, seenAt: at(2) });
      expect((await store.getItem(sent.id))?.seenAt).toBe(at(2));
      expect(await store.markSeen(randomUUID(), at(3))).toBeNull();
      expect(await store.markSeen('nope', at(3))).toBeNull();
    });

    it('deleteExpired removes items seen long ago and any item that is too old, and counts them', async () => {
      const { adviser } = await enrolledAdviser();
      const { connection: c } = await connection(adviser.id);
      const seenOld = await added(item(c.id, 'to-adviser', at(10)));
      const seenRecent = await added(item(c.id, 'to-adviser', at(10)));
      const unseenTooOld = await added(item(c.id, 'to-claimant', at(1)));
      const unseenRecent = await added(item(c.id, 'to-claimant', at(10)));
      await store.markSeen(seenOld.id, at(11));
      await store.markSeen(seenRecent.id, at(30));

      expect(await store.deleteExpired({ seenBefore: at(20), createdBefore: at(5) })).toBe(2);
      expect(await store.getItem(seenOld.id)).toBeNull();
      expect(await store.getItem(unseenTooOld.id)).toBeNull();
      expect(await store.getItem(seenRecent.id)).not.toBeNull();
      expect(await store.getItem(unseenRecent.id)).not.toBeNull();
      expect(await store.deleteExpired({ seenBefore: at(20), createdBefore: at(5) })).toBe(0);
    });
  });

  describe('connections', () => {
    it('listConnections is newest first, with the last to-adviser item and the unseen count', async () => {
      const { adviser } = await enrolledAdviser('Ada');
      const { adviser: bo } = await enrolledAdviser('Bo');
      const { connection: first } = await connection(adviser.id, { label: 'first', now: at(1) });
      const { connection: second } = await connection(adviser.id, { label: 'second', now: at(2) });
      const { connection: third } = await connection(adviser.id, { label: 'third', now: at(3) });
      await connection(bo.id, { label: 'not ours', now: at(4) });

      const read = await added(item(first.id, 'to-adviser', at(10)));
      await added(item(first.id, 'to-adviser', at(11)));
      await added(item(first.id, 'to-adviser', at(12)));
      await added(item(first.id, 'to-claimant', at(20)));
      await added(item(third.id, 'to-claimant', at(21)));
      await store.markSeen(read.id, at(13));

      const list = await store.listConnections(adviser.id);
      expect(list.map((c) => c.label)).toEqual(['third', 'second', 'first']);
      expect(list[0]).toEqual({ ...third, lastItemAt: null, unseen: 0 });
      expect(list[1]).toEqual({ ...second, lastItemAt: null, unseen: 0 });
      expect(list[2]).toEqual({ ...first, lastItemAt: at(12), unseen: 2 });

      const items = await store.listItems(first.id, 'to-adviser');
      for (const i of items) await store.markSeen(i.id, at(30));
      expect((await store.listConnections(adviser.id))[2]).toMatchObject({ lastItemAt: at(12), unseen: 0 });
      expect(await store.listConnections(randomUUID())).toEqual([]);
    });

    it('stopConnection leaves no items, no label, no keys and no token', async () => {
      const { adviser } = await enrolledAdviser();
      const { connection: c, claimantTokenHash, codeHash } = await connection(adviser.id, { label: 'J.S. housing' });
      const { connection: kept } = await connection(adviser.id, { label: 'kept' });
      const toAdviser = await added(item(c.id, 'to-adviser', at(1)));
      const toClaimant = await added(item(c.id, 'to-claimant', at(2)));
      const keptItem = await added(item(kept.id, 'to-adviser', at(3)));

      await store.stopConnection(c.id, at(5));
      expect(await store.listItems(c.id, 'to-adviser')).toEqual([]);
      expect(await store.listItems(c.id, 'to-claimant')).toEqual([]);
      expect(await store.getItem(toAdviser.id)).toBeNull();
      expect(await store.getItem(toClaimant.id)).toBeNull();
      expect(await store.getConnection(c.id)).toEqual({ ...c, label: '', claimantPublicKey: '', stoppedAt: at(5) });
      expect(await store.findCredential(claimantTokenHash)).toBeNull();

      // Straight from the tables: nothing of it is left anywhere.
      expect(await driver.query('SELECT id FROM items WHERE connection_id = $1', [c.id])).toEqual([]);
      expect(await driver.query('SELECT claimant_token_hash FROM connections WHERE id = $1', [c.id])).toEqual([{ claimant_token_hash: null }]);
      const labels = await driver.query<{ label: string }>('SELECT label FROM invites WHERE code_hash = $1', [codeHash]);
      expect(labels.map((row) => row.label)).not.toContain('J.S. housing');

      // Stopping twice keeps the first time; new items are refused.
      await store.stopConnection(c.id, at(9));
      expect((await store.getConnection(c.id))?.stoppedAt).toBe(at(5));
      expect(await store.addItem(item(c.id, 'to-adviser', at(10)))).toEqual({ stopped: true });
      expect(await store.listItems(c.id, 'to-adviser')).toEqual([]);

      // The other connection is untouched.
      expect(await store.getItem(keptItem.id)).toEqual(keptItem);
      expect((await store.getConnection(kept.id))?.label).toBe('kept');
    });

    it('getConnection finds nothing for unknown or malformed ids', async () => {
      expect(await store.getConnection(randomUUID())).toBeNull();
      expect(await store.getConnection('x')).toBeNull();
    });
  });

  describe('migrations', () => {
    it('migrate twice is harmless and keeps the data', async () => {
      const { adviser } = await enrolledAdviser();
      await store.migrate();
      await store.migrate();
      expect(await store.getAdviser(adviser.id)).toEqual(adviser);
      const versions = await driver.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(versions.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it(
      'migration 2 keeps advisers enrolled with one unsigned key, without keys (they enrol again)',
      async () => {
        const fresh = await adapter.fresh();
        try {
          const db = await fresh.open();
          await migrate(
            db,
            MIGRATIONS.filter((m) => m.version === 1),
          );
          const id = randomUUID();
          await db.query(
            `INSERT INTO advisers (id, name, org, public_key, enrol_token_hash, enrol_expires_at, enrolled_at) VALUES ($1, 'Old', 'Org', 'pk-old', 'h', now(), now())`,
            [id],
          );
          await db.query(`INSERT INTO adviser_devices (id, adviser_id, token_hash) VALUES ($1, $2, 'old-device')`, [randomUUID(), id]);
          const upgraded = createSqlStore(db);
          await upgraded.migrate();
          expect(await upgraded.getAdviser(id)).toMatchObject({ name: 'Old', signingKey: null, devices: [] });
          expect(await upgraded.findCredential('old-device')).toMatchObject({ kind: 'adviser', adviserId: id });
          await db.close();
        } finally {
          await fresh.drop();
        }
      },
      SLOW,
    );

    it(
      'two processes migrating a new database at once both succeed',
      async () => {
        const fresh = await adapter.fresh();
        try {
          const a = createSqlStore(await fresh.open());
          const b = createSqlStore(await fresh.open());
          await Promise.all([a.migrate(), b.migrate()]);
          const check = await fresh.open();
          const versions = await check.query<{ version: number }>('SELECT version FROM schema_migrations');
          expect(versions).toHaveLength(MIGRATIONS.length);
          await Promise.all([a.close(), b.close(), check.close()]);
        } finally {
          await fresh.drop();
        }
      },
      SLOW,
    );
  });
});

if (!adapters.some((adapter) => adapter.name === 'postgres')) {
  describe.skip('store on postgres (PostgreSQL not found: skipped the Postgres store tests)', () => {
    it('runs the store suite', () => {});
  });
}

describe('PGlite on disk', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'creates the data directory and keeps the data when reopened',
    async () => {
      const base = mkdtempSync(join(tmpdir(), 'uc-pglite-'));
      dirs.push(base);
      const dataDir = join(base, 'nested', 'data');

      let store = await openStore({ dataDir });
      expect(existsSync(dataDir)).toBe(true);
      const enrolTokenHash = hash('enrol');
      const adviser = await store.createAdviser({ name: 'Ada', org: 'Org', enrolTokenHash, enrolExpiresAt: at(60) });
      const codeHash = hash('code');
      await store.createInvite({ codeHash, adviserId: adviser.id, label: 'disk', expiresAt: at(60) });
      const made = await store.connect({ codeHash, connectionId: randomUUID(), claimantPublicKey: 'pk', claimantTokenHash: hash('c'), now: NOW });
      if (!made) throw new Error('connect failed');
      const sent = {
        id: randomUUID(),
        connectionId: made.connection.id,
        direction: 'to-adviser' as const,
        envelope: Buffer.from('ciphertext').toString('base64url'),
        size: 10,
        createdAt: at(1),
      };
      await store.addItem(sent);
      await store.close();

      store = await openStore({ dataDir });
      try {
        expect(await store.getAdviser(adviser.id)).toEqual(adviser);
        expect(await store.getConnection(made.connection.id)).toEqual(made.connection);
        expect(await store.getEnvelope(sent.id)).toEqual({ ...sent, seenAt: null });
      } finally {
        await store.close();
      }
    },
    SLOW,
  );
});
