import type { Deadline } from '../../shared/notices/types';
import { useT, currentLanguage } from '../initial/i18n/use-translation';
import { withDirection } from '../initial/i18n/format';
import { daysLeftText } from '../initial/i18n/days-left';
import { daysBetween } from '../../shared/notices/calendar';
import { downloadDeadline } from './calendar-download';
import { deadlineText } from './deadline-text';

interface Props {
  deadline: Deadline;
  today: string;
  kindTitle: string;
}

/** One date: the last day, days left, a safer target, and the rule behind it. */
export function DeadlineCard({ deadline, today, kindTitle }: Props) {
  const t = useT();
  const language = currentLanguage();
  const text = deadlineText(t, deadline, language);
  const label = text.label;
  const daysLeft = daysBetween(today, deadline.date);
  const isLateLimit = deadline.id === 'late-limit';
  const showTarget = deadline.target !== deadline.date && daysBetween(today, deadline.target) >= 0;

  return (
    <li class={isLateLimit ? 'deadline deadline--late' : 'deadline'}>
      <h4 class="deadline__label">{label}</h4>
      <p class="deadline__date">
        <strong>{text.date}</strong>
        {text.byTime && <> {text.byTime}</>}
      </p>
      {!isLateLimit && <p class="deadline__left">{daysLeftText(t, daysLeft)}</p>}
      {showTarget && <p>{text.target}</p>}
      {isLateLimit && <p class="deadline__warning">{t('notices:late.warning')}</p>}
      <p class="deadline__rule">{text.rule}</p>
      {text.movedFrom && <p class="deadline__rule">{text.movedFrom}</p>}
      {daysLeft >= 0 && (
        <button
          type="button"
          class="button button--secondary"
          onClick={() =>
            downloadDeadline({
              uid: `${deadline.id}-${deadline.date}@uc-companion`,
              // A calendar app guesses the direction from the first letter.
              title: withDirection(`${label} (${kindTitle})`, language),
              description: withDirection(text.rule, language),
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
