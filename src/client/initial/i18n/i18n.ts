// i18next, loaded with the first screen or language change that needs it (see
// ./core.ts, which holds the first screen's words until then). Nothing in the
// first download imports this module except with import().
import i18next, { type BackendModule, type ReadCallback, type i18n } from 'i18next';
import { FALLBACK_LANGUAGE } from './languages';

type Texts = { [key: string]: unknown };
interface Manifest {
  common: Texts;
  urls: Record<string, string>;
}

// The adviser's inbox is for advice workers and is written in English only.
const ENGLISH_ONLY_NAMESPACES = new Set(['adviser']);

/**
 * Starts i18next in `language`, with the `common` words already fetched;
 * other namespaces (and other languages) come through `manifest`, the
 * language's `/locales/<code>.json`.
 */
export async function startI18next(language: string, common: Texts, manifest: (language: string) => Promise<Manifest>): Promise<i18n> {
  const backend: BackendModule = {
    type: 'backend',
    init() {},
    read(code: string, namespace: string, callback: ReadCallback) {
      const folder = ENGLISH_ONLY_NAMESPACES.has(namespace) ? FALLBACK_LANGUAGE : code;
      manifest(folder)
        .then(async (files) => {
          if (namespace === 'common') return files.common;
          const url = files.urls[namespace];
          if (!url) return {};
          const response = await fetch(url);
          if (!response.ok) throw new Error(`Locale ${folder}/${namespace}: ${response.status}`);
          return response.json();
        })
        .then(
          (data) => callback(null, data),
          (error: Error) => callback(error, null),
        );
    },
  };
  await i18next.use(backend).init({
    lng: language,
    // The words the first screen already has: not fetched again.
    resources: Object.keys(common).length > 0 ? { [language]: { common } } : undefined,
    partialBundledLanguages: true,
    // No fallback download: every language has every key (tests/unit/i18n
    // checks it), so a Welsh or Urdu reader fetches only their own files.
    fallbackLng: false,
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // Preact escapes text itself
    returnEmptyString: false,
  });
  return i18next;
}

export { i18next };
