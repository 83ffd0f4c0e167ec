// The hostile operator (issue 12, point 1 "done when"): a real relay on
// 127.0.0.1 whose database the test writes to directly, as an operator or
// anyone with the database could. Both apps run as their services (no
// screens): the claimant's connect and outbox on fake-indexeddb, the
// adviser's pinning and item checks. The operator swaps the claimant's key,
// injects an item, replays an item into another connection and under another
// id, injects a reply and replays one, lists a device key of its own, and
// hands a new computer a signing key of its own. Each is refused; the genuine
// item and reply still open. (tests/browser/forward-e2e.test.ts checks that
// the screens show the refusal message.)
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addAdviser, startRelay, type Relay } from '../../support/relay-api';
import { openTestStore, PGLITE, SLOW, type TestStore } from '../../support/store-adapters';
import type { ItemWithEnvelope } from '../../../src/shared/protocol/api-types';

globalThis.indexedDB = new IDBFactory();
vi.spyOn(console, 'warn').mockImplementation(() => undefined);

const { relay } = await import('../../../src/client/services/api-client');
const crypto = await import('../../../src/client/services/crypto');
const { checkInvite, connectWithConsent, claimantSafetyCode } = await import('../../../src/client/services/connect');
const outbox = await import('../../../src/client/services/outbox');
const { flushOutbox } = await import('../../../src/client/services/outbox-flush');
const { refreshStatus } = await import('../../../src/client/services/outbox-status');
const claimantDb = await import('../../../src/client/data/claimant-db');
const { checkClaimantKey, compareClaimantSafetyCode, memoryPins } = await import('../../../src/client/services/claimant-pin');
const { openClientItem, sealReply } = await import('../../../src/client/services/adviser-items');
const { claimComputer, requestToJoin } = await import('../../../src/client/services/add-computer');

let db: TestStore;
let server: Relay;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  db = await openTestStore(PGLITE);
  server = await startRelay(db.store);
  // The apps call the relay on their own origin: here, the test relay.
  globalThis.fetch = ((input: string, init?: RequestInit) => realFetch(server.base + input, init)) as typeof fetch;
  // Starting PGlite takes a while on a busy machine.
}, 120_000);
afterAll(async () => {
  globalThis.fetch = realFetch;
  await server?.close();
  await db?.close();
});

/** The adviser's first computer: a signing key, its own HPKE key, enrolled on the relay. */
async function enrolAdviser() {
  const signing = await crypto.generateSigningKeyPair();
  const computer = await crypto.generateKeyPair();
  const token = await addAdviser(db.store, Date.now());
  const enrolled = await relay.enrol({
    token,
    signingKey: signing.publicKey,
    device: { publicKey: computer.publicKey, signature: await crypto.signDeviceKey(signing.privateKey, computer.publicKey) },
  });
  return { signing, computer, deviceToken: enrolled.deviceToken, adviserId: enrolled.adviserId, safetyCode: await crypto.fingerprint(signing.publicKey) };
}

const payload = (text: string) => ({ kind: 'text' as const, text, sentAt: new Date().toISOString() });

async function injectItem(connectionId: string, direction: 'to-adviser' | 'to-claimant', envelope: string, id: string = randomUUID()): Promise<string> {
  // As the store keeps an envelope: the bytes of its base64url text (migration 11).
  const bytes = Buffer.from(envelope, 'base64url');
  await db.driver.query(`INSERT INTO items (id, connection_id, direction, envelope, size, created_at) VALUES ($1, $2, $3, $4, $5, now())`, [
    id,
    connectionId,
    direction,
    bytes,
    bytes.length,
  ]);
  return id;
}

