import type { NoticeExplanation } from '../../shared/notices/types';
import { useT, currentLanguage } from '../initial/i18n/use-translation';
import { deadlineText } from './deadline-text';
import { kindText } from './notice-text';
import { DeadlineCard } from './deadline-card';
import { NoticeDateField } from './notice-date-field';
import { ReadAloud } from './read-aloud';
import type { ComponentChildren } from 'preact';

interface Props {
  explanation: NoticeExplanation;
  today: string;
  onNoticeDateChange: (date: string | undefined) => void;
  actions?: ComponentChildren;
}

/** What it is, what it means, what to do, the dates, and what to do if late. */
export function ExplanationView({ explanation, today, onNoticeDateChange, actions }: Props) {
  const t = useT();
  const text = kindText(t, explanation.kind);
  const language = currentLanguage();

  const spoken = () =>
    [
      text.title,
      text.what,
      ...text.meaning,
      t('explain:stepsHeading'),
      ...text.steps.map((step, index) => `${index + 1}. ${step}`),
      ...explanation.deadlines.map((deadline) => deadlineText(t, deadline, language).line),
    ].join(' ');

  return (
    <section class="result" aria-labelledby="result-heading">
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
      <NoticeDateField explanation={explanation} onChange={onNoticeDateChange} />
      {explanation.deadlines.length > 0 ? (
        <ul class="deadlines">
          {explanation.deadlines.map((deadline) => (
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
