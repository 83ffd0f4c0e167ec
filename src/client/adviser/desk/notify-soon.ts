// "A new item has a deadline within 7 days": a notification shown by this
// computer itself (the relay cannot see deadlines, and is told nothing).
// Discreet words, as for every push: no client, no kind, no date. A tap
// opens the deadlines board (the service worker's notificationclick). The
// service worker shows the same notification (same tag, words and tap) when
// a push's sealed deadline hint says so (src/sw/deadline-push.ts), and notes
// the item: this computer then does not say it a second time for that item.
import { ADVISER_SOON_SHOWN_URL, ADVISER_SOON_TAG, PUSH_TEXTS_CACHE, addShown, adviserSoonNotification } from '../../../shared/protocol/push-routing';

export const SOON_TAG = ADVISER_SOON_TAG;

/** The items the service worker (or this page) already notified about. */
async function shownItems(): Promise<string[]> {
  if (typeof caches === 'undefined') return [];
  try {
    const found = await (await caches.open(PUSH_TEXTS_CACHE)).match(ADVISER_SOON_SHOWN_URL);
    return addShown(found ? await found.json() : [], []);
  } catch {
    return [];
  }
}

async function noteShown(itemId: string): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    const cache = await caches.open(PUSH_TEXTS_CACHE);
    await cache.put(
      ADVISER_SOON_SHOWN_URL,
      new Response(JSON.stringify(addShown(await shownItems(), [itemId])), { headers: { 'Content-Type': 'application/json' } }),
    );
  } catch {
    /* only a second notification at worst */
  }
}

/** This page's service worker registration once it has an active worker (none: no service worker here). */
async function activeRegistration(): Promise<ServiceWorkerRegistration | undefined> {
  const registration = await navigator.serviceWorker.getRegistration();
  // While an update installs or activates there can be a moment with no active worker, and showNotification needs one.
  return registration && !registration.active ? navigator.serviceWorker.ready : registration;
}

const RETRY_MS = 1_000;

/** Shows the notification unless it was already shown for `itemId` (by a push, say); true when shown now. */
export async function notifySoon(title: string, body: string, itemId?: string): Promise<boolean> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted' || !('serviceWorker' in navigator)) return false;
  try {
    if (itemId !== undefined && (await shownItems()).includes(itemId)) return false;
    // The same notification the service worker shows for a push (push-routing.ts), in this page's words.
    const { options } = adviserSoonNotification();
    const show = async () => {
      const registration = await activeRegistration();
      if (!registration) return false;
      await registration.showNotification(title, { ...options, body } as NotificationOptions);
      return true;
    };
    // A deadline within 7 days is worth a second try: a busy browser can refuse once.
    const shown = await show().catch(() => new Promise<boolean>((resolve) => setTimeout(() => resolve(show()), RETRY_MS)));
    if (shown && itemId !== undefined) await noteShown(itemId);
    return shown;
  } catch (error) {
    // The page has already said it in words (tellSoon); the console says why the notification did not come.
    console.warn('The "deadline within 7 days" notification could not be shown:', error);
    return false;
  }
}

/** Says it on the page (polite live region) and, when allowed and not already shown for this item, as a notification. */
export function tellSoon(t: (key: string) => string, announce: (message: string) => void, itemId?: string): void {
  announce(t('adviser:desk.soonAnnounce'));
  void notifySoon(t('adviser:desk.notification.title'), t('adviser:desk.notification.body'), itemId);
}
