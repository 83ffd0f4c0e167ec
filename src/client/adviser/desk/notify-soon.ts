// "A new item has a deadline within 7 days": a notification shown by this
// computer itself (the relay cannot see deadlines, and is told nothing).
// Discreet words, as for every push: no client, no kind, no date. A tap
// opens the deadlines board (the service worker's notificationclick).
import type { NotificationData } from '../../../shared/protocol/push-routing';

export const SOON_TAG = 'adviser-deadline-soon';

export async function notifySoon(title: string, body: string): Promise<boolean> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted' || !('serviceWorker' in navigator)) return false;
  try {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) return false;
    const data: NotificationData = { url: '/adviser/deadlines', id: SOON_TAG, kind: null };
    await registration.showNotification(title, { body, tag: SOON_TAG, lang: 'en', dir: 'ltr', icon: '/icons/icon-192.png', badge: '/icons/icon-192.png', data });
    return true;
  } catch {
    return false;
  }
}

/** Says it on the page (polite live region) and, when allowed, as a notification. */
export function tellSoon(t: (key: string) => string, announce: (message: string) => void): void {
  announce(t('adviser:desk.soonAnnounce'));
  void notifySoon(t('adviser:desk.notification.title'), t('adviser:desk.notification.body'));
}
