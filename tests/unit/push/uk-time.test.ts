import { describe, expect, it } from 'vitest';
import { ukToUtc, utcToUk, utcToUkByIntl, utcToUkByRule } from '../../../src/shared/notices/uk-time';
import { nextJournalTime, outOfQuietHours } from '../../../src/server/push/uk-time';

const QUIET = { start: 21 * 60, end: 8 * 60 };
const iso = (d: Date | null) => d?.toISOString();

describe('UK time through the clock changes', () => {
  it('knows GMT in winter and BST in summer', () => {
    expect(iso(ukToUtc('2026-01-15', 10 * 60))).toBe('2026-01-15T10:00:00.000Z');
    expect(iso(ukToUtc('2026-07-15', 10 * 60))).toBe('2026-07-15T09:00:00.000Z');
    expect(utcToUk(new Date('2026-07-15T09:00:00Z'))).toEqual({ date: '2026-07-15', minute: 600, weekday: 2 });
  });

  it('last Sunday of March 2027 (28th): clocks go forward at 01:00 GMT', () => {
    expect(iso(ukToUtc('2027-03-28', 0))).toBe('2027-03-28T00:00:00.000Z');
    // 01:30 never happens that night: we use the moment just after the gap.
    expect(iso(ukToUtc('2027-03-28', 90))).toBe('2027-03-28T01:30:00.000Z');
    expect(utcToUk(new Date('2027-03-28T01:30:00Z')).minute).toBe(150); // 02:30 BST
    expect(iso(ukToUtc('2027-03-28', 10 * 60))).toBe('2027-03-28T09:00:00.000Z');
  });

  it('last Sunday of October 2026 (25th): clocks go back at 02:00 BST', () => {
    // 01:30 happens twice: the first one (BST) counts.
    expect(iso(ukToUtc('2026-10-25', 90))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(ukToUtc('2026-10-25', 10 * 60))).toBe('2026-10-25T10:00:00.000Z');
    expect(iso(ukToUtc('2026-10-24', 10 * 60))).toBe('2026-10-24T09:00:00.000Z');
  });
});

describe('UK time by the clock-change rule (no Intl) agrees with the time-zone data', () => {
  const MINUTE = 60_000;
  it('on every minute either side of every clock change, 1996 to 2099', () => {
    for (let year = 1996; year <= 2099; year++) {
      for (const month of [2, 9]) {
        // Around 01:00 UTC on each day of the month's last week, and the change itself.
        for (let day = 24; day <= 31; day++) {
          const base = Date.UTC(year, month, day, 1);
          for (const offset of [-61, -60, -1, 0, 1, 59, 60, 61]) {
            const at = new Date(base + offset * MINUTE);
            expect(utcToUkByRule(at), at.toISOString()).toEqual(utcToUkByIntl(at));
          }
        }
      }
    }
  });
  it('at 20,000 instants spread over 1996 to 2099, seconds and milliseconds included', () => {
    const from = Date.UTC(1996, 0, 1);
    const to = Date.UTC(2100, 0, 1) - 1;
    let seed = 14;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20_000; i++) {
      const at = new Date(Math.floor(from + random() * (to - from)));
      expect(utcToUkByRule(at), at.toISOString()).toEqual(utcToUkByIntl(at));
    }
  });
  it('at the edges of the years it covers, and gives other years to Intl', () => {
    for (const iso of ['1996-01-01T00:00:00Z', '1996-03-31T00:59:59Z', '1996-03-31T01:00:00Z', '2099-12-31T23:59:59.999Z']) {
      expect(utcToUkByRule(new Date(iso)), iso).toEqual(utcToUkByIntl(new Date(iso)));
    }
    expect(utcToUkByRule(new Date('1995-10-22T00:30:00Z'))).toBeNull();
    expect(utcToUk(new Date('1995-10-22T00:30:00Z'))).toEqual(utcToUkByIntl(new Date('1995-10-22T00:30:00Z')));
    expect(utcToUkByRule(new Date('2100-06-01T12:00:00Z'))).toBeNull();
    expect(utcToUkByRule(new Date(Number.NaN))).toBeNull();
  });
});

describe('quiet hours (21:00 to 08:00 UK time)', () => {
  it('moves a late-evening reminder to 08:00 next morning, in UK time', () => {
    expect(iso(outOfQuietHours(new Date('2026-07-15T21:30:00Z'), QUIET))).toBe('2026-07-16T07:00:00.000Z'); // 22:30 BST → 08:00 BST
    expect(iso(outOfQuietHours(new Date('2026-01-15T22:30:00Z'), QUIET))).toBe('2026-01-16T08:00:00.000Z');
  });
  it('moves an early-morning one to 08:00 the same day, and leaves daytime alone', () => {
    expect(iso(outOfQuietHours(new Date('2026-01-15T06:00:00Z'), QUIET))).toBe('2026-01-15T08:00:00.000Z');
    expect(iso(outOfQuietHours(new Date('2026-01-15T12:00:00Z'), QUIET))).toBe('2026-01-15T12:00:00.000Z');
  });
  it('ends at 08:00 local on the mornings of both clock changes', () => {
    // Saturday 22:00 GMT before the spring change → Sunday 08:00 BST = 07:00 UTC.
    expect(iso(outOfQuietHours(new Date('2027-03-27T22:00:00Z'), QUIET))).toBe('2027-03-28T07:00:00.000Z');
    // Saturday 22:00 BST before the autumn change → Sunday 08:00 GMT.
    expect(iso(outOfQuietHours(new Date('2026-10-24T21:00:00Z'), QUIET))).toBe('2026-10-25T08:00:00.000Z');
  });
  it('can be switched off by making start equal end', () => {
    const at = new Date('2026-01-15T23:00:00Z');
    expect(outOfQuietHours(at, { start: 0, end: 0 })).toBe(at);
  });
});

describe('journal reminders', () => {
  const MON_THU = (1 << 0) | (1 << 3);
  it('picks the next chosen weekday at the chosen UK time', () => {
    // Wednesday 25 November 2026, 12:00 → Thursday 26th at 10:00 GMT.
    expect(iso(nextJournalTime(new Date('2026-11-25T12:00:00Z'), MON_THU, 600, QUIET))).toBe('2026-11-26T10:00:00.000Z');
    // Thursday 26th at 10:00 exactly → next Monday.
    expect(iso(nextJournalTime(new Date('2026-11-26T10:00:00Z'), MON_THU, 600, QUIET))).toBe('2026-11-30T10:00:00.000Z');
  });
  it('stays at 10:00 UK time across the autumn change', () => {
    // Thursday 22 October 2026 10:00 BST → Monday 26 October 10:00 GMT.
    expect(iso(nextJournalTime(new Date('2026-10-22T09:00:00Z'), MON_THU, 600, QUIET))).toBe('2026-10-26T10:00:00.000Z');
  });
  it('respects quiet hours and "no days"', () => {
    expect(iso(nextJournalTime(new Date('2026-11-25T12:00:00Z'), MON_THU, 22 * 60, QUIET))).toBe('2026-11-27T08:00:00.000Z');
    expect(nextJournalTime(new Date('2026-11-25T12:00:00Z'), 0, 600, QUIET)).toBeNull();
  });
});
