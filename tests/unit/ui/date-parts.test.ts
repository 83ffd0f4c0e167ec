// The GOV.UK date input's rules, as the Explain, saved-message and Write to
// DWP screens apply them: what is typed becomes a date only when it is a real
// one in range; otherwise the problem says exactly what is wrong.
import { describe, expect, it } from 'vitest';
import { fieldsOf, latinDigits, readDate, readMonth, UC_START } from '../../../src/client/ui/date-parts';
import { spellOut } from '../../../src/client/ui/spelled-code';
import { readTime } from '../../../src/client/lazy/reminders/time-text';
import { countBand } from '../../../src/client/adviser/validate';

const d = (day: string, month: string, year: string) => ({ day, month, year });
const rules = { earliest: UC_START, latest: '2026-11-22' };

describe('reading a typed date', () => {
  it('reads a real date, with or without leading zeros and spaces', () => {
    expect(readDate(d('5', '11', '2026'))).toEqual({ ok: true, date: '2026-11-05' });
    expect(readDate(d(' 09 ', '03', '2026'))).toEqual({ ok: true, date: '2026-03-09' });
    expect(readDate(d('29', '2', '2028'))).toEqual({ ok: true, date: '2028-02-29' });
  });

  it('says which parts are missing, never filling them in', () => {
    expect(readDate(d('', '', ''))).toMatchObject({ ok: false, problem: 'empty' });
    expect(readDate(d('', '11', '2026'))).toEqual({ ok: false, problem: 'missingDay', parts: ['day'] });
    expect(readDate(d('5', '', '2026'))).toEqual({ ok: false, problem: 'missingMonth', parts: ['month'] });
    expect(readDate(d('5', '11', ''))).toEqual({ ok: false, problem: 'missingYear', parts: ['year'] });
    expect(readDate(d('', '', '2026'))).toEqual({ ok: false, problem: 'missingDayMonth', parts: ['day', 'month'] });
    expect(readDate(d('', '11', ''))).toEqual({ ok: false, problem: 'missingDayYear', parts: ['day', 'year'] });
    expect(readDate(d('5', '', ''))).toEqual({ ok: false, problem: 'missingMonthYear', parts: ['month', 'year'] });
  });

  it('refuses dates that do not exist, marking the part that is wrong', () => {
    expect(readDate(d('30', '2', '2026'))).toEqual({ ok: false, problem: 'notReal', parts: ['day'] });
    expect(readDate(d('32', '1', '2026'))).toEqual({ ok: false, problem: 'notReal', parts: ['day'] });
    expect(readDate(d('5', '13', '2026'))).toEqual({ ok: false, problem: 'notReal', parts: ['month'] });
    expect(readDate(d('5x', '1', '2026'))).toEqual({ ok: false, problem: 'notReal', parts: ['day'] });
    expect(readDate(d('5', '11', '20x6'))).toEqual({ ok: false, problem: 'notReal', parts: ['year'] });
  });

  it('asks for the whole year rather than guess the century (the old field read 0002)', () => {
    expect(readDate(d('5', '11', '26'))).toEqual({ ok: false, problem: 'yearDigits', parts: ['year'] });
    expect(readDate(d('5', '11', '202'))).toEqual({ ok: false, problem: 'yearDigits', parts: ['year'] });
    expect(readDate(d('5', '11', '20266'))).toEqual({ ok: false, problem: 'yearDigits', parts: ['year'] });
  });

  it('keeps to the range the question allows', () => {
    expect(readDate(d('23', '11', '2026'), rules)).toMatchObject({ ok: false, problem: 'tooLate' });
    expect(readDate(d('22', '11', '2026'), rules)).toEqual({ ok: true, date: '2026-11-22' });
    expect(readDate(d('31', '12', '2012'), rules)).toMatchObject({ ok: false, problem: 'tooEarly' });
    expect(readDate(d('5', '11', '0026'), rules)).toMatchObject({ ok: false, problem: 'tooEarly' });
    expect(readDate(d('5', '11', '0026'))).toMatchObject({ ok: false, problem: 'notReal' });
  });

  it('takes month names in English or the reader’s language, and other scripts’ digits', () => {
    expect(readMonth('Nov')).toBeNull(); // no names given
    expect(readDate(d('5', 'nov', '2026'))).toEqual({ ok: true, date: '2026-11-05' });
    expect(readDate(d('5', 'November', '2026'))).toEqual({ ok: true, date: '2026-11-05' });
    expect(
      readDate(d('5', 'listopada', '2026'), {}, [
        ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
      ]),
    ).toEqual({
      ok: true,
      date: '2026-11-05',
    });
    expect(readDate(d('ju', '1', '2026'))).toMatchObject({ ok: false, problem: 'notReal' });
    expect(latinDigits('٥ ۱۱ ২০২৬')).toBe('5 11 2026');
    expect(readDate(d('٥', '۱۱', '٢٠٢٦'))).toEqual({ ok: true, date: '2026-11-05' });
  });

  it('shows a date in the fields as a person would type it', () => {
    expect(fieldsOf('2026-11-09')).toEqual({ day: '9', month: '11', year: '2026' });
  });
});

describe('reading a typed time (24-hour clock)', () => {
  it('reads the ways people type a time', () => {
    expect(readTime('21:00')).toBe('21:00');
    expect(readTime('21.30')).toBe('21:30');
    expect(readTime('21 30')).toBe('21:30');
    expect(readTime('2130')).toBe('21:30');
    expect(readTime('930')).toBe('09:30');
    expect(readTime('9')).toBe('09:00');
    expect(readTime(' 08:05 ')).toBe('08:05');
    expect(readTime('٢١:٠٠')).toBe('21:00');
  });
  it('refuses what is not a time of day', () => {
    for (const text of ['', '24:00', '25', '9:5', '21:60', '9pm', 'abc', '12345']) expect(readTime(text), text).toBeNull();
  });
});

describe('codes spelled out for screen readers', () => {
  it('reads each character, in groups', () => {
    expect(spellOut('3EQH-RGNP-GKG8-RZ1Q')).toBe('3 E Q H, R G N P, G K G 8, R Z 1 Q');
    expect(spellOut('K7M 2QX')).toBe('K 7 M, 2 Q X');
  });
});

describe("the adviser reply's character count", () => {
  it('is read out at 100, 20 and 0 left and when over, not on every key', () => {
    expect([900, 101, 100, 50, 21, 20, 1, 0, -1].map(countBand)).toEqual([0, 0, 1, 1, 1, 2, 2, 3, 4]);
  });
});
