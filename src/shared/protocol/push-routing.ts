// What a push shows and where a tap on it goes. Pure functions with no
// browser globals, shared by the service worker, the app and the unit tests.
import { PUSH_KINDS, type PushKind, type PushPayload, type PushTexts } from './push-types';

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
  return payload;
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
