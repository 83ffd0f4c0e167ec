import { describe, it, expect } from 'vitest';
import { deadlineToIcs, deadlinesToIcs, icsFileName, type IcsDeadline } from '../../../src/shared/letters/ics.ts';

const NOW = new Date(Date.UTC(2026, 10, 9, 8, 5, 3));
const base: IcsDeadline = {
  uid: 'abc123',
  title: 'Appeal deadline',
  description: 'Ask for a mandatory reconsideration.',
  date: '2026-12-09',
};

/** Undo folding (§3.1) and split into logical lines. */
const unfold = (ics: string): string[] => ics.replace(/\r\n[ \t]/g, '').split('\r\n');
const prop = (ics: string, name: string): string | undefined => unfold(ics).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
const unescape = (v: string): string => v.replace(/\\(n|N|\\|;|,)/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

describe('deadlineToIcs', () => {
  it('writes a complete calendar with CRLF line endings', () => {
    const ics = deadlineToIcs(base, NOW);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(unfold(ics)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//UC Companion//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:abc123@uc-companion',
      'DTSTAMP:20261109T080503Z',
      'DTSTART;VALUE=DATE:20261209',
      'DTEND;VALUE=DATE:20261210',
      'SUMMARY:Appeal deadline',
      'DESCRIPTION:Ask for a mandatory reconsideration.',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('keeps a UID that already has a domain', () => {
    expect(prop(deadlineToIcs({ ...base, uid: 'x@example.org' }, NOW), 'UID')).toBe('UID:x@example.org');
  });

  it('escapes backslash, semicolon, comma and newlines', () => {
    const ics = deadlineToIcs({ ...base, title: 'MR; appeal, now', description: 'Line 1\nLine 2\r\nC:\\path' }, NOW);
    expect(prop(ics, 'SUMMARY')).toBe('SUMMARY:MR\\; appeal\\, now');
    expect(prop(ics, 'DESCRIPTION')).toBe('DESCRIPTION:Line 1\\nLine 2\\nC:\\\\path');
  });

  it('folds long lines at 75 octets without splitting characters', () => {
    const description =
      'Mae gennych fis i ofyn am ailystyriaeth orfodol — ŵ ŷ â ê. ' +
      'لديك شهر واحد لطلب إعادة النظر الإلزامية في القرار. '.repeat(4) +
      'Emoji 📅 too, and commas, semicolons; backslashes \\ and\nnew lines.';
    const ics = deadlineToIcs({ ...base, title: 'Dyddiad cau apêl — موعد الاستئناف', description }, NOW);
    const physical = ics.split('\r\n');
    expect(physical.length).toBeGreaterThan(17);
    for (const line of physical) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      // A split multi-byte character would decode to U+FFFD.
      expect(line).not.toContain('\uFFFD');
    }
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    const desc = prop(ics, 'DESCRIPTION');
    expect(desc).toBeDefined();
    expect(unescape(desc!.slice('DESCRIPTION:'.length))).toBe(description);
    expect(unescape(prop(ics, 'SUMMARY')!.slice('SUMMARY:'.length))).toBe('Dyddiad cau apêl — موعد الاستئناف');
  });

  it('never leaves a lone surrogate when folding byte by byte', () => {
    // Each 4-byte emoji must land whole on one line, whatever the offset.
    for (let pad = 0; pad < 4; pad++) {
      const ics = deadlineToIcs({ ...base, description: 'x'.repeat(pad) + '📅'.repeat(40) }, NOW);
      for (const line of ics.split('\r\n')) {
        expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
        expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
        expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }
    }
  });

  it.each([
    ['2026-12-31', '20261231', '20270101'],
    ['2026-01-31', '20260131', '20260201'],
    ['2026-04-30', '20260430', '20260501'],
    ['2028-02-28', '20280228', '20280229'],
    ['2028-02-29', '20280229', '20280301'],
    ['2026-02-28', '20260228', '20260301'],
  ])('rolls DTEND over after %s', (date, start, end) => {
    const ics = deadlineToIcs({ ...base, date }, NOW);
    expect(prop(ics, 'DTSTART')).toBe(`DTSTART;VALUE=DATE:${start}`);
    expect(prop(ics, 'DTEND')).toBe(`DTEND;VALUE=DATE:${end}`);
  });

  it('adds one VALARM per reminder, 0 meaning 9 am on the day', () => {
    const ics = deadlineToIcs({ ...base, title: 'Appeal, soon', alarmDaysBefore: [7, 1, 0] }, NOW);
    const lines = unfold(ics);
    expect(lines.filter((l) => l === 'BEGIN:VALARM')).toHaveLength(3);
    expect(lines.filter((l) => l === 'END:VALARM')).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('TRIGGER:'))).toEqual(['TRIGGER:-P7D', 'TRIGGER:-P1D', 'TRIGGER:PT9H']);
    expect(lines.filter((l) => l === 'ACTION:DISPLAY')).toHaveLength(3);
    expect(lines.filter((l) => l === 'DESCRIPTION:Appeal\\, soon')).toHaveLength(3);
    // Alarms sit inside the event.
    expect(lines.indexOf('BEGIN:VALARM')).toBeGreaterThan(lines.indexOf('BEGIN:VEVENT'));
    expect(lines.lastIndexOf('END:VALARM')).toBeLessThan(lines.indexOf('END:VEVENT'));
  });

  it('writes no VALARM without reminders', () => {
    expect(deadlineToIcs({ ...base, alarmDaysBefore: [] }, NOW)).not.toContain('VALARM');
  });

  it('rejects invalid reminders', () => {
    expect(() => deadlineToIcs({ ...base, alarmDaysBefore: [-1] }, NOW)).toThrow(RangeError);
    expect(() => deadlineToIcs({ ...base, alarmDaysBefore: [1.5] }, NOW)).toThrow(RangeError);
  });

  it.each(['2026-02-30', '2027-02-29', '2026-13-01', '2026-00-10', '2026-1-5', '09/12/2026', '', '2026-12-09T00:00'])('rejects invalid date %j', (date) => {
    expect(() => deadlineToIcs({ ...base, date }, NOW)).toThrow(RangeError);
    expect(() => deadlineToIcs({ ...base, date }, NOW)).toThrow(/YYYY-MM-DD/);
  });

  it('uses the current time for DTSTAMP by default', () => {
    expect(prop(deadlineToIcs(base), 'DTSTAMP')).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
  });
});

describe('icsFileName', () => {
  it('slugs the title and appends the date', () => {
    expect(icsFileName('Appeal deadline', '2026-12-09')).toBe('appeal-deadline-2026-12-09.ics');
    expect(icsFileName('  MR: ask, now!  ', '2026-12-09')).toBe('mr-ask-now-2026-12-09.ics');
  });

  it('turns accented letters into plain ASCII', () => {
    expect(icsFileName('Dyddiad cau apêl ŵ', '2026-12-09')).toBe('dyddiad-cau-apel-w-2026-12-09.ics');
  });

  it('falls back to "deadline" when nothing safe is left', () => {
    expect(icsFileName('موعد الاستئناف', '2026-12-09')).toBe('deadline-2026-12-09.ics');
    expect(icsFileName('', '2026-12-09')).toBe('deadline-2026-12-09.ics');
    expect(icsFileName('../../', '2026-12-09')).toBe('deadline-2026-12-09.ics');
  });

  it('caps the length and never ends the slug with a dash', () => {
    const name = icsFileName('word '.repeat(40), '2026-12-09');
    expect(name.length).toBeLessThanOrEqual(60);
    expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*-2026-12-09\.ics$/);
  });

  it('rejects an invalid date', () => {
    expect(() => icsFileName('Appeal', '2026-02-30')).toThrow(RangeError);
  });
});

describe('deadlinesToIcs', () => {
  it('is deadlineToIcs for one deadline', () => {
    expect(deadlinesToIcs([base], NOW)).toBe(deadlineToIcs(base, NOW));
  });

  it('puts several deadlines in one calendar, each its own event', () => {
    const ics = deadlinesToIcs([base, { ...base, uid: 'second', date: '2027-01-02', title: 'MR, Smith' }], NOW);
    const lines = unfold(ics);
    expect(lines.filter((l) => l === 'BEGIN:VCALENDAR')).toHaveLength(1);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('UID:second@uc-companion');
    expect(lines).toContain('SUMMARY:MR\\, Smith');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });
});
