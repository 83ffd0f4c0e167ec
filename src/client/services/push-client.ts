// Push reminders on this device: turning them on (only from a tap), keeping
// the subscription in step with the relay, and the texts the service worker
// shows. Loaded only by the Reminders screen, the adviser's button, and at
// start-up for people who have reminders on.
import { type DBSchema } from 'idb';
import { databaseOpener, type Migration } from '../data/open-db';
import { call, ApiFailure } from './api-client';
import type { BrowserSubscription, Preferences, PushKind, RecentReminder, SubscribeRequest, SubscribeResponse, VapidKey } from '../../shared/protocol/push-types';
import { getConnection } from '../data/claimant-db';
import { listNotices } from '../data/notices-db';
import { PUSH_ADVISER_HINT, PUSH_HINT, hasHint, setHint } from '../data/hints';
import { PUSH_TEXTS_CACHE, PUSH_TEXTS_URL, type CachedPushTexts } from '../../shared/protocol/push-routing';
import { toPreferences, ukToday, type ReminderSettings } from './push-prefs';
import { withDirection } from '../initial/i18n/format';
import { findLanguage } from '../initial/i18n/languages';

export * from './push-prefs';

export type PushSupport = 'ok' | 'ios-needs-home-screen' | 'unsupported' | 'denied';
export type Role = 'claimant' | 'adviser';

/** What this device keeps about its reminders (IndexedDB `uc-push`). The service worker reads `subscriberToken`. */
export interface SubscriberRecord {
  role: Role;
  subscriberToken: string;
  /** The claimant's choices, as last saved. */
  settings?: ReminderSettings;
  /** JSON of the Preferences last sent, so a re-sync sends only changes. */
  sent?: string;
}

interface PushDB extends DBSchema {
  subscribers: { key: string; value: SubscriberRecord };
}

export const PUSH_DB_NAME = 'uc-push';
const MIGRATIONS: ReadonlyArray<Migration<PushDB>> = [
  (db) => {
    db.createObjectStore('subscribers', { keyPath: 'role' });
  },
];
const database = databaseOpener<PushDB>(PUSH_DB_NAME, MIGRATIONS);

export async function getSubscriber(role: Role): Promise<SubscriberRecord | undefined> {
  return (await database.get()).get('subscribers', role);
}
async function putSubscriber(record: SubscriberRecord): Promise<void> {
  await (await database.get()).put('subscribers', record);
}
async function deleteSubscriber(role: Role): Promise<void> {
  await (await database.get()).delete('subscribers', role);
}

const hintFor = (role: Role) => (role === 'claimant' ? PUSH_HINT : PUSH_ADVISER_HINT);

export function remindersOn(role: Role = 'claimant'): boolean {
  return hasHint(hintFor(role));
}

// The relay's push API (src/shared/protocol/push-types.ts).
export const pushApi = {
  key: () => call<VapidKey>('GET', '/api/push/key'),
  subscribe: (body: SubscribeRequest) => call<SubscribeResponse>('POST', '/api/push/subscribers', { body }),
  resync: (token: string, subscription: BrowserSubscription) => call<void>('PUT', '/api/push/subscription', { token, body: { subscription } }),
  preferences: (token: string, body: Preferences) => call<Preferences>('PUT', '/api/push/preferences', { token, body }),
  recent: (token: string) => call<RecentReminder[]>('GET', '/api/push/recent', { token }),
  remove: (token: string) => call<void>('DELETE', '/api/push/subscription', { token }),
};

/** Why reminders cannot be turned on, in words the screen can look up (reminders:problems.<code>). */
export class PushProblem extends Error {
  constructor(readonly code: 'denied' | 'unsupported' | 'offline' | 'failed') {
    super(code);
  }
}

function isAppleMobile(): boolean {
  const ua = navigator.userAgent;
  // iPadOS Safari says it is a Mac; a touch screen gives it away.
  return /iPhone|iPad|iPod/.test(ua) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
}

