// This module is in the first download: think before adding to it.
//
// The words of the first screen without i18next (about 17 KB gzip): Home, the
// header, the footer and the language list need only the `common` texts,
// with `{{name}}` values and counts. i18next itself loads with the first
// screen or language change that needs it (`loadI18next`), and from then on
// every `t` call goes to it, so the rest of the app keeps all of i18next.
//
// Each language has one small file at a fixed address, `/locales/<code>.json`
// (made by vite.config.ts): its `common` texts and the hashed addresses of
// its other files. So the first download holds no map of every language's
// files, and a first visit fetches one file of words, in its own language.
import type { TFunction, i18n } from 'i18next';
import { FALLBACK_LANGUAGE, findLanguage, matchLanguage } from './languages';
import { PUSH_ADVISER_HINT, PUSH_HINT, hasHint } from '../../data/hints';
import { setCommonWords } from './common-words';

type Texts = { [key: string]: unknown };

/** `/locales/<code>.json`. */
export interface LocaleManifest {
  common: Texts;
  /** Namespace → hashed file address (`/assets/locales/…`). */
  urls: Record<string, string>;
}

export const localeManifestUrl = (language: string) => `/locales/${language}.json`;

const manifests = new Map<string, Promise<LocaleManifest>>();

export function localeManifest(language: string): Promise<LocaleManifest> {
  let manifest = manifests.get(language);
  if (!manifest) {
    manifest = fetch(localeManifestUrl(language)).then((response) => {
      if (!response.ok) throw new Error(`Locale ${language}: ${response.status}`);
      return response.json() as Promise<LocaleManifest>;
    });
    // A failed load (offline, not cached yet) is tried again next time.
    manifest.catch(() => manifests.delete(language));
    manifests.set(language, manifest);
  }
  return manifest;
}

// The adviser's inbox is for advice workers and is written in English only.
const ENGLISH_ONLY_NAMESPACES = new Set(['adviser']);
const files = new Map<string, Promise<Texts>>();

/** One namespace's words in one language, fetched once (a screen may ask for them before i18next has loaded). */
export function localeFile(code: string, namespace: string): Promise<Texts> {
  const folder = ENGLISH_ONLY_NAMESPACES.has(namespace) ? FALLBACK_LANGUAGE : code;
  const name = `${folder}/${namespace}`;
  let file = files.get(name);
  if (!file) {
    file = localeManifest(folder).then(async (manifest) => {
      if (namespace === 'common') return manifest.common;
      const url = manifest.urls[namespace];
      if (!url) return {};
      const response = await fetch(url);
      if (!response.ok) throw new Error(`Locale ${name}: ${response.status}`);
      return response.json() as Promise<Texts>;
    });
    file.catch(() => files.delete(name));
    files.set(name, file);
  }
  return file;
}

let language = FALLBACK_LANGUAGE;
let common: Texts = {};
let full: i18n | null = null;
const listeners = new Set<() => void>();

/** Called when the language changes or new words arrive. */
export function onWordsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

function wordsChanged(): void {
  for (const listener of listeners) listener();
}

export function currentLanguage(): string {
  return (full ? (full.resolvedLanguage ?? full.language) : language) ?? FALLBACK_LANGUAGE;
}

function lookup(key: string): unknown {
  let path = key;
  const colon = key.indexOf(':');
  if (colon >= 0) {
    if (key.slice(0, colon) !== 'common') return undefined;
    path = key.slice(colon + 1);
  }
  let node: unknown = common;
  for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Texts)[part] : undefined;
  return node;
}

let pluralRules: Intl.PluralRules | undefined;

/** i18next's rules for what the first screen uses: `{{name}}` and `count` (`_zero`, then the language's plural form). */
function firstScreenT(key: string, options?: Record<string, unknown>): string {
  const count = options?.count;
  let value: unknown;
  if (typeof count === 'number') {
    if (count === 0) value = lookup(`${key}_zero`);
    if (typeof value !== 'string') {
      if (pluralRules?.resolvedOptions().locale.split('-')[0] !== language) pluralRules = new Intl.PluralRules(language);
      value = lookup(`${key}_${pluralRules.select(count)}`);
    }
  }
  if (typeof value !== 'string') value = lookup(key);
  if (typeof value !== 'string') return key;
  return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => (options && name in options ? String(options[name]) : match));
}

