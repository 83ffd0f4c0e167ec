// Bank holidays in England and Wales, computed from the rules in the Banking
// and Financial Dealings Act 1971 and the royal proclamations, so they keep
// working after any table would run out. Years the government moved or added
// days are listed as exceptions (checked against GOV.UK's published lists).
import type { DateParts } from './calendar';

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): DateParts {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

function firstMonday(year: number, month: number): number {
  const first = weekdayOf(year, month, 1);
  return 1 + ((8 - first) % 7);
}

function lastMonday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return last - ((weekdayOf(year, month, last) + 6) % 7);
}

function plusDays(parts: DateParts, days: number): string {
  const d = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + days));
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Days moved (the usual day is not a holiday that year) and days added. */
const MOVED: Record<number, { remove: string[]; add: string[] }> = {
  2020: { remove: ['2020-05-04'], add: ['2020-05-08'] }, // VE Day 75
  2022: { remove: ['2022-05-30'], add: ['2022-06-02', '2022-06-03', '2022-09-19'] }, // Platinum Jubilee; State Funeral
  2023: { remove: [], add: ['2023-05-08'] }, // Coronation
};

function christmasDays(year: number): string[] {
  const christmas = weekdayOf(year, 12, 25);
  // Saturday: Mon 27 and Tue 28. Sunday: Mon 26 (Boxing Day) and Tue 27. Friday: Fri 25 and Mon 28.
  if (christmas === 6) return [iso(year, 12, 27), iso(year, 12, 28)];
  if (christmas === 0) return [iso(year, 12, 26), iso(year, 12, 27)];
  if (christmas === 5) return [iso(year, 12, 25), iso(year, 12, 28)];
  return [iso(year, 12, 25), iso(year, 12, 26)];
}

function newYearsDay(year: number): string {
  const day = weekdayOf(year, 1, 1);
  if (day === 6) return iso(year, 1, 3);
  if (day === 0) return iso(year, 1, 2);
  return iso(year, 1, 1);
}

export function bankHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const days = [
    newYearsDay(year),
    plusDays(easter, -2), // Good Friday
    plusDays(easter, 1), // Easter Monday
    iso(year, 5, firstMonday(year, 5)), // Early May
    iso(year, 5, lastMonday(year, 5)), // Spring
    iso(year, 8, lastMonday(year, 8)), // Summer
    ...christmasDays(year),
  ];
  const moved = MOVED[year];
  const result = moved ? [...days.filter((day) => !moved.remove.includes(day)), ...moved.add] : days;
  return result.sort();
}

const cache = new Map<number, Set<string>>();

export function isBankHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let days = cache.get(year);
  if (!days) {
    days = new Set(bankHolidays(year));
    cache.set(year, days);
  }
  return days.has(date);
}