export function pushSupport(): PushSupport {
  const standalone = (navigator as Navigator & { standalone?: boolean }).standalone;
  const hasPushManager = typeof window !== 'undefined' && 'PushManager' in window;
  if (isAppleMobile() && standalone !== true && !hasPushManager) return 'ios-needs-home-screen';
  if (!('serviceWorker' in navigator) || !hasPushManager || typeof Notification === 'undefined') return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  return 'ok';
}

function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toBrowserSubscription(subscription: PushSubscription): BrowserSubscription {
  const json = subscription.toJSON();
  return { endpoint: subscription.endpoint, keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' } };
}

async function subscription(create: boolean): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.ready;
  const existing = await registration.pushManager.getSubscription();
  if (existing || !create) return existing;
  const { publicKey } = await pushApi.key();
  return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(publicKey) });
}

function asProblem(error: unknown): PushProblem {
  if (error instanceof PushProblem) return error;
  if (error instanceof ApiFailure && error.offline) return new PushProblem('offline');
  if (error instanceof DOMException && error.name === 'NotAllowedError') return new PushProblem('denied');
  return new PushProblem('failed');
}

/** Asks for permission (call straight from a tap) and subscribes: the shared first half. */
async function subscribeDevice(extra: () => Promise<Omit<SubscribeRequest, 'subscription'>>): Promise<{ token: string; sub: PushSubscription }> {
  if (typeof Notification === 'undefined' || !('serviceWorker' in navigator)) throw new PushProblem('unsupported');
  // First, while the tap still counts: Safari asks only in answer to one.
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new PushProblem('denied');
  try {
    const sub = await subscription(true);
    if (!sub) throw new PushProblem('failed');
    const { subscriberToken } = await pushApi.subscribe({ subscription: toBrowserSubscription(sub), ...(await extra()) });
    return { token: subscriberToken, sub };
  } catch (error) {
    throw asProblem(error);
  }
}

async function claimantToken(): Promise<string | undefined> {
  try {
    const connection = await getConnection();
    return connection && !connection.stoppedAt ? connection.claimantToken : undefined;
  } catch {
    return undefined;
  }
}

/** Turns reminders on with these choices. ONLY call it from a button tap. */
export async function turnOnReminders(settings: ReminderSettings): Promise<void> {
  const { token: subscriberToken } = await subscribeDevice(async () => {
    const token = await claimantToken();
    return token ? { claimantToken: token } : {};
  });
  await putSubscriber({ role: 'claimant', subscriberToken, settings });
  setHint(PUSH_HINT, true);
  await savePreferences(settings);
}

/** The adviser's "Notify me about new items". ONLY call it from a button tap. */
export async function turnOnAdviserNotifications(adviserToken: string): Promise<void> {
  const { token } = await subscribeDevice(async () => ({ adviserToken }));
  await putSubscriber({ role: 'adviser', subscriberToken: token });
  setHint(PUSH_ADVISER_HINT, true);
}

export async function buildPreferences(settings: ReminderSettings, today = ukToday()): Promise<Preferences> {
  const notices = settings.deadlines ? await listNotices().catch(() => []) : [];
  return toPreferences(settings, notices, today);
}

/** Sends the choices (and the saved notices' deadline dates) to the relay. */
export async function savePreferences(settings: ReminderSettings): Promise<Preferences> {
  const record = await getSubscriber('claimant');
  if (!record) throw new PushProblem('failed');
  const body = await buildPreferences(settings);
  try {
    const saved = await pushApi.preferences(record.subscriberToken, body);
    await putSubscriber({ ...record, settings, sent: JSON.stringify(body) });
    return saved;
  } catch (error) {
    throw asProblem(error);
  }
}

const gone = (error: unknown) => error instanceof ApiFailure && (error.status === 401 || error.status === 404 || error.status === 410);

/**
 * On every app open: subscriptions vanish silently, so tell the relay the
 * current one, and send deadlines again if saved notices changed.
 */
