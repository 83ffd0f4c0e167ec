// What a push shows and where a tap on it goes. Pure functions with no
// browser globals, shared by the service worker, the app and the unit tests.
import { isHintShaped } from './hint-shape';
import { MAX_PUSH_HINTS, PUSH_KINDS, type PushHint, type PushKind, type PushPayload, type PushTexts } from './push-types';

export const PUSH_TEXTS_CACHE = 'push-texts';
export const PUSH_TEXTS_URL = '/__push/texts';

/** The texts the page caches: PushTexts, plus the body for a deadline that is today. */
export interface CachedPushTexts extends PushTexts {
  deadlineToday?: string;
}

/** Short English, used until the app has cached the person's own language. */
export const FALLBACK_TEXTS: CachedPushTexts = {
  lang: 'en',
  dir: 'ltr',
  kinds: {
    reply: { title: 'UC Companion', body: 'You have a new message from your adviser.' },
    journal: { title: 'UC Companion', body: 'Time to check your Universal Credit journal.' },
    deadline: { title: 'UC Companion', body: '{{deadline}}. Days left: {{count}}.' },
    'adviser-new-item': { title: 'UC Companion', body: 'A client sent you something new.' },
    'adviser-stopped': { title: 'UC Companion', body: 'A client stopped sharing with you.' },
  },
  deadlines: {},
  snoozeHour: 'Remind me in 1 hour',
  snoozeTomorrow: 'Tomorrow',
  deadlineToday: '{{deadline}}. Today is the last day.',
};

const GENERIC_DEADLINE = 'A deadline is coming up';

/** The checked payload, or null for anything that is not a v1 payload. */
export function parsePayload(text: string | null | undefined): PushPayload | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const p = value as Record<string, unknown>;
  if (p.v !== 1 || typeof p.id !== 'string' || !p.id || !PUSH_KINDS.includes(p.kind as PushKind)) return null;
  const payload: PushPayload = { v: 1, id: p.id, kind: p.kind as PushKind };
  const d = p.deadline as Record<string, unknown> | undefined;
  if (d && typeof d.id === 'string' && typeof d.daysLeft === 'number') payload.deadline = { id: d.id, daysLeft: d.daysLeft };
  if (typeof p.ref === 'string') payload.ref = p.ref;
  const hints = readHints(p.hints);
  if (payload.kind === 'adviser-new-item' && hints.length > 0) payload.hints = hints;
  return payload;
}

/** The well-formed hints of a payload (at most MAX_PUSH_HINTS); anything else is left out. */
function readHints(value: unknown): PushHint[] {
  if (!Array.isArray(value)) return [];
  const hints: PushHint[] = [];
  for (const entry of value.slice(0, MAX_PUSH_HINTS) as unknown[]) {
    const h = entry as Record<string, unknown> | null;
    if (h && typeof h.connectionId === 'string' && h.connectionId && typeof h.itemId === 'string' && h.itemId && isHintShaped(h.hint)) {
      hints.push({ connectionId: h.connectionId, itemId: h.itemId, hint: h.hint });
    }
  }
  return hints;
}

/**
 * "A new item has a deadline within 7 days", on an adviser's computer: the
 * tag, words and tap of the desk's own notification (client/adviser/desk/
 * notify-soon.ts, whose words are adviser:desk.notification in English, the
 * adviser's only language). No client, kind or date. The service worker
 * shows it for a push whose hint says so.
 */
export const ADVISER_SOON_TAG = 'adviser-deadline-soon';
/**
 * The ids of the items the service worker has already said this about
 * (JSON string[], newest last, at most ADVISER_SOON_KEPT), in the push-texts
 * cache: the desk does not say it again for them.
 */
export const ADVISER_SOON_SHOWN_URL = '/__push/adviser-soon-shown';
export const ADVISER_SOON_KEPT = 50;

