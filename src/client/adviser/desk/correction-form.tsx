import { useState } from 'preact/hooks';
import { useT } from '../../initial/i18n/use-translation';
import { announce } from '../../initial/status';
import { NOTICE_KINDS, type NoticeKind } from '../../../shared/notices/types';
import { parseIso } from '../../../shared/notices/calendar';
import { readDate, type DateFields } from '../../ui/date-parts';
import type { DeskItem } from '../../data/adviser-db';
import { FieldError } from '../../ui/field-error';
import type { Correction } from './explain-item';
import '../../ui/forms.css';

interface Props {
  item: DeskItem;
  onCorrect: (correction: Correction | null) => Promise<void>;
}

const fieldsOf = (iso: string | null): DateFields => {
  if (!iso) return { day: '', month: '', year: '' };
  const { year, month, day } = parseIso(iso);
  return { day: String(day), month: String(month), year: String(year) };
};

/** "Correct the kind or date": kept on this computer only; the deadlines are worked out again. */
export function CorrectionForm({ item, onCorrect }: Props) {
  const t = useT();
  const reading = item.corrected ?? item.found;
  const [kind, setKind] = useState<NoticeKind>(reading.kind);
  const [fields, setFields] = useState<DateFields>(fieldsOf(reading.noticeDate));
  const [error, setError] = useState<string | null>(null);
  const id = `correct-${item.itemId}`;

  async function save(event: Event) {
    event.preventDefault();
    const typed = fields.day || fields.month || fields.year ? readDate(fields) : null;
    if (typed && !typed.ok) {
      setError(t(typed.problem === 'empty' ? 'adviser:desk.correct.dateEmpty' : 'adviser:desk.correct.dateInvalid'));
      document.getElementById(`${id}-day`)?.focus();
      return;
    }
    setError(null);
    await onCorrect({ kind, ...(typed?.ok ? { noticeDate: typed.date } : {}) });
    announce(t('adviser:desk.correct.saved'));
  }

  return (
    <details class="desk-correct">
      <summary>{t('adviser:desk.correct.summary')}</summary>
      <form class="desk-correct__form" onSubmit={(event) => void save(event)} noValidate>
        <p class="field__hint">{t('adviser:desk.correct.keptHere')}</p>
        <div class="field">
          <label class="field__label" for={`${id}-kind`}>
            {t('adviser:desk.correct.kindLabel')}
          </label>
          <select id={`${id}-kind`} class="input" value={kind} onChange={(event) => setKind((event.currentTarget as HTMLSelectElement).value as NoticeKind)}>
            {NOTICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`adviser:desk.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div class={`field${error ? ' field--error' : ''}`}>
          <fieldset class="date-input" role="group" aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}>
            <legend class="field__label">{t('adviser:desk.correct.dateLabel')}</legend>
            <p id={`${id}-hint`} class="field__hint">
              {t('adviser:desk.correct.dateHint')}
            </p>
            {error && <FieldError id={`${id}-error`} message={error} />}
            <div class="date-input__fields">
              {(['day', 'month', 'year'] as const).map((part) => (
                <div key={part} class={`date-input__item date-input__item--${part}`}>
                  <label class="date-input__label" for={`${id}-${part}`}>
                    {t(`adviser:desk.correct.${part}`)}
                  </label>
                  <input
                    id={`${id}-${part}`}
                    type="text"
                    class={`input date-input__input date-input__input--${part}${error ? ' input--error' : ''}`}
                    inputMode="numeric"
                    autocomplete="off"
                    spellcheck={false}
                    value={fields[part]}
                    aria-invalid={error ? 'true' : undefined}
                    onInput={(event) => setFields({ ...fields, [part]: (event.currentTarget as HTMLInputElement).value })}
                  />
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div class="button-row">
          <button type="submit" class="button">
            {t('adviser:desk.correct.save')}
          </button>
          {item.corrected && (
            <button type="button" class="button button--secondary" onClick={() => void onCorrect(null).then(() => announce(t('adviser:desk.correct.undone')))}>
              {t('adviser:desk.correct.undo')}
            </button>
          )}
        </div>
      </form>
    </details>
  );
}