export async function resync(): Promise<void> {
  if (typeof Notification === 'undefined' || !('serviceWorker' in navigator)) return;
  const roles: Role[] = (['claimant', 'adviser'] as const).filter((role) => remindersOn(role));
  if (roles.length === 0) return;
  if (Notification.permission !== 'granted') {
    // Turned off in the browser's settings: forget it here and on the relay.
    for (const role of roles) await forget(role);
    return;
  }
  const sub = await subscription(true);
  if (!sub) return;
  for (const role of roles) {
    const record = await getSubscriber(role);
    if (!record) {
      setHint(hintFor(role), false);
      continue;
    }
    try {
      await pushApi.resync(record.subscriberToken, toBrowserSubscription(sub));
      if (role === 'claimant' && record.settings) {
        const body = await buildPreferences(record.settings);
        if (JSON.stringify(body) !== record.sent) {
          await pushApi.preferences(record.subscriberToken, body);
          await putSubscriber({ ...record, sent: JSON.stringify(body) });
        }
      }
    } catch (error) {
      // The relay no longer knows this device (deleted after long disuse).
      if (gone(error)) {
        await deleteSubscriber(role);
        setHint(hintFor(role), false);
      }
    }
  }
}

async function forget(role: Role): Promise<void> {
  const record = await getSubscriber(role).catch(() => undefined);
  if (record) await pushApi.remove(record.subscriberToken).catch(() => undefined);
  await deleteSubscriber(role).catch(() => undefined);
  setHint(hintFor(role), false);
}

async function unsubscribeIfUnused(): Promise<void> {
  if (remindersOn('claimant') || remindersOn('adviser')) return;
  const sub = await subscription(false).catch(() => null);
  await sub?.unsubscribe().catch(() => false);
}

/** "Turn off all reminders": the relay deletes them; this device forgets them. */
export async function turnOffAll(): Promise<void> {
  const record = await getSubscriber('claimant');
  if (record) {
    try {
      await pushApi.remove(record.subscriberToken);
    } catch (error) {
      if (!gone(error)) throw asProblem(error);
    }
  }
  await deleteSubscriber('claimant');
  setHint(PUSH_HINT, false);
  await unsubscribeIfUnused();
}

export async function turnOffAdviserNotifications(): Promise<void> {
  await forget('adviser');
  await unsubscribeIfUnused();
}

/** Reminders sent in the last 7 days, newest first (the in-app list). */
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

type Translate = (key: string, options?: Record<string, unknown>) => string;

const KINDS: readonly PushKind[] = ['reply', 'journal', 'deadline', 'adviser-new-item', 'adviser-stopped'];
const DEADLINE_IDS = ['mandatory-reconsideration', 'appeal', 'late-limit', 'respond', 'attend', 'claim-by'] as const;

/**
 * PushTexts from the `reminders` namespace, in `lang`. A notification has no
 * `dir` the system always honours, so right-to-left texts also start with a
 * right-to-left mark (see withDirection).
 */
export function buildPushTexts(t: Translate, lang: string): CachedPushTexts {
  const text = (key: string) => withDirection(t(key), lang);
  const kinds = Object.fromEntries(
    KINDS.map((kind) => [kind, { title: text(`reminders:push.${kind}.title`), body: text(`reminders:push.${kind}.body`) }]),
  ) as CachedPushTexts['kinds'];
  return {
    lang,
    dir: findLanguage(lang)?.dir ?? 'ltr',
    kinds,
    deadlines: Object.fromEntries(DEADLINE_IDS.map((id) => [id, t(`reminders:push.deadlineNames.${id}`)])),
    snoozeHour: text('reminders:push.snoozeHour'),
    snoozeTomorrow: text('reminders:push.snoozeTomorrow'),
    deadlineToday: text('reminders:push.deadlineToday'),
  };
}

/** Writes the texts to Cache Storage for the service worker, so a push shows the person's own language. */
export async function cachePushTexts(t: Translate, lang: string): Promise<void> {
  if (typeof caches === 'undefined') return;
  const texts = buildPushTexts(t, lang);
  const cache = await caches.open(PUSH_TEXTS_CACHE);
  await cache.put(PUSH_TEXTS_URL, new Response(JSON.stringify(texts), { headers: { 'Content-Type': 'application/json' } }));
}
