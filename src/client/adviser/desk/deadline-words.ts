// A deadline in the adviser's words: "12 days left", "Overdue by 3 days",
// and the mark that goes with it, in words (never colour alone).
import type { TFunction } from 'i18next';
import type { Urgency } from './board';

export function daysLeftWords(t: TFunction, days: number): string {
  if (days < 0) return t('adviser:desk.overdue', { count: -days });
  if (days === 0) return t('adviser:desk.today');
  return t('adviser:desk.daysLeft', { count: days });
}

/** "Overdue" or "Due within 7 days"; null when there is time. */
export function urgencyWords(t: TFunction, urgency: Urgency): string | null {
  if (urgency === 'overdue') return t('adviser:desk.overdueMark');
  if (urgency === 'soon') return t('adviser:desk.soonMark');
  return null;
}
