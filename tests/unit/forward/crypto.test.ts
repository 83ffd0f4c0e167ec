import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fingerprint,
  generateKeyPair as makeKeyPair,
  generateSigningKeyPair,
  importPublicKey,
  openEnvelope as openBound,
  sealPayload as sealBound,
  sha256Hex,
  signDeviceKey,
  verifyDeviceKey,
  type Payload,
} from '../../../src/client/services/crypto';
import { fromBase64Url, toBase64Url } from '../../../src/shared/protocol/base64url';

// Envelope layout: version(1) | sender 65 | count(1) | count × (key id 8 | enc 65 | wrapped 32) | iv 12 | ciphertext.
// (Sender authentication and the binding have their own tests in envelope-auth.test.ts.)
const PREFIX = 1 + 65 + 1;
const ENTRY = 8 + 65 + 32;
const entryStart = (i: number) => PREFIX + i * ENTRY;

// These tests are about the format: one sender and one binding throughout.
const publicOf = new Map<CryptoKey, string>();
async function generateKeyPair() {
  const pair = await makeKeyPair();
  publicOf.set(pair.privateKey, pair.publicKey);
  return pair;
}
const SENDER = await makeKeyPair();
const BINDING = { connectionId: 'conn-1', direction: 'to-adviser', itemId: 'item-1' } as const;
const sealPayload = (keys: string[], payload: Payload) => sealBound(keys, payload, { sender: SENDER, binding: BINDING });
async function openEnvelope(privateKey: CryptoKey, envelope: string) {
  const { sender, ...opened } = await openBound({ privateKey, publicKey: publicOf.get(privateKey) ?? SENDER.publicKey }, envelope, {
    senders: [SENDER.publicKey],
    binding: BINDING,
  });
  expect(sender).toBe(SENDER.publicKey);
  return opened;
}

const textPayload: Payload = { kind: 'text', text: 'Your UC payment has changed — £123.45 ✓', sentAt: '2025-01-02T03:04:05.000Z' };

function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 65536) crypto.getRandomValues(out.subarray(i, Math.min(n, i + 65536)));
  return out;
}

