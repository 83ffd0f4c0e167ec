// Connecting to an adviser with real keys and a pretend relay: what is
// trusted, what is refused (and stopped at once), and what is kept.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdviserKeys, ConnectRequest, ConnectResponse, InviteInfo } from '../../../src/shared/protocol/api-types';
import { fingerprint, generateKeyPair, generateSigningKeyPair, signDeviceKey } from '../../../src/client/services/crypto';

const relayState = vi.hoisted(() => ({
  invite: null as unknown,
  /** What POST /api/connections hands back as the adviser; null: the invite's. */
  connectAdviser: null as unknown,
  connectFailure: null as number | null,
  connectCalls: [] as unknown[],
  stopped: [] as string[],
}));

vi.mock('../../../src/client/services/api-client', async (importOriginal) => {
  const { ApiFailure } = await importOriginal<typeof import('../../../src/client/services/api-client')>();
  return {
    ApiFailure,
    relay: {
      lookUpInvite: async (code: string) => {
        if (code !== 'K7M2QX9PD') throw new ApiFailure(404, 'not_found', 'No such code.');
        return relayState.invite as InviteInfo;
      },
      connect: async (body: ConnectRequest): Promise<ConnectResponse> => {
        relayState.connectCalls.push(body);
        if (relayState.connectFailure) throw new ApiFailure(relayState.connectFailure, 'gone', 'Used.');
        return {
          connectionId: 'conn-1',
          claimantToken: 'c_token',
          adviser: (relayState.connectAdviser ?? (relayState.invite as InviteInfo).adviser) as AdviserKeys,
        };
      },
      stopSharing: async (token: string) => {
        relayState.stopped.push(token);
      },
    },
  };
});

type Connect = typeof import('../../../src/client/services/connect');
type Db = typeof import('../../../src/client/data/claimant-db');
let connect: Connect;
let db: Db;

async function adviser(name = 'Sam Jones', devices = 1) {
  const signing = await generateSigningKeyPair();
  const keys: AdviserKeys = { name, org: 'Eastside Advice', signingKey: signing.publicKey, devices: [] };
  for (let i = 0; i < devices; i++) {
    const device = await generateKeyPair();
    keys.devices.push({ publicKey: device.publicKey, signature: await signDeviceKey(signing.privateKey, device.publicKey) });
  }
  return { signing, keys };
}

/** The same adviser, with one device key signed by a key that is not theirs. */
async function withIntruder(keys: AdviserKeys): Promise<AdviserKeys> {
  const relaySigning = await generateSigningKeyPair();
  const relayDevice = await generateKeyPair();
  return {
    ...keys,
    devices: [...keys.devices, { publicKey: relayDevice.publicKey, signature: await signDeviceKey(relaySigning.privateKey, relayDevice.publicKey) }],
  };
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  Object.assign(relayState, { invite: null, connectAdviser: null, connectFailure: null, connectCalls: [], stopped: [] });
  connect = await import('../../../src/client/services/connect');
  db = await import('../../../src/client/data/claimant-db');
});

describe('codes and safety codes', () => {
  it('tidies a typed code and checks its form', () => {
    expect(connect.normaliseCode(' k7m-2qx 9pd ')).toBe('K7M2QX9PD');
    expect(connect.normaliseCode('k7m–2qx—9pd')).toBe('K7M2QX9PD');
    expect(connect.isInviteCode('K7M2QX9PD')).toBe(true);
    expect(connect.isInviteCode('K7M2QX9P')).toBe(false);
    expect(connect.isInviteCode('K7M2QX9PD1')).toBe(false);
    expect(connect.isInviteCode('K7M2QX9P!')).toBe(false);
  });

  it('compares safety codes whatever the case and separators', () => {
    expect(connect.sameFingerprint('abcd-efgh-jkmn-pqrs', 'ABCD EFGH JKMN PQRS')).toBe(true);
    expect(connect.sameFingerprint('ABCD-EFGH-JKMN-PQRS', 'ABCD-EFGH-JKMN-PQRT')).toBe(false);
  });
});

