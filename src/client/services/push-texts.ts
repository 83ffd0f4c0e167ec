// Loaded after a language change, only when reminders are on: re-caches the
// words the service worker shows, in the new language. The i18next instance
// is passed in, so this service never imports the first download back.
import type { i18n } from 'i18next';
import { cachePushTexts } from './push-client';

/** After a language change: the reminders' words follow it. */
export async function refreshPushTexts(i18next: i18n, language: string): Promise<void> {
  await i18next.loadNamespaces('reminders');
  const t = i18next.getFixedT(language);
  await cachePushTexts((key, options) => t(key, options ?? {}) as string, language);
}
