// Finds dates and times written in pasted journal text: "3 November 2026",
// "3 Nov 2026", "3rd of November", "Monday 3 November", "November 3, 2026",
// "03/11/2026", "3.11.26" and "2026-11-03". Month names may have typos after
// the first three letters ("Novmber", "Febuary"), as pasted text often does.
// Welsh month names are read too ("14 Hydref 2024").
import { isValidDate, toIso } from './calendar';

export interface FoundDate {
  /** Where the date starts and ends in the text. */
  index: number;
  end: number;
  day: number;
  month: number;
  /** null when the text leaves the year out ("3rd November"). */
  year: number | null;
}

export interface FoundTime {
  index: number;
  /** 24-hour "HH:MM". */
  time: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Welsh month names, with the mutated forms that follow "o" or "ym" ("o Fai", "ym Mehefin").
const WELSH_MONTHS: Record<string, number> = {
  ionawr: 1,
  chwefror: 2,
  mawrth: 3,
  fawrth: 3,
  ebrill: 4,
  mai: 5,
  fai: 5,
  mehefin: 6,
  fehefin: 6,
  gorffennaf: 7,
  orffennaf: 7,
  awst: 8,
  medi: 9,
  fedi: 9,
  hydref: 10,
  tachwedd: 11,
  dachwedd: 11,
  rhagfyr: 12,
};
const MONTH = String.raw`((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,7}\.?|${Object.keys(WELSH_MONTHS).join('|')})(?![a-z])`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:,?\s*(\d{4}|'\d{2}))?`;

const DAY_MONTH_YEAR = new RegExp(String.raw`\b${DAY}(?:\s+of)?[\s-]*${MONTH}${YEAR}(?![\d:])`, 'gi');
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\s+${DAY}\b${YEAR}(?![\d:])`, 'gi');
const NUMERIC = /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b(?![/.-]\d)/g;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Edit distance, to accept "Novmber" but not "decisions". */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** 1 to 12, or 0 when the word is not a month name (allowing small typos). */
export function monthNumber(word: string): number {
  const lower = word.toLowerCase().replace(/\.$/, '');
  const welsh = WELSH_MONTHS[lower];
  if (welsh) return welsh;
  const index = MONTHS.indexOf(lower.slice(0, 3));
  if (index < 0) return 0;
  const full = FULL_MONTHS[index] ?? '';
  if (lower.length === 3 || lower === 'sept' || lower === full) return index + 1;
  return lower.length >= 4 && editDistance(lower, full) <= 2 ? index + 1 : 0;
}

function fullYear(text: string | undefined): number | null {
  if (!text) return null;
  if (text.startsWith("'")) return 2000 + Number(text.slice(1));
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

function accept(found: FoundDate[], date: FoundDate): void {
  // A later pattern can match inside an earlier match ("November 3, 2026" and "3, 2026"): keep the first.
  if (found.some((other) => date.index < other.end && other.index < date.end)) return;
  if (date.month === 0) return;
  const checkYear = date.year ?? 2024; // a leap year, so "29 February" without a year is allowed
  if (isValidDate(checkYear, date.month, date.day)) found.push(date);
}

export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const match of text.matchAll(ISO)) {
    accept(found, { index: match.index, end: match.index + match[0].length, year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
  }
  for (const match of text.matchAll(NUMERIC)) {
    // UK order: day/month/year.
    accept(found, {
      index: match.index,
      end: match.index + match[0].length,
      day: Number(match[1]),
      month: Number(match[3]),
      year: fullYear(match[4]),
    });
  }
  for (const match of text.matchAll(DAY_MONTH_YEAR)) {
    accept(found, {
      index: match.index,
      end: match.index + match[0].length,
      day: Number(match[1]),
      month: monthNumber(match[2] ?? ''),
      year: fullYear(match[3]),
    });
  }
  for (const match of text.matchAll(MONTH_DAY_YEAR)) {
    accept(found, {
      index: match.index,
      end: match.index + match[0].length,
      day: Number(match[2]),
      month: monthNumber(match[1] ?? ''),
      year: fullYear(match[3]),
    });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Gives a date with no year the year that puts it nearest to `reference`,
 * looking back (`past`, for the date a notice was sent) or forward (for a
 * deadline or an appointment, allowing a few days back for late pastes).
 */
export function resolveYear(date: FoundDate, reference: string, direction: 'past' | 'future'): string | null {
  if (date.year !== null) return isValidDate(date.year, date.month, date.day) ? toIso(date as { year: number; month: number; day: number }) : null;
  const refYear = Number(reference.slice(0, 4));
  const candidates = [refYear - 1, refYear, refYear + 1]
    .filter((year) => isValidDate(year, date.month, date.day))
    .map((year) => toIso({ year, month: date.month, day: date.day }));
  if (direction === 'past') return candidates.filter((iso) => iso <= reference).pop() ?? null;
  const from = shiftBack(reference);
  return candidates.find((iso) => iso >= from) ?? null;
}

function shiftBack(reference: string): string {
  const d = new Date(`${reference}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 14);
  return d.toISOString().slice(0, 10);
}

const TIME_12 = /\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\b\.?/gi;
const TIME_24 = /\b([01]?\d|2[0-3]):([0-5]\d)\b/g;
const NOON = /\b(midday|noon)\b/gi;

export function findTimes(text: string): FoundTime[] {
  const found: FoundTime[] = [];
  for (const match of text.matchAll(TIME_12)) {
    const hour = Number(match[1]);
    if (hour < 1 || hour > 12) continue;
    const minutes = match[2] ?? '00';
    const hour24 = (hour % 12) + ((match[3] ?? '').toLowerCase() === 'p' ? 12 : 0);
    found.push({ index: match.index, time: `${String(hour24).padStart(2, '0')}:${minutes}` });
  }
  for (const match of text.matchAll(TIME_24)) {
    if (found.some((other) => Math.abs(other.index - match.index) < 6)) continue;
    found.push({ index: match.index, time: `${match[1]?.padStart(2, '0')}:${match[2]}` });
  }
  for (const match of text.matchAll(NOON)) found.push({ index: match.index, time: '12:00' });
  return found.sort((a, b) => a.index - b.index);
}
