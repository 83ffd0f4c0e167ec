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
import { DateInput, dateErrorMessage, dateFieldTarget, readDateField } from '../../ui/date-input';
import { EMPTY_DATE, UC_START, type DateFields, type DateReading } from '../../ui/date-parts';

const DATE_ID = 'mr-decision-date';
const FIELD_IDS: Record<Exclude<MrRequestField, 'decisionDate'>, string> = {
  decisionAbout: 'mr-decision-about',
  whatIsWrong: 'mr-what-is-wrong',
};

/** Helps write a mandatory reconsideration request for the journal. */
export function MrRequestForm({ today }: { today: string }) {
  const t = useT();
  const [decisionDate, setDecisionDate] = useDraft<DateFields>('helpers-mr-date-fields', EMPTY_DATE);
  const [decisionAbout, setDecisionAbout] = useDraft('helpers-mr-about', '');
  const [whatIsWrong, setWhatIsWrong] = useDraft('helpers-mr-wrong', '');
  const [writtenReasons, setWrittenReasons] = useDraft('helpers-mr-reasons', false);
  const [result, setResult] = useDraft<string | null>('helpers-mr-result', null);
  const [errors, setErrors] = useState<MrRequestError[]>([]);
  const [dateProblem, setDateProblem] = useState<Extract<DateReading, { ok: false }> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [written, setWritten] = useState(0);
  const rules = { earliest: UC_START, latest: today, today };

  function errorFor(field: MrRequestField): string | undefined {
    const found = errors.find((item) => item.field === field);
    return found ? t(`helpers:errors.${found.error}`) : undefined;
  }

  const dateError = dateProblem
    ? dateErrorMessage(t, dateProblem.problem, t('helpers:mr.dateLabel'), rules, {
        empty: t('helpers:errors.decisionDate.missing'),
        tooLate: t('helpers:errors.decisionDate.future'),
      })
    : undefined;

  function onSubmit(event: Event) {
    event.preventDefault();
    const reading = readDateField(decisionDate, rules);
    const input: MrRequestInput = { decisionDate: reading.ok ? reading.date : '', decisionAbout, whatIsWrong, writtenReasons };
    // The date's own problems are the date input's; the rest are the letter's.
    const found = validateMrRequest(input, today).filter((item) => item.field !== 'decisionDate');
    setErrors(found);
    setDateProblem(reading.ok ? null : reading);
    if (found.length > 0 || !reading.ok) {
      setResult(null);
      setAttempt((n) => n + 1);
      return;
    }
    setResult(composeMrRequest(input));
    setWritten((n) => n + 1);
  }

  const summary = [
    ...(dateError ? [{ target: dateFieldTarget(DATE_ID, dateProblem?.parts), message: dateError }] : []),
    ...errors
      .filter((item) => item.field !== 'decisionDate')
      .map((item) => ({ target: FIELD_IDS[item.field as keyof typeof FIELD_IDS], message: t(`helpers:errors.${item.error}`) })),
  ];
  const shownDate = readDateField(decisionDate, rules);

  return (
    <section class="helper" aria-labelledby="mr-heading">
      <h2 id="mr-heading">{t('helpers:mr.heading')}</h2>
      <p>{t('helpers:mr.intro')}</p>
      <form noValidate onSubmit={onSubmit}>
        <ErrorSummary title={t('helpers:problem')} id="mr-errors" attempt={attempt} headingLevel={3} items={summary} />
        <DateInput
          id={DATE_ID}
          legend={t('helpers:mr.dateLabel')}
          hint={t('helpers:mr.dateHint')}
          error={dateError}
          errorParts={dateProblem?.parts}
          value={decisionDate}
          onInput={setDecisionDate}
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
      {result && <CopyText id="mr-result" label={t('helpers:mr.resultLabel')} text={result} focusKey={written} />}
      {result && (
        <MeaningBox
          id="mr-meaning"
          sentences={[
            t('helpers:meaning.mr', { date: shownDate.ok ? formatDate(shownDate.date, currentLanguage(), false) : '', about: decisionAbout.trim() }),
            ...(writtenReasons ? [t('helpers:meaning.mrReasons')] : []),
            t('helpers:meaning.mrNotice'),
          ]}
        />
      )}
    </section>
  );
}
