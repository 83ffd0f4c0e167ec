import { useState } from 'preact/hooks';
import { useT } from '../../initial/i18n/use-translation';
import {
  CONSENT_MAX_MONTHS,
  SHARE_SCOPES,
  composeConsentNote,
  validateConsentNote,
  type ConsentNoteError,
  type ConsentNoteField,
  type ConsentNoteInput,
  type ShareScope,
} from '../../../shared/letters/compose-consent-note';
import { addMonthsIso } from '../../../shared/letters/compose-shared';
import { useDraft } from '../../ui/draft';
import { CopyText } from './copy-text';
import { MeaningBox } from './meaning-box';
import { formatDate } from '../../initial/i18n/format';
import { currentLanguage } from '../../initial/i18n/use-translation';
import { ErrorSummary } from '../../ui/error-summary';
import { FieldError } from '../../ui/field-error';
import { TextField } from '../../ui/text-field';
import { DateInput, dateErrorMessage, dateFieldTarget, readDateField } from '../../ui/date-input';
import { EMPTY_DATE, type DateFields, type DateReading } from '../../ui/date-parts';

const UNTIL_ID = 'consent-until';
const FIELD_IDS: Record<Exclude<ConsentNoteField, 'until'>, string> = {
  adviserName: 'consent-adviser-name',
  organisation: 'consent-organisation',
  share: `consent-share-${SHARE_SCOPES[0] ?? 'whole-claim'}`,
  reason: 'consent-reason',
};

