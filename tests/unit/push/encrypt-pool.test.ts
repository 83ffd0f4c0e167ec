// Payload encryption on worker threads (src/server/push/encrypt-pool.ts):
// what the threads make decrypts, with the subscription's own keys, to the
// very payload given, each with a key and salt of its own, in the order
// asked; bad keys fail as they fail inline; a closed pool still encrypts.
import { afterAll, describe, expect, it } from 'vitest';
import { createECDH, randomBytes } from 'node:crypto';
import ece from 'http_ece';
import { createEncryptPool, encryptInline, inlineEncryptor, type EncryptJob } from '../../../src/server/push/encrypt-pool';

function subscription() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, p256dh: ecdh.getPublicKey().toString('base64url'), authText: auth.toString('base64url') };
}

function decrypt(body: Buffer, sub: ReturnType<typeof subscription>): string {
  return ece.decrypt(body, { version: 'aes128gcm', privateKey: sub.ecdh, authSecret: sub.authText }).toString('utf8');
}

const pool = createEncryptPool(2);
afterAll(() => pool.close());

describe('push encryption pool', () => {
  it('bodies from the threads decrypt to the payloads given, in order, each with its own key and salt', async () => {
    const subs = Array.from({ length: 5 }, subscription);
    const jobs: EncryptJob[] = Array.from({ length: 40 }, (_, i) => {
      const sub = subs[i % subs.length]!;
      return { p256dh: sub.p256dh, auth: sub.authText, payload: JSON.stringify({ v: 1, id: `id-${i}`, kind: 'reply', text: 'é'.repeat(i) }) };
    });
    // Several calls at once, as the scheduler makes them: spread over both threads.
    const groups = await Promise.all([pool.encrypt(jobs.slice(0, 10)), pool.encrypt(jobs.slice(10, 25)), pool.encrypt(jobs.slice(25))]);
    const bodies = groups.flat();
    expect(bodies).toHaveLength(jobs.length);
    bodies.forEach((body, i) => {
      expect(body).toBeInstanceOf(Buffer);
      expect(decrypt(body as Buffer, subs[i % subs.length]!)).toBe(jobs[i]!.payload);
    });
    // aes128gcm header: 16-byte salt, record size, key id length 65, the sender's fresh public key.
    const salts = new Set(bodies.map((body) => (body as Buffer).subarray(0, 16).toString('hex')));
    const keys = new Set(bodies.map((body) => (body as Buffer).subarray(21, 86).toString('hex')));
    expect(salts.size).toBe(jobs.length);
    expect(keys.size).toBe(jobs.length);
    // The same length as web-push makes on this thread (same padding, one record).
    expect(bodies.map((body) => (body as Buffer).length)).toEqual(jobs.map((job) => (encryptInline(job) as Buffer).length));
  });

  it('bad keys give the same error as inline, and do not spoil the rest of the group', async () => {
    const good = subscription();
    const jobs: EncryptJob[] = [
      { p256dh: 'c2hvcnQ', auth: good.authText, payload: '{"v":1}' },
      { p256dh: good.p256dh, auth: good.authText, payload: '{"v":1,"id":"ok"}' },
      { p256dh: good.p256dh, auth: 'c2hvcnQ', payload: '{"v":1}' },
    ];
    const [badKey, ok, badAuth] = await pool.encrypt(jobs);
    expect(badKey).toBeInstanceOf(Error);
    expect((badKey as Error).message).toBe((encryptInline(jobs[0]!) as Error).message);
    expect((badKey as Error).message).toMatch(/p256dh/);
    expect(decrypt(ok as Buffer, good)).toBe('{"v":1,"id":"ok"}');
    expect((badAuth as Error).message).toBe((encryptInline(jobs[2]!) as Error).message);
  });

  it('no threads, or a closed pool, encrypts on the calling thread', async () => {
    const sub = subscription();
    const job = { p256dh: sub.p256dh, auth: sub.authText, payload: '{"v":1,"id":"inline"}' };
    expect(createEncryptPool(0)).toBe(inlineEncryptor);
    const closed = createEncryptPool(1);
    await closed.close();
    const [body] = await closed.encrypt([job]);
    expect(decrypt(body as Buffer, sub)).toBe(job.payload);
    expect(await pool.encrypt([])).toEqual([]);
  });
});
