import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addCalendarMonths, addDays, daysBetween, isIsoDate, isWorkingDay, nextWorkingDay, todayInLondon, weekday } from '../../../src/shared/notices/calendar';

describe('calendar months (corresponding-date rule)', () => {
  it.each([
    ['2026-03-15', '2026-04-15'],
    ['2026-04-30', '2026-05-30'],
    ['2025-01-31', '2025-02-28'],
    ['2024-01-31', '2024-02-29'],
    ['2026-02-28', '2026-03-28'],
    ['2026-12-31', '2027-01-31'],
    ['2026-08-31', '2026-09-30'],
    ['2100-01-31', '2100-02-28'], // 2100 is not a leap year
    ['2000-01-31', '2000-02-29'], // 2000 is
  ])('%s plus 1 month is %s', (from, to) => {
    expect(addCalendarMonths(from, 1)).toBe(to);
  });

  it('13 months from 31 January 2028 is 28 February 2029', () => {
    expect(addCalendarMonths('2028-01-31', 13)).toBe('2029-02-28');
  });

  it('never lands more than a month plus a day away, and keeps the day when it can', () => {
    const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, (from) => {
        const to = addCalendarMonths(from, 1);
        const gap = daysBetween(from, to);
        expect(gap).toBeGreaterThanOrEqual(28);
        expect(gap).toBeLessThanOrEqual(31);
        if (Number(from.slice(8)) <= 28) expect(to.slice(8)).toBe(from.slice(8));
      }),
    );
  });
});

describe('days', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-11-09', -5)).toBe('2026-11-04');
  });
  it('counts days between dates', () => {
    expect(daysBetween('2026-11-22', '2026-12-09')).toBe(17);
    expect(daysBetween('2026-12-09', '2026-11-22')).toBe(-17);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across the clock change
  });
  it('knows the weekday', () => {
    expect(weekday('2026-11-22')).toBe(0); // Sunday
    expect(weekday('2026-12-25')).toBe(5); // Friday
  });
  it('checks dates are real', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2026-11-31')).toBe(false);
    expect(isIsoDate('3 November 2026')).toBe(false);
  });
});

describe('working days', () => {
  it('skips weekends and bank holidays', () => {
    expect(isWorkingDay('2026-12-24')).toBe(true);
    expect(isWorkingDay('2026-12-25')).toBe(false);
    expect(isWorkingDay('2026-12-28')).toBe(false); // Boxing Day substitute
    expect(nextWorkingDay('2026-12-25')).toBe('2026-12-29');
    expect(nextWorkingDay('2026-10-10')).toBe('2026-10-12');
    expect(nextWorkingDay('2027-03-26')).toBe('2027-03-30'); // Good Friday to the Tuesday after Easter Monday
    expect(nextWorkingDay('2027-04-02')).toBe('2027-04-02'); // an ordinary Friday
  });
});

describe('today in the UK', () => {
  it('uses London time, not UTC', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    // In winter London is on UTC.
    expect(todayInLondon(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
