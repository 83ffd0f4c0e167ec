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

/** Shows the notification unless it was already shown for `itemId` (by a push, say); true when shown now. */
export async function notifySoon(title: string, body: string, itemId?: string): Promise<boolean> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted' || !('serviceWorker' in navigator)) return false;
  try {
    if (itemId !== undefined && (await shownItems()).includes(itemId)) return false;
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) return false;
    // The same notification the service worker shows for a push (push-routing.ts), in this page's words.
    const { options } = adviserSoonNotification();
    await registration.showNotification(title, { ...options, body } as NotificationOptions);
    if (itemId !== undefined) await noteShown(itemId);
    return true;
  } catch {
    return false;
  }
}

/** Says it on the page (polite live region) and, when allowed and not already shown for this item, as a notification. */
export function tellSoon(t: (key: string) => string, announce: (message: string) => void, itemId?: string): void {
  announce(t('adviser:desk.soonAnnounce'));
  void notifySoon(t('adviser:desk.notification.title'), t('adviser:desk.notification.body'), itemId);
}
