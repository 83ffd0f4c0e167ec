// This module is in the first download: think before adding to it.
import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { PUSH_ADVISER_HINT, PUSH_HINT, hasHint } from '../../data/hints';
import { FALLBACK_LANGUAGE, findLanguage, matchLanguage } from './languages';

// Hashed URLs of the `common` files, which every screen needs; the URLs of
// the other namespaces come with ./locale-urls.ts when a screen needs one.
// The files themselves are fetched only when a language and namespace are needed.
const commonUrls = import.meta.glob<string>('/locales/*/common.json', {
  query: '?url',
  import: 'default',
  eager: true,
});

let allUrls: Promise<Record<string, string>> | undefined;
function localeUrls(): Promise<Record<string, string>> {
  allUrls ??= import('./locale-urls').then((module) => module.LOCALE_URLS);
  // A failed load (offline, not cached yet) is tried again next time.
  allUrls.catch(() => (allUrls = undefined));
  return allUrls;
}

// The adviser's inbox is for advice workers and is written in English only.
const ENGLISH_ONLY_NAMESPACES = new Set(['adviser']);

async function localeUrl(language: string, namespace: string): Promise<string | undefined> {
  const folder = ENGLISH_ONLY_NAMESPACES.has(namespace) ? FALLBACK_LANGUAGE : language;
  const path = `/locales/${folder}/${namespace}.json`;
  return commonUrls[path] ?? (await localeUrls())[path];
}

const fetchBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    localeUrl(language, namespace)
      .then(async (url) => {
        if (!url) return {};
        const response = await fetch(url);
        if (!response.ok) throw new Error(`Locale ${language}/${namespace}: ${response.status}`);
        return response.json();
      })
      .then(
        (data) => callback(null, data),
        (error: Error) => callback(error, null),
      );
  },
};

const STORAGE_KEY = 'uc-language';

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage can be blocked; the browser language is a fine default
  }
}

export function initialLanguage(): string {
  // A language link opened in a new tab (`?lang=cy`, from the language list).
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked && findLanguage(asked)) {
    try {
      localStorage.setItem(STORAGE_KEY, asked);
    } catch {
      /* this visit only */
    }
    return asked;
  }
  const stored = storedLanguage();
  if (stored && findLanguage(stored)) return stored;
  return matchLanguage(navigator.languages ?? [navigator.language]);
}

function applyToDocument(language: string): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = findLanguage(language)?.dir ?? 'ltr';
}

export async function startI18n(): Promise<typeof i18next> {
  const language = initialLanguage();
  await i18next.use(fetchBackend).init({
    lng: language,
    // No fallback download: every language has every key (tests/unit/i18n
    // checks it), so a Welsh or Urdu reader fetches only their own files.
    fallbackLng: false,
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // Preact escapes text itself
    returnEmptyString: false,
  });
  applyToDocument(language);
  return i18next;
}

export async function changeLanguage(language: string): Promise<void> {
  if (!findLanguage(language)) return;
  await i18next.changeLanguage(language);
  applyToDocument(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    /* remembered for this visit only */
  }
  cacheLanguageForOffline(language);
  // Reminders on: the service worker's words follow the new language.
  // Nobody else downloads this code.
  if (hasHint(PUSH_HINT) || hasHint(PUSH_ADVISER_HINT)) {
    void import('../../services/push-texts').then((m) => m.refreshPushTexts(i18next, language)).catch(() => undefined);
  }
}

/**
 * Once a language is chosen it must work offline on every screen, not only
 * the ones already visited: fetch all its files through the service worker
 * (which keeps them). Only when a worker controls the page, so a first visit
 * still downloads just what it shows.
 */
export function cacheLanguageForOffline(language: string): void {
  if (language === FALLBACK_LANGUAGE || !navigator.serviceWorker?.controller) return;
  void localeUrls().then(
    (urls) => {
      for (const [path, url] of Object.entries(urls)) {
        if (path.includes(`/locales/${language}/`) && !path.endsWith('/adviser.json')) void fetch(url).catch(() => undefined);
      }
    },
    () => undefined,
  );
}

/** Loads namespaces a lazy screen needs before it renders. */
export function loadNamespaces(...namespaces: string[]): Promise<void> {
  return i18next.loadNamespaces(namespaces);
}

export { i18next };
