import { describe, expect, it } from 'vitest';
import { deskItemFor, readingOfText, soonestDaysLeft, ukDay } from '../../../src/client/adviser/desk/explain-item.ts';
import { hasWords, isPdf, textOfPage } from '../../../src/client/adviser/desk/pdf-text.ts';
import { daysBetween } from '../../../src/shared/notices/index.ts';

const MRN = `Mandatory Reconsideration Notice
Date of this notice: 13 November 2026
We have not changed the decision. You can appeal to an independent tribunal. Use form SSCS1.`;

describe("explaining an item on the adviser's computer", () => {
  it('finds the kind, the date and the appeal deadline in the words', () => {
    const reading = readingOfText(MRN, '2026-12-02T10:00:00.000Z');
    expect(reading.kind).toBe('mandatory-reconsideration-notice');
    expect(reading.noticeDate).toBe('2026-11-13');
    expect(reading.deadlines[0]).toMatchObject({ id: 'appeal', date: '2026-12-14', time: '17:00' });
  });

  it('counts from the UK day it was sent when the words give no date', () => {
    // 23:30 UTC on 31 March 2026 is already 1 April in the UK (summer time).
    expect(ukDay('2026-03-31T23:30:00.000Z')).toBe('2026-04-01');
    const reading = readingOfText('Your claim has been closed.', '2026-03-31T23:30:00.000Z');
    expect(reading).toMatchObject({ kind: 'claim-closed', noticeDate: null, countFrom: '2026-04-01' });
    expect(reading.deadlines[0]).toMatchObject({ id: 'mandatory-reconsideration', date: '2026-05-01' });
  });

  it("goes by the adviser's correction of the kind and the date", () => {
    const reading = readingOfText(MRN, '2026-12-02T10:00:00.000Z', { kind: 'claim-decision', noticeDate: '2026-11-20' });
    expect(reading).toMatchObject({ kind: 'claim-decision', noticeDate: '2026-11-20', countFrom: '2026-11-20' });
    expect(reading.deadlines[0]).toMatchObject({ id: 'mandatory-reconsideration', date: '2026-12-20' });
    // With no words (read in an earlier session), the kind and date alone give the deadlines.
    expect(readingOfText('', '2026-12-02T10:00:00.000Z', { kind: 'mandatory-reconsideration-notice', noticeDate: '2026-11-13' }).deadlines[0]?.date).toBe(
      '2026-12-14',
    );
  });

  it('makes a record with nothing handled and no correction', () => {
    const facts = { itemId: 'i', connectionId: 'c', label: 'L', receivedAt: '2026-12-02T10:00:05.000Z', sentAt: '2026-12-02T10:00:00.000Z' };
    const record = deskItemFor(facts, MRN, 'photo', new Date('2026-12-02T10:01:00.000Z'));
    expect(record).toMatchObject({ itemId: 'i', connectionId: 'c', label: 'L', source: 'photo', handled: {}, explainedAt: '2026-12-02T10:01:00.000Z' });
    expect(record.corrected).toBeUndefined();
    expect(JSON.stringify(record)).not.toContain('SSCS1'); // the words themselves are not kept
  });

  it('tells how soon the nearest open deadline is (late limits and passed dates aside)', () => {
    const reading = readingOfText(MRN, '2026-12-02T10:00:00.000Z');
    expect(soonestDaysLeft(reading, '2026-12-07', daysBetween)).toBe(7);
    expect(soonestDaysLeft(reading, '2026-12-15', daysBetween)).toBeNull();
    expect(soonestDaysLeft({ ...reading, deadlines: [] }, '2026-12-07', daysBetween)).toBeNull();
  });
});

describe('PDF words', () => {
  it("joins pdfjs's text items into lines", () => {
    const items = [
      { str: 'Mandatory Reconsideration', hasEOL: false },
      { str: 'Notice', hasEOL: true },
      { type: 'beginMarkedContent' },
      { str: 'Date of this notice: 13 November 2026', hasEOL: true },
    ];
    expect(textOfPage(items)).toBe('Mandatory Reconsideration Notice\nDate of this notice: 13 November 2026');
  });

  it('tells a text layer from a scan with a stray page number', () => {
    expect(hasWords('Page 1 of 2')).toBe(false);
    expect(hasWords(MRN)).toBe(true);
  });

  it('knows a PDF by its type or its name', () => {
    expect(isPdf({ mime: 'application/pdf' })).toBe(true);
    expect(isPdf({ name: 'MRN.PDF' })).toBe(true);
    expect(isPdf({ mime: 'image/jpeg', name: 'letter.jpg' })).toBe(false);
  });
});