describe('checking an invite', () => {
  it('asks for consent when the link pins this signing key', async () => {
    const { keys } = await adviser('Sam Jones', 2);
    relayState.invite = { adviser: keys, expiresAt: '2026-03-01T00:00:00Z' };
    const fp = await fingerprint(keys.signingKey);
    const check = await connect.checkInvite('K7M2QX9PD', fp.toLowerCase());
    expect(check).toMatchObject({ outcome: 'consent', code: 'K7M2QX9PD', fingerprint: fp, fromLink: true, dropped: 0 });
    if (check.outcome === 'consent') expect(check.adviser.devices).toEqual(keys.devices);
  });

  it('asks for consent for a typed code, whose safety code is compared by typing it (see below)', async () => {
    const { keys } = await adviser();
    relayState.invite = { adviser: keys, expiresAt: '2026-03-01T00:00:00Z' };
    expect(await connect.checkInvite('K7M2QX9PD', null)).toMatchObject({ outcome: 'consent', fromLink: false });
  });

  it('refuses an adviser whose signing key is not the one the link pinned', async () => {
    const { keys } = await adviser();
    const other = await adviser();
    relayState.invite = { adviser: keys, expiresAt: '2026-03-01T00:00:00Z' };
    const check = await connect.checkInvite('K7M2QX9PD', await fingerprint(other.keys.signingKey));
    expect(check).toEqual({ outcome: 'mismatch', adviser: keys });
  });

  it('refuses an adviser with no device key signed by their signing key', async () => {
    const { keys } = await adviser();
    const stranger = await adviser();
    relayState.invite = { adviser: { ...keys, devices: stranger.keys.devices }, expiresAt: '2026-03-01T00:00:00Z' };
    expect(await connect.checkInvite('K7M2QX9PD', await fingerprint(keys.signingKey))).toEqual({ outcome: 'unverified' });
  });

  it('leaves out device keys that are not signed, and says how many', async () => {
    const { keys } = await adviser();
    relayState.invite = { adviser: await withIntruder(keys), expiresAt: '2026-03-01T00:00:00Z' };
    const check = await connect.checkInvite('K7M2QX9PD', null);
    expect(check).toMatchObject({ outcome: 'consent', dropped: 1 });
    if (check.outcome === 'consent') expect(check.adviser.devices).toEqual(keys.devices);
  });

  it('passes on what the relay said about the code', async () => {
    await expect(connect.checkInvite('ZZZZZZZZZ', null)).rejects.toMatchObject({ status: 404 });
  });
});

