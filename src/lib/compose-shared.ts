// Small helpers shared by the text composers. Pure: no DOM, no Intl.

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Parses a strict YYYY-MM-DD date (UTC). Returns null if it is not a real calendar date. */
export function parseIsoDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date;
}

/** "2026-11-03" → "3 November 2026", in English, whatever the device locale. */
export function formatEnglishDate(value: string): string {
  const date = parseIsoDate(value);
  if (!date) return value.trim();
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** Adds whole calendar months, clamping to the month's last day (31 Aug + 6 months → 28/29 Feb). */
export function addMonthsIso(value: string, months: number): string | null {
  const date = parseIsoDate(value);
  if (!date) return null;
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
  return result.toISOString().slice(0, 10);
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
