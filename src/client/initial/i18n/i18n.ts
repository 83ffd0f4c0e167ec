// i18next, loaded with the first screen or language change that needs it (see
// ./core.ts, which holds the first screen's words until then). Nothing in the
// first download imports this module except with import().
import i18next, { type BackendModule, type ReadCallback, type i18n } from 'i18next';

type Texts = { [key: string]: unknown };

/**
 * Starts i18next in `language`, with the `common` words already fetched;
 * other namespaces (and other languages) come through `localeFile` (./core.ts).
 */
export async function startI18next(language: string, common: Texts, localeFile: (language: string, namespace: string) => Promise<Texts>): Promise<i18n> {
  const backend: BackendModule = {
    type: 'backend',
    init() {},
    read(code: string, namespace: string, callback: ReadCallback) {
      localeFile(code, namespace).then(
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