/** The list with `itemIds` added at the end (once each), the oldest dropped beyond ADVISER_SOON_KEPT. */
export function addShown(list: unknown, itemIds: readonly string[]): string[] {
  const old = Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
  const next = [...old.filter((id) => !itemIds.includes(id)), ...new Set(itemIds)];
  return next.slice(-ADVISER_SOON_KEPT);
}
export const ADVISER_SOON_URL = '/adviser/deadlines';
export const ADVISER_SOON_WORDS = { title: 'UC Companion', body: 'A new item from a client has a deadline within 7 days.' } as const;

export function adviserSoonNotification(): { title: string; options: ReminderOptions } {
  return {
    title: ADVISER_SOON_WORDS.title,
    options: {
      body: ADVISER_SOON_WORDS.body,
      tag: ADVISER_SOON_TAG,
      renotify: false,
      lang: 'en',
      dir: 'ltr',
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      data: { url: ADVISER_SOON_URL, id: ADVISER_SOON_TAG, kind: null },
      actions: [],
    },
  };
}

/** The screen a tap opens (same origin, never a log-in page). */
export function urlForPayload(payload: Pick<PushPayload, 'kind' | 'ref'>): string {
  switch (payload.kind) {
    case 'reply':
      return '/send';
    case 'journal':
      return '/reminders#journal';
    case 'deadline':
      return payload.ref && /^[\w-]+$/.test(payload.ref) ? `/notice/${payload.ref}` : '/';
    case 'adviser-new-item':
    case 'adviser-stopped':
      return '/adviser';
    default:
      return '/';
  }
}

export interface NotificationData {
  url: string;
  /** The reminder's id, for snoozing. */
  id: string;
  kind: PushKind | null;
}

export interface NotificationAction {
  action: 'snooze-hour' | 'snooze-tomorrow';
  title: string;
}

/** NotificationOptions with the fields TypeScript's lib leaves out. */
export interface ReminderOptions {
  body: string;
  tag: string;
  renotify: false;
  lang: string;
  dir: 'ltr' | 'rtl' | 'auto';
  icon: string;
  badge: string;
  data: NotificationData;
  actions: NotificationAction[];
}

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

function usable(texts: unknown): texts is CachedPushTexts {
  if (typeof texts !== 'object' || texts === null) return false;
  const t = texts as Partial<CachedPushTexts>;
  return typeof t.kinds === 'object' && t.kinds !== null && typeof t.snoozeHour === 'string' && typeof t.snoozeTomorrow === 'string';
}

/**
 * The notification for a push: always one, even for a payload it cannot
 * read (iOS drops subscriptions that show none). Discreet words only.
 */
export function notificationFor(payload: PushPayload | null, cached: unknown): { title: string; options: ReminderOptions } {
  const texts = usable(cached) ? cached : FALLBACK_TEXTS;
  const kind = payload?.kind ?? null;
  const words = (kind && (texts.kinds[kind] ?? FALLBACK_TEXTS.kinds[kind])) || {
    title: FALLBACK_TEXTS.kinds.reply.title,
    body: 'Open the app to see your reminder.',
  };
  let body = words.body;
  if (kind === 'deadline') {
    const daysLeft = payload?.deadline?.daysLeft ?? 0;
    const deadlineId = payload?.deadline?.id ?? '';
    const deadline = texts.deadlines?.[deadlineId] ?? FALLBACK_TEXTS.deadlines[deadlineId] ?? GENERIC_DEADLINE;
    const template = daysLeft === 0 ? (texts.deadlineToday ?? FALLBACK_TEXTS.deadlineToday ?? body) : body;
    body = fill(template, { deadline, count: daysLeft });
  }
  const snoozable = kind === 'journal' || kind === 'deadline';
  const id = payload?.id ?? 'reminder';
  return {
    title: words.title,
    options: {
      body,
      tag: id,
      renotify: false,
      lang: texts.lang || 'en',
      dir: texts.dir ?? 'auto',
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      data: { url: payload ? urlForPayload(payload) : '/', id, kind },
      actions: snoozable
        ? [
            { action: 'snooze-hour', title: texts.snoozeHour },
            { action: 'snooze-tomorrow', title: texts.snoozeTomorrow },
          ]
        : [],
    },
  };
}
