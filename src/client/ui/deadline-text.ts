// The words of one deadline in the reader's language: every sentence that
// names its date. Pure (a translate function in, strings out), so the unit
// tests render exactly what the card, the saved list and read-aloud show.
import type { TFunction } from 'i18next';
import type { Deadline } from '../../shared/notices/types';
import { formatDate } from '../initial/i18n/format';

export interface DeadlineText {
  /** "Last day for your appeal to arrive" */
  label: string;
  /** The last day, with its weekday: "Monday 28 December 2026". */
  date: string;
  /** "by 17:00", when the rule has a time. */
  byTime?: string;
  /** "Aim to do it by …": the safer day, a few days earlier. */
  target: string;
  /** Why the date is what it is. */
  rule: string;
  /** When the last day was moved off a weekend or bank holiday: the day the month ended. */
  movedFrom?: string;
  /** "Last day for your appeal to arrive: Monday 28 December 2026." for lists and read-aloud. */
  line: string;
}

export function deadlineText(t: TFunction, deadline: Deadline, language: string): DeadlineText {
  const label = t(`notices:deadlines.${deadline.id}`);
  const date = formatDate(deadline.date, language);
  return {
    label,
    date,
    ...(deadline.time ? { byTime: t('explain:byTime', { time: deadline.time }) } : {}),
    target: t('explain:target', { date: formatDate(deadline.target, language) }),
    rule: t(`notices:rules.${deadline.rule}`),
    ...(deadline.movedFrom ? { movedFrom: t('explain:movedFrom', { date: formatDate(deadline.movedFrom, language) }) } : {}),
    line: t('common:date.labelled', { label, date }),
  };
}
