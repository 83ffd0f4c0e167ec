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
  /** Shown when the kind is unsure: the likeliest kinds to pick from (Explain screen). */
  kindChoice?: ComponentChildren;
  /** Shown when it is unsure whether the message can be challenged: our questions (Explain screen). */
  challengeQuestions?: ComponentChildren;
}

/** What it is, what it means, what to do, the dates, and what to do if late. */
export function ExplanationView({ explanation, today, noticeDate, dateStatus, actions, kindChoice, challengeQuestions }: Props) {
  const t = useT();
  const text = kindText(t, explanation.kind);
  const language = currentLanguage();
  const { challenge } = explanation;
  const unsure = explanation.confidence !== 'high' || !challenge.sure;
  // The words that made it a decision or an MRN, so the reader can check them in their message.
  const why =
    challenge.cue && challenge.source === 'rule' && challenge.answer !== 'neither' && challenge.possible.length === 1
      ? t(challenge.answer === 'mrn' ? 'explain:whyMrn' : 'explain:whyDecision', { words: challenge.cue })
      : null;
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
      <h2 id="result-heading" class="result__title" tabIndex={-1}>
        {text.title}
      </h2>
      {explanation.confidence !== 'high' && !kindChoice && <p class="inset">{t('explain:notSure')}</p>}
      <p class="lead">{text.what}</p>
      <div class="button-row">
        <ReadAloud text={spoken} />
        {actions}
      </div>
      {explanation.confidence !== 'high' && kindChoice}
      {(!challenge.sure || challenge.source === 'user') && challengeQuestions}
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
      {why && <p>{why}</p>}
      {!challenge.sure && deadlines.length > 0 && <p class="inset">{t('explain:datesUnsure')}</p>}
      {noticeDate.unusable ? (
        <p>{t('explain:dateIncomplete')}</p>
      ) : deadlines.length > 0 ? (
        <ul class="deadlines">
          {deadlines.map((deadline) => (
            <DeadlineCard key={deadline.id} deadline={deadline} today={today} kindTitle={text.title} />
          ))}
        </ul>
      ) : (
        // Never "no deadline" when we are not sure what it is: it may have one.
        <p>{t(unsure ? 'explain:noDeadlinesUnsure' : 'explain:noDeadlines')}</p>
      )}
      <h3>{t('explain:ifLateHeading')}</h3>
      <p>{text.ifLate}</p>
      <p class="result__advice">{t('explain:getAdvice')}</p>
    </section>
  );
}
