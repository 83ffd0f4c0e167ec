/// <reference lib="webworker" />
// The service worker: makes every screen work offline after the first visit.
import { precacheAndRoute, cleanupOutdatedCaches, createHandlerBoundToURL } from 'workbox-precaching';
import { registerRoute, NavigationRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { clientsClaim } from 'workbox-core';

declare const self: ServiceWorkerGlobalScope;

const SHARE_TARGET_PATH = '/share-target';
const SHARED_CACHE = 'shared-with-app';
const SHARED_FILE_URL = '/shared/file';
const SHARED_TEXT_URL = '/shared/text';

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

// Other languages are cached the first time someone picks them; their file
// names carry a content hash, so cache-first is always up to date.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/assets/locales/'),
  new CacheFirst({
    cacheName: 'locales',
    plugins: [new ExpirationPlugin({ maxEntries: 40 })],
  }),
);

// Web Share Target (Android: Share → UC Companion): keep the shared picture
// or text in a cache for the Send screen to pick up, then open that screen.
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
      await cache.put(SHARED_FILE_URL, new Response(file, { headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) } }));
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
