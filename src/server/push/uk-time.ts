// UK wall-clock time (Europe/London) for reminders: "Mondays at 10:00" and
// quiet hours must mean UK time on both sides of the clock changes.
import { addDays } from '../../shared/notices/calendar';

const MINUTE_MS = 60_000;

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface UkTime {
  date: string; // YYYY-MM-DD
  minute: number; // 0 to 1439
  weekday: number; // 0 = Monday … 6 = Sunday
}

export function utcToUk(at: Date): UkTime {
  const all = parts.formatToParts(at);
  const value = (type: string) => all.find((part) => part.type === type)?.value ?? '';
  return {
    date: `${value('year')}-${value('month')}-${value('day')}`,
    minute: Number(value('hour')) * 60 + Number(value('minute')),
    weekday: WEEKDAYS.indexOf(value('weekday')),
  };
}

/**
 * The instant a UK wall-clock time happens. A time that happens twice (the
 * autumn hour) gives the first; a time that never happens (the spring hour)
 * gives the same clock time in GMT, which is just after the gap.
 */
export function ukToUtc(date: string, minute: number): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, 0, minute);
  for (const offsetMinutes of [60, 0]) {
    const candidate = new Date(asUtc - offsetMinutes * MINUTE_MS);
    const uk = utcToUk(candidate);
    if (uk.date === date && uk.minute === minute) return candidate;
  }
  return new Date(asUtc);
}

export interface QuietHours {
  start: number; // minute of the day, UK time
  end: number;
}

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
