// The small pure modules page, service worker and relay share.
import { describe, expect, it } from 'vitest';
import { relayRequestInit } from '../../../src/shared/protocol/relay-request';
import { toBrowserSubscription } from '../../../src/shared/protocol/push-api';
import { deviceKeyMessage } from '../../../src/shared/protocol/device-key';
import { fromBase64Url, toBase64Url, toBase64UrlWithBtoa } from '../../../src/shared/protocol/base64url';
import { newId } from '../../../src/shared/protocol/ids';
import { generateKeyPair, generateSigningKeyPair, signDeviceKey } from '../../../src/client/services/crypto';
import { verifyDeviceKey } from '../../../src/server/api/signatures';

describe('a relay call', () => {
  it('is same-origin JSON with a bearer token, no cookies and no cache', () => {
    expect(relayRequestInit('PUT', { token: 's_abc', body: { subscription: null } })).toEqual({
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer s_abc' },
      body: '{"subscription":null}',
      credentials: 'omit',
      cache: 'no-store',
    });
  });

  it('sends no body and no Content-Type without a body, and no Authorization without a token', () => {
    expect(relayRequestInit('GET')).toEqual({ method: 'GET', headers: {}, credentials: 'omit', cache: 'no-store' });
  });
});

describe('a push subscription for the relay', () => {
  it('takes the endpoint and the two keys, and empty keys when the browser gives none', () => {
    const sub = { endpoint: 'https://push.example/abc', toJSON: () => ({ endpoint: 'ignored', keys: { p256dh: 'p', auth: 'a', extra: 'x' } }) };
    expect(toBrowserSubscription(sub)).toEqual({ endpoint: 'https://push.example/abc', keys: { p256dh: 'p', auth: 'a' } });
    expect(toBrowserSubscription({ endpoint: 'https://push.example/x', toJSON: () => ({}) })).toEqual({
      endpoint: 'https://push.example/x',
      keys: { p256dh: '', auth: '' },
    });
  });
});

describe('the device-key message', () => {
  it('is the same bytes on both sides: a key the page signs verifies on the relay, and only that key', async () => {
    const signing = await generateSigningKeyPair();
    const device = await generateKeyPair();
    const other = await generateKeyPair();
    const signature = await signDeviceKey(signing.privateKey, device.publicKey);
    expect(await verifyDeviceKey(signing.publicKey, device.publicKey, signature)).toBe(true);
    expect(await verifyDeviceKey(signing.publicKey, other.publicKey, signature)).toBe(false);
    expect(new TextDecoder().decode(deviceKeyMessage('KEY'))).toBe('uc-companion device key v1\nKEY');
  });
});

describe('base64url and ids', () => {
  it('writes what Node writes, and reads it back', () => {
    const bytes = new Uint8Array(Array.from({ length: 100 }, (_, i) => (i * 37) & 0xff));
    for (let n = 0; n <= bytes.length; n += 7) {
      const part = bytes.subarray(0, n);
      expect(toBase64Url(part)).toBe(Buffer.from(part).toString('base64url'));
      expect(fromBase64Url(toBase64Url(part))).toEqual(new Uint8Array(part));
    }
  });

  it('writes the same in chunks (btoa) across chunk edges, and uses the platform encoder where there is one', () => {
    const bytes = new Uint8Array(3 * 8192 * 2 + 5).map((_, i) => (i * 131 + 7) & 0xff);
    for (const n of [0, 1, 2, 3, 3 * 8192 - 1, 3 * 8192, 3 * 8192 + 1, 3 * 8192 + 2, bytes.length]) {
      const part = bytes.subarray(0, n);
      expect(toBase64UrlWithBtoa(part), `${n} bytes`).toBe(Buffer.from(part).toString('base64url'));
    }
    const withNative = Object.assign(new Uint8Array([1, 2, 3]), { toBase64: (options: unknown) => `native ${JSON.stringify(options)}` });
    expect(toBase64Url(withNative)).toBe('native {"alphabet":"base64url","omitPadding":true}');
  });

  it('makes UUIDs, the form the relay checks item ids against', () => {
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newId()).not.toBe(newId());
  });
});
