// Languages the app can show. Adding one is only files: a folder in
// locales/ and a line here.
/** The locale files (namespaces) a translator works on; `adviser` is English only. */
export type Namespace = 'common' | 'explain' | 'notices' | 'helpers' | 'forward' | 'reminders' | 'forms';

export interface Language {
  code: string;
  /** The language's own name, in its own script, for the picker. */
  nativeName: string;
  dir: 'ltr' | 'rtl';
  /**
   * The namespaces a fluent reader has checked in full against the English,
   * with nothing written since that they have not seen (the rule is in
   * locales/REVIEW.md). A screen showing words from any other namespace
   * carries the small "first draft" note.
   */
  reviewed: readonly Namespace[];
}

const ALL: readonly Namespace[] = ['common', 'explain', 'notices', 'helpers', 'forward', 'reminders', 'forms'];
// December 2026 review: read in full, grade A, every error fixed. explain,
// notices, reminders and forward hold sentences written after it, and forms
// (the shared form words) came after it (see locales/REVIEW.md).
const CHECKED_IN_FULL: readonly Namespace[] = ['common', 'helpers'];

export const LANGUAGES: readonly Language[] = [
  { code: 'en', nativeName: 'English', dir: 'ltr', reviewed: ALL },
  { code: 'cy', nativeName: 'Cymraeg', dir: 'ltr', reviewed: CHECKED_IN_FULL },
  { code: 'pl', nativeName: 'Polski', dir: 'ltr', reviewed: [] },
  { code: 'ro', nativeName: 'Română', dir: 'ltr', reviewed: [] },
  { code: 'pa', nativeName: 'ਪੰਜਾਬੀ', dir: 'ltr', reviewed: [] },
  { code: 'ur', nativeName: 'اردو', dir: 'rtl', reviewed: CHECKED_IN_FULL },
  { code: 'pt', nativeName: 'Português', dir: 'ltr', reviewed: [] },
  { code: 'es', nativeName: 'Español', dir: 'ltr', reviewed: CHECKED_IN_FULL },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl', reviewed: [] },
  { code: 'bn', nativeName: 'বাংলা', dir: 'ltr', reviewed: [] },
  { code: 'gu', nativeName: 'ગુજરાતી', dir: 'ltr', reviewed: [] },
  { code: 'lt', nativeName: 'Lietuvių', dir: 'ltr', reviewed: [] },
  { code: 'uk', nativeName: 'Українська', dir: 'ltr', reviewed: CHECKED_IN_FULL },
  { code: 'so', nativeName: 'Soomaali', dir: 'ltr', reviewed: [] },
  { code: 'fa', nativeName: 'فارسی', dir: 'rtl', reviewed: [] },
  { code: 'ti', nativeName: 'ትግርኛ', dir: 'ltr', reviewed: [] },
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

/** True when some of these namespaces are still a first draft in this language. */
export function isFirstDraft(code: string, namespaces: readonly Namespace[]): boolean {
  const reviewed = findLanguage(code)?.reviewed ?? [];
  return namespaces.some((namespace) => !reviewed.includes(namespace));
}
