// Small helpers shared by the text composers. Pure: no DOM, no Intl.
import { addCalendarMonths, isIsoDate, parseIso } from '../notices/calendar';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** True for a real YYYY-MM-DD calendar date (leading and trailing spaces allowed). */
export function isRealDate(value: string): boolean {
  return isIsoDate(value.trim());
}

/** "2026-11-03" → "3 November 2026", in English, whatever the device locale. */
export function formatEnglishDate(value: string): string {
  const date = value.trim();
  if (!isIsoDate(date)) return date;
  const { year, month, day } = parseIso(date);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** Adds whole calendar months, clamping to the month's last day (31 Aug + 6 months → 28/29 Feb). */
export function addMonthsIso(value: string, months: number): string | null {
  return isIsoDate(value.trim()) ? addCalendarMonths(value.trim(), months) : null;
}

/** Trims each line, drops trailing spaces and collapses 3+ line breaks (2+ blank lines) to one blank line. */
export function tidyText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Joins items in plain English: "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function endWithFullStop(value: string): string {
  return /[.!?]$/.test(value) ? value : `${value}.`;
}
