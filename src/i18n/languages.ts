// Languages the app can show. Adding one is only files: a folder in
// locales/ and a line here.
export interface Language {
  code: string;
  /** The language's own name, in its own script, for the picker. */
  nativeName: string;
  dir: 'ltr' | 'rtl';
}

export const LANGUAGES: readonly Language[] = [
  { code: 'en', nativeName: 'English', dir: 'ltr' },
  { code: 'cy', nativeName: 'Cymraeg', dir: 'ltr' },
];

export const FALLBACK_LANGUAGE = 'en';

export function findLanguage(code: string): Language | undefined {
  return LANGUAGES.find((language) => language.code === code);
}

/** The best supported language for a list like navigator.languages. */
export function matchLanguage(preferred: readonly string[]): string {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (findLanguage(base)) return base;
  }
  return FALLBACK_LANGUAGE;
}
