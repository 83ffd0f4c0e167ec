import { describe, expect, it } from 'vitest';
import { findDates, findTimes, monthNumber, resolveYear } from '../../../src/shared/notices/dates';

const one = (text: string) => {
  const found = findDates(text);
  expect(found, text).toHaveLength(1);
  return found[0]!;
};

describe('finding dates in pasted text', () => {
  it.each([
    ['3 November 2026', [3, 11, 2026]],
    ['3 Nov 2026', [3, 11, 2026]],
    ['3 Nov. 2026', [3, 11, 2026]],
    ['3rd November', [3, 11, null]],
    ['3rd of November 2026', [3, 11, 2026]],
    ['Tuesday 3 November 2026', [3, 11, 2026]],
    ['03/11/2026', [3, 11, 2026]],
    ['3/11/26', [3, 11, 2026]],
    ['03.11.2026', [3, 11, 2026]],
    ['03-11-2026', [3, 11, 2026]],
    ['2026-11-03', [3, 11, 2026]],
    ['November 3, 2026', [3, 11, 2026]],
    ['3 novmber 2026', [3, 11, 2026]],
    ['21st Febuary 2028', [21, 2, 2028]],
    ['1 Sept 2026', [1, 9, 2026]],
    ['29 February', [29, 2, null]],
  ] as const)('reads %s', (text, [day, month, year]) => {
    expect(one(`On ${text} we wrote.`)).toMatchObject({ day, month, year });
  });

  it('ignores words that only start like a month, and impossible dates', () => {
    expect(findDates('We made 2 decisions. You have 3 married children.')).toEqual([]);
    expect(findDates('31 November 2026 or 29/02/2027 or 12/13/2026')).toEqual([]);
  });

  it('finds several dates in order', () => {
    const found = findDates('Assessment period 16 October 2026 to 15 November 2026, paid 22/11/2026');
    expect(found.map((d) => [d.day, d.month])).toEqual([
      [16, 10],
      [15, 11],
      [22, 11],
    ]);
  });

  it('accepts typos in month names but not other words', () => {
    expect(monthNumber('Novmber')).toBe(11);
    expect(monthNumber('decembre')).toBe(12);
    expect(monthNumber('decisions')).toBe(0);
    expect(monthNumber('Sept')).toBe(9);
  });
});

describe('placing a date with no year', () => {
  const date = { index: 0, end: 0, day: 3, month: 11, year: null };
  it('looks back for the date a notice was sent', () => {
    expect(resolveYear(date, '2026-11-22', 'past')).toBe('2026-11-03');
    expect(resolveYear(date, '2026-10-01', 'past')).toBe('2025-11-03');
  });
  it('looks forward for a deadline', () => {
    expect(resolveYear(date, '2026-10-01', 'future')).toBe('2026-11-03');
    expect(resolveYear({ ...date, month: 1 }, '2026-12-20', 'future')).toBe('2027-01-03');
  });
  it('puts 29 February in a leap year', () => {
    expect(resolveYear({ ...date, day: 29, month: 2 }, '2028-03-10', 'past')).toBe('2028-02-29');
  });
});

describe('times', () => {
  it('reads 12- and 24-hour times', () => {
    expect(findTimes('at 10:30am, then 2pm, then 14:45, then 9.15 a.m. or midday').map((t) => t.time)).toEqual(['10:30', '14:00', '14:45', '09:15', '12:00']);
  });
});
