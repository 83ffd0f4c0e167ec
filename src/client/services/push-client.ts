// Push reminders on this device: turning them on (only from a tap) and off,
// and keeping the subscription in step with the relay. Loaded only by the
// Reminders screen, the adviser's button, and at start-up for people who
// have reminders on; the in-app list of recent reminders is push-recent.ts.
import { call } from './api-client';
import { isGoneFromRelay, relayProblem } from './relay-problem';
import type {
  BrowserSubscription,
  Preferences,
  PushOwner,
  RecentReminder,
  ResyncRequest,
  SubscribeRequest,
  SubscribeResponse,
  VapidKey,
} from '../../shared/protocol/push-types';
import { PUSH_PATHS, toBrowserSubscription } from '../../shared/protocol/push-api';
import { PUSH_TEXTS_CACHE, PUSH_TEXTS_URL, type CachedPushTexts } from '../../shared/protocol/push-routing';
import { PUSH_KINDS } from '../../shared/protocol/push-types';
import { DEADLINE_IDS } from '../../shared/notices/types';
import { fromBase64Url } from '../../shared/protocol/base64url';
import { todayInLondon } from '../../shared/notices/calendar';
import { getConnection } from '../data/claimant-db';
import { listNotices } from '../data/notices-db';
import { deleteSubscriber, getSubscriber, putSubscriber, type PushRole, type SubscriberRecord } from '../data/push-db';
import { PUSH_ADVISER_HINT, PUSH_HINT, hasHint, setHint } from '../data/hints';
import { toPreferences, type ReminderSettings } from './push-prefs';
// Here rather than in push-texts.ts: a module i18n.ts loads with import()
// that imports the first download's modules itself makes the bundler split
// the first download into more files (about 250 bytes more on a first visit).
import { withDirection } from '../initial/i18n/format';
import { findLanguage } from '../initial/i18n/languages';

export * from './push-prefs';

export type PushSupport = 'ok' | 'ios-needs-home-screen' | 'unsupported' | 'denied';
type Role = PushRole;

const hintFor = (role: Role) => (role === 'claimant' ? PUSH_HINT : PUSH_ADVISER_HINT);

export function remindersOn(role: Role = 'claimant'): boolean {
  return hasHint(hintFor(role));
}

// The relay's push API (src/shared/protocol/push-types.ts). Subscribing,
// re-syncing and removing carry the claimant's or adviser's credential the
// subscriber was made with (PushOwner): the relay wants it for each.
export const pushApi = {
  key: () => call<VapidKey>('GET', PUSH_PATHS.key),
  subscribe: (body: SubscribeRequest) => call<SubscribeResponse>('POST', PUSH_PATHS.subscribers, { body }),
  resync: (token: string, owner: PushOwner, subscription: BrowserSubscription) =>
    call<void>('PUT', PUSH_PATHS.subscription, { token, body: { ...owner, subscription } satisfies ResyncRequest }),
  preferences: (token: string, body: Preferences) => call<Preferences>('PUT', PUSH_PATHS.preferences, { token, body }),
  recent: (token: string) => call<RecentReminder[]>('GET', PUSH_PATHS.recent, { token }),
  remove: (token: string, owner: PushOwner) => call<void>('DELETE', PUSH_PATHS.subscription, { token, body: owner }),
};

/** The credential as the relay wants it for this role. */
export function pushOwner(role: Role, ownerToken: string | undefined): PushOwner {
  if (ownerToken === undefined) return {};
  return role === 'claimant' ? { claimantToken: ownerToken } : { adviserToken: ownerToken };
}

/** The owner credential of a stored record; records from before it was kept fall back to the current connection's. */
async function ownerOf(record: SubscriberRecord): Promise<PushOwner> {
  const token = record.ownerToken ?? (record.role === 'claimant' ? await claimantToken() : undefined);
  return pushOwner(record.role, token);
}

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

