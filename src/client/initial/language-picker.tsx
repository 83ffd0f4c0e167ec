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
        {/* A globe, for people who cannot read the page's language yet. In
            the markup rather than a CSS image: each CSS SVG image is a whole
            document of its own, 4 to 5 ms of the first style pass on every screen. */}
        <svg class="language-picker__globe" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2">
          <circle cx="12" cy="12" r="10" />
          <path d="M2 12h20M12 2c3 3 3 17 0 20M12 2c-3 3-3 17 0 20" />
        </svg>
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
