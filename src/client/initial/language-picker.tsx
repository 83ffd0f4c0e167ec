// This module is in the first download: think before adding to it.
import { useRef } from 'preact/hooks';
import { LANGUAGES, findLanguage } from './i18n/languages';
import { changeLanguage } from './i18n/core';
import { useT, currentLanguage } from './i18n/use-translation';

/**
 * The languages as a list of links, each in its own name and script, behind
 * "Language". Nothing changes until the person chooses one (a <select> that
 * switched on `change` turned the whole page into each language in turn as
 * they arrowed through it). After the change, focus goes to the page's h1,
 * as after any navigation.
 */
export function LanguagePicker() {
  const t = useT();
  const details = useRef<HTMLDetailsElement>(null);
  const current = currentLanguage();

  function choose(event: MouseEvent, code: string) {
    event.preventDefault();
    const picker = details.current;
    if (picker) {
      // The list closes: focus waits on "Language" (never <body>) until the words arrive.
      picker.open = false;
      picker.querySelector('summary')?.focus();
    }
    void changeLanguage(code).then(() => document.querySelector<HTMLElement>('h1.page-heading')?.focus());
  }

  return (
    <details ref={details} class="language-picker">
      <summary class="language-picker__summary">
        {t('language')}
        <span class="visually-hidden">: </span>
        <span class="language-picker__current" lang={current}>
          {findLanguage(current)?.nativeName}
        </span>
      </summary>
      <ul class="language-picker__list">
        {LANGUAGES.map((language) => (
          <li key={language.code}>
            <a
              href={`?lang=${language.code}`}
              lang={language.code}
              hreflang={language.code}
              aria-current={language.code === current ? 'true' : undefined}
              onClick={(event) => choose(event, language.code)}
            >
              {language.nativeName}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
