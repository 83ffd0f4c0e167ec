// The IndexedDB database that the service worker reads as well as the page.
// The page owns it (src/client/data/push-db.ts: its migrations and every
// write); the service worker only reads the subscriber tokens, to snooze a
// reminder and to re-subscribe when the browser changes the subscription.
import type { DBSchema } from 'idb';

export const PUSH_DB_NAME = 'uc-push';
export const SUBSCRIBERS_STORE = 'subscribers';

/** Who a push subscription on this device is for. */
export type PushRole = 'claimant' | 'adviser';

/** The part of each `subscribers` record that the service worker reads (key: `role`). */
export interface SubscriberToken {
  role: PushRole;
  subscriberToken: string;
  /** The claimant's or adviser's credential the subscriber was made with: the relay wants it to re-sync or delete it. */
  ownerToken?: string;
}

/** The schema as the service worker sees it. */
export interface PushDbForWorker extends DBSchema {
  subscribers: { key: PushRole; value: SubscriberToken };
}
