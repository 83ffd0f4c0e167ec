import { useState } from 'preact/hooks';
import { useT } from '../../initial/i18n/use-translation';
import { composeMrRequest, validateMrRequest, type MrRequestError, type MrRequestField, type MrRequestInput } from '../../../shared/letters/compose-mr-request';
import { useDraft } from '../../ui/draft';
import { CopyText } from './copy-text';
import { MeaningBox } from './meaning-box';
import { formatDate } from '../../initial/i18n/format';
import { currentLanguage } from '../../initial/i18n/use-translation';
import { ErrorSummary } from '../../ui/error-summary';
import { TextField } from '../../ui/text-field';

const FIELD_IDS: Record<MrRequestField, string> = {
  decisionDate: 'mr-decision-date',
  decisionAbout: 'mr-decision-about',
  whatIsWrong: 'mr-what-is-wrong',
};

/** Helps write a mandatory reconsideration request for the journal. */
export function MrRequestForm({ today }: { today: string }) {
  const t = useT();
  const [decisionDate, setDecisionDate] = useDraft('helpers-mr-date', '');
  const [decisionAbout, setDecisionAbout] = useDraft('helpers-mr-about', '');
  const [whatIsWrong, setWhatIsWrong] = useDraft('helpers-mr-wrong', '');
  const [writtenReasons, setWrittenReasons] = useDraft('helpers-mr-reasons', false);
  const [result, setResult] = useDraft<string | null>('helpers-mr-result', null);
  const [errors, setErrors] = useState<MrRequestError[]>([]);
  const [attempt, setAttempt] = useState(0);

  function errorFor(field: MrRequestField): string | undefined {
    const found = errors.find((item) => item.field === field);
    return found ? t(`helpers:errors.${found.error}`) : undefined;
  }

  function onSubmit(event: Event) {
    event.preventDefault();
    const input: MrRequestInput = { decisionDate, decisionAbout, whatIsWrong, writtenReasons };
    const found = validateMrRequest(input, today);
    setErrors(found);
    if (found.length > 0) {
      setResult(null);
      setAttempt((n) => n + 1);
      return;
    }
    setResult(composeMrRequest(input));
  }

  return (
    <section class="helper" aria-labelledby="mr-heading">
      <h2 id="mr-heading">{t('helpers:mr.heading')}</h2>
      <p>{t('helpers:mr.intro')}</p>
      <form noValidate onSubmit={onSubmit}>
        <ErrorSummary
          title={t('helpers:problem')}
          id="mr-errors"
          attempt={attempt}
          items={errors.map((item) => ({
            target: FIELD_IDS[item.field],
            message: t(`helpers:errors.${item.error}`),
          }))}
        />
        <TextField
          id={FIELD_IDS.decisionDate}
          type="date"
          label={t('helpers:mr.dateLabel')}
          hint={t('helpers:mr.dateHint')}
          error={errorFor('decisionDate')}
          value={decisionDate}
          onInput={setDecisionDate}
          max={today}
        />
        <TextField
          id={FIELD_IDS.decisionAbout}
          label={t('helpers:mr.aboutLabel')}
          hint={t('helpers:mr.aboutHint')}
          error={errorFor('decisionAbout')}
          value={decisionAbout}
          onInput={setDecisionAbout}
        />
        <TextField
          id={FIELD_IDS.whatIsWrong}
          multiline
          rows={6}
          label={t('helpers:mr.wrongLabel')}
          hint={t('helpers:mr.wrongHint')}
          error={errorFor('whatIsWrong')}
          value={whatIsWrong}
          onInput={setWhatIsWrong}
        />
        <div class="field">
          <div class="checkbox">
            <input
              id="mr-written-reasons"
              type="checkbox"
              class="checkbox__input"
              checked={writtenReasons}
              onChange={(event) => setWrittenReasons((event.currentTarget as HTMLInputElement).checked)}
            />
            <label for="mr-written-reasons" class="checkbox__label">
              {t('helpers:mr.reasonsLabel')}
            </label>
          </div>
        </div>
        <button type="submit" class="button">
          {t('helpers:mr.submit')}
        </button>
      </form>
      {result && <CopyText id="mr-result" label={t('helpers:mr.resultLabel')} text={result} />}
      {result && (
        <MeaningBox
          id="mr-meaning"
          sentences={[
            t('helpers:meaning.mr', { date: decisionDate ? formatDate(decisionDate, currentLanguage(), false) : '', about: decisionAbout.trim() }),
            ...(writtenReasons ? [t('helpers:meaning.mrReasons')] : []),
            t('helpers:meaning.mrNotice'),
          ]}
        />
      )}
    </section>
  );
}
