import type { NoticeExplanation } from '../../shared/notices/types';
import { useT, currentLanguage } from '../initial/i18n/use-translation';
import { deadlineText } from './deadline-text';
import { kindText } from './notice-text';
import { DeadlineCard } from './deadline-card';
import { NOTICE_DATE_ID, NoticeDateField, noticeDateError } from './notice-date-field';
import type { NoticeDate } from './notice-date';
import { dateFieldTarget } from './date-input';
import { ErrorSummary } from './error-summary';
import { ReadAloud } from './read-aloud';
import type { ComponentChildren } from 'preact';

interface Props {
  explanation: NoticeExplanation;
  today: string;
  /** The date of the message as the person types it (see useNoticeDate). */
  noticeDate: NoticeDate;
  /** "Dates updated.", shown under the date once a change is saved. */
  dateStatus?: string | undefined;
  actions?: ComponentChildren;
}

/** What it is, what it means, what to do, the dates, and what to do if late. */
export function ExplanationView({ explanation, today, noticeDate, dateStatus, actions }: Props) {
  const t = useT();
  const text = kindText(t, explanation.kind);
  const language = currentLanguage();
  // A part-typed date gives no deadlines: never ones counted from another day.
  const deadlines = noticeDate.unusable ? [] : explanation.deadlines;
  const dateError = noticeDateError(t, noticeDate);
  const dateParts = noticeDate.reading && !noticeDate.reading.ok ? noticeDate.reading.parts : undefined;

  const spoken = () =>
    [
      text.title,
      text.what,
      ...text.meaning,
      t('explain:stepsHeading'),
      ...text.steps.map((step, index) => `${index + 1}. ${step}`),
      ...deadlines.map((deadline) => deadlineText(t, deadline, language).line),
    ].join(' ');

  return (
    <section class="result" aria-labelledby="result-heading">
      <ErrorSummary
        id="notice-date-errors"
        attempt={noticeDate.attempt}
        items={dateError ? [{ message: dateError, target: dateFieldTarget(NOTICE_DATE_ID, dateParts) }] : []}
      />
      <p class="result__kicker">{t('explain:weThink')}</p>
      <h2 id="result-heading" class="result__title">
        {text.title}
      </h2>
      {explanation.confidence === 'low' && <p class="inset">{t('explain:notSure')}</p>}
      <p class="lead">{text.what}</p>
      <div class="button-row">
        <ReadAloud text={spoken} />
        {actions}
      </div>
      <h3>{t('explain:meaningHeading')}</h3>
      {text.meaning.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
      <h3>{t('explain:stepsHeading')}</h3>
      <ol class="steps">
        {text.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <h3>{t('explain:datesHeading')}</h3>
      <NoticeDateField explanation={explanation} date={noticeDate} status={dateStatus} />
      {noticeDate.unusable ? (
        <p>{t('explain:dateIncomplete')}</p>
      ) : deadlines.length > 0 ? (
        <ul class="deadlines">
          {deadlines.map((deadline) => (
            <DeadlineCard key={deadline.id} deadline={deadline} today={today} kindTitle={text.title} />
          ))}
        </ul>
      ) : (
        <p>{t('explain:noDeadlines')}</p>
      )}
      <h3>{t('explain:ifLateHeading')}</h3>
      <p>{text.ifLate}</p>
      <p class="result__advice">{t('explain:getAdvice')}</p>
    </section>
  );
}