describe('a hostile relay operator', () => {
  it(
    'cannot swap keys, inject, move or replay items or replies: both apps refuse each one',
    async () => {
      const adviser = await enrolAdviser();
      const pins = memoryPins();

      // A typed invite code. The operator first swaps in a signing key of its
      // own (with a device key it signed): the claimant types the safety code
      // the adviser reads out, so the phone does not connect.
      const trap = (await relay.createInvite(adviser.deviceToken, { sealedLabel: Buffer.from('trap').toString('base64url') })).code;
      const relaySigning = await crypto.generateSigningKeyPair();
      const relayDevice = await crypto.generateKeyPair();
      const relayDeviceRow = randomUUID();
      await db.driver.query(`UPDATE advisers SET signing_key = $1 WHERE id = $2`, [relaySigning.publicKey, adviser.adviserId]);
      await db.driver.query(`INSERT INTO adviser_devices (id, adviser_id, token_hash, public_key, signature) VALUES ($1, $2, $3, $4, $5)`, [
        relayDeviceRow,
        adviser.adviserId,
        `relay-${relayDeviceRow}`,
        relayDevice.publicKey,
        await crypto.signDeviceKey(relaySigning.privateKey, relayDevice.publicKey),
      ]);
      const trapped = await checkInvite(trap, null);
      expect(trapped.outcome).toBe('consent');
      if (trapped.outcome !== 'consent') return;
      expect(await connectWithConsent(trapped, undefined, adviser.safetyCode)).toEqual({ outcome: 'not-compared' });
      expect(await claimantDb.getConnection()).toBeUndefined();
      await db.driver.query(`UPDATE advisers SET signing_key = $1 WHERE id = $2`, [adviser.signing.publicKey, adviser.adviserId]);

      // The real connection: typed code and the adviser's safety code, read out.
      // The operator's device key stays listed (signed by its own key, not the adviser's).
      const code = (await relay.createInvite(adviser.deviceToken, { sealedLabel: Buffer.from('J.S.').toString('base64url') })).code;
      const consent = await checkInvite(code, null);
      if (consent.outcome !== 'consent') throw new Error(consent.outcome);
      expect(consent.dropped).toBe(1);
      expect(await connectWithConsent(consent, undefined, adviser.safetyCode.toLowerCase())).toMatchObject({ outcome: 'connected' });
      const phone = (await claimantDb.getIdentity())!;
      const connectionId = (await claimantDb.getConnection())!.connectionId;

      // The adviser's computer sees the connection and pins the client's key; both screens show the same safety code.
      const listed = async (id: string) => (await relay.connections(adviser.deviceToken)).find((c) => c.id === id)!;
      const pinned = await checkClaimantKey(await listed(connectionId), pins);
      expect(pinned).toMatchObject({ state: 'pinned', key: phone.publicKey, firstSeen: true });
      if (pinned.state !== 'pinned') return;
      expect(pinned.safetyCode).toBe(await claimantSafetyCode(phone.publicKey));
      // The client reads out their code; the adviser types it, which lets replies go.
      expect(await compareClaimantSafetyCode(connectionId, pinned, await claimantSafetyCode(phone.publicKey), pins)).toBe(true);

      // A genuine item goes and opens; it is sealed to the adviser's computer only, not the operator's device key.
      await outbox.queueItem(payload('My claim was closed'));
      expect((await flushOutbox()).sent).toBe(1);
      // Lists carry no envelopes: fetch each item's on its own, as the adviser's app does.
      const items = async (id: string): Promise<ItemWithEnvelope[]> =>
        Promise.all((await relay.items(adviser.deviceToken, id)).items.map((info) => relay.item(adviser.deviceToken, info.id)));
      const [genuine] = await items(connectionId);
      expect(await openClientItem(adviser.computer, pinned.key, connectionId, genuine!)).toMatchObject({ ok: true, payload: { text: 'My claim was closed' } });
      expect(await openClientItem(relayDevice, pinned.key, connectionId, genuine!)).toEqual({ ok: false, why: 'not-for-this-computer' });

      // 1. The operator swaps the claimant's key for its own: the adviser's computer refuses the change loudly…
      const operator = await crypto.generateKeyPair();
      await db.driver.query(`UPDATE connections SET claimant_public_key = $1 WHERE id = $2`, [operator.publicKey, connectionId]);
      const swapped = await checkClaimantKey(await listed(connectionId), pins);
      expect(swapped).toEqual({ state: 'changed', key: phone.publicKey, safetyCode: pinned.safetyCode, listed: operator.publicKey, compared: true });
      if (swapped.state !== 'changed') throw new Error(swapped.state);
      // …an item the operator seals with its key is not shown…
      const computers = [adviser.computer.publicKey];
      const forged = await crypto.sealPayload(computers, payload('I no longer want to appeal'), {
        sender: operator,
        binding: { connectionId, direction: 'to-adviser', itemId: randomUUID() },
      });
      const forgedId = await injectItem(connectionId, 'to-adviser', forged.envelope);
      // …and a reply still goes to the pinned key only: the operator cannot read it.
      const replyId = randomUUID();
      const reply = await sealReply(adviser.computer, swapped.key, connectionId, replyId, 'Ring me on 07700 900123 about your appeal', new Date().toISOString());
      await relay.reply(adviser.deviceToken, connectionId, { id: replyId, envelope: reply.envelope });
      await expect(
        crypto.openEnvelope(operator, reply.envelope, { senders: computers, binding: { connectionId, direction: 'to-claimant', itemId: replyId } }),
      ).rejects.toBeInstanceOf(crypto.EnvelopeRefused);

      // 2. An item injected into the connection, naming the claimant's key as its sender.
      const injected = await crypto.sealPayload(computers, payload('Please stop my appeal'), {
        sender: operator,
        binding: { connectionId, direction: 'to-adviser', itemId: randomUUID() },
      });
      const bytes = Buffer.from(injected.envelope, 'base64url');
      bytes.set(Buffer.from(phone.publicKey, 'base64url'), 1);
      const injectedId = await injectItem(connectionId, 'to-adviser', bytes.toString('base64url'));

      // 3. The genuine item replayed into another connection of the same adviser, and again in its own under a new id.
      const other = await crypto.generateKeyPair();
      const otherCode = (await relay.createInvite(adviser.deviceToken, { sealedLabel: Buffer.from('Other').toString('base64url') })).code;
      const otherConnection = (await relay.connect({ code: otherCode, claimantPublicKey: other.publicKey })).connectionId;
      const otherPin = await checkClaimantKey(await listed(otherConnection), pins);
      if (otherPin.state !== 'pinned') throw new Error(otherPin.state);
      const movedId = await injectItem(otherConnection, 'to-adviser', genuine!.envelope);
      const renamedId = await injectItem(connectionId, 'to-adviser', genuine!.envelope);

      // The adviser's computer: the genuine item still opens; none of the others does.
      for (const item of await items(connectionId)) {
        const opened = await openClientItem(adviser.computer, swapped.key, connectionId, item);
        if (item.id === genuine!.id) expect(opened.ok).toBe(true);
        else expect(opened, item.id).toEqual({ ok: false, why: 'unchecked' });
      }
      expect((await items(connectionId)).map((i) => i.id).sort()).toEqual([genuine!.id, forgedId, injectedId, renamedId].sort());
      const [moved] = await items(otherConnection);
      expect(moved!.id).toBe(movedId);
      expect(await openClientItem(adviser.computer, otherPin.key, otherConnection, moved!)).toEqual({ ok: false, why: 'unchecked' });

      // 4. Replies: the operator injects one sealed by its own device key (which
      // it also lists for the adviser) and replays the genuine one under a new id.
      // The phone checks each against the keys the PINNED signing key vouched for.
      const injectedReplyId = randomUUID();
      const injectedReply = await crypto.sealPayload([phone.publicKey], payload('Your appeal is withdrawn'), {
        sender: relayDevice,
        binding: { connectionId, direction: 'to-claimant', itemId: injectedReplyId },
      });
      await injectItem(connectionId, 'to-claimant', injectedReply.envelope, injectedReplyId);
      const replayedReplyId = await injectItem(connectionId, 'to-claimant', reply.envelope);
      // An item of the claimant's own, turned round as a reply.
      const turnedId = await injectItem(connectionId, 'to-claimant', genuine!.envelope);
      await refreshStatus();
      const replies = Object.fromEntries((await claimantDb.listReplies()).map((r) => [r.id, r]));
      expect(replies[replyId]).toMatchObject({ text: 'Ring me on 07700 900123 about your appeal' });
      expect(replies[replyId]?.refused).toBeUndefined();
      for (const id of [injectedReplyId, replayedReplyId, turnedId]) expect(replies[id], id).toMatchObject({ text: '', refused: true });

      // The phone still seals only to the adviser's vouched computer, never the operator's listed key.
      await outbox.queueItem(payload('Second letter'));
      await flushOutbox();
      const second = (await items(connectionId)).find((i) => ![genuine!.id, forgedId, injectedId, renamedId].includes(i.id))!;
      expect(await openClientItem(relayDevice, swapped.key, connectionId, second)).toEqual({ ok: false, why: 'not-for-this-computer' });
      expect(await openClientItem(adviser.computer, swapped.key, connectionId, second)).toMatchObject({ ok: true, payload: { text: 'Second letter' } });
    },
    SLOW,
  );

  it('cannot give a new adviser computer a signing key of its own', async () => {
    const adviser = await enrolAdviser();
    const deviceCode = (await relay.createDeviceCode(adviser.deviceToken)).code;
    // The adviser types the one-time code and the safety code the first computer shows.
    const join = await requestToJoin(deviceCode, adviser.safetyCode);
    const [request] = await relay.pendingDevices(adviser.deviceToken);
    await relay.approveDevice(adviser.deviceToken, request!.id, { signature: await crypto.signDeviceKey(adviser.signing.privateKey, request!.publicKey) });
    // The operator then swaps the signing key the relay hands over.
    const relaySigning = await crypto.generateSigningKeyPair();
    await db.driver.query(`UPDATE advisers SET signing_key = $1 WHERE id = $2`, [relaySigning.publicKey, adviser.adviserId]);
    const keep = vi.fn(async () => undefined);
    expect(await claimComputer(join, keep)).toEqual({ step: 'ended', why: 'wrong-signing-key' });
    expect(keep).not.toHaveBeenCalled();
  });
});