/** The translate function: the first screen's own until i18next has loaded, then i18next's. */
export const t = ((key: string, options?: Record<string, unknown>) => (full ? full.t(key, options) : firstScreenT(key, options))) as unknown as TFunction;

// The date words (format.ts) come from here too.
setCommonWords((code, key) => (full ? full.getResource(code, 'common', key) : code === language ? lookup(key) : undefined));

/** From now on `t` is this i18next (the app's, or a unit test's). */
export function attachI18next(instance: i18n): void {
  full = instance;
  instance.on('languageChanged', wordsChanged);
  instance.on('loaded', wordsChanged);
  wordsChanged();
}

let loadingI18next: Promise<i18n> | undefined;
let wordsReady: Promise<void> = Promise.resolve();

/** Loads i18next, started with the words already here (so they are not fetched twice). */
export function loadI18next(): Promise<i18n> {
  if (!loadingI18next) {
    // The code is fetched at once, alongside the first screen's words.
    const loading = Promise.all([import('./i18n'), wordsReady]).then(async ([module]) => {
      const instance = await module.startI18next(language, common, localeFile);
      attachI18next(instance);
      return instance;
    });
    loading.catch(() => (loadingI18next = undefined));
    loadingI18next = loading;
  }
  return loadingI18next;
}

/** Loads namespaces (and i18next) a lazy screen needs before it renders: the files and the code at the same time. */
export async function loadNamespaces(...namespaces: string[]): Promise<void> {
  const [instance] = await Promise.all([loadI18next(), wordsReady.then(() => Promise.all(namespaces.map((namespace) => localeFile(currentLanguage(), namespace))))]);
  await instance.loadNamespaces(namespaces);
}

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

function applyToDocument(code: string): void {
  const root = document.documentElement;
  root.lang = code;
  root.dir = findLanguage(code)?.dir ?? 'ltr';
}

/** Before the first render: the language, on <html> at once, and its `common` words. */
export function startWords(): Promise<void> {
  language = initialLanguage();
  applyToDocument(language);
  wordsReady = localeManifest(language).then(
    (manifest) => void (common = manifest.common),
    () => undefined, // even without its words the app renders (keys stay readable)
  );
  return wordsReady;
}

export async function changeLanguage(code: string): Promise<void> {
  if (!findLanguage(code)) return;
  const instance = await loadI18next();
  await instance.changeLanguage(code);
  language = code;
  applyToDocument(code);
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    /* remembered for this visit only */
  }
  cacheLanguageForOffline(code);
  // Reminders on: the service worker's words follow the new language.
  // Nobody else downloads this code.
  if (hasHint(PUSH_HINT) || hasHint(PUSH_ADVISER_HINT)) {
    void import('../../services/push-texts').then((m) => m.refreshPushTexts(instance, code)).catch(() => undefined);
  }
}

/** Languages whose files this page has asked the service worker to keep. */
const keptForOffline = new Set<string>();

/**
 * Once a language is chosen it must work offline on every screen, not only
 * the ones already visited: fetch all its files through the service worker
 * (which keeps them). Only when a worker controls the page, so a first visit
 * still downloads just what it shows. English is in the precache.
 */
export function cacheLanguageForOffline(code: string): void {
  if (code === FALLBACK_LANGUAGE || !navigator.serviceWorker?.controller || keptForOffline.has(code)) return;
  // Once per language while this page is open (the worker's take-over and the
  // end of its registration both ask): the same files twice at once would be
  // downloaded twice on a first visit.
  keptForOffline.add(code);
  // Fetched again (not the copy in memory): the first visit's copy did not pass the worker.
  fetch(localeManifestUrl(code))
    .then((response) => response.json() as Promise<LocaleManifest>)
    .then((manifest) =>
      Promise.all(
        Object.entries(manifest.urls)
          .filter(([namespace]) => namespace !== 'adviser')
          .map(([, url]) =>
            fetch(url).then(async (response) => {
              if (!response.ok) throw new Error(`${url}: ${response.status}`);
              // Read to the end, so no answer from the worker is left half-read.
              await response.arrayBuffer();
            }),
          ),
      ),
    )
    // No signal: asked again the next time (a language change, the next visit).
    .catch(() => keptForOffline.delete(code));
}
