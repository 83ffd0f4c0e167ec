// Authenticated, bound envelopes (issue 12, point 1): an envelope opens only
// for the sender key the opener pinned, the connection, the direction and the
// item id it was sealed for. Real keys, real HPKE Auth mode.
import { describe, expect, it } from 'vitest';
import { EnvelopeRefused, generateKeyPair, openEnvelope, sealPayload, sealedToExactly, type Binding, type Payload } from '../../../src/client/services/crypto';
import { fromBase64Url, toBase64Url } from '../../../src/shared/protocol/base64url';

const payload: Payload = { kind: 'text', text: 'I no longer want to appeal', sentAt: '2026-01-02T03:04:05.000Z' };
const binding: Binding = { connectionId: 'conn-1', direction: 'to-adviser', itemId: 'item-1' };

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EnvelopeRefused);
  expect((error as Error).message).toMatch(/could not be checked/);
  return (error as EnvelopeRefused).reason;
}

describe('authenticated, bound envelopes', () => {
  it('opens for the pinned sender, this binding and each recipient, and names the sender', async () => {
    const claimant = await generateKeyPair();
    const computers = await Promise.all([generateKeyPair(), generateKeyPair()]);
    const { envelope, sha256 } = await sealPayload(
      computers.map((c) => c.publicKey),
      payload,
      { sender: claimant, binding },
    );
    const bytes = fromBase64Url(envelope);
    expect(bytes[0]).toBe(3);
    expect(toBase64Url(bytes.slice(1, 66))).toBe(claimant.publicKey);
    for (const computer of computers) {
      expect(await openEnvelope(computer, envelope, { senders: [claimant.publicKey], binding })).toEqual({ ...payload, sha256, sender: claimant.publicKey });
    }
  });

  it('refuses an envelope sealed by any other key, even one that names the pinned sender', async () => {
    const claimant = await generateKeyPair();
    const relay = await generateKeyPair();
    const computer = await generateKeyPair();
    // The relay seals with its own key: not a pinned sender.
    const forged = await sealPayload([computer.publicKey], payload, { sender: relay, binding });
    expect(await refusal(openEnvelope(computer, forged.envelope, { senders: [claimant.publicKey], binding }))).toBe('unknown-sender');
    // …and writes the pinned claimant key into the header: HPKE Auth mode does not open.
    const bytes = fromBase64Url(forged.envelope);
    bytes.set(fromBase64Url(claimant.publicKey), 1);
    expect(await refusal(openEnvelope(computer, toBase64Url(bytes), { senders: [claimant.publicKey], binding }))).toBe('unchecked');
  });

  it('refuses an envelope moved to another connection, direction or item id', async () => {
    const claimant = await generateKeyPair();
    const computer = await generateKeyPair();
    const { envelope } = await sealPayload([computer.publicKey], payload, { sender: claimant, binding });
    const senders = [claimant.publicKey];
    for (const moved of [
      { ...binding, connectionId: 'conn-2' },
      { ...binding, direction: 'to-claimant' as const },
      { ...binding, itemId: 'item-2' },
    ]) {
      expect(await refusal(openEnvelope(computer, envelope, { senders, binding: moved })), JSON.stringify(moved)).toBe('unchecked');
    }
  });

  it('a reply from an adviser computer opens on the phone only for a vouched computer key', async () => {
    const claimant = await generateKeyPair();
    const computer = await generateKeyPair();
    const reply: Binding = { connectionId: 'conn-1', direction: 'to-claimant', itemId: 'reply-1' };
    const { envelope } = await sealPayload([claimant.publicKey], payload, { sender: computer, binding: reply });
    expect((await openEnvelope(claimant, envelope, { senders: [computer.publicKey], binding: reply })).text).toBe(payload.text);
    expect(await refusal(openEnvelope(claimant, envelope, { senders: [], binding: reply }))).toBe('unknown-sender');
  });

  it('says when there is no entry for this key (sent before this computer joined)', async () => {
    const claimant = await generateKeyPair();
    const [first, later] = await Promise.all([generateKeyPair(), generateKeyPair()]);
    const { envelope } = await sealPayload([first.publicKey], payload, { sender: claimant, binding });
    expect(await refusal(openEnvelope(later, envelope, { senders: [claimant.publicKey], binding }))).toBe('not-for-this-key');
  });

  it('refuses an entry whose key id was copied onto another key, a flipped bit anywhere, a version 2 envelope and garbage', async () => {
    const claimant = await generateKeyPair();
    const [a, b] = await Promise.all([generateKeyPair(), generateKeyPair()]);
    const { envelope } = await sealPayload([a.publicKey], { ...payload, text: 'short' }, { sender: claimant, binding });
    const bytes = fromBase64Url(envelope);
    const open = (env: string, who = a) => openEnvelope(who, env, { senders: [claimant.publicKey], binding });
    for (const byte of [0, 67, 67 + 8, 67 + 8 + 65, bytes.length - 30, bytes.length - 1]) {
      const copy = bytes.slice();
      copy[byte]! ^= 1;
      expect(['unchecked', 'not-for-this-key', 'unknown-sender']).toContain(await refusal(open(toBase64Url(copy))));
    }
    const v2 = bytes.slice();
    v2[0] = 2;
    expect(await refusal(open(toBase64Url(v2)))).toBe('unchecked');
    expect(await refusal(open('not base64!'))).toBe('unchecked');
    expect(await refusal(open(''))).toBe('unchecked');
    // b takes a's entry by writing its own key id there: HPKE still does not open.
    const { envelope: forB } = await sealPayload([b.publicKey], payload, { sender: claimant, binding });
    const idOfB = fromBase64Url(forB).slice(67, 75);
    const relabelled = bytes.slice();
    relabelled.set(idOfB, 67);
    expect(await refusal(open(toBase64Url(relabelled), b))).toBe('unchecked');
  });

  it('will not seal without a binding', async () => {
    const claimant = await generateKeyPair();
    const computer = await generateKeyPair();
    await expect(sealPayload([computer.publicKey], payload, { sender: claimant, binding: { ...binding, itemId: '' } })).rejects.toThrow(TypeError);
    await expect(sealPayload([], payload, { sender: claimant, binding })).rejects.toThrow(RangeError);
  });

  it('tells whether an envelope is sealed to exactly a set of keys (a computer added since is missing)', async () => {
    const sender = await generateKeyPair();
    const [first, second, third] = await Promise.all([generateKeyPair(), generateKeyPair(), generateKeyPair()]);
    const { envelope } = await sealPayload([first!.publicKey, second!.publicKey], payload, { sender, binding });
    expect(await sealedToExactly(envelope, [second!.publicKey, first!.publicKey])).toBe(true);
    expect(await sealedToExactly(envelope, [first!.publicKey])).toBe(false);
    expect(await sealedToExactly(envelope, [first!.publicKey, second!.publicKey, third!.publicKey])).toBe(false);
    expect(await sealedToExactly(envelope, [first!.publicKey, third!.publicKey])).toBe(false);
    expect(await sealedToExactly('not an envelope', [first!.publicKey])).toBe(false);
  });
});
