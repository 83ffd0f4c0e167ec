// One polite announcement when the explanation appears, changes kind or goes
// ("Explanation ready: Mandatory reconsideration notice (MRN)."), and when its
// dates change. Waits for a pause in typing, so a screen reader is not
// interrupted on every key press; the result itself is not a live region.
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../../initial/i18n/use-translation';
import { announce } from '../../initial/status';

export const ANNOUNCE_AFTER_MS = 1000;

/**
 * `title`: the kind shown, or null when there is no explanation. `countFrom`:
 * the day the deadlines count from, when shown. `typing`: anything that
 * changes on each key press (the text), so the wait starts again. `settled`:
 * false while the explanation of the current text is still on its way.
 */
export function useAnnounceExplanation(title: string | null, countFrom: string | null, typing: unknown, settled = true): void {
  const t = useT();
  // What is on screen when the screen opens (once its explanation has arrived) is not news.
  const last = useRef<{ title: string | null; countFrom: string | null } | null>(settled ? { title, countFrom } : null);
  useEffect(() => {
    if (!settled) return;
    if (last.current === null) {
      last.current = { title, countFrom };
      return;
    }
    const timer = setTimeout(() => {
      const before = last.current ?? { title, countFrom };
      if (title === before.title && countFrom === before.countFrom) return;
      last.current = { title, countFrom };
      if (title !== before.title) announce(title ? t('explain:explanationReady', { title }) : t('explain:explanationCleared'));
      else if (countFrom) announce(t('explain:datesUpdated'));
    }, ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [title, countFrom, typing, settled]);
}
