// Every date the app asks for: the GOV.UK date input. Day, month and year
// are three labelled text fields in a fieldset (never type="date", which
// shows mm/dd/yyyy or another order chosen by the phone, not the page), with
// the numeric keyboard. What the person types stays as they typed it; the
// screen uses it only once readDateField says it is a real date.
import type { TFunction } from 'i18next';
import { currentLanguage, useT } from '../initial/i18n/use-translation';
import { dateWords, formatDate } from '../initial/i18n/format';
import { DATE_PARTS, readDate, type DateFields, type DatePart, type DateProblem, type DateReading, type DateRules } from './date-parts';
import { FieldError } from './field-error';
import './forms.css';

/** Reads the fields, taking month names in English or in the reader's language as well as numbers. */
export function readDateField(fields: DateFields, rules: DateRules = {}): DateReading {
  const months = dateWords(currentLanguage())?.months;
  return readDate(fields, rules, months ? [months] : []);
}

/**
 * The GOV.UK message for a problem: "Date of the message must include a
 * month", "… must be a real date", "… must be today or in the past". A
 * question may give its own words for some (`own`), e.g. "Enter the date of
 * the decision" when nothing was typed.
 */
export function dateErrorMessage(
  t: TFunction,
  problem: DateProblem,
  label: string,
  rules: DateRules & { today?: string },
  own: Partial<Record<DateProblem, string>> = {},
): string {
  const mine = own[problem];
  if (mine) return mine;
  const language = currentLanguage();
  if (problem === 'tooLate' && rules.latest) {
    if (rules.latest === rules.today) return t('forms:date.errors.todayOrPast', { label });
    return t('forms:date.errors.onOrBefore', { label, date: formatDate(rules.latest, language, false) });
  }
  if (problem === 'tooEarly' && rules.earliest) {
    if (rules.earliest === rules.today) return t('forms:date.errors.todayOrFuture', { label });
    return t('forms:date.errors.onOrAfter', { label, date: formatDate(rules.earliest, language, false) });
  }
  return t(`forms:date.errors.${problem}`, { label });
}

interface Props {
  /** The fieldset's id; the fields are `<id>-day`, `<id>-month` and `<id>-year`. */
  id: string;
  legend: string;
  /** The question's own hint. An example date follows it. */
  hint?: string | undefined;
  value: DateFields;
  onInput: (value: DateFields) => void;
  /** The error message, already translated. */
  error?: string | undefined;
  /** The fields the error is about (all three if not given). */
  errorParts?: readonly DatePart[] | undefined;
  /** Focus has left the three fields: a good moment to check what was typed. */
  onLeave?: (() => void) | undefined;
}

/** The id of the field an error summary should link to: the first one with a problem. */
export function dateFieldTarget(id: string, parts: readonly DatePart[] = DATE_PARTS): string {
  return `${id}-${DATE_PARTS.find((part) => parts.includes(part)) ?? 'day'}`;
}

export function DateInput({ id, legend, hint, value, onInput, error, errorParts = DATE_PARTS, onLeave }: Props) {
  const t = useT();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <fieldset
        id={id}
        class="date-input"
        role="group"
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        onFocusOut={(event) => {
          const next = (event as FocusEvent).relatedTarget as Node | null;
          if (!next || !(event.currentTarget as HTMLElement).contains(next)) onLeave?.();
        }}
      >
        <legend class="field__label">{legend}</legend>
        <p id={hintId} class="field__hint">
          {hint ? `${hint} ` : ''}
          {t('forms:date.example')}
        </p>
        {error && <FieldError id={errorId} message={error} />}
        <div class="date-input__fields">
          {DATE_PARTS.map((part) => {
            const fieldId = `${id}-${part}`;
            const invalid = Boolean(error) && errorParts.includes(part);
            return (
              <div key={part} class={`date-input__item date-input__item--${part}`}>
                <label for={fieldId} class="date-input__label">
                  {t(`forms:date.${part}`)}
                </label>
                <input
                  id={fieldId}
                  name={fieldId}
                  type="text"
                  inputMode="numeric"
                  autocomplete="off"
                  spellcheck={false}
                  class={`input date-input__input date-input__input--${part}${invalid ? ' input--error' : ''}`}
                  aria-invalid={invalid ? 'true' : undefined}
                  value={value[part]}
                  onInput={(event) => onInput({ ...value, [part]: (event.currentTarget as HTMLInputElement).value })}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
