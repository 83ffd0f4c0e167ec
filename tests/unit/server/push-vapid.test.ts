// VAPID keys: from the environment, else made once and kept in the database
// so every relay process on it signs with the same keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { DEFAULT_PUSH_SUBJECT } from '../../../src/server/config';
import { loadVapid, VAPID_SETTING } from '../../../src/server/push/vapid';
import { openStore } from '../../../src/server/store/open-store';
import type { Store } from '../../../src/server/store/store';

describe('VAPID keys', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ dataDir: null });
  });
  afterAll(() => store?.close());

  it('are made on first start and kept in the settings table', async () => {
    const first = await loadVapid(store, { pushSubject: DEFAULT_PUSH_SUBJECT, vapidKeys: null });
    expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(first.privateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.subject).toBe(DEFAULT_PUSH_SUBJECT);
    const again = await loadVapid(store, { pushSubject: 'mailto:a@b.example.org', vapidKeys: null });
    expect(again).toEqual({ ...first, subject: 'mailto:a@b.example.org' });
    expect(JSON.parse((await store.getSetting(VAPID_SETTING))!)).toEqual({ publicKey: first.publicKey, privateKey: first.privateKey });
    // They sign: web-push accepts them.
    expect(() => webpush.getVapidHeaders('https://fcm.googleapis.com', first.subject, first.publicKey, first.privateKey, 'aes128gcm')).not.toThrow();
  });

  it('come from the environment when set, leaving the stored ones alone', async () => {
    const keys = webpush.generateVAPIDKeys();
    const stored = await store.getSetting(VAPID_SETTING);
    expect(await loadVapid(store, { pushSubject: DEFAULT_PUSH_SUBJECT, vapidKeys: keys })).toEqual({ ...keys, subject: DEFAULT_PUSH_SUBJECT });
    expect(await store.getSetting(VAPID_SETTING)).toBe(stored);
  });

  it('a damaged stored value is a clear error', async () => {
    const other = await openStore({ dataDir: null });
    try {
      await other.setSetting(VAPID_SETTING, '{"publicKey":1}');
      await expect(loadVapid(other, { pushSubject: DEFAULT_PUSH_SUBJECT, vapidKeys: null })).rejects.toThrow(/damaged/);
    } finally {
      await other.close();
    }
  });
});
