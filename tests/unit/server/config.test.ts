import { DEFAULT_POLICY } from '../../../src/server/push/endpoint-policy';
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import webpush from 'web-push';
import { DEFAULT_PUSH_SUBJECT, loadConfig } from '../../../src/server/config';

describe('relay config', () => {
  it('has defaults for the store, origin and retention', () => {
    expect(loadConfig({ PORT: '9000' })).toMatchObject({
      dataDir: resolve('data'),
      databaseUrl: null,
      publicOrigin: 'http://127.0.0.1:9000',
      retentionSeenDays: 30,
      retentionMaxDays: 90,
    });
  });
  it('reads the environment', () => {
    const config = loadConfig({
      DATA_DIR: '/tmp/x',
      DATABASE_URL: 'postgres://u@db/app',
      PUBLIC_ORIGIN: 'https://relay.example.org',
      RETENTION_SEEN_DAYS: '7',
      RETENTION_MAX_DAYS: '14',
    });
    expect(config).toMatchObject({
      dataDir: '/tmp/x',
      databaseUrl: 'postgres://u@db/app',
      publicOrigin: 'https://relay.example.org',
      retentionSeenDays: 7,
      retentionMaxDays: 14,
    });
  });
  it('rejects bad values with clear messages', () => {
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'relay.example.org' })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'ftp://relay.example.org' })).toThrow(/http\(s\) origin/);
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'https://relay.example.org/app' })).toThrow(/no path/);
    expect(() => loadConfig({ RETENTION_SEEN_DAYS: 'thirty' })).toThrow(/RETENTION_SEEN_DAYS must be a whole number/);
    expect(() => loadConfig({ RETENTION_MAX_DAYS: '0' })).toThrow(/RETENTION_MAX_DAYS/);
    expect(() => loadConfig({ RETENTION_SEEN_DAYS: '60', RETENTION_MAX_DAYS: '30' })).toThrow(/must not be less/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres/);
  });

  describe('push', () => {
    it('defaults to a mailto: subject that is not localhost, and no VAPID keys (made in the database)', () => {
      expect(DEFAULT_PUSH_SUBJECT).toMatch(/^mailto:[^@]+@[a-z0-9-]+\.[a-z.]+$/);
      expect(DEFAULT_PUSH_SUBJECT).not.toMatch(/localhost/);
      expect(loadConfig({})).toMatchObject({ pushSubject: DEFAULT_PUSH_SUBJECT, vapidKeys: null });
    });
    it('takes a mailto: address or an https: URL as PUSH_SUBJECT', () => {
      expect(loadConfig({ PUSH_SUBJECT: 'mailto:admin@advice.example.org' }).pushSubject).toBe('mailto:admin@advice.example.org');
      expect(loadConfig({ PUSH_SUBJECT: 'https://advice.example.org/contact' }).pushSubject).toBe('https://advice.example.org/contact');
    });
    it('refuses other subjects with a clear message', () => {
      for (const bad of [
        'admin@advice.example.org',
        'mailto:admin@localhost',
        'mailto:admin',
        'mailto:',
        'http://advice.example.org',
        'https://localhost',
        'https://intranet/x',
        'ftp://a.example.org',
        'mailto:a b@example.org',
      ]) {
        expect(() => loadConfig({ PUSH_SUBJECT: bad }), bad).toThrow(/PUSH_SUBJECT must be mailto:<address> or an https:\/\/ URL/);
      }
    });
    it('reads VAPID keys from the environment, both or neither, one pair', () => {
      const keys = webpush.generateVAPIDKeys();
      expect(loadConfig({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey }).vapidKeys).toEqual(keys);
      expect(() => loadConfig({ VAPID_PUBLIC_KEY: keys.publicKey })).toThrow(/both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither/);
      expect(() => loadConfig({ VAPID_PRIVATE_KEY: keys.privateKey })).toThrow(/or neither/);
      expect(() => loadConfig({ VAPID_PUBLIC_KEY: 'abc', VAPID_PRIVATE_KEY: keys.privateKey })).toThrow(/VAPID_PUBLIC_KEY must be/);
      expect(() => loadConfig({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: 'abc' })).toThrow(/VAPID_PRIVATE_KEY must be/);
      const other = webpush.generateVAPIDKeys();
      expect(() => loadConfig({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: other.privateKey })).toThrow(/not one key pair/);
    });
    it('refuses VAPID keys that are not base64url, a compressed public key, or a private key of the wrong length', () => {
      const keys = webpush.generateVAPIDKeys();
      const raw = Buffer.from(keys.publicKey, 'base64url');
      const compressed = Buffer.concat([Buffer.from([0x02 + (raw[64]! & 1)]), raw.subarray(1, 33)]).toString('base64url');
      expect(() => loadConfig({ VAPID_PUBLIC_KEY: compressed, VAPID_PRIVATE_KEY: keys.privateKey })).toThrow(/65-byte P-256 public key/);
      expect(() => loadConfig({ VAPID_PUBLIC_KEY: `+${keys.publicKey.slice(1)}`, VAPID_PRIVATE_KEY: keys.privateKey })).toThrow(
        /VAPID_PUBLIC_KEY must be the base64url/,
      );
      const longer = Buffer.concat([Buffer.from(keys.privateKey, 'base64url'), Buffer.from([0])]).toString('base64url');
      expect(() => loadConfig({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: longer })).toThrow(/32-byte P-256 private key/);
    });
    it('reads the push sender settings, with defaults, for the server and scheduler-main alike', () => {
      expect(loadConfig({}).pushSender).toEqual({
        intervalMs: 5000,
        batch: 100,
        leaseMs: 120_000,
        concurrency: 10,
        timeoutMs: null,
        encryptThreads: null,
        caFile: null,
        endpoints: DEFAULT_POLICY,
      });
      expect(
        loadConfig({
          PUSH_INTERVAL_MS: '100',
          PUSH_BATCH: '20',
          PUSH_LEASE_MS: '2500',
          PUSH_CONCURRENCY: '5',
          PUSH_TIMEOUT_MS: '1000',
          PUSH_CA_FILE: '/tmp/ca.pem',
          PUSH_ENCRYPT_THREADS: '0',
        }).pushSender,
      ).toEqual({ intervalMs: 100, batch: 20, leaseMs: 2500, concurrency: 5, timeoutMs: 1000, encryptThreads: 0, caFile: '/tmp/ca.pem', endpoints: DEFAULT_POLICY });
      expect(() => loadConfig({ PUSH_ENCRYPT_THREADS: 'two' })).toThrow(/PUSH_ENCRYPT_THREADS must be a whole number of at least 0/);
      expect(() => loadConfig({ PUSH_BATCH: 'ten' })).toThrow(/PUSH_BATCH must be a whole number of at least 1/);
      expect(() => loadConfig({ PUSH_CONCURRENCY: '0' })).toThrow(/PUSH_CONCURRENCY/);
      // A send that may outlast its lease is never started: nothing would be sent.
      expect(() => loadConfig({ PUSH_LEASE_MS: '10000', PUSH_TIMEOUT_MS: '15000' })).toThrow(/PUSH_TIMEOUT_MS \(15000\) must be less than PUSH_LEASE_MS/);
    });
  });
  it('reads TRUST_PROXY (0 to 10 proxies, default 0)', () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    for (const bad of ['-1', 'yes', '1.5', '11']) expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
  });

  it('reads the code hash key: CODE_HASH_SECRET, else a file next to the data folder', () => {
    expect(loadConfig({ DATA_DIR: '/srv/uc/data' }).codeSecret).toEqual({ kind: 'file', path: '/srv/uc/code-hash.secret' });
    expect(loadConfig({ CODE_HASH_SECRET_FILE: '/etc/uc/secret' }).codeSecret).toEqual({ kind: 'file', path: '/etc/uc/secret' });
    expect(loadConfig({ CODE_HASH_SECRET: 'k'.repeat(32) }).codeSecret).toEqual({ kind: 'value', value: 'k'.repeat(32) });
    expect(() => loadConfig({ CODE_HASH_SECRET: 'short' })).toThrow(/at least 32/);
    expect(() => loadConfig({ PUSH_ENDPOINT_HOSTS: 'https://push.example.org' })).toThrow(/PUSH_ENDPOINT_HOSTS/);
  });
});
