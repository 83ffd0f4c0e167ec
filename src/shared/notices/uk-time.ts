// UK wall-clock time (Europe/London, through the clock changes): the day a
// deadline counts from, the time a date shows, when a reminder is due and
// when quiet hours end. Numbers only, so any engine's Intl data will do.
//
// From 1996 the UK's clocks follow one rule (British Summer Time from 01:00
// GMT on the last Sunday of March to 01:00 GMT on the last Sunday of
// October), which is worked out here with plain arithmetic: the first
// Intl.DateTimeFormat with a time zone costs a cheap phone 25 to 50 ms of
// time-zone data loading (100 to 180 ms at Lighthouse's 4x CPU slowdown) on
// every screen that shows a date. Other years ask Intl, as before;
// tests/unit/push/uk-time.test.ts checks that both give the same answers.

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** The years the arithmetic covers (the current rule's first year, and a bound well within any engine's time-zone data). */
const RULE_FROM = 1996;
const RULE_UNTIL = 2099;

let parts: Intl.DateTimeFormat | undefined;

export interface UkTime {
  /** YYYY-MM-DD */
  date: string;
  /** Minutes after midnight: 0 to 1439. */
  minute: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
}

/** 01:00 UTC on the last Sunday of a month (0-based), in milliseconds. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0, 1);
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** UK time by the clock-change rule, for years RULE_FROM to RULE_UNTIL; null outside them. */
export function utcToUkByRule(at: Date): UkTime | null {
  const ms = at.getTime();
  const year = at.getUTCFullYear();
  if (!(year >= RULE_FROM && year <= RULE_UNTIL)) return null;
  const summer = ms >= lastSundayAt1Utc(year, 2) && ms < lastSundayAt1Utc(year, 9);
  const local = new Date(ms + (summer ? 60 * MINUTE_MS : 0));
  // Seconds are dropped, as the clock shows them (whole minutes, rounded down).
  const localYear = local.getUTCFullYear();
  if (!(localYear >= RULE_FROM && localYear <= RULE_UNTIL)) return null;
  return {
    date: `${localYear}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
    weekday: (local.getUTCDay() + 6) % 7,
  };
}

export function utcToUk(at: Date): UkTime {
  return utcToUkByRule(at) ?? utcToUkByIntl(at);
}

/** UK time from the engine's time-zone data (any year). */
export function utcToUkByIntl(at: Date): UkTime {
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