async function subscription(create: boolean): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.ready;
  const existing = await registration.pushManager.getSubscription();
  if (existing || !create) return existing;
  const { publicKey } = await pushApi.key();
  return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64Url(publicKey) });
}

function asProblem(error: unknown): PushProblem {
  if (error instanceof PushProblem) return error;
  if (relayProblem(error).kind === 'offline') return new PushProblem('offline');
  if (error instanceof DOMException && error.name === 'NotAllowedError') return new PushProblem('denied');
  return new PushProblem('failed');
}

/** Asks for permission (call straight from a tap) and subscribes: the shared first half. */
async function subscribeDevice(owner: () => Promise<PushOwner>): Promise<{ token: string; sub: PushSubscription }> {
  if (typeof Notification === 'undefined' || !('serviceWorker' in navigator)) throw new PushProblem('unsupported');
  // First, while the tap still counts: Safari asks only in answer to one.
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new PushProblem('denied');
  try {
    const sub = await subscription(true);
    if (!sub) throw new PushProblem('failed');
    const { subscriberToken } = await pushApi.subscribe({ subscription: toBrowserSubscription(sub), ...(await owner()) });
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

/**
 * Turns reminders on with these choices. ONLY call it from a button tap. The
 * relay takes a subscription only with a sharing credential: without a
 * connection to an adviser this fails (PushProblem 'failed').
 */
export async function turnOnReminders(settings: ReminderSettings): Promise<void> {
  const ownerToken = await claimantToken();
  const { token: subscriberToken } = await subscribeDevice(async () => pushOwner('claimant', ownerToken));
  await putSubscriber({ role: 'claimant', subscriberToken, ...(ownerToken ? { ownerToken } : {}), settings });
  setHint(PUSH_HINT, true);
  await savePreferences(settings);
}

/** The adviser's "Notify me about new items". ONLY call it from a button tap. */
export async function turnOnAdviserNotifications(adviserToken: string): Promise<void> {
  const { token } = await subscribeDevice(async () => ({ adviserToken }));
  await putSubscriber({ role: 'adviser', subscriberToken: token, ownerToken: adviserToken });
  setHint(PUSH_ADVISER_HINT, true);
}

export async function buildPreferences(settings: ReminderSettings, today = todayInLondon()): Promise<Preferences> {
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

/** The relay no longer knows this subscriber (deleted after long disuse, or turned off elsewhere). */
function gone(error: unknown): boolean {
  const problem = relayProblem(error);
  return isGoneFromRelay(problem) || problem.kind === 'not-found';
}

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
      await pushApi.resync(record.subscriberToken, await ownerOf(record), toBrowserSubscription(sub));
      if (role === 'claimant' && record.settings) {
        const body = await buildPreferences(record.settings);
        if (JSON.stringify(body) !== record.sent) {
          await pushApi.preferences(record.subscriberToken, body);
          await putSubscriber({ ...record, sent: JSON.stringify(body) });
        }
      }
    } catch (error) {
      if (gone(error)) {
        await deleteSubscriber(role);
        setHint(hintFor(role), false);
      }
    }
  }
}

async function forget(role: Role): Promise<void> {
  const record = await getSubscriber(role).catch(() => undefined);
  if (record) await pushApi.remove(record.subscriberToken, await ownerOf(record)).catch(() => undefined);
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
      await pushApi.remove(record.subscriberToken, await ownerOf(record));
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

// The words a push shows, in the person's language: the service worker reads
// them from Cache Storage (it has no i18next).

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * PushTexts from the `reminders` namespace, in `lang`. A notification has no
 * `dir` the system always honours, so right-to-left texts also start with a
 * right-to-left mark (see withDirection).
 */
export function buildPushTexts(t: Translate, lang: string): CachedPushTexts {
  const text = (key: string) => withDirection(t(key), lang);
  const kinds = Object.fromEntries(
    PUSH_KINDS.map((kind) => [kind, { title: text(`reminders:push.${kind}.title`), body: text(`reminders:push.${kind}.body`) }]),
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