describe('a hostile relay operator, before the adviser first looks', () => {
  it('swaps the claimant key before any adviser computer saw it: the safety codes differ, and no reply goes until they match', async () => {
    const adviser = await enrolAdviser();
    const pins = memoryPins();
    const other = await crypto.generateKeyPair();
    const code = (await relay.createInvite(adviser.deviceToken, { sealedLabel: Buffer.from('Early').toString('base64url') })).code;
    const connectionId = (await relay.connect({ code, claimantPublicKey: other.publicKey })).connectionId;
    const operator = await crypto.generateKeyPair();
    await db.driver.query(`UPDATE connections SET claimant_public_key = $1 WHERE id = $2`, [operator.publicKey, connectionId]);
    const listed = (await relay.connections(adviser.deviceToken)).find((c) => c.id === connectionId)!;
    const check = await checkClaimantKey(listed, pins);
    // Trust on first use: the computer pins what it is shown, but shows its safety code…
    expect(check).toMatchObject({ state: 'pinned', key: operator.publicKey, compared: false });
    if (check.state !== 'pinned') return;
    // …which is not the one on the client's phone, so the comparison fails and replies stay blocked.
    const phoneCode = await claimantSafetyCode(other.publicKey);
    expect(check.safetyCode).not.toBe(phoneCode);
    expect(await compareClaimantSafetyCode(connectionId, check, phoneCode, pins)).toBe(false);
    expect((await checkClaimantKey(listed, pins)).state === 'pinned' && (await pins.get(connectionId))?.comparedAt).toBeFalsy();
  });
});
