/// <reference lib="webworker" />
// The service worker: makes every screen work offline after the first visit.
import { precacheAndRoute, cleanupOutdatedCaches, createHandlerBoundToURL } from 'workbox-precaching';
import { registerRoute, NavigationRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { clientsClaim } from 'workbox-core';

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

// Other languages are cached the first time someone picks them; their file
// names carry a content hash, so cache-first is always up to date.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/assets/locales/'),
  new CacheFirst({
    cacheName: 'locales',
    plugins: [new ExpirationPlugin({ maxEntries: 40 })],
  }),
);

// The page asks for the waiting worker to take over only when the person
// taps "Reload", so nothing they typed is lost by a surprise refresh.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
