// The VAPID JWT cache (RFC 8292): one signed JWT per push-service origin,
// reused while it has more than an hour left, signed again after; and the
// sender really reuses it across pushes.
import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { migrate } from '../../../src/server/store/migrations';
import { createSqlStore } from '../../../src/server/store/sql-store';
import { openPglite } from '../../../src/server/store/pglite-driver';
import type { SqlDriver } from '../../../src/server/store/driver';
import { startScheduler } from '../../../src/server/push/scheduler';
import { audienceOf, JWT_CACHE_MAX, JWT_RENEW_BEFORE_S, JWT_VALIDITY_S, VapidJwtCache } from '../../../src/server/push/vapid-jwt';
import { insertReminder, insertSubscriber } from '../../support/push-rows';
import { startPushService, type PushService } from '../../support/push-service';

const keys = webpush.generateVAPIDKeys();
const vapid = { subject: 'mailto:test@example.org', publicKey: keys.publicKey, privateKey: keys.privateKey };
const FCM = 'https://fcm.googleapis.com/fcm/send/abc:def';
const MOZILLA = 'https://updates.push.services.mozilla.com/wpush/v2/gAAAA';

interface Decoded {
  header: { typ: string; alg: string };
  claims: { aud: string; exp: number; sub: string };
  valid: boolean;
  k: string;
}

/** Splits `vapid t=<jwt>, k=<key>` and checks the ES256 signature with the VAPID public key. */
function decode(authorization: string): Decoded {
  const match = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(authorization);
  if (!match) throw new Error(`not a VAPID header: ${authorization}`);
  const [, head, body, signature, k] = match as unknown as [string, string, string, string, string];
  const raw = Buffer.from(keys.publicKey, 'base64url');
  const publicKey = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33).toString('base64url') },
    format: 'jwk',
  });
  const valid = verify('sha256', Buffer.from(`${head}.${body}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  return {
    header: JSON.parse(Buffer.from(head, 'base64url').toString('utf8')),
    claims: JSON.parse(Buffer.from(body, 'base64url').toString('utf8')),
    valid,
    k,
  };
}

describe('VAPID JWT cache', () => {
  it('signs a valid ES256 JWT for the endpoint origin, as web-push does', () => {
    const clock = { ms: Date.parse('2025-03-10T10:00:00Z') };
    const cache = new VapidJwtCache(vapid, { now: () => clock.ms });
    const ours = decode(cache.authorization(FCM));
    expect(ours.valid).toBe(true);
    expect(ours.k).toBe(keys.publicKey);
    expect(ours.header).toEqual({ typ: 'JWT', alg: 'ES256' });
    expect(ours.claims).toEqual({ aud: 'https://fcm.googleapis.com', exp: clock.ms / 1000 + JWT_VALIDITY_S, sub: vapid.subject });
    // RFC 8292: no more than 24 hours.
    expect(JWT_VALIDITY_S).toBeLessThanOrEqual(24 * 60 * 60);

    // Same header and claims as web-push's own (it signs a new one each time).
    const theirs = decode(
      webpush.getVapidHeaders('https://fcm.googleapis.com', vapid.subject, keys.publicKey, keys.privateKey, 'aes128gcm', ours.claims.exp).Authorization,
    );
    expect(theirs.valid).toBe(true);
    expect(theirs.header).toEqual(ours.header);
    expect(theirs.claims).toEqual(ours.claims);
  });

  it('reuses one JWT per origin while it is valid, whatever the path', () => {
    const clock = { ms: Date.parse('2025-03-10T10:00:00Z') };
    const cache = new VapidJwtCache(vapid, { now: () => clock.ms });
    const first = cache.authorization(FCM);
    clock.ms += 5 * 60 * 60 * 1000; // 5 hours later
    expect(cache.authorization('https://fcm.googleapis.com/fcm/send/other-device')).toBe(first);
    // Up to the last second before the renewal point.
    clock.ms = Date.parse('2025-03-10T10:00:00Z') + (JWT_VALIDITY_S - JWT_RENEW_BEFORE_S) * 1000 - 1000;
    expect(cache.authorization(FCM)).toBe(first);
    expect(cache.signed).toBe(1);
  });

  it('signs again when less than an hour is left', () => {
    const start = Date.parse('2025-03-10T10:00:00Z');
    const clock = { ms: start };
    const cache = new VapidJwtCache(vapid, { now: () => clock.ms });
    const first = cache.authorization(FCM);
    clock.ms = start + (JWT_VALIDITY_S - JWT_RENEW_BEFORE_S) * 1000; // exactly an hour left
    const second = cache.authorization(FCM);
    expect(second).not.toBe(first);
    expect(cache.signed).toBe(2);
    const claims = decode(second).claims;
    expect(claims.exp).toBe(clock.ms / 1000 + JWT_VALIDITY_S);
    expect(decode(second).valid).toBe(true);
    // And the new one is reused in turn.
    clock.ms += 60_000;
    expect(cache.authorization(FCM)).toBe(second);
    expect(cache.signed).toBe(2);
  });

  it('keeps a separate JWT for each push-service origin (scheme, host and port)', () => {
    const cache = new VapidJwtCache(vapid);
    const fcm = cache.authorization(FCM);
    const mozilla = cache.authorization(MOZILLA);
    const local = cache.authorization('https://127.0.0.1:8443/push/x');
    const otherPort = cache.authorization('https://127.0.0.1:9443/push/x');
    expect(new Set([fcm, mozilla, local, otherPort]).size).toBe(4);
    expect(decode(mozilla).claims.aud).toBe('https://updates.push.services.mozilla.com');
    expect(decode(local).claims.aud).toBe('https://127.0.0.1:8443');
    expect(decode(otherPort).claims.aud).toBe('https://127.0.0.1:9443');
    // The default port is left out, as in web-push's audience.
    expect(audienceOf('https://fcm.googleapis.com:443/fcm/send/x')).toBe('https://fcm.googleapis.com');
    expect(cache.authorization(FCM)).toBe(fcm);
    expect(cache.authorization(MOZILLA)).toBe(mozilla);
    expect(cache.signed).toBe(4);
  });

  it('remembers a bounded number of origins', () => {
    const cache = new VapidJwtCache(vapid);
    for (let i = 0; i < JWT_CACHE_MAX + 10; i++) cache.authorization(`https://push${i}.example.org/x`);
    expect(cache.size).toBeLessThanOrEqual(JWT_CACHE_MAX);
    // The newest are kept.
    const signed = cache.signed;
    cache.authorization(`https://push${JWT_CACHE_MAX + 9}.example.org/y`);
    expect(cache.signed).toBe(signed);
  });

  it('refuses keys of the wrong size', () => {
    expect(() => new VapidJwtCache({ ...vapid, privateKey: 'abc' })).toThrow(/private key/);
    expect(() => new VapidJwtCache({ ...vapid, publicKey: 'abc' })).toThrow(/public key/);
  });
});

