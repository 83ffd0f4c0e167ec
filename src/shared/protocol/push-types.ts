// Push reminders: the relay API for them and the payload every push carries.
// Payloads are discreet: no names, amounts, notice text or links to log-in
// pages. A push carries only a message key (and an opaque id); the service
// worker shows the words from the texts the app cached in the person's own
// language (see PushTexts).
import type { DeadlineId } from '../notices/types';

/** What a reminder is about. Each has texts under reminders:push.<kind>.{title,body}. */
export const PUSH_KINDS = ['reply', 'journal', 'deadline', 'adviser-new-item', 'adviser-stopped'] as const;
export type PushKind = (typeof PUSH_KINDS)[number];

/** The decrypted push payload (JSON). Nothing else is ever sent. */
export interface PushPayload {
  /** Format version. */
  v: 1;
  /** The reminder's id: also the notification tag and (without dashes) the push Topic, so a resend replaces. */
  id: string;
  kind: PushKind;
  /** For 'deadline': which deadline (DeadlineId) and how many days are left (7, 2 or 0). */
  deadline?: { id: string; daysLeft: number };
  /** An opaque local reference chosen by the device, e.g. the saved notice's random id, to open the right screen. */
  ref?: string;
  /**
   * For 'adviser-new-item': the sealed deadline hints for THIS computer of the
   * items the push stands for (at most MAX_PUSH_HINTS; see deadline-hint.ts).
   * Ciphertext only: the relay cannot read them.
   */
  hints?: PushHint[];
}

/** One item's deadline hint for one computer, with what it is bound to (the worker checks the binding when it opens it). */
export interface PushHint {
  connectionId: string;
  itemId: string;
  /** base64url, always HINT_CHARS long. */
  hint: string;
}

/** The most hints one push carries (new items that wait together, say during quiet hours): keeps the payload well under 4 KB. */
export const MAX_PUSH_HINTS = 8;

/** Texts the page caches for the service worker in the person's language (Cache Storage, `/__push/texts`). */
export interface PushTexts {
  lang: string;
  /** The language's direction; right-to-left texts also start with U+200F. Missing in texts cached before it existed. */
  dir?: 'ltr' | 'rtl';
  /** kind → title and body; deadline bodies may use {{deadline}} and {{count}}. */
  kinds: Record<PushKind, { title: string; body: string }>;
  /** Deadline names by DeadlineId. */
  deadlines: Record<string, string>;
  snoozeHour: string;
  snoozeTomorrow: string;
}

/** Minutes after midnight, UK time (Europe/London, through clock changes). */
export type UkMinute = number;

export interface QuietHours {
  start: UkMinute;
  end: UkMinute;
}

/** Days of the week as a bit mask: bit 0 = Monday … bit 6 = Sunday. */
export type WeekdayMask = number;

export interface BrowserSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** GET /api/push/key (no auth) → VapidKey */
export interface VapidKey {
  publicKey: string;
}

/**
 * Whose device this is: the credential the subscriber is tied to, exactly one
 * of the two (the claimant's connection for replies, or the adviser's computer
 * for new items and stopped sharing). Creating, re-syncing and deleting a
 * subscriber all need it, so an endpoint (which the push service knows, and
 * which leaks in logs) is never enough to add, move or remove one.
 */
export interface PushOwner {
  claimantToken?: string;
  adviserToken?: string;
}

/** POST /api/push/subscribers (PushOwner in the body; rate limited) → 201 SubscribeResponse; 401 without a credential. */
export interface SubscribeRequest extends PushOwner {
  subscription: BrowserSubscription;
}
export interface SubscribeResponse {
  subscriberToken: string;
}

/**
 * PUT /api/push/subscription (subscriber, and its PushOwner in the body) → 204:
 * re-sync on every app open and on pushsubscriptionchange; 403 when the owner
 * credential is not the one the subscriber was made with.
 */
export interface ResyncRequest extends PushOwner {
  subscription: BrowserSubscription;
}

/**
 * PUT /api/push/preferences (subscriber) → 200 Preferences.
 * `deadlines`: ONLY the date and kind of each deadline leave the phone, with an
 * opaque local ref; the relay schedules 7 days before, 2 days before and on
 * the day at 09:00 UK time. The list replaces the previous one.
 */
export interface Preferences {
  replies: boolean;
  journal: { days: WeekdayMask; minute: UkMinute } | null;
  quiet: QuietHours;
  deadlines: { id: DeadlineId; date: string; ref: string }[];
}

/** POST /api/push/snooze (subscriber) → 201 { dueAt }: from a notification's "Remind me in 1 hour" and "Tomorrow". */
export interface SnoozeRequest {
  reminderId: string;
  until: 'hour' | 'tomorrow';
}

/** GET /api/push/recent (subscriber) → RecentReminder[]: sent in the last 7 days, for the in-app list and badge. */
export interface RecentReminder {
  id: string;
  kind: PushKind;
  sentAt: string;
  deadline?: { id: string; daysLeft: number };
  ref?: string;
}

/**
 * DELETE /api/push/subscription (subscriber, and its PushOwner in the body) →
 * 204: turn everything off; deletes the subscriber and its reminders.
 */
export type UnsubscribeRequest = PushOwner;
