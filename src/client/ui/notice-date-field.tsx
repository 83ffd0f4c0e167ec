import type { NoticeExplanation } from '../../shared/notices/types';
import { useT } from '../initial/i18n/use-translation';

interface Props {
  explanation: NoticeExplanation;
  onChange: (date: string | undefined) => void;
}

/** The date the deadlines count from. The person can correct it; dates update at once. */
export function NoticeDateField({ explanation, onChange }: Props) {
  const t = useT();
  const hintKey =
    explanation.countFromSource === 'text'
      ? 'explain:noticeDateFound'
      : explanation.countFromSource === 'user'
        ? 'explain:noticeDateYours'
        : 'explain:noticeDateToday';
  return (
    <div class="field">
      <label for="notice-date" class="field__label">
        {t('explain:noticeDateLabel')}
      </label>
      <p id="notice-date-hint" class="field__hint">
        {t(hintKey)}
      </p>
      <input
        id="notice-date"
        type="date"
        class="input input--date"
        value={explanation.countFrom}
        aria-describedby="notice-date-hint"
        onChange={(event) => {
          const value = (event.currentTarget as HTMLInputElement).value;
          // An emptied field goes back to the date found in the message.
          onChange(/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
        }}
      />
    </div>
  );
}
