// This module is in the first download: think before adding to it.
// Registers the service worker (index.tsx calls it once the first screen's code has arrived, or
// 10 s after the load event, and the page is idle) and reports
// offline-readiness and waiting updates to the UI. A few lines of the
// browser's own API rather than workbox-window (2 KB gzip more on a first visit).
import { announce } from './status';
import { cacheLanguageForOffline, currentLanguage, t } from './i18n/core';

type UpdateListener = (apply: (() => void) | null) => void;
const updateListeners = new Set<UpdateListener>();
let pendingUpdate: (() => void) | null = null;

export function onUpdateAvailable(listener: UpdateListener): () => void {
  updateListeners.add(listener);
  listener(pendingUpdate);
  return () => void updateListeners.delete(listener);
}

const OFFLINE_READY_KEY = 'uc-offline-ready-shown';

function offlineReadyShownBefore(): boolean {
  try {
    if (localStorage.getItem(OFFLINE_READY_KEY)) return true;
    localStorage.setItem(OFFLINE_READY_KEY, '1');
  } catch {
    /* no storage: say it each time rather than never */
  }
  return false;
}

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const container = navigator.serviceWorker;

  function offerUpdate(worker: ServiceWorker): void {
    pendingUpdate = () => {
      // Reload only once the new worker controls the page; drafts are kept
      // in sessionStorage, so nothing typed is lost.
      container.addEventListener('controllerchange', () => location.reload(), { once: true });
      worker.postMessage({ type: 'SKIP_WAITING' });
    };
    for (const listener of updateListeners) listener(pendingUpdate);
  }

  // The reader's language must work offline too (English is precached).
  container.addEventListener('controllerchange', () => cacheLanguageForOffline(currentLanguage()));
  const registration = await container.register('/sw.js');
  // A new version that was already waiting from an earlier visit.
  if (registration.waiting && container.controller) offerUpdate(registration.waiting);
  const watched = new WeakSet<ServiceWorker>();
  function watch(worker: ServiceWorker | null): void {
    if (!worker || watched.has(worker)) return;
    watched.add(worker);
    worker.addEventListener('statechange', () => {
      if (worker.state !== 'installed') return;
      if (container.controller) offerUpdate(worker);
      else if (!offlineReadyShownBefore()) announce(t('offlineReady'));
    });
  }
  // The first install may have begun before this line: watch it as well as later ones.
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
  cacheLanguageForOffline(currentLanguage());
}
