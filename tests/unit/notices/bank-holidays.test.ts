import { describe, expect, it } from 'vitest';
import { bankHolidays, easterSunday, isBankHoliday } from '../../../src/shared/notices/bank-holidays';

// England and Wales, as published on GOV.UK (2020 to 2027) and by the
// standard rules (2028 to 2030).
const PUBLISHED: Record<number, string[]> = {
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2028: ['01-03', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26'],
  2029: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
  2030: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
};

describe('England and Wales bank holidays', () => {
  it.each(Object.entries(PUBLISHED))('%s matches the published list', (year, days) => {
    expect(bankHolidays(Number(year))).toEqual(days.map((day) => `${year}-${day}`));
  });

  it('finds Easter Sunday', () => {
    expect(easterSunday(2026)).toEqual({ year: 2026, month: 4, day: 5 });
    expect(easterSunday(2038)).toEqual({ year: 2038, month: 4, day: 25 });
    expect(easterSunday(2035)).toEqual({ year: 2035, month: 3, day: 25 });
  });

  it('answers single dates', () => {
    expect(isBankHoliday('2026-12-28')).toBe(true);
    expect(isBankHoliday('2026-12-26')).toBe(false); // a Saturday: the holiday moves to Monday
    expect(isBankHoliday('2022-05-30')).toBe(false); // moved for the Platinum Jubilee
  });
});
