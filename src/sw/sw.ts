/// <reference lib="webworker" />
// The service worker: makes every screen work offline after the first visit.
import { precacheAndRoute, cleanupOutdatedCaches, createHandlerBoundToURL } from 'workbox-precaching';
import { registerRoute, NavigationRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { clientsClaim } from 'workbox-core';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { OCR_BASE } from 'virtual:ocr-engine';
import { SHARE_TARGET_PATH, SHARED_CACHE, SHARED_FILE_URL, SHARED_TEXT_URL } from '../shared/protocol/share-target-paths';
import { OCR_CACHE, OCR_PATH_PREFIX } from '../shared/protocol/ocr-cache';
import { ADVISER_SOON_SHOWN_URL, PUSH_TEXTS_CACHE, PUSH_TEXTS_URL, addShown, parsePayload, type NotificationData } from '../shared/protocol/push-routing';
import { PUSH_DB_NAME, SUBSCRIBERS_STORE, type PushDbForWorker, type PushRole, type SubscriberToken } from '../shared/protocol/databases';
import { ADVISER_DB_NAME, ADVISER_IDENTITY_KEY, type AdviserDbForWorker } from '../shared/protocol/adviser-database';
import { PUSH_PATHS, toBrowserSubscription } from '../shared/protocol/push-api';
import { relayRequestInit } from '../shared/protocol/relay-request';
import type { ResyncRequest, SnoozeRequest, VapidKey } from '../shared/protocol/push-types';
import { notificationForPush, type AdviserKeysForWorker } from './deadline-push';

declare const self: ServiceWorkerGlobalScope;

// Injected at build time: the app shell, every screen's code and the English
// (fallback) locale. Hashed files never change, so they are safe to keep.
precacheAndRoute(self.__WB_MANIFEST);
// On a first visit, take charge of the open page at once, so it works
// offline without a reload. Updates still wait for the person's tap.
clientsClaim();
cleanupOutdatedCaches();

// Any page address (/, /explain, /saved …) opens the cached app shell, so a
// reload with no signal shows the app rather than a browser error.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html')));

const LOCALE_FILES = 'locales';
const LOCALE_MANIFESTS = 'locale-manifests';

// Other languages are cached the first time someone picks them; their file
// names carry a content hash, so cache-first is always up to date.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/assets/locales/'),
  new CacheFirst({
    cacheName: LOCALE_FILES,
    // Matched whatever the request's headers said (the files are hashed, so never stale): without
    // this, a repeat visit in Arabic missed the kept files in 2 of 5 runs beside other browser files.
    matchOptions: { ignoreVary: true },
  }),
);

// Each language's small file at a fixed address (/locales/<code>.json: its
// first-screen words and the addresses of its other files). English is in
// the precache; another language is kept here once someone uses it, and is
// brought up to date when a new version of the app takes over (below), so a
// repeat visit fetches nothing.
const LOCALE_MANIFEST_PATH = /^\/locales\/([\w-]+)\.json$/;
registerRoute(
  ({ url }) => url.origin === self.location.origin && LOCALE_MANIFEST_PATH.test(url.pathname),
  new CacheFirst({ cacheName: LOCALE_MANIFESTS, matchOptions: { ignoreVary: true } }),
);

/** The language a words file belongs to: "/assets/locales/cy-explain-1a2b.json" is Welsh's. */
const fileOfLanguage = (fileUrl: string, code: string) => new URL(fileUrl).pathname.startsWith(`/assets/locales/${code}-`);

/**
 * A new version is taking over: each kept language's file and the files it
 * names, fresh; then those languages' files that their file no longer names
 * (an older version's words) are deleted. Offline: the old ones stay. Only
 * the languages read here lose files: one first used while this runs (its
 * list kept a moment after this began) keeps every file it has just fetched.
 */
async function refreshLanguages(): Promise<void> {
  const manifests = await caches.open(LOCALE_MANIFESTS);
  const files = await caches.open(LOCALE_FILES);
  const named = new Set<string>();
  // English's list is in the precache and never read here: its files in this cache (the adviser's words) go at each
  // update, as before, and come back when next used.
  const languages: string[] = ['en'];
  let allRead = true;
  for (const request of await manifests.keys()) {
    const code = LOCALE_MANIFEST_PATH.exec(new URL(request.url).pathname)?.[1];
    if (code) languages.push(code);
    try {
      const response = await fetch(request.url, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`${request.url}: ${response.status}`);
      const { urls } = (await response.clone().json()) as { urls?: Record<string, string> };
      const wanted = Object.entries(urls ?? {})
        .filter(([namespace]) => namespace !== 'adviser')
        .map(([, url]) => new URL(url, self.location.origin).href);
      await Promise.all(
        wanted.map(async (url) => {
          if (await files.match(url, { ignoreVary: true })) return;
          const file = await fetch(url);
          if (!file.ok) throw new Error(`${url}: ${file.status}`);
          await files.put(url, file);
        }),
      );
      await manifests.put(request, response);
      for (const url of wanted) named.add(url);
    } catch {
      /* no signal: keep this language's old words until the next version */
      allRead = false;
    }
  }
  if (!allRead) return;
  for (const request of await files.keys()) {
    if (!named.has(request.url) && languages.some((code) => fileOfLanguage(request.url, code))) await files.delete(request);
  }
}

