import { useEffect, useRef, useState } from 'preact/hooks';
import type { Challenge } from '../../shared/notices/types';
import { useT } from '../initial/i18n/use-translation';

interface Props {
  /** The answers still possible (more than one: that is why we ask). */
  possible: Challenge[];
  /** The claimant's answer, once given. */
  answered: Challenge | null;
  onAnswer: (answer: Challenge | null) => void;
  /** Where "Send to my adviser" goes: the pasted message, or a saved one. */
  sendHref?: string;
}

type Question = 'appeal' | 'decision' | 'lookAgain';

/** An MRN is asked about first (it changes the deadline to an appeal), then a decision. */
function firstQuestion(possible: Challenge[]): Question {
  return possible.includes('mrn') ? 'appeal' : 'decision';
}

/**
 * When we are not sure the message can be challenged: one or two short
 * questions. A yes gives the MR or appeal deadline; until then the dates of
 * every possible answer stay on the screen.
 */
export function ChallengeQuestions({ possible, answered, onAnswer, sendHref = '/send?from=explain' }: Props) {
  const t = useT();
  const [question, setQuestion] = useState<Question>(firstQuestion(possible));
  const [notSure, setNotSure] = useState(false);
  const focusTarget = useRef<HTMLElement>(null);
  const asked = useRef(false);

  // A screen reader hears the next question (or the answer) at once, not the old button again.
  useEffect(() => {
    if (asked.current) focusTarget.current?.focus();
  }, [question, answered]);

  function answer(yes: boolean) {
    asked.current = true;
    setNotSure(false);
    if (question === 'appeal') {
      if (yes) return onAnswer('mrn');
      if (possible.includes('decision')) return setQuestion('decision');
      return onAnswer('neither');
    }
    if (question === 'decision') return yes ? onAnswer('decision') : setQuestion('lookAgain');
    return onAnswer(yes ? 'decision' : 'neither');
  }

  if (answered) {
    return (
      <div class="unsure">
        <p
          tabIndex={-1}
          ref={(el) => {
            focusTarget.current = el;
          }}
        >
          {t(`explain:answered.${answered}`)}
        </p>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => {
            asked.current = true;
            setQuestion(firstQuestion(possible));
            onAnswer(null);
          }}
        >
          {t('explain:changeAnswer')}
        </button>
      </div>
    );
  }

  return (
    <div class="unsure" role="group" aria-labelledby="challenge-title">
      <h3 id="challenge-title" class="unsure__title">
        {t('explain:challengeTitle')}
      </h3>
      <p>{t('explain:challengeBody')}</p>
      <fieldset class="question">
        <legend
          class="field__label"
          tabIndex={-1}
          ref={(el) => {
            focusTarget.current = el;
          }}
        >
          {t(`explain:questions.${question}`)}
        </legend>
        <div class="button-row">
          <button type="button" class="button" onClick={() => answer(true)}>
            {t('explain:yes')}
          </button>
          <button type="button" class="button" onClick={() => answer(false)}>
            {t('explain:no')}
          </button>
          <button type="button" class="button button--secondary" onClick={() => setNotSure(true)}>
            {t('explain:dontKnow')}
          </button>
        </div>
      </fieldset>
      {notSure && (
        <p class="inset" role="status">
          {t('explain:dontKnowBody')}
        </p>
      )}
      <p>
        <a class="button button--secondary" href={sendHref}>
          {t('explain:sendToAdviser')}
        </a>
      </p>
    </div>
  );
}
