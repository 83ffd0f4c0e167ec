import { useMemo, useState } from 'preact/hooks';
import { explainNotice, todayInLondon } from '../../../shared/notices';
import type { Challenge, NoticeKind } from '../../../shared/notices/types';
import { useT } from '../../initial/i18n/use-translation';
import { PageHeading } from '../../initial/page-heading';
import { announce } from '../../initial/status';
import { useDraft } from '../../ui/draft';
import { ExplanationView } from '../../ui/explanation-view';
import { saveExplanation } from '../../data/save-notice';
import { PasteBox } from './paste-box';
import { KindPicker } from './kind-picker';
import { KindCandidates } from './kind-candidates';
import { ChallengeQuestions } from '../../ui/challenge-questions';
import { SecretWarning } from './secret-warning';
import '../../ui/screens.css';

const MIN_TEXT = 3;

export function ExplainScreen() {
  const t = useT();
  const [text, setText] = useDraft('explain-text', '');
  const [kind, setKind] = useDraft<NoticeKind | null>('explain-kind', null);
  const [noticeDate, setNoticeDate] = useDraft<string | undefined>('explain-date', undefined);
  // The claimant's answer to "is it a decision?", when we had to ask.
  const [answer, setAnswer] = useDraft<Challenge | null>('explain-challenge', null);
  const [savedId, setSavedId] = useState<string | null>(null);
  const [pickerOpen, setPickerOpen] = useState(kind !== null);
  const today = todayInLondon();

  // Fast enough to run on every key press (well under a millisecond).
  const explanation = useMemo(
    () =>
      text.trim().length >= MIN_TEXT || kind
        ? explainNotice(text, {
            today,
            ...(kind ? { kind } : {}),
            ...(noticeDate ? { noticeDate } : {}),
            ...(answer ? { challenge: answer } : {}),
          })
        : null,
    [text, kind, noticeDate, answer, today],
  );

  function onText(value: string) {
    setText(value);
    // A new message: our questions about the old one no longer apply.
    if (answer) setAnswer(null);
    setSavedId(null);
  }

  function chooseKind(next: NoticeKind | null) {
    setKind(next);
    setSavedId(null);
  }

  async function save() {
    if (!explanation) return;
    try {
      setSavedId(await saveExplanation(explanation, text));
      announce(t('explain:saved'));
    } catch {
      announce(t('explain:saveFailed'));
    }
  }

  return (
    <>
      <PageHeading title={t('explain:title')}>{t('explain:title')}</PageHeading>
      <p>{t('explain:intro')}</p>
      {explanation?.secretWarning && <SecretWarning />}
      <PasteBox value={text} onInput={onText} />
      <KindPicker value={kind} open={pickerOpen} onToggle={setPickerOpen} onChange={chooseKind} />
      {explanation && (
        <ExplanationView
          explanation={explanation}
          today={today}
          onNoticeDateChange={(date) => (setNoticeDate(date), setSavedId(null))}
          kindChoice={
            <KindCandidates
              candidates={explanation.kindCandidates}
              onChoose={(choice) => {
                chooseKind(choice);
                // The choices go away: take focus to the new result, not to the top of the page.
                setTimeout(() => document.getElementById('result-heading')?.focus());
              }}
              onNone={() => {
                setPickerOpen(true);
                setTimeout(() => document.getElementById('kind-select')?.focus());
              }}
            />
          }
          challengeQuestions={
            <ChallengeQuestions key={text} possible={explanation.challenge.possible} answered={answer} onAnswer={(next) => (setAnswer(next), setSavedId(null))} />
          }
          actions={
            <>
              {savedId ? (
                <a class="button button--secondary" href={`/notice/${savedId}`}>
                  {t('explain:seeSaved')}
                </a>
              ) : (
                <button type="button" class="button" onClick={() => void save()}>
                  {t('explain:save')}
                </button>
              )}
              {text.trim() && (
                <a class="button button--secondary" href="/send?from=explain">
                  {t('explain:sendToAdviser')}
                </a>
              )}
            </>
          }
        />
      )}
    </>
  );
}
