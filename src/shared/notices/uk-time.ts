// UK wall-clock time (Europe/London, through the clock changes): the day a
// deadline counts from, the time a date shows, when a reminder is due and
// when quiet hours end. Numbers only, so any engine's Intl data will do.

const MINUTE_MS = 60_000;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

let parts: Intl.DateTimeFormat | undefined;

export interface UkTime {
  /** YYYY-MM-DD */
  date: string;
  /** Minutes after midnight: 0 to 1439. */
  minute: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
}

export function utcToUk(at: Date): UkTime {
  parts ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
    hourCycle: 'h23',
  });
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

/** 600 → "10:00" (24-hour; any whole number of minutes wraps round the day). */
export function minuteToTime(minute: number): string {
  const m = ((Math.round(minute) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
