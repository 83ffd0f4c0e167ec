import { useEffect, useRef, useState } from 'preact/hooks';
import { todayInLondon } from '../../../shared/notices/calendar';
import type { Challenge, NoticeKind } from '../../../shared/notices/types';
import { useT } from '../../initial/i18n/use-translation';
import { PageHeading } from '../../initial/page-heading';
import { announce } from '../../initial/status';
import { handOffPhoto, takeHandedOffPhoto, useDraft } from '../../ui/draft';
import { ExplanationView } from '../../ui/explanation-view';
import { kindText } from '../../ui/notice-text';
import type { DateFields } from '../../ui/date-parts';
import { useNoticeDate } from '../../ui/notice-date';
import { focusWhenShown } from '../../ui/focus';
import { saveExplanation } from '../../data/save-notice';
import * as explainer from '../../services/explainer';
import { useExplanation } from '../../ui/use-explanation';
import { PasteBox, PASTE_BOX_ID } from './paste-box';
import { KindPicker } from './kind-picker';
import { KindCandidates } from './kind-candidates';
import { ChallengeQuestions } from '../../ui/challenge-questions';
import { SecretWarning } from './secret-warning';
import { useAnnounceExplanation } from './announce-explanation';
import { PhotoReader } from './photo-reader';
import type { PhotoReading } from './use-photo-reading';
import '../../ui/screens.css';

const MIN_TEXT = 3;
const SEE_SAVED_ID = 'explain-see-saved';
const SAVE_ID = 'save-notice';
/** After the screen has appeared (and its first paint is done). */
const WARM_AFTER_MS = 300;

export function ExplainScreen() {
  const t = useT();
  const [text, setText] = useDraft('explain-text', '');
  const [kind, setKind] = useDraft<NoticeKind | null>('explain-kind', null);
  const [typedDate, setTypedDate] = useDraft<DateFields | null>('explain-date-fields', null);
  // The claimant's answer to "is it a decision?", when we had to ask.
  const [answer, setAnswer] = useDraft<Challenge | null>('explain-challenge', null);
  const [savedId, setSavedId] = useState<string | null>(null);
  const [pickerOpen, setPickerOpen] = useState(kind !== null);
  const [incoming, setIncoming] = useState<File | null>(null);
  const reader = useRef<PhotoReading | null>(null);
  const today = todayInLondon();
  const noticeDate = useNoticeDate(typedDate, (fields) => (setTypedDate(fields), setSavedId(null)), today);

  // A picture from another screen (/explain?photo=1) or shared from another
  // app (Android: Share → UC Companion, then "Explain this picture").
  useEffect(() => {
    const query = new URLSearchParams(location.search);
    if (query.get('photo') === '1') setIncoming(takeHandedOffPhoto());
    if (query.get('shared') === '1') {
      // Loaded only on this path: most visits never need it.
      void import('../../services/shared-file')
        .then((m) => m.takeSharedThings())
        .then(({ file, text: sharedText }) => {
          if (sharedText && !text.trim()) onText(sharedText);
          if (file) setIncoming(file);
        })
        .catch(() => undefined);
    }
  }, []);

  // A pasted screenshot is read like a chosen one.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const image = [...(event.clipboardData?.files ?? [])].find((file) => file.type.startsWith('image/'));
      if (!image || !reader.current) return;
      event.preventDefault();
      reader.current.choose(image);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);

  // Worked out in the explainer's worker on every key press (well under a
  // millisecond once its model has loaded), so the page never waits for it.
  const explained = useExplanation(explainer, text.trim().length >= MIN_TEXT || kind ? text : null, {
    today,
    ...(kind ? { kind } : {}),
    ...(noticeDate.date ? { noticeDate: noticeDate.date } : {}),
    ...(answer ? { challenge: answer } : {}),
  });
  const { explanation } = explained;
  useAnnounceExplanation(
    explanation ? kindText(t, explanation.kind).title : null,
    explanation && !noticeDate.unusable ? explanation.countFrom : null,
    text,
    explained.settled,
  );

  // The worker (and its model) loads once the screen is shown, before the first message is pasted.
  useEffect(() => {
    const timer = setTimeout(explainer.warmExplainer, WARM_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);

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

  function clear() {
    onText('');
    noticeDate.reset();
    // The Clear button goes with the text: the box is where to start again.
    document.getElementById(PASTE_BOX_ID)?.focus();
  }

  async function save() {
    if (!explanation || !noticeDate.check()) return;
    try {
      // The explanation of what is in the boxes now, not of what was there a key press ago.
      const current = (await explained.current()) ?? explanation;
      setSavedId(await saveExplanation(current, text));
      announce(t('explain:saved'));
      // The Save button becomes the link to the saved message: focus follows it.
      focusWhenShown(SEE_SAVED_ID);
    } catch {
      announce(t('explain:saveFailed'));
    }
  }

  return (
    <>
      <PageHeading title={t('explain:title')}>{t('explain:title')}</PageHeading>
      <p>{t('explain:intro')}</p>
      {explanation?.secretWarning && <SecretWarning />}
      <PasteBox value={text} onInput={onText} onClear={clear} />
      <PhotoReader onText={onText} initialFile={incoming} onReady={(reading) => (reader.current = reading)} />
      <KindPicker value={kind} open={pickerOpen} onToggle={setPickerOpen} onChange={chooseKind} />
      {explanation && (
        <ExplanationView
          explanation={explanation}
          today={today}
          noticeDate={noticeDate}
          kindChoice={
            <KindCandidates
              candidates={explanation.kindCandidates}
              onChoose={(choice) => {
                chooseKind(choice);
                // The choices go away: take focus to the new result, not to the top of the page.
                focusWhenShown('result-heading');
              }}
              onNone={() => {
                setPickerOpen(true);
                focusWhenShown('kind-select');
              }}
            />
          }
          challengeQuestions={
            <ChallengeQuestions key={text} possible={explanation.challenge.possible} answered={answer} onAnswer={(next) => (setAnswer(next), setSavedId(null))} />
          }
          actions={
            <>
              {savedId ? (
                <a id={SEE_SAVED_ID} class="button button--secondary" href={`/notice/${savedId}`}>
                  {t('explain:seeSaved')}
                </a>
              ) : (
                <button type="button" id={SAVE_ID} class="button" onClick={() => void save()}>
                  {t('explain:save')}
                </button>
              )}
              {text.trim() && (
                <a
                  class="button button--secondary"
                  href="/send?from=explain"
                  // The photo goes along too, so the adviser gets the page as well as the words.
                  onClick={() => reader.current?.file && handOffPhoto(reader.current.file)}
                >
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
