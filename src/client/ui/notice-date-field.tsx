import type { NoticeExplanation } from '../../shared/notices/types';
import { useT } from '../initial/i18n/use-translation';
import { fieldsOf } from './date-parts';
import { DateInput, dateErrorMessage } from './date-input';
import type { NoticeDate } from './notice-date';

export const NOTICE_DATE_ID = 'notice-date';

/** The error for the date of the message, when it shows. */
export function noticeDateError(t: ReturnType<typeof useT>, date: NoticeDate): string | undefined {
  if (!date.errorShown || !date.reading || date.reading.ok) return undefined;
  return dateErrorMessage(t, date.reading.problem, t('explain:noticeDateLabel'), date.rules);
}

interface Props {
  explanation: NoticeExplanation;
  date: NoticeDate;
  /** "Dates updated.", shown once a changed date is saved. */
  status?: string | undefined;
}

/** The date the deadlines count from. The person can correct it; the dates follow once it is a real date. */
export function NoticeDateField({ explanation, date, status }: Props) {
  const t = useT();
  const hintKey =
    date.typed !== null || explanation.countFromSource === 'user'
      ? 'explain:noticeDateYours'
      : explanation.countFromSource === 'text'
        ? 'explain:noticeDateFound'
        : 'explain:noticeDateToday';
  const error = noticeDateError(t, date);
  return (
    <>
      <DateInput
        id={NOTICE_DATE_ID}
        legend={t('explain:noticeDateLabel')}
        hint={t(hintKey)}
        value={date.typed ?? fieldsOf(explanation.countFrom)}
        onInput={date.type}
        onLeave={date.leave}
        error={error}
        errorParts={date.reading?.ok === false ? date.reading.parts : undefined}
      />
      {status && <p class="inline-status">{status}</p>}
    </>
  );
}
