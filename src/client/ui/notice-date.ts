// The "Date of the message" the deadlines count from, as the person types it
// (Explain and a saved message). The fields keep exactly what was typed; the
// deadlines use it only once it is a real date, never a part-typed one, and
// never today in its place. A part-typed date hides the deadlines, and once
// focus leaves the fields (or on Save) the error says what is missing.
import { useState } from 'preact/hooks';
import { isEmptyDate, UC_START, type DateFields, type DateReading, type DateRules } from './date-parts';
import { readDateField } from './date-input';

export interface NoticeDate {
  /** What the person typed, or null when they have not (the fields then show the date the count uses). */
  typed: DateFields | null;
  /** The typed date once it is real and in range: the deadlines count from it. */
  date: string | undefined;
  /** How what was typed reads; null when nothing is typed. */
  reading: DateReading | null;
  /** Something is typed that is not a usable date: the deadlines are not shown. */
  unusable: boolean;
  /** The error shows at the field and in the summary. */
  errorShown: boolean;
  /** Goes up when Save finds a problem, so the summary takes focus. */
  attempt: number;
  rules: DateRules & { today: string };
  type(fields: DateFields): void;
  /** Focus left the fields: show what is wrong; emptied fields go back to the message's date. */
  leave(): void;
  /** Before Save: true when the date can be used, else the error shows and takes focus. */
  check(): boolean;
  /** Forget what was typed (the message was cleared). */
  reset(): void;
}

export function useNoticeDate(typed: DateFields | null, setTyped: (fields: DateFields | null) => void, today: string): NoticeDate {
  const [errorShown, setErrorShown] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const rules = { earliest: UC_START, latest: today, today };
  const empty = typed !== null && isEmptyDate(typed);
  const reading = typed && !empty ? readDateField(typed, rules) : null;
  const unusable = reading !== null && !reading.ok;

  return {
    typed,
    date: reading?.ok ? reading.date : undefined,
    reading,
    unusable,
    errorShown: errorShown && unusable,
    attempt,
    rules,
    type(fields) {
      setTyped(fields);
      // A fixed date takes its error away at once; a new one waits until focus leaves.
      if (isEmptyDate(fields) || readDateField(fields, rules).ok) setErrorShown(false);
    },
    leave() {
      if (empty) setTyped(null);
      else if (unusable) setErrorShown(true);
    },
    check() {
      if (!unusable) return true;
      setErrorShown(true);
      setAttempt((n) => n + 1);
      return false;
    },
    reset() {
      setTyped(null);
      setErrorShown(false);
    },
  };
}
