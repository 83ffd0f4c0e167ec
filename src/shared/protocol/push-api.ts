// The addresses of the relay's push routes (push-types.ts says what each
// takes and gives) and the subscription as the relay wants it: shared by the
// page and by the service worker, which snoozes and re-subscribes on its own.
import type { BrowserSubscription } from './push-types';

export const PUSH_PATHS = {
  /** GET → VapidKey */
  key: '/api/push/key',
  /** POST SubscribeRequest → SubscribeResponse */
  subscribers: '/api/push/subscribers',
  /** PUT ResyncRequest → 204; DELETE → 204 */
  subscription: '/api/push/subscription',
  /** PUT Preferences → Preferences */
  preferences: '/api/push/preferences',
  /** POST SnoozeRequest → 201 */
  snooze: '/api/push/snooze',
  /** GET → RecentReminder[] */
  recent: '/api/push/recent',
} as const;

/** What a browser's PushSubscription has that the relay needs (its JSON form carries the keys). */
export interface PushSubscriptionLike {
  endpoint: string;
  toJSON(): { keys?: Record<string, string> };
}

export function toBrowserSubscription(subscription: PushSubscriptionLike): BrowserSubscription {
  const keys = subscription.toJSON().keys;
  return { endpoint: subscription.endpoint, keys: { p256dh: keys?.p256dh ?? '', auth: keys?.auth ?? '' } };
}
