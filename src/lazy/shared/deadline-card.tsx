import type { Deadline } from '../../notices/types';
import { useT, currentLanguage } from '../../i18n/use-translation';
import { formatDate } from '../../i18n/format';
import { daysLeftText } from '../../main/days-left';
import { daysBetween } from '../../notices/calendar';
import { downloadDeadline } from './calendar-download';

interface Props {
  deadline: Deadline;
  today: string;
  kindTitle: string;
}

/** One date: the last day, days left, a safer target, and the rule behind it. */
export function DeadlineCard({ deadline, today, kindTitle }: Props) {
  const t = useT();
  const language = currentLanguage();
  const label = t(`notices:deadlines.${deadline.id}`);
  const daysLeft = daysBetween(today, deadline.date);
  const isLateLimit = deadline.id === 'late-limit';
  const showTarget = deadline.target !== deadline.date && daysBetween(today, deadline.target) >= 0;

  return (
    <li class={isLateLimit ? 'deadline deadline--late' : 'deadline'}>
      <h4 class="deadline__label">{label}</h4>
      <p class="deadline__date">
        <strong>{formatDate(deadline.date, language)}</strong>
        {deadline.time && <> {t('explain:byTime', { time: deadline.time })}</>}
      </p>
      {!isLateLimit && <p class="deadline__left">{daysLeftText(t, daysLeft)}</p>}
      {showTarget && <p>{t('explain:target', { date: formatDate(deadline.target, language) })}</p>}
      {isLateLimit && <p class="deadline__warning">{t('notices:late.warning')}</p>}
      <p class="deadline__rule">{t(`notices:rules.${deadline.rule}`)}</p>
      {deadline.movedFrom && (
        <p class="deadline__rule">{t('explain:movedFrom', { date: formatDate(deadline.movedFrom, language) })}</p>
      )}
      {daysLeft >= 0 && (
        <button
          type="button"
          class="button button--secondary"
          onClick={() =>
            downloadDeadline({
              uid: `${deadline.id}-${deadline.date}@uc-companion`,
              title: `${label} (${kindTitle})`,
              description: t(`notices:rules.${deadline.rule}`),
              date: deadline.date,
            })
          }
        >
          {t('explain:addToCalendar')}
          <span class="visually-hidden">: {label}</span>
        </button>
      )}
    </li>
  );
}
