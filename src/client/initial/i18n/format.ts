// This module is in the first download: think before adding to it.
// Every date the app shows a person, in their language: the one place where
// the calendar, the digits and the word order are decided.
//
// The words (month and weekday names) and their order come from the
// language's own `common.json` (`date.*`, copied from CLDR's Gregorian
// calendar), not from the browser's Intl data: Chromium ships no Welsh,
// Somali or Tigrinya date names (it writes "Saturday, November 28, 2026"),
// writes Panjabi as "2026 M11 28, Sat", and its default calendar for Persian
// is the Solar Hijri one ("۱۴۰۵ آذر ۷"). Here a date is always the ISO
// date's own Gregorian day, month and year, in Latin digits in every
// language: the digits of DWP's letters, of the date fields and of every
// count and number in the texts, so no sentence mixes two digit systems.
import { findLanguage } from './languages';
import { commonResource } from './common-words';
import { minuteToTime, utcToUk } from '../../../shared/notices/uk-time';

/** `common:date` in each locale. */
export interface DateWords {
  /** January first, in the form a date uses (genitive in Polish, Ukrainian, Lithuanian). */
  months: string[];
  /** Monday first. */
  weekdays: string[];
  /** A date without the weekday: {{day}}, {{month}}, {{year}}. */
  long: string;
  /** A date with the weekday: also {{weekday}}. */
  full: string;
  /** A date and a 24-hour time: {{date}}, {{time}}. */
  dateTime: string;
}

function fill(pattern: string, values: Record<string, string | number>): string {
  return pattern.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** The date words of a language whose `common` namespace is loaded (it always is for the current one). */
export function dateWords(language: string): DateWords | null {
  const words = commonResource(language, 'date') as DateWords | undefined;
  return Array.isArray(words?.months) && Array.isArray(words.weekdays) ? words : null;
}

/**
 * "Thursday 3 December 2026" (or without the weekday) for an ISO date
 * (YYYY-MM-DD), with the given words. Pure: the unit tests call it directly.
 */
export function writeDate(isoDate: string, words: DateWords, withWeekday = true): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return isoDate;
  return fill(withWeekday ? words.full : words.long, {
    day,
    month: words.months[month - 1] ?? String(month),
    year,
    weekday: words.weekdays[(date.getUTCDay() + 6) % 7] ?? '',
  });
}

/**
 * A date in the reader's language. Without its words (never expected: the
 * `common` namespace loads first) it stays an ISO date, which is still the
 * right Gregorian day.
 */
export function formatDate(isoDate: string, language: string, withWeekday = true): string {
  const words = dateWords(language);
  return words ? writeDate(isoDate, words, withWeekday) : isoDate;
}

/** "Thursday 3 December 2026 at 14:05" in the reader's language, UK time, for an ISO instant. */
export function formatDateTime(iso: string, language: string, withWeekday = false): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const { date, minute } = utcToUk(instant);
  const time = minuteToTime(minute);
  const words = dateWords(language);
  if (!words) return `${date} ${time}`;
  return fill(words.dateTime, { date: writeDate(date, words, withWeekday), time });
}

const RLM = '\u200F';

/**
 * Text shown outside the page (a notification, the tab's title, a calendar
 * entry) has no `dir`: its direction is guessed from its first letter. For a
 * right-to-left language a right-to-left mark goes first, so "DWP کو لکھیں"
 * is not laid out left to right with its words in the wrong order.
 */
export function withDirection(text: string, language: string): string {
  if (findLanguage(language)?.dir !== 'rtl' || text.startsWith(RLM)) return text;
  return `${RLM}${text}`;
}