// The OCR engine (about 4 MB) is never precached: the page fetches it when
// someone first asks to read a photo, and it is kept here from then on, so
// reading works with no signal. Its folder name carries a hash of the
// files, so cache-first is always right; older engines are deleted when a
// new service worker takes over.
registerRoute(({ url }) => url.origin === self.location.origin && url.pathname.startsWith(OCR_PATH_PREFIX), new CacheFirst({ cacheName: OCR_CACHE }));

// Pages wait for an activating worker (a reload after "Reload to update"
// too), so the words get at most a few seconds of the take-over: on a
// connection that hangs, the page loads with the words kept so far while
// the refresh goes on behind it (it drops nothing until all is read).
const LANGUAGE_REFRESH_WAIT_MS = 3000;

self.addEventListener('activate', (event) => {
  const refreshed = refreshLanguages();
  const waited = new Promise<void>((resolve) => setTimeout(resolve, LANGUAGE_REFRESH_WAIT_MS));
  event.waitUntil(Promise.all([dropOldOcrEngines(), Promise.race([refreshed, waited])]));
});

async function dropOldOcrEngines(): Promise<void> {
  const cache = await caches.open(OCR_CACHE);
  for (const request of await cache.keys()) {
    if (!new URL(request.url).pathname.startsWith(OCR_BASE)) await cache.delete(request);
  }
}

// Web Share Target (Android: Share → UC Companion): keep the shared picture,
// PDF or text in a cache for the Send screen to pick up, then open that screen.
// The file never leaves the phone until the claimant taps Send.
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'POST' || url.origin !== self.location.origin || url.pathname !== SHARE_TARGET_PATH) return;
  event.respondWith(keepSharedThings(event.request));
});

async function keepSharedThings(request: Request): Promise<Response> {
  try {
    const form = await request.formData();
    const cache = await caches.open(SHARED_CACHE);
    const file = form.getAll('file').find((value): value is File => value instanceof File && value.size > 0);
    if (file) {
      await cache.put(
        SHARED_FILE_URL,
        new Response(file, { headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) } }),
      );
    }
    const text = [form.get('title'), form.get('text'), form.get('url')].filter((value) => typeof value === 'string' && value.trim()).join('\n');
    if (text) await cache.put(SHARED_TEXT_URL, new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } }));
    return Response.redirect('/send?shared=1', 303);
  } catch {
    return Response.redirect('/send?shared=failed', 303);
  }
}

// The page asks for the waiting worker to take over only when the person
// taps "Reload", so nothing they typed is lost by a surprise refresh.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Push reminders. Every push shows a notification (iOS revokes a
// subscription whose pushes show none), in the words the app cached in the
// person's language. Payloads carry no personal details. On an adviser's
// computer, a new item's sealed deadline hint is opened here (deadline-push.ts).
self.addEventListener('push', (event) => {
  event.waitUntil(showReminder(event.data?.text() ?? null));
});

async function showReminder(text: string | null): Promise<void> {
  let texts: unknown = null;
  try {
    const cached = await caches.match(PUSH_TEXTS_URL, { cacheName: PUSH_TEXTS_CACHE });
    texts = cached ? await cached.json() : null;
  } catch {
    /* the built-in English then */
  }
  const { title, options, soonItemIds } = await notificationForPush(parsePayload(text), texts, { keys: adviserKeys, now: new Date() });
  await self.registration.showNotification(title, options as NotificationOptions);
  if (soonItemIds.length > 0) await noteSoonShown(soonItemIds);
}

/** Tells the desk (notify-soon.ts) these items' "deadline within 7 days" was shown, so it does not show it again. */
async function noteSoonShown(itemIds: string[]): Promise<void> {
  try {
    const cache = await caches.open(PUSH_TEXTS_CACHE);
    const old = await cache.match(ADVISER_SOON_SHOWN_URL);
    const list = addShown(old ? await old.json() : [], itemIds);
    await cache.put(ADVISER_SOON_SHOWN_URL, new Response(JSON.stringify(list), { headers: { 'Content-Type': 'application/json' } }));
  } catch {
    /* the desk may then say it once more */
  }
}

