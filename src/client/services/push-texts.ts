// Loaded after a language change, only when reminders are on: re-caches the
// words the service worker shows, in the new language.
import { i18next, loadNamespaces } from '../initial/i18n/i18n';
import { cachePushTexts } from './push-client';

export async function refreshPushTexts(language: string): Promise<void> {
  await loadNamespaces('reminders');
  const t = i18next.getFixedT(language);
  await cachePushTexts((key, options) => t(key, options ?? {}) as string, language);
}
