// Reminders sent in the last 7 days, for the in-app list and the badge: on
// an iPhone without the app on the Home Screen this is the only place they show.
import type { RecentReminder } from '../../shared/protocol/push-types';
import { getSubscriber } from '../data/push-db';
import { pushApi } from './push-client';

/** Newest first; none when reminders are off. */
export async function recentReminders(): Promise<RecentReminder[]> {
  const record = await getSubscriber('claimant');
  if (!record) return [];
  const list = await pushApi.recent(record.subscriberToken);
  return [...list].sort((a, b) => (a.sentAt < b.sentAt ? 1 : a.sentAt > b.sentAt ? -1 : 0));
}

const SEEN_KEY = 'uc-push-seen';

export function lastSeen(): string {
  try {
    return localStorage.getItem(SEEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function markSeen(at: string): void {
  try {
    if (at > lastSeen()) localStorage.setItem(SEEN_KEY, at);
  } catch {
    /* the badge shows again next time */
  }
}

export function countUnseen(list: readonly RecentReminder[], seen = lastSeen()): number {
  return list.filter((reminder) => reminder.sentAt > seen).length;
}