/** Opens an existing database at its current version; null when there is none (never creates an empty one the app's migration would skip). */
async function openExisting<T extends DBSchema>(name: string): Promise<IDBPDatabase<T> | null> {
  try {
    return await openDB<T>(name, undefined, {
      upgrade(_db, _oldVersion, _newVersion, transaction) {
        transaction.done.catch(() => undefined);
        transaction.abort();
      },
    });
  } catch {
    return null;
  }
}

/** This computer's key pair and the clients it pinned (IndexedDB `uc-adviser`, read only), read once per push. */
async function adviserKeys(): Promise<AdviserKeysForWorker | null> {
  const db = await openExisting<AdviserDbForWorker>(ADVISER_DB_NAME);
  if (!db) return null;
  try {
    const identity = await db.get('identity', ADVISER_IDENTITY_KEY);
    if (!identity) return null;
    const pins = new Map((await db.getAll('pins')).map((pin) => [pin.connectionId, pin.claimantPublicKey]));
    return { publicKey: identity.publicKey, privateKey: identity.privateKey, pinnedKey: (connectionId) => Promise.resolve(pins.get(connectionId)) };
  } catch {
    return null;
  } finally {
    db.close();
  }
}

self.addEventListener('notificationclick', (event) => {
  const data = event.notification.data as Partial<NotificationData> | null;
  event.notification.close();
  if ((event.action === 'snooze-hour' || event.action === 'snooze-tomorrow') && data?.id) {
    event.waitUntil(snooze(data.id, event.action === 'snooze-hour' ? 'hour' : 'tomorrow'));
    return;
  }
  event.waitUntil(openApp(typeof data?.url === 'string' && data.url.startsWith('/') ? data.url : '/'));
});

async function openApp(path: string): Promise<void> {
  const url = new URL(path, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (open) {
    try {
      const focused = await open.focus();
      await focused.navigate(url);
      return;
    } catch {
      /* not ours to steer: open a new window instead */
    }
  }
  await self.clients.openWindow(url);
}

/** The subscriber tokens this device keeps, with the credential each was made with (IndexedDB `uc-push`, written by the page). */
async function subscriberTokens(): Promise<Partial<Record<PushRole, SubscriberToken>>> {
  const tokens: Partial<Record<PushRole, SubscriberToken>> = {};
  try {
    // No database yet: don't create an empty one the app's migration would skip.
    const db = await openExisting<PushDbForWorker>(PUSH_DB_NAME);
    if (!db) return tokens;
    try {
      for (const record of await db.getAll(SUBSCRIBERS_STORE)) tokens[record.role] = record;
    } finally {
      db.close();
    }
  } catch {
    /* no reminders on this device */
  }
  return tokens;
}

async function snooze(reminderId: string, until: SnoozeRequest['until']): Promise<void> {
  const { claimant } = await subscriberTokens();
  if (!claimant) return;
  const body: SnoozeRequest = { reminderId, until };
  await fetch(PUSH_PATHS.snooze, relayRequestInit('POST', { token: claimant.subscriberToken, body })).catch(() => undefined);
}

interface SubscriptionChangeEvent extends ExtendableEvent {
  readonly oldSubscription: PushSubscription | null;
  readonly newSubscription: PushSubscription | null;
}

// The browser replaced (or dropped) the subscription: subscribe again with
// the same key, and tell the relay for each role this device has.
self.addEventListener('pushsubscriptionchange' as 'push', (event) => {
  const change = event as unknown as SubscriptionChangeEvent;
  change.waitUntil(resubscribe(change));
});

async function resubscribe(change: SubscriptionChangeEvent): Promise<void> {
  let subscription = change.newSubscription;
  if (!subscription) {
    let key: BufferSource | string | null = change.oldSubscription?.options.applicationServerKey ?? null;
    if (!key) {
      const response = await fetch(PUSH_PATHS.key, relayRequestInit('GET'));
      key = ((await response.json()) as VapidKey).publicKey;
    }
    subscription = await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  }
  const browser = toBrowserSubscription(subscription);
  const records = Object.values(await subscriberTokens());
  await Promise.all(
    records.map((record) => {
      // The relay moves a subscriber only with the credential it was made with.
      const owner = record.ownerToken === undefined ? {} : record.role === 'claimant' ? { claimantToken: record.ownerToken } : { adviserToken: record.ownerToken };
      const body: ResyncRequest = { ...owner, subscription: browser };
      return fetch(PUSH_PATHS.subscription, relayRequestInit('PUT', { token: record.subscriberToken, body })).catch(() => undefined);
    }),
  );
}
