// Languages the app can show. Adding one is only files: a folder in
// locales/ and a line here.
export interface Language {
  code: string;
  /** The language's own name, in its own script, for the picker. */
  nativeName: string;
  dir: 'ltr' | 'rtl';
  /** Checked by a fluent speaker. When false the app shows a small "first draft" note. */
  reviewed: boolean;
}

export const LANGUAGES: readonly Language[] = [
  { code: 'en', nativeName: 'English', dir: 'ltr', reviewed: true },
  { code: 'cy', nativeName: 'Cymraeg', dir: 'ltr', reviewed: false },
  { code: 'pl', nativeName: 'Polski', dir: 'ltr', reviewed: false },
  { code: 'ro', nativeName: 'Română', dir: 'ltr', reviewed: false },
  { code: 'pa', nativeName: 'ਪੰਜਾਬੀ', dir: 'ltr', reviewed: false },
  { code: 'ur', nativeName: 'اردو', dir: 'rtl', reviewed: false },
  { code: 'pt', nativeName: 'Português', dir: 'ltr', reviewed: false },
  { code: 'es', nativeName: 'Español', dir: 'ltr', reviewed: false },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl', reviewed: false },
  { code: 'bn', nativeName: 'বাংলা', dir: 'ltr', reviewed: false },
  { code: 'gu', nativeName: 'ગુજરાતી', dir: 'ltr', reviewed: false },
  { code: 'lt', nativeName: 'Lietuvių', dir: 'ltr', reviewed: false },
  { code: 'uk', nativeName: 'Українська', dir: 'ltr', reviewed: false },
  { code: 'so', nativeName: 'Soomaali', dir: 'ltr', reviewed: false },
  { code: 'fa', nativeName: 'فارسی', dir: 'rtl', reviewed: false },
  { code: 'ti', nativeName: 'ትግርኛ', dir: 'ltr', reviewed: false },
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
