// This module is in the first download: think before adding to it.
import { useEffect, useReducer } from 'preact/hooks';
import { i18next } from './i18n';

/** The translate function, re-rendering when the language changes or a namespace arrives. */
export function useT(): typeof i18next.t {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    i18next.on('languageChanged', rerender);
    i18next.on('loaded', rerender);
    return () => {
      i18next.off('languageChanged', rerender);
      i18next.off('loaded', rerender);
    };
  }, []);
  return i18next.t;
}

export function currentLanguage(): string {
  return i18next.resolvedLanguage ?? i18next.language ?? 'en';
}