describe('agreeing and connecting', () => {
  async function consentFor(keys: AdviserKeys) {
    relayState.invite = { adviser: keys, expiresAt: '2026-03-01T00:00:00Z' };
    const check = await connect.checkInvite('K7M2QX9PD', await fingerprint(keys.signingKey));
    if (check.outcome !== 'consent') throw new Error('no consent');
    return check;
  }

  it('keeps the connection with a new key of this phone, the checked device keys and the names agreed to', async () => {
    const { keys } = await adviser('Sam Jones');
    const consent = await consentFor(keys);
    // The relay's answer may say other names: the person agreed to these.
    relayState.connectAdviser = { ...(await withIntruder(keys)), name: 'Someone Else', org: 'Elsewhere' };
    const now = new Date('2026-02-01T10:00:00Z');
    expect(await connect.connectWithConsent(consent, () => now)).toMatchObject({ outcome: 'connected' });
    const [request] = relayState.connectCalls as ConnectRequest[];
    const identity = await db.getIdentity();
    expect(request).toEqual({ code: 'K7M2QX9PD', claimantPublicKey: identity?.publicKey });
    expect(identity?.privateKey.extractable).toBe(false);
    expect(await db.getConnection()).toEqual({
      connectionId: 'conn-1',
      claimantToken: 'c_token',
      adviser: { name: 'Sam Jones', org: 'Eastside Advice', signingKey: keys.signingKey, devices: keys.devices },
      fingerprint: consent.fingerprint,
      connectedAt: now.toISOString(),
    });
    expect(relayState.stopped).toEqual([]);
  });

  it('refuses, and stops at once, a connection to another signing key', async () => {
    const { keys } = await adviser();
    const consent = await consentFor(keys);
    const swapped = (await adviser()).keys;
    relayState.connectAdviser = swapped;
    expect(await connect.connectWithConsent(consent)).toEqual({ outcome: 'mismatch', adviser: swapped });
    expect(relayState.stopped).toEqual(['c_token']);
    expect(await db.getConnection()).toBeUndefined();
    expect(await db.getIdentity()).toBeUndefined();
  });

  it('refuses, and stops at once, a connection whose device keys are not signed', async () => {
    const { keys } = await adviser();
    const consent = await consentFor(keys);
    relayState.connectAdviser = { ...keys, devices: (await adviser()).keys.devices };
    expect(await connect.connectWithConsent(consent)).toEqual({ outcome: 'unverified' });
    expect(relayState.stopped).toEqual(['c_token']);
    expect(await db.getConnection()).toBeUndefined();
  });

  describe('a typed code: the safety code the adviser reads out is typed, and compared before anything is sent', () => {
    async function typedConsent(keys: AdviserKeys) {
      relayState.invite = { adviser: keys, expiresAt: '2026-03-01T00:00:00Z' };
      const check = await connect.checkInvite('K7M2QX9PD', null);
      if (check.outcome !== 'consent') throw new Error('no consent');
      return check;
    }

    it('connects when the whole safety code is typed (any case, spaces or dashes)', async () => {
      const { keys } = await adviser();
      const consent = await typedConsent(keys);
      const typed = (await fingerprint(keys.signingKey)).toLowerCase().replace(/-/g, ' ');
      expect(connect.typedSafetyCodeMatches(consent, typed)).toBe(true);
      expect(await connect.connectWithConsent(consent, undefined, typed)).toMatchObject({ outcome: 'connected' });
      expect((await db.getConnection())?.adviser.signingKey).toBe(keys.signingKey);
    });

    it("does not connect, make a key or call the relay without it, with part of it, or with another key's code", async () => {
      const { keys } = await adviser();
      // The relay answers a typed code with its own signing key (and device keys it signed): the person's code does not match.
      const relayKeys = (await adviser()).keys;
      const consent = await typedConsent(relayKeys);
      const real = await fingerprint(keys.signingKey);
      for (const typed of [undefined, '', real, (await fingerprint(relayKeys.signingKey)).slice(-4)]) {
        expect(await connect.connectWithConsent(consent, undefined, typed), String(typed)).toEqual({ outcome: 'not-compared' });
      }
      expect(relayState.connectCalls).toEqual([]);
      expect(await db.getIdentity()).toBeUndefined();
      expect(await db.getConnection()).toBeUndefined();
    });

    it('a link needs no typing: its safety code was compared already', async () => {
      const { keys } = await adviser();
      const consent = await consentFor(keys);
      expect(await connect.connectWithConsent(consent)).toMatchObject({ outcome: 'connected' });
    });
  });

  it("the phone's own safety code is its key's fingerprint, which the adviser's screen shows", async () => {
    const { keys } = await adviser();
    await connect.connectWithConsent(await consentFor(keys));
    const identity = await db.getIdentity();
    expect(await connect.claimantSafetyCode(identity!.publicKey)).toBe(await fingerprint(identity!.publicKey));
  });

  it('keeps nothing when the relay says no', async () => {
    const { keys } = await adviser();
    const consent = await consentFor(keys);
    relayState.connectFailure = 410;
    await expect(connect.connectWithConsent(consent)).rejects.toMatchObject({ status: 410 });
    expect(await db.getConnection()).toBeUndefined();
    expect(relayState.stopped).toEqual([]);
  });
});
