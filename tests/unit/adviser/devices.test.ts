// Several adviser computers, end to end with real keys: the first computer
// signs the second one's key, a claimant checks both against the pinned
// signing key, and an item locked for both opens on each.
import { describe, expect, it } from 'vitest';
import { checkAdviserKeys } from '../../../src/client/services/adviser-keys';
import type { AdviserKeys } from '../../../src/shared/protocol/api-types';
import { fingerprint, generateKeyPair, generateSigningKeyPair, openEnvelope, sealPayload, signDeviceKey } from '../../../src/client/services/crypto';
import { cannotOpenReason } from '../../../src/client/adviser/format';
import { deviceCodeError, normaliseDeviceCode } from '../../../src/client/adviser/validate';

const payload = { kind: 'text' as const, text: 'My claim was closed', sentAt: '2026-02-01T10:00:00.000Z' };

async function adviserWithTwoComputers() {
  const signing = await generateSigningKeyPair();
  const first = await generateKeyPair();
  const second = await generateKeyPair();
  const keys: AdviserKeys = {
    name: 'Sam',
    org: 'Eastside Advice',
    signingKey: signing.publicKey,
    devices: [
      { publicKey: first.publicKey, signature: await signDeviceKey(signing.privateKey, first.publicKey) },
      { publicKey: second.publicKey, signature: await signDeviceKey(signing.privateKey, second.publicKey) },
    ],
  };
  return { signing, first, second, keys };
}

describe('adding a computer', () => {
  it('an item locked for every checked computer opens on each', async () => {
    const { first, second, keys } = await adviserWithTwoComputers();
    const checked = await checkAdviserKeys(keys);
    expect(checked.dropped).toBe(0);
    expect(checked.adviser.devices).toHaveLength(2);
    const claimant = await generateKeyPair();
    const binding = { connectionId: 'conn-1', direction: 'to-adviser' as const, itemId: 'item-1' };
    const { envelope } = await sealPayload(
      checked.adviser.devices.map((d) => d.publicKey),
      payload,
      { sender: claimant, binding },
    );
    const opening = { senders: [claimant.publicKey], binding };
    expect((await openEnvelope(first, envelope, opening)).text).toBe(payload.text);
    expect((await openEnvelope(second, envelope, opening)).text).toBe(payload.text);
  });

  it('drops a key the relay added with another signing key, and repeats', async () => {
    const { keys } = await adviserWithTwoComputers();
    const relaySigning = await generateSigningKeyPair();
    const relayDevice = await generateKeyPair();
    const withIntruder: AdviserKeys = {
      ...keys,
      devices: [
        ...keys.devices,
        keys.devices[0]!,
        { publicKey: relayDevice.publicKey, signature: await signDeviceKey(relaySigning.privateKey, relayDevice.publicKey) },
      ],
    };
    const checked = await checkAdviserKeys(withIntruder);
    expect(checked.dropped).toBe(1);
    expect(checked.adviser.devices.map((d) => d.publicKey)).toEqual(keys.devices.map((d) => d.publicKey));
  });

  it('no device key verifies when the signing key is swapped', async () => {
    const { keys } = await adviserWithTwoComputers();
    const other = await generateSigningKeyPair();
    const checked = await checkAdviserKeys({ ...keys, signingKey: other.publicKey });
    expect(checked.adviser.devices).toEqual([]);
    expect(checked.dropped).toBe(2);
  });

  it('checks against the pinned signing key, never the one in the answer: a relay key with its own signed devices keeps none', async () => {
    const { keys } = await adviserWithTwoComputers();
    const relaySigning = await generateSigningKeyPair();
    const relayDevice = await generateKeyPair();
    const relayAnswer: AdviserKeys = {
      ...keys,
      signingKey: relaySigning.publicKey,
      devices: [{ publicKey: relayDevice.publicKey, signature: await signDeviceKey(relaySigning.privateKey, relayDevice.publicKey) }],
    };
    const checked = await checkAdviserKeys(relayAnswer, keys.signingKey);
    expect(checked.adviser.devices).toEqual([]);
    expect(checked.adviser.signingKey).toBe(keys.signingKey);
    expect(checked.dropped).toBe(1);
    // A computer added later, signed by the pinned key, is taken.
    const later = await generateKeyPair();
    const { signing } = await adviserWithTwoComputers();
    const grown = await checkAdviserKeys(
      { ...keys, devices: [...keys.devices, { publicKey: later.publicKey, signature: await signDeviceKey(signing.privateKey, later.publicKey) }] },
      keys.signingKey,
    );
    expect(grown.adviser.devices).toHaveLength(2); // another adviser's signature does not count
  });

  it('links pin the signing key, not a computer key', async () => {
    const { signing, first, keys } = await adviserWithTwoComputers();
    expect(await fingerprint(keys.signingKey)).toBe(await fingerprint(signing.publicKey));
    expect(await fingerprint(keys.signingKey)).not.toBe(await fingerprint(first.publicKey));
  });
});

describe('device codes', () => {
  it('tidies a typed code', () => {
    expect(normaliseDeviceCode(' k7m-2qx 9pd ')).toBe('K7M2QX9PD');
  });
  it('checks it has 9 characters from the code alphabet', () => {
    expect(deviceCodeError('')).toBe('codeEmpty');
    expect(deviceCodeError(' - ')).toBe('codeEmpty');
    expect(deviceCodeError('K7M-2QX')).toBe('codeFormat');
    expect(deviceCodeError('K7M-2QX-9PD1')).toBe('codeFormat');
    expect(deviceCodeError('K7M-2QX-9P0')).toBe('codeFormat'); // no 0, 1, I, L, O or U
    expect(deviceCodeError('k7m-2qx-9pd')).toBeNull();
  });
});

describe('cannotOpenReason', () => {
  it('explains items sent before this computer was added', () => {
    expect(cannotOpenReason('2026-02-01T10:00:00Z', '2026-01-31T09:00:00Z')).toBe('cannotOpenOlder');
    expect(cannotOpenReason('2026-02-01T10:00:00Z', '2026-02-02T09:00:00Z')).toBe('cannotOpen');
    expect(cannotOpenReason('not a date', '2026-02-02T09:00:00Z')).toBe('cannotOpen');
  });
});
