// The words a push shows, in the person's language: the service worker reads
// them from Cache Storage (it has no i18next). Written when reminders are
// turned on, and again after a language change (loaded then only when
// reminders are on). The i18next instance is passed in, so this service
// never imports the first download back.
import type { i18n } from 'i18next';
import { PUSH_TEXTS_CACHE, PUSH_TEXTS_URL, type CachedPushTexts } from '../../shared/protocol/push-routing';
import { PUSH_KINDS } from '../../shared/protocol/push-types';
import { DEADLINE_IDS } from '../../shared/notices/types';
import { withDirection } from '../initial/i18n/format';
import { findLanguage } from '../initial/i18n/languages';

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

/** After a language change: the reminders' words follow it. */
export async function refreshPushTexts(i18next: i18n, language: string): Promise<void> {
  await i18next.loadNamespaces('reminders');
  const t = i18next.getFixedT(language);
  await cachePushTexts((key, options) => t(key, options ?? {}) as string, language);
}
