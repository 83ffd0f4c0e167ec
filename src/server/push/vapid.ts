// VAPID keys for web push: from the environment (VAPID_PUBLIC_KEY +
// VAPID_PRIVATE_KEY), else made on first start and kept in the `settings`
// table, so every relay process on one database signs with the same keys (a
// browser's subscription is tied to the public key it was made with).
import webpush from 'web-push';
import type { Config } from '../config';
import type { Store } from '../store/store';

export const VAPID_SETTING = 'vapid';

export interface Vapid {
  /** base64url, 65-byte uncompressed P-256 point: the applicationServerKey. */
  publicKey: string;
  /** base64url, 32 bytes. */
  privateKey: string;
  /** mailto: or https: (PUSH_SUBJECT). */
  subject: string;
}

function parseStored(text: string): { publicKey: string; privateKey: string } {
  const value = JSON.parse(text) as unknown;
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { publicKey?: unknown }).publicKey === 'string' &&
    typeof (value as { privateKey?: unknown }).privateKey === 'string'
  ) {
    const { publicKey, privateKey } = value as { publicKey: string; privateKey: string };
    return { publicKey, privateKey };
  }
  throw new Error(`The stored VAPID keys (settings "${VAPID_SETTING}") are damaged.`);
}

/** The relay's VAPID keys and subject; makes and stores the keys once when the environment has none. */
export async function loadVapid(store: Pick<Store, 'initSetting'>, config: Pick<Config, 'pushSubject' | 'vapidKeys'>): Promise<Vapid> {
  if (config.vapidKeys) return { ...config.vapidKeys, subject: config.pushSubject };
  const made = webpush.generateVAPIDKeys();
  // First writer wins: a second process starting at the same time gets the first one's keys.
  const stored = await store.initSetting(VAPID_SETTING, JSON.stringify({ publicKey: made.publicKey, privateKey: made.privateKey }));
  return { ...parseStored(stored), subject: config.pushSubject };
}