describe('forward/crypto', () => {
  it('round-trips text, with matching receipt hashes', async () => {
    const { publicKey, privateKey } = await generateKeyPair();
    const { envelope, sha256 } = await sealPayload([publicKey], textPayload);
    const opened = await openEnvelope(privateKey, envelope);
    expect(opened).toEqual({ ...textPayload, sha256 });
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('round-trips a 150 KB image with a note and prints the time', async () => {
    const { publicKey, privateKey } = await generateKeyPair();
    const payload: Payload = {
      kind: 'image',
      image: randomBytes(150 * 1024),
      mime: 'image/webp',
      name: 'letter.webp',
      text: 'page 1',
      sentAt: '2025-01-02T03:04:05.000Z',
    };
    await openEnvelope(privateKey, (await sealPayload([publicKey], payload)).envelope); // warm up
    const t0 = performance.now();
    const { envelope, sha256 } = await sealPayload([publicKey], payload);
    const t1 = performance.now();
    const opened = await openEnvelope(privateKey, envelope);
    const t2 = performance.now();
    console.log(`150 KB image: seal ${(t1 - t0).toFixed(1)} ms, open ${(t2 - t1).toFixed(1)} ms, envelope ${envelope.length} chars`);
    expect(opened.sha256).toBe(sha256);
    expect(opened.image).toEqual(payload.image);
    expect(opened).toMatchObject({ kind: 'image', mime: 'image/webp', name: 'letter.webp', text: 'page 1' });
  });

  it('receipt hash changes with content', async () => {
    const { publicKey } = await generateKeyPair();
    const a = await sealPayload([publicKey], textPayload);
    const b = await sealPayload([publicKey], { ...textPayload, text: textPayload.text + '.' });
    const c = await sealPayload([publicKey], textPayload);
    expect(a.sha256).not.toBe(b.sha256);
    expect(a.sha256).toBe(c.sha256);
  });

  it('envelopes for the same payload differ (fresh ephemeral key)', async () => {
    const { publicKey } = await generateKeyPair();
    const a = await sealPayload([publicKey], textPayload);
    const b = await sealPayload([publicKey], textPayload);
    expect(a.envelope).not.toBe(b.envelope);
    expect(fromBase64Url(a.envelope).subarray(PREFIX + 8, PREFIX + 8 + 65)).not.toEqual(fromBase64Url(b.envelope).subarray(PREFIX + 8, PREFIX + 8 + 65));
  });

  it('every generated key can open its own messages', async () => {
    // Guards the even-y workaround in generateKeyPair: with a non-extractable
    // key @hpke/core rebuilds the public key, and would pick the wrong y half the time.
    for (let i = 0; i < 16; i++) {
      const { publicKey, privateKey } = await generateKeyPair();
      const { envelope } = await sealPayload([publicKey], textPayload);
      await expect(openEnvelope(privateKey, envelope)).resolves.toMatchObject({ text: textPayload.text });
    }
  });

  it('private key is non-extractable; public key is a raw uncompressed point', async () => {
    const { publicKey, privateKey } = await generateKeyPair();
    expect(privateKey.extractable).toBe(false);
    expect(privateKey.type).toBe('private');
    await expect(crypto.subtle.exportKey('jwk', privateKey)).rejects.toThrow();
    const raw = fromBase64Url(publicKey);
    expect(raw.length).toBe(65);
    expect(raw[0]).toBe(4);
  });

  it('wrong key fails with a clear error', async () => {
    const alice = await generateKeyPair();
    const bob = await generateKeyPair();
    const { envelope } = await sealPayload([alice.publicKey], textPayload);
    await expect(openEnvelope(bob.privateKey, envelope)).rejects.toThrow(/could not be checked/);
  });

  it('a flipped bit in any byte fails', async () => {
    const { publicKey, privateKey } = await generateKeyPair();
    const { envelope } = await sealPayload([publicKey], { ...textPayload, text: 'short' });
    const bytes = fromBase64Url(envelope);
    // Every byte of the envelope, each at a different bit (the byte's index
    // mod 8): about 150 opens. Every bit was 1,200 opens and 20 s of CI.
    for (let byte = 0; byte < bytes.length; byte++) {
      const copy = bytes.slice();
      copy[byte]! ^= 1 << (byte & 7);
      await expect(openEnvelope(privateKey, toBase64Url(copy)), `byte ${byte}`).rejects.toThrow(/could not be checked/);
    }
  }, 60_000);

  it('bad version, truncation and garbage fail', async () => {
    const { publicKey, privateKey } = await generateKeyPair();
    const bytes = fromBase64Url((await sealPayload([publicKey], textPayload)).envelope);
    for (const v of [0, 1, 2, 4, 255]) {
      const copy = bytes.slice();
      copy[0] = v;
      await expect(openEnvelope(privateKey, toBase64Url(copy))).rejects.toThrow(/could not be checked/);
    }
    await expect(openEnvelope(privateKey, toBase64Url(bytes.subarray(0, bytes.length - 1)))).rejects.toThrow(/could not be checked/);
    await expect(openEnvelope(privateKey, toBase64Url(bytes.subarray(0, 70)))).rejects.toThrow(/could not be checked/);
    await expect(openEnvelope(privateKey, toBase64Url(bytes.subarray(0, PREFIX + ENTRY + 12)))).rejects.toThrow(/could not be checked/);
    for (const count of [0, 2, 255]) {
      const copy = bytes.slice();
      copy[PREFIX - 1] = count;
      await expect(openEnvelope(privateKey, toBase64Url(copy)), `count ${count}`).rejects.toThrow(/could not be checked/);
    }
    await expect(openEnvelope(privateKey, '')).rejects.toThrow(/could not be checked/);
    await expect(openEnvelope(privateKey, 'not base64url!')).rejects.toThrow(/could not be checked/);
  });

  it('rejects invalid public keys', async () => {
    const { publicKey } = await generateKeyPair();
    const raw = fromBase64Url(publicKey);
    const notOnCurve = raw.slice();
    notOnCurve[64]! ^= 1;
    const compressed = new Uint8Array(33);
    compressed.set(raw.subarray(0, 33));
    compressed[0] = 2 + (raw[64]! & 1);
    const wrongPrefix = raw.slice();
    wrongPrefix[0] = 5;
    const bad = [
      toBase64Url(raw.subarray(0, 64)),
      toBase64Url(new Uint8Array([...raw, 0])),
      toBase64Url(notOnCurve),
      toBase64Url(compressed),
      toBase64Url(wrongPrefix),
      toBase64Url(new Uint8Array(65).fill(0).fill(4, 0, 1)), // (0,0) is not on P-256
      publicKey + '=',
      publicKey.replace(/.$/, '*'),
      '',
      'garbage!!',
    ];
    for (const k of bad) {
      await expect(importPublicKey(k), k).rejects.toThrow(TypeError);
      await expect(importPublicKey(k), k).rejects.toThrow('Not a valid public key');
      await expect(sealPayload([k], textPayload), k).rejects.toThrow('Not a valid public key');
      await expect(sealPayload([publicKey, k], textPayload), k).rejects.toThrow('Not a valid public key');
    }
    await expect(importPublicKey(publicKey)).resolves.toBeDefined();
  });

  it('fingerprint: 16 Crockford chars in 4 groups, stable, key-specific', async () => {
    const a = await generateKeyPair();
    const b = await generateKeyPair();
    const fa = await fingerprint(a.publicKey);
    expect(fa).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(await fingerprint(a.publicKey)).toBe(fa);
    expect(await fingerprint(b.publicKey)).not.toBe(fa);
    // Known answer: the P-256 generator point; first 10 bytes of its SHA-256, base32.
    const g = toBase64Url(
      new Uint8Array(
        ('04' + '6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296' + '4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5')
          .match(/../g)!
          .map((h) => parseInt(h, 16)),
      ),
    );
    const digest = await sha256Hex(fromBase64Url(g));
    let bits = '';
    for (const h of digest.slice(0, 20)) bits += parseInt(h, 16).toString(2).padStart(4, '0');
    const expected = bits
      .match(/.{5}/g)!
      .map((x) => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[parseInt(x, 2)])
      .join('')
      .match(/.{4}/g)!
      .join('-');
    expect(await fingerprint(g)).toBe(expected);
    await expect(fingerprint('nope')).rejects.toThrow(TypeError);
  });

  it('sha256Hex matches a known vector', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('base64url round-trips and matches Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const s = toBase64Url(bytes);
        expect(s).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(s)).toEqual(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it('base64url decoding is strict', () => {
    for (const s of ['A', 'AAAAA', 'AA==', 'AB', 'AAB', 'A+/A', 'AA AA', 'ÀAAA', 'AA\n']) {
      expect(() => fromBase64Url(s), s).toThrow(TypeError);
    }
    expect(fromBase64Url('')).toEqual(new Uint8Array(0));
    expect(fromBase64Url('AA')).toEqual(new Uint8Array([0]));
    expect(fromBase64Url('_-8')).toEqual(new Uint8Array([0xff, 0xef]));
  });

  it('starts with version 3, the sender key, and one entry per recipient', async () => {
    const { publicKey } = await generateKeyPair();
    const bytes = fromBase64Url((await sealPayload([publicKey], textPayload)).envelope);
    expect(bytes[0]).toBe(3);
    expect(toBase64Url(bytes.subarray(1, 66))).toBe(SENDER.publicKey);
    expect(bytes[PREFIX - 1]).toBe(1);
    await expect(sealPayload([], textPayload)).rejects.toThrow();
    // The same key twice is sealed to once.
    expect(fromBase64Url((await sealPayload([publicKey, publicKey], textPayload)).envelope)[PREFIX - 1]).toBe(1);
  });
});

describe('forward/crypto: several recipients', () => {
  async function threeDevices() {
    return Promise.all([generateKeyPair(), generateKeyPair(), generateKeyPair()]);
  }

  it('each of 3 devices opens the same payload, with the same receipt hash', async () => {
    const devices = await threeDevices();
    const { envelope, sha256 } = await sealPayload(
      devices.map((d) => d.publicKey),
      textPayload,
    );
    expect(fromBase64Url(envelope)[PREFIX - 1]).toBe(3);
    for (const device of devices) {
      expect(await openEnvelope(device.privateKey, envelope)).toEqual({ ...textPayload, sha256 });
    }
  });

  it('a device that is not a recipient cannot open it', async () => {
    const devices = await threeDevices();
    const outsider = await generateKeyPair();
    const { envelope } = await sealPayload(
      devices.map((d) => d.publicKey),
      textPayload,
    );
    await expect(openEnvelope(outsider.privateKey, envelope)).rejects.toThrow(/could not be checked/);
  });

  it('tampering with any header byte fails for every recipient', async () => {
    const devices = await threeDevices();
    const { envelope } = await sealPayload(
      devices.map((d) => d.publicKey),
      { ...textPayload, text: 'short' },
    );
    const bytes = fromBase64Url(envelope);
    const headerLength = PREFIX + 3 * ENTRY + 12;
    // A sample of bits in each part: count, every entry (enc and wrapped key), and the IV.
    const positions = [
      1,
      PREFIX - 1,
      ...[0, 1, 2].flatMap((i) => [entryStart(i) + 1, entryStart(i) + 9, entryStart(i) + 72, entryStart(i) + 73, entryStart(i) + 104]),
      headerLength - 12,
      headerLength - 1,
    ];
    for (const byte of positions) {
      const copy = bytes.slice();
      copy[byte]! ^= 1;
      for (const device of devices) {
        await expect(openEnvelope(device.privateKey, toBase64Url(copy)), `byte ${byte}`).rejects.toThrow(/could not be checked/);
      }
    }
  });

  it('swapping, dropping or copying entries fails', async () => {
    const devices = await threeDevices();
    const { envelope } = await sealPayload(
      devices.map((d) => d.publicKey),
      textPayload,
    );
    const bytes = fromBase64Url(envelope);
    const entry = (i: number) => bytes.slice(entryStart(i), entryStart(i + 1));
    // Swap entries 0 and 1: each key still finds its own entry, but the header no longer matches.
    const swapped = bytes.slice();
    swapped.set(entry(1), entryStart(0));
    swapped.set(entry(0), entryStart(1));
    // Drop entry 2 and say there are 2.
    const dropped = new Uint8Array(bytes.length - ENTRY);
    dropped.set(bytes.subarray(0, entryStart(2)));
    dropped.set(bytes.subarray(entryStart(3)), entryStart(2));
    dropped[PREFIX - 1] = 2;
    // Another envelope's entry for device 0 moved into this one.
    const other = fromBase64Url((await sealPayload([devices[0]!.publicKey], textPayload)).envelope);
    const spliced = bytes.slice();
    spliced.set(other.subarray(PREFIX, PREFIX + ENTRY), entryStart(0));
    for (const [name, copy] of Object.entries({ swapped, dropped, spliced })) {
      for (const device of devices) {
        await expect(openEnvelope(device.privateKey, toBase64Url(copy)), name).rejects.toThrow(/could not be checked/);
      }
    }
  });
});

describe('forward/crypto: signed device keys', () => {
  it('signing key: non-extractable private key, raw public key, 64-byte signatures', async () => {
    const signing = await generateSigningKeyPair();
    expect(signing.privateKey.extractable).toBe(false);
    expect(signing.privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    await expect(crypto.subtle.exportKey('jwk', signing.privateKey)).rejects.toThrow();
    const raw = fromBase64Url(signing.publicKey);
    expect(raw.length).toBe(65);
    expect(raw[0]).toBe(4);
    const device = await generateKeyPair();
    const signature = await signDeviceKey(signing.privateKey, device.publicKey);
    expect(fromBase64Url(signature).length).toBe(64);
    // The signing key has a fingerprint like any other key, for links to pin.
    expect(await fingerprint(signing.publicKey)).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  });

  it('verifies a device key signed by the signing key', async () => {
    const signing = await generateSigningKeyPair();
    const device = await generateKeyPair();
    const signature = await signDeviceKey(signing.privateKey, device.publicKey);
    expect(await verifyDeviceKey(signing.publicKey, { publicKey: device.publicKey, signature })).toBe(true);
  });

  it('signs exactly "uc-companion device key v1\\n" + publicKey with ECDSA SHA-256 (P1363)', async () => {
    const signing = await generateSigningKeyPair();
    const device = await generateKeyPair();
    const signature = await signDeviceKey(signing.privateKey, device.publicKey);
    const key = await crypto.subtle.importKey('raw', fromBase64Url(signing.publicKey) as Uint8Array<ArrayBuffer>, { name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'verify',
    ]);
    const message = new TextEncoder().encode('uc-companion device key v1\n' + device.publicKey);
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, fromBase64Url(signature) as Uint8Array<ArrayBuffer>, message)).toBe(true);
  });

  it('rejects forged, altered, other-key and malformed signatures', async () => {
    const signing = await generateSigningKeyPair();
    const other = await generateSigningKeyPair();
    const device = await generateKeyPair();
    const another = await generateKeyPair();
    const signature = await signDeviceKey(signing.privateKey, device.publicKey);
    const flipped = fromBase64Url(signature);
    flipped[10]! ^= 1;
    const cases: Array<[string, string, { publicKey: string; signature: string }]> = [
      ['signed by another key', signing.publicKey, { publicKey: device.publicKey, signature: await signDeviceKey(other.privateKey, device.publicKey) }],
      ['checked against another key', other.publicKey, { publicKey: device.publicKey, signature }],
      ['signature moved to another device key', signing.publicKey, { publicKey: another.publicKey, signature }],
      ['flipped bit', signing.publicKey, { publicKey: device.publicKey, signature: toBase64Url(flipped) }],
      ['zero signature', signing.publicKey, { publicKey: device.publicKey, signature: toBase64Url(new Uint8Array(64)) }],
      ['short signature', signing.publicKey, { publicKey: device.publicKey, signature: toBase64Url(fromBase64Url(signature).subarray(0, 63)) }],
      ['not base64url', signing.publicKey, { publicKey: device.publicKey, signature: signature + '!' }],
      ['empty', signing.publicKey, { publicKey: device.publicKey, signature: '' }],
      ['bad signing key', 'garbage', { publicKey: device.publicKey, signature }],
      ['device key not a key', signing.publicKey, { publicKey: 'garbage', signature }],
    ];
    for (const [name, key, signed] of cases) expect(await verifyDeviceKey(key, signed), name).toBe(false);
  });

  it('will not sign something that is not a device key', async () => {
    const signing = await generateSigningKeyPair();
    await expect(signDeviceKey(signing.privateKey, 'garbage')).rejects.toThrow(TypeError);
  });
});
