// This module is in the first download: think before adding to it.
import { LANGUAGES } from './i18n/languages';
import { changeLanguage } from './i18n/i18n';
import { useT, currentLanguage } from './i18n/use-translation';

/** Each language is listed in its own name and script, so anyone can find theirs. */
export function LanguagePicker() {
  const t = useT();
  return (
    <div class="language-picker">
      <label for="language-select">{t('language')}</label>
      <select id="language-select" value={currentLanguage()} onChange={(event) => void changeLanguage((event.target as HTMLSelectElement).value)}>
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.nativeName}
          </option>
        ))}
      </select>
    </div>
  );
}
