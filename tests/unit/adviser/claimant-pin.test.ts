// The adviser's side of connecting and of every item, with real keys: each
// computer pins a client's key the first time it sees the connection, refuses
// a changed key loudly, checks every item against the pinned key and the
// item's own place, and seals replies only to the pinned key.
import { describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../src/shared/protocol/api-types';
import { checkClaimantKey, compareClaimantSafetyCode, memoryPins, safetyChecked } from '../../../src/client/services/claimant-pin';
import { openClientItem, sealReply } from '../../../src/client/services/adviser-items';
import { fingerprint, generateKeyPair, openEnvelope, sealPayload } from '../../../src/client/services/crypto';

const NOW = () => new Date('2026-02-01T10:00:00Z');

function connection(claimantPublicKey: string, id = 'conn-1'): ConnectionInfo {
  return { id, label: 'J.S.', sealedLabel: null, createdAt: '2026-02-01T09:00:00Z', stoppedAt: null, lastItemAt: null, unseen: 0, claimantPublicKey };
}

describe('pinning the client key', () => {
  it('pins the key the first time, with its safety code, then keeps to it', async () => {
    const claimant = await generateKeyPair();
    const pins = memoryPins();
    const code = await fingerprint(claimant.publicKey);
    expect(await checkClaimantKey(connection(claimant.publicKey), pins, NOW)).toEqual({
      state: 'pinned',
      key: claimant.publicKey,
      safetyCode: code,
      firstSeen: true,
      compared: false,
    });
    expect(await pins.get('conn-1')).toEqual({ connectionId: 'conn-1', claimantPublicKey: claimant.publicKey, pinnedAt: NOW().toISOString() });
    expect(await checkClaimantKey(connection(claimant.publicKey), pins, NOW)).toEqual({
      state: 'pinned',
      key: claimant.publicKey,
      safetyCode: code,
      firstSeen: false,
      compared: false,
    });
  });

  it('refuses a changed key loudly and keeps the pinned one', async () => {
    const claimant = await generateKeyPair();
    const relay = await generateKeyPair();
    const pins = memoryPins();
    await checkClaimantKey(connection(claimant.publicKey), pins, NOW);
    expect(await checkClaimantKey(connection(relay.publicKey), pins, NOW)).toEqual({
      state: 'changed',
      key: claimant.publicKey,
      safetyCode: await fingerprint(claimant.publicKey),
      listed: relay.publicKey,
      compared: false,
    });
    expect((await pins.get('conn-1'))?.claimantPublicKey).toBe(claimant.publicKey);
  });

  it('replies wait until the adviser has typed the whole safety code the client reads out', async () => {
    const claimant = await generateKeyPair();
    const relay = await generateKeyPair();
    const pins = memoryPins();
    const first = await checkClaimantKey(connection(claimant.publicKey), pins, NOW);
    const code = await fingerprint(claimant.publicKey);
    // Nothing, part of it, or the code of a key the relay swapped in: not compared.
    for (const typed of ['', code.slice(-4), await fingerprint(relay.publicKey)]) {
      expect(await compareClaimantSafetyCode('conn-1', first, typed, pins, NOW), typed).toBe(false);
    }
    expect((await checkClaimantKey(connection(claimant.publicKey), pins, NOW)).state === 'pinned' && (await pins.get('conn-1'))?.comparedAt).toBeFalsy();
    expect(await compareClaimantSafetyCode('conn-1', first, code.toLowerCase().replace(/-/g, ' '), pins, NOW)).toBe(true);
    expect(await checkClaimantKey(connection(claimant.publicKey), pins, NOW)).toMatchObject({ state: 'pinned', compared: true });
    // Compared stays with the pinned key: a changed key is still refused, and is never marked compared itself.
    const changed = await checkClaimantKey(connection(relay.publicKey), pins, NOW);
    expect(changed).toMatchObject({ state: 'changed', key: claimant.publicKey, compared: true });
    expect(await compareClaimantSafetyCode('conn-1', changed, await fingerprint(relay.publicKey), pins, NOW)).toBe(false);
  });

  it('a pin made at the same moment elsewhere (another tab) wins over the relay', async () => {
    const claimant = await generateKeyPair();
    const relay = await generateKeyPair();
    const inner = memoryPins();
    await inner.add({ connectionId: 'conn-1', claimantPublicKey: claimant.publicKey, pinnedAt: 'earlier' });
    // get() has not seen it yet; add() keeps the first.
    const racing = { get: async () => undefined, add: inner.add, compared: inner.compared };
    expect(await checkClaimantKey(connection(relay.publicKey), racing, NOW)).toMatchObject({ state: 'changed', key: claimant.publicKey });
  });

  it('a stopped connection (no key listed) keeps its pin, and pins nothing when there was none', async () => {
    const claimant = await generateKeyPair();
    const pins = memoryPins();
    await checkClaimantKey(connection(claimant.publicKey), pins, NOW);
    expect(await checkClaimantKey(connection(''), pins, NOW)).toMatchObject({ state: 'pinned', key: claimant.publicKey });
    expect(await checkClaimantKey(connection('', 'conn-2'), pins, NOW)).toEqual({ state: 'none' });
    expect(await pins.get('conn-2')).toBeUndefined();
  });

  it('pins nothing that is not a key', async () => {
    const pins = memoryPins();
    expect(await checkClaimantKey(connection('not-a-key'), pins, NOW)).toEqual({ state: 'none' });
    expect(await pins.get('conn-1')).toBeUndefined();
  });
});

describe('items and replies on the adviser computer', () => {
  const payload = { kind: 'text' as const, text: 'My claim was closed', sentAt: '2026-02-01T10:00:00.000Z' };

  async function setUp() {
    const claimant = await generateKeyPair();
    const computer = await generateKeyPair();
    const item = async (sender = claimant, connectionId = 'conn-1', itemId = 'item-1') => ({
      id: itemId,
      envelope: (await sealPayload([computer.publicKey], payload, { sender, binding: { connectionId, direction: 'to-adviser', itemId } })).envelope,
    });
    return { claimant, computer, item };
  }

  it('opens an item sealed by the pinned client key for this connection and id', async () => {
    const { claimant, computer, item } = await setUp();
    const opened = await openClientItem(computer, claimant.publicKey, 'conn-1', await item());
    expect(opened).toMatchObject({ ok: true, payload: { text: payload.text } });
  });

  it('refuses a forged item, one moved from another connection, and one replayed under another id', async () => {
    const { claimant, computer, item } = await setUp();
    const relay = await generateKeyPair();
    const forged = await item(relay);
    expect(await openClientItem(computer, claimant.publicKey, 'conn-1', forged)).toEqual({ ok: false, why: 'unchecked' });
    const moved = await item(claimant, 'conn-other');
    expect(await openClientItem(computer, claimant.publicKey, 'conn-1', moved)).toEqual({ ok: false, why: 'unchecked' });
    const genuine = await item();
    expect(await openClientItem(computer, claimant.publicKey, 'conn-1', { ...genuine, id: 'item-2' })).toEqual({ ok: false, why: 'unchecked' });
    // The relay's key for a connection (after a swap) does not help it: only the pin counts.
    expect(await openClientItem(computer, claimant.publicKey, 'conn-1', await item(relay))).toEqual({ ok: false, why: 'unchecked' });
  });

  it('says when an item has no entry for this computer', async () => {
    const { claimant, item } = await setUp();
    const later = await generateKeyPair();
    expect(await openClientItem(later, claimant.publicKey, 'conn-1', await item())).toEqual({ ok: false, why: 'not-for-this-computer' });
  });

  it("seals a reply by this computer's key to the pinned client key only, bound to the connection and the reply id", async () => {
    const { claimant, computer } = await setUp();
    const { envelope } = await sealReply(computer, claimant.publicKey, 'conn-1', 'reply-1', 'Ring me', '2026-02-01T11:00:00Z');
    const binding = { connectionId: 'conn-1', direction: 'to-claimant' as const, itemId: 'reply-1' };
    expect((await openEnvelope(claimant, envelope, { senders: [computer.publicKey], binding })).text).toBe('Ring me');
    await expect(openEnvelope(claimant, envelope, { senders: [computer.publicKey], binding: { ...binding, direction: 'to-adviser' } })).rejects.toThrow(
      /could not be checked/,
    );
  });
});

describe('whether items may be shown as genuine (safetyChecked)', () => {
  it('only once the adviser typed the client’s safety code on this computer and it matched', async () => {
    const claimant = await generateKeyPair();
    const pins = memoryPins();
    // Nothing pinned, or nothing to pin: not checked.
    expect(safetyChecked(undefined)).toBe(false);
    expect(safetyChecked(null)).toBe(false);
    expect(safetyChecked({ state: 'none' })).toBe(false);
    // Pinned on first sight (trust on first use): not checked yet.
    const first = await checkClaimantKey(connection(claimant.publicKey), pins, NOW);
    expect(safetyChecked(first)).toBe(false);
    expect(safetyChecked(await pins.get('conn-1'))).toBe(false);
    // A wrong code typed: still not checked.
    expect(await compareClaimantSafetyCode('conn-1', first, 'AAAA-BBBB-CCCC-DDDD', pins, NOW)).toBe(false);
    expect(safetyChecked(await checkClaimantKey(connection(claimant.publicKey), pins, NOW))).toBe(false);
    // The right code: checked, from the key check and from the stored pin alike.
    const code = await fingerprint(claimant.publicKey);
    expect(await compareClaimantSafetyCode('conn-1', first, code, pins, NOW)).toBe(true);
    expect(safetyChecked(await checkClaimantKey(connection(claimant.publicKey), pins, NOW))).toBe(true);
    expect(safetyChecked(await pins.get('conn-1'))).toBe(true);
  });

  it('a key changed after the check: items still open only with the checked (pinned) key, so they stay checked; one changed before any check is not', async () => {
    const claimant = await generateKeyPair();
    const relayKey = await generateKeyPair();
    const pins = memoryPins();
    const first = await checkClaimantKey(connection(claimant.publicKey), pins, NOW);
    await compareClaimantSafetyCode('conn-1', first, await fingerprint(claimant.publicKey), pins, NOW);
    const changed = await checkClaimantKey(connection(relayKey.publicKey), pins, NOW);
    expect(changed).toMatchObject({ state: 'changed', compared: true });
    expect(safetyChecked(changed)).toBe(true);

    const other = memoryPins();
    await checkClaimantKey(connection(relayKey.publicKey), other, NOW);
    const swapped = await checkClaimantKey(connection(claimant.publicKey), other, NOW);
    expect(swapped).toMatchObject({ state: 'changed', compared: false });
    expect(safetyChecked(swapped)).toBe(false);
  });
});
