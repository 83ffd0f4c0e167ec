// This module is in the first download: think before adding to it.
// Registers the service worker after the page has loaded (workbox-window is
// fetched then, off the critical path) and reports offline-readiness and
// waiting updates to the UI.
import { announce } from './status';
import { cacheLanguageForOffline, i18next } from './i18n/i18n';
import { currentLanguage } from './i18n/use-translation';

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
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('/sw.js');

  wb.addEventListener('installed', (event) => {
    if (!event.isUpdate && !offlineReadyShownBefore()) announce(i18next.t('offlineReady'));
  });

  wb.addEventListener('waiting', () => {
    pendingUpdate = () => {
      // Reload only once the new worker controls the page; drafts are kept
      // in sessionStorage, so nothing typed is lost.
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    };
    for (const listener of updateListeners) listener(pendingUpdate);
  });

  // The reader's language must work offline too (English is precached).
  wb.addEventListener('controlling', () => cacheLanguageForOffline(currentLanguage()));
  await wb.register();
  cacheLanguageForOffline(currentLanguage());
}
