// Reads a date typed into three fields (day, month, year), the GOV.UK way:
// what the person typed is kept as it is, and becomes a date only when it is
// a real one in the range the question allows. Pure (no DOM), so the unit
// tests check every rule.
import { daysInMonth, isIsoDate, toIso } from '../../shared/notices/calendar';

export type DatePart = 'day' | 'month' | 'year';
export const DATE_PARTS: readonly DatePart[] = ['day', 'month', 'year'];

/** The three fields, exactly as typed. */
export interface DateFields {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE: DateFields = { day: '', month: '', year: '' };

export interface DateRules {
  /** The first date allowed (YYYY-MM-DD), if any. */
  earliest?: string | undefined;
  /** The last date allowed (YYYY-MM-DD), if any. */
  latest?: string | undefined;
}

/**
 * Why a typed date cannot be used. Each has one GOV.UK message
 * (locales/<language>/forms.json, `date.errors`):
 * empty: "Enter …"; missing*: "… must include a month"; notReal: "… must be a
 * real date"; yearDigits: "Year must include 4 numbers"; tooEarly and tooLate:
 * the range ("… must be today or in the past").
 */
export type DateProblem =
  | 'empty'
  | 'missingDay'
  | 'missingMonth'
  | 'missingYear'
  | 'missingDayMonth'
  | 'missingDayYear'
  | 'missingMonthYear'
  | 'notReal'
  | 'yearDigits'
  | 'tooEarly'
  | 'tooLate';

export type DateReading = { ok: true; date: string } | { ok: false; problem: DateProblem; parts: DatePart[] };

// Decimal digits of the scripts our languages use (Arabic, Persian and Urdu,
// Devanagari, Bengali, Gurmukhi, Gujarati, full width): a phone keyboard in
// those languages may type them. The app itself writes Latin digits.
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0xff10];

/** "٣" → "3", "۱۲" → "12"; other characters stay as they are. */
export function latinDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0) ?? 0;
    const zero = DIGIT_ZEROS.find((start) => code >= start && code <= start + 9);
    return zero === undefined ? digit : String(code - zero);
  });
}

const clean = (text: string) => latinDigits(text).trim();

/**
 * A month typed as a number (1 to 12, "03") or a name: in full or its first
 * three letters or more, from any of the lists given (English and the
 * reader's language). Null when it is neither.
 */
export function readMonth(text: string, monthNames: readonly (readonly string[])[] = []): number | null {
  const typed = clean(text).toLocaleLowerCase().replace(/\.$/, '');
  if (/^\d{1,2}$/.test(typed)) {
    const month = Number(typed);
    return month >= 1 && month <= 12 ? month : null;
  }
  if ([...typed].length < 3) return null;
  for (const names of monthNames) {
    const found = names.findIndex((name) => name.toLocaleLowerCase().startsWith(typed));
    if (found >= 0) return found + 1;
  }
  return null;
}

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Reads the three fields against the rules. Never guesses a missing part and never uses today in its place. */
export function readDate(fields: DateFields, rules: DateRules = {}, monthNames: readonly (readonly string[])[] = []): DateReading {
  const day = clean(fields.day);
  const month = clean(fields.month);
  const year = clean(fields.year);
  const missing = DATE_PARTS.filter((part) => !{ day, month, year }[part]);
  if (missing.length === 3) return { ok: false, problem: 'empty', parts: [...DATE_PARTS] };
  if (missing.length > 0) {
    const name = `missing${missing.map((part) => part[0]!.toUpperCase() + part.slice(1)).join('')}` as DateProblem;
    return { ok: false, problem: name, parts: missing };
  }
  const monthNumber = readMonth(month, [ENGLISH_MONTHS, ...monthNames]);
  const wrong: DatePart[] = [];
  if (!/^\d{1,2}$/.test(day)) wrong.push('day');
  if (monthNumber === null) wrong.push('month');
  if (!/^\d+$/.test(year)) wrong.push('year');
  if (wrong.length > 0) return { ok: false, problem: 'notReal', parts: wrong };
  // "26" is not guessed to be 2026: the person is asked for the whole year.
  if (year.length !== 4) return { ok: false, problem: 'yearDigits', parts: ['year'] };
  const dayNumber = Number(day);
  const yearNumber = Number(year);
  if (dayNumber < 1 || dayNumber > daysInMonth(yearNumber, monthNumber!)) return { ok: false, problem: 'notReal', parts: ['day'] };
  const iso = toIso({ year: yearNumber, month: monthNumber!, day: dayNumber });
  if (rules.earliest && iso < rules.earliest) return { ok: false, problem: 'tooEarly', parts: [...DATE_PARTS] };
  if (rules.latest && iso > rules.latest) return { ok: false, problem: 'tooLate', parts: [...DATE_PARTS] };
  // The calendar works from 1900 to 2200; outside that no date is real here.
  if (!isIsoDate(iso)) return { ok: false, problem: 'notReal', parts: ['year'] };
  return { ok: true, date: iso };
}

/** The fields showing a date: "2026-11-09" → 9, 11, 2026. */
export function fieldsOf(iso: string): DateFields {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! } : EMPTY_DATE;
}

export function isEmptyDate(fields: DateFields): boolean {
  return DATE_PARTS.every((part) => !fields[part].trim());
}

/** Universal Credit began in 2013: no journal message or DWP decision is older. */
export const UC_START = '2013-01-01';
