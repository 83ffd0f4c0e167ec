// Quiet hours and journal reminders in UK wall-clock time: "Mondays at 10:00"
// and quiet hours must mean UK time on both sides of the clock changes (the
// conversion itself is shared with the page: src/shared/notices/uk-time.ts).
import { addDays } from '../../shared/notices/calendar';
import { ukToUtc, utcToUk } from '../../shared/notices/uk-time';
import type { QuietHours } from '../../shared/protocol/push-types';

function isQuiet(minute: number, { start, end }: QuietHours): boolean {
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** `at`, or the end of the quiet hours it falls in. */
export function outOfQuietHours(at: Date, quiet: QuietHours): Date {
  const uk = utcToUk(at);
  if (!isQuiet(uk.minute, quiet)) return at;
  // Overnight quiet hours: before midnight the quiet ends tomorrow morning.
  const endsTomorrow = quiet.start > quiet.end && uk.minute >= quiet.start;
  return ukToUtc(endsTomorrow ? addDays(uk.date, 1) : uk.date, quiet.end);
}

/** The next journal reminder after `after`: on a chosen weekday (bit 0 = Monday) at `minute` UK time, out of quiet hours. */
export function nextJournalTime(after: Date, days: number, minute: number, quiet: QuietHours): Date | null {
  if ((days & 0x7f) === 0) return null;
  const today = utcToUk(after);
  for (let i = 0; i <= 7; i++) {
    const weekday = (today.weekday + i) % 7;
    if (!(days & (1 << weekday))) continue;
    const candidate = ukToUtc(addDays(today.date, i), minute);
    if (candidate.getTime() > after.getTime()) return outOfQuietHours(candidate, quiet);
  }
  return null;
}
