// This module is in the first download: think before adding to it.
import type { TFunction } from 'i18next';

/** "12 days left", "Today is the last day", "This date has passed". */
export function daysLeftText(t: TFunction, days: number): string {
  if (days < 0) return t('days.passed');
  if (days === 0) return t('days.today');
  return t('days.left', { count: days });
}
