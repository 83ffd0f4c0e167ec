// This module is in the first download: think before adding to it.
import { useEffect, useReducer } from 'preact/hooks';
import type { TFunction } from 'i18next';
import { onWordsChanged, t } from './core';

export { currentLanguage } from './core';

/** The translate function, re-rendering when the language changes or a namespace arrives. */
export function useT(): TFunction {
  const [, rerender] = useReducer((n: number, _action: undefined) => n + 1, 0);
  useEffect(() => onWordsChanged(() => rerender(undefined)), []);
  return t;
}
