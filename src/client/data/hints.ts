// This module is in the first download: think before adding to it.
// One-bit hints in localStorage, so the app loads optional code (reminders)
// (reminders, the outbox) only for people who use it.

/** Set while this device has reminders turned on (claimant). */
export const PUSH_HINT = 'uc-push-on';
/** Set while this phone is connected to an adviser (the outbox is sent when the app opens). */
export const FORWARD_HINT = 'uc-forward-connected';
/** Set while this adviser computer gets notifications. */
export const PUSH_ADVISER_HINT = 'uc-push-adviser';

export function hasHint(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

export function setHint(key: string, on: boolean): void {
  try {
    if (on) localStorage.setItem(key, '1');
    else localStorage.removeItem(key);
  } catch {
    /* no storage: the app just doesn't know until the screen opens */
  }
}