describe('the sender reuses the JWT', () => {
  let service: PushService;
  let driver: SqlDriver;
  beforeAll(async () => {
    service = await startPushService();
    driver = await openPglite(null);
    await migrate(driver);
  }, 90_000); // PGlite takes long to open when the shared machine is busy
  afterAll(async () => {
    await driver?.close();
    await service?.close();
  });

  it('every push to one push service in a pass carries the same valid VAPID JWT', async () => {
    const now = new Date();
    const subscribers = [await insertSubscriber(driver, service.origin), await insertSubscriber(driver, service.origin)];
    for (const sub of subscribers) for (let i = 0; i < 3; i++) await insertReminder(driver, sub.id, { kind: 'reply', dueAt: new Date(now.getTime() - 1000) });
    const scheduler = startScheduler({ store: createSqlStore(driver), vapid, agent: service.agent, policy: service.policy, loop: false, concurrency: 3 });
    expect(await scheduler.runOnce()).toBe(6);
    await scheduler.stop();
    expect(service.requests).toHaveLength(6);
    const headers = new Set(service.requests.map((request) => request.authorization));
    expect(headers.size).toBe(1);
    const decoded = decode([...headers][0]!);
    expect(decoded.valid).toBe(true);
    expect(decoded.claims.aud).toBe(service.origin);
    // Signed with the real clock: good for 12 hours from now, give or take the test's run.
    expect(Math.abs(decoded.claims.exp - (Date.now() / 1000 + JWT_VALIDITY_S))).toBeLessThan(120);
  });
});