/** Helps write an explicit-consent note, so the DWP will talk to an adviser. */
export function ConsentNoteForm({ today }: { today: string }) {
  const t = useT();
  const [adviserName, setAdviserName] = useDraft('helpers-consent-name', '');
  const [organisation, setOrganisation] = useDraft('helpers-consent-org', '');
  const [branch, setBranch] = useDraft('helpers-consent-branch', '');
  const [relationship, setRelationship] = useDraft('helpers-consent-relationship', '');
  const [share, setShare] = useDraft<ShareScope[]>('helpers-consent-share', []);
  const [reason, setReason] = useDraft('helpers-consent-reason', '');
  const [until, setUntil] = useDraft<DateFields>('helpers-consent-until-fields', EMPTY_DATE);
  const [result, setResult] = useDraft<string | null>('helpers-consent-result', null);
  const [errors, setErrors] = useState<ConsentNoteError[]>([]);
  const [untilProblem, setUntilProblem] = useState<Extract<DateReading, { ok: false }> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [written, setWritten] = useState(0);
  const rules = { earliest: today, latest: addMonthsIso(today, CONSENT_MAX_MONTHS) ?? undefined, today };
  const untilError = untilProblem
    ? dateErrorMessage(t, untilProblem.problem, t('helpers:consent.untilLabel'), rules, {
        empty: t('helpers:errors.until.missing'),
        tooEarly: t('helpers:errors.until.past'),
        tooLate: t('helpers:errors.until.tooFar'),
      })
    : undefined;

  function errorFor(field: ConsentNoteField): string | undefined {
    const found = errors.find((item) => item.field === field);
    return found ? t(`helpers:errors.${found.error}`) : undefined;
  }

  function toggle(scope: ShareScope, checked: boolean) {
    const next = checked ? [...share.filter((s) => s !== scope), scope] : share.filter((s) => s !== scope);
    setShare(SHARE_SCOPES.filter((s) => next.includes(s)));
  }

  function onSubmit(event: Event) {
    event.preventDefault();
    const reading = readDateField(until, rules);
    const input: ConsentNoteInput = { adviserName, organisation, branch, relationship, share, reason, until: reading.ok ? reading.date : '' };
    // The date's own problems are the date input's; the rest are the note's.
    const found = validateConsentNote(input, today).filter((item) => item.field !== 'until');
    setErrors(found);
    setUntilProblem(reading.ok ? null : reading);
    if (found.length > 0 || !reading.ok) {
      setResult(null);
      setAttempt((n) => n + 1);
      return;
    }
    setResult(composeConsentNote(input));
    setWritten((n) => n + 1);
  }

  const summary = [
    ...errors.map((item) => ({ target: FIELD_IDS[item.field as keyof typeof FIELD_IDS], message: t(`helpers:errors.${item.error}`) })),
    ...(untilError ? [{ target: dateFieldTarget(UNTIL_ID, untilProblem?.parts), message: untilError }] : []),
  ];
  const shownUntil = readDateField(until, rules);

  const shareError = errorFor('share');

  return (
    <section class="helper" aria-labelledby="consent-heading">
      <h2 id="consent-heading">{t('helpers:consent.heading')}</h2>
      <p>{t('helpers:consent.intro')}</p>
      <p class="inset">{t('helpers:consent.ownNotices')}</p>
      <p class="inset">{t('helpers:consent.neverShare')}</p>
      <form noValidate onSubmit={onSubmit}>
        <ErrorSummary title={t('helpers:problem')} id="consent-errors" attempt={attempt} headingLevel={3} items={summary} />
        <TextField
          id={FIELD_IDS.adviserName}
          label={t('helpers:consent.nameLabel')}
          hint={t('helpers:consent.nameHint')}
          error={errorFor('adviserName')}
          value={adviserName}
          onInput={setAdviserName}
        />
        <TextField
          id={FIELD_IDS.organisation}
          label={t('helpers:consent.organisationLabel')}
          hint={t('helpers:consent.organisationHint')}
          error={errorFor('organisation')}
          value={organisation}
          onInput={setOrganisation}
        />
        <TextField id="consent-branch" label={t('helpers:consent.branchLabel')} hint={t('helpers:consent.branchHint')} value={branch} onInput={setBranch} />
        <TextField
          id="consent-relationship"
          label={t('helpers:consent.relationshipLabel')}
          hint={t('helpers:consent.relationshipHint')}
          value={relationship}
          onInput={setRelationship}
        />
        <div class={`field${shareError ? ' field--error' : ''}`}>
          <fieldset class="checkboxes" aria-describedby={['consent-share-hint', shareError ? 'consent-share-error' : null].filter(Boolean).join(' ')}>
            <legend class="field__label">{t('helpers:consent.shareLegend')}</legend>
            <p id="consent-share-hint" class="field__hint">
              {t('helpers:consent.shareHint')}
            </p>
            {shareError && <FieldError id="consent-share-error" message={shareError} />}
            {SHARE_SCOPES.map((scope) => (
              <div class="checkbox" key={scope}>
                <input
                  id={`consent-share-${scope}`}
                  type="checkbox"
                  class="checkbox__input"
                  name="share"
                  value={scope}
                  checked={share.includes(scope)}
                  onChange={(event) => toggle(scope, (event.currentTarget as HTMLInputElement).checked)}
                />
                <label for={`consent-share-${scope}`} class="checkbox__label">
                  {t(`helpers:scopes.${scope}`)}
                </label>
              </div>
            ))}
          </fieldset>
        </div>
        <TextField
          id={FIELD_IDS.reason}
          multiline
          rows={3}
          label={t('helpers:consent.reasonLabel')}
          hint={t('helpers:consent.reasonHint')}
          error={errorFor('reason')}
          value={reason}
          onInput={setReason}
        />
        <DateInput
          id={UNTIL_ID}
          legend={t('helpers:consent.untilLabel')}
          hint={t('helpers:consent.untilHint')}
          error={untilError}
          errorParts={untilProblem?.parts}
          value={until}
          onInput={setUntil}
        />
        <button type="submit" class="button">
          {t('helpers:consent.submit')}
        </button>
      </form>
      {result && <CopyText id="consent-result" label={t('helpers:consent.resultLabel')} text={result} focusKey={written} />}
      {result && (
        <MeaningBox
          id="consent-meaning"
          sentences={[
            t('helpers:meaning.consent', {
              who: [adviserName.trim(), organisation.trim()].filter(Boolean).join(', '),
              scopes: share.map((scope) => t(`helpers:scopes.${scope}`)).join(', '),
            }),
            t('helpers:meaning.consentUntil', { date: shownUntil.ok ? formatDate(shownUntil.date, currentLanguage(), false) : '' }),
          ]}
        />
      )}
    </section>
  );
}
