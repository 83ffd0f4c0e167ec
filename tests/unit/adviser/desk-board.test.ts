import { describe, expect, it } from 'vitest';
import { boardCsv, boardIcs, boardRows, csvCell, urgencyOf, type BoardWords } from '../../../src/client/adviser/desk/board.ts';
import type { DeskItem, DeskReading } from '../../../src/client/data/adviser-db.ts';
import { explainKind } from '../../../src/shared/notices/index.ts';
import type { NoticeKind } from '../../../src/shared/notices/types.ts';

const TODAY = '2026-12-02';

function reading(kind: NoticeKind, countFrom: string): DeskReading {
  return { kind, noticeDate: countFrom, countFrom, deadlines: explainKind(kind, { noticeDate: countFrom, today: countFrom }).deadlines };
}

function item(itemId: string, label: string, found: DeskReading, over: Partial<DeskItem> = {}): DeskItem {
  return {
    itemId,
    connectionId: `conn-${label}`,
    label,
    receivedAt: '2026-12-01T10:00:00.000Z',
    source: 'text',
    found,
    handled: {},
    explainedAt: '2026-12-01T10:00:01.000Z',
    ...over,
  };
}

const words: BoardWords = {
  kind: (k) => `kind:${k}`,
  deadline: (id) => `deadline:${id}`,
  urgency: (u) => u,
  header: ['Client', 'Kind', 'Deadline', 'Last day', 'Time', 'Days left', 'Status', 'Notice date', 'Item'],
  icsTitle: (row) => `${row.deadlineId}: ${row.label}`,
  icsDescription: (row) => `${row.kind}, notice ${row.noticeDate ?? '-'}`,
};

describe('the deadlines board', () => {
  // MRN of 13 Nov: appeal by Mon 14 Dec (13 Dec is a Sunday). Closed claim of 2 Dec: MR by 2 Jan.
  // Sanction of 1 Nov: MR by 1 Dec, already passed. Commitment of 28 Nov: by 5 Dec.
  const items = [
    item('closed', 'B. Client', reading('claim-closed', '2026-12-02')),
    item('mrn', 'A. Client', reading('mandatory-reconsideration-notice', '2026-11-13')),
    item('sanction', 'C. Client', reading('sanction-decision', '2026-11-01')),
    item('commitment', 'D. Client', reading('claimant-commitment', '2026-11-28')),
  ];

  it('lists every open deadline, soonest first, overdue at the top, without the 13-month late limits', () => {
    const rows = boardRows(items, TODAY);
    expect(rows.map((r) => [r.itemId, r.deadlineId, r.date, r.daysLeft, r.urgency])).toEqual([
      ['sanction', 'mandatory-reconsideration', '2026-12-01', -1, 'overdue'],
      ['commitment', 'respond', '2026-12-05', 3, 'soon'],
      ['mrn', 'appeal', '2026-12-14', 12, 'later'],
      ['closed', 'mandatory-reconsideration', '2027-01-02', 31, 'later'],
    ]);
    expect(rows[2]).toMatchObject({
      label: 'A. Client',
      kind: 'mandatory-reconsideration-notice',
      time: '17:00',
      noticeDate: '2026-11-13',
      connectionId: 'conn-A. Client',
    });
  });

  it('marks 7 days or fewer as soon, and the day itself too', () => {
    expect([urgencyOf(-1), urgencyOf(0), urgencyOf(7), urgencyOf(8)]).toEqual(['overdue', 'soon', 'soon', 'later']);
  });

  it('leaves out what the adviser marked handled, and goes by a correction', () => {
    const handled = item('sanction', 'C. Client', reading('sanction-decision', '2026-11-01'), {
      handled: { 'mandatory-reconsideration': '2026-12-02T09:00:00.000Z' },
    });
    const corrected = item('mrn', 'A. Client', reading('mandatory-reconsideration-notice', '2026-11-13'), {
      corrected: { ...reading('claim-decision', '2026-11-20'), at: '2026-12-02T09:00:00.000Z' },
    });
    const rows = boardRows([handled, corrected], TODAY);
    expect(rows.map((r) => [r.itemId, r.kind, r.deadlineId, r.date])).toEqual([['mrn', 'claim-decision', 'mandatory-reconsideration', '2026-12-20']]);
  });

  it('orders the same day by time, then client', () => {
    const a = item('a', 'Zed', reading('mandatory-reconsideration-notice', '2026-11-13'));
    const b = item('b', 'Amy', reading('work-capability-decision', '2026-11-14'));
    const c = item('c', 'Bob', reading('mandatory-reconsideration-notice', '2026-11-13'));
    // Appeals end at 17:00 on the 14th; the MR has no time, so it comes after them.
    expect(boardRows([a, b, c], TODAY).map((r) => r.itemId)).toEqual(['c', 'a', 'b']);
  });

  it('writes CSV for a case-management system: header, one line per row, quoted where needed', () => {
    const csv = boardCsv(boardRows(items, TODAY), words);
    const lines = csv.split('\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines[0]).toBe('Client,Kind,Deadline,Last day,Time,Days left,Status,Notice date,Item');
    expect(lines[1]).toBe('C. Client,kind:sanction-decision,deadline:mandatory-reconsideration,2026-12-01,,-1,overdue,2026-11-01,sanction');
    expect(lines[3]).toBe('A. Client,kind:mandatory-reconsideration-notice,deadline:appeal,2026-12-14,17:00,12,later,2026-11-13,mrn');
    expect(lines).toHaveLength(6);
  });

  it('quotes commas, quotes and new lines, and never lets a label become a formula', () => {
    expect(csvCell('Smith, J')).toBe('"Smith, J"');
    expect(csvCell('The "Red" house')).toBe('"The ""Red"" house"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+44 1234')).toBe("'+44 1234");
    expect(csvCell('@me')).toBe("'@me");
    expect(csvCell(-3)).toBe('-3');
  });

  it('writes one calendar with an event per row, with reminders 7 and 2 days before', () => {
    const rows = boardRows(items, TODAY);
    const ics = boardIcs(rows, words, new Date(Date.UTC(2026, 11, 2, 9)));
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded.match(/BEGIN:VCALENDAR/g)).toHaveLength(1);
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(unfolded.match(/DTSTART;VALUE=DATE:\d+/g)).toEqual([
      'DTSTART;VALUE=DATE:20261201',
      'DTSTART;VALUE=DATE:20261205',
      'DTSTART;VALUE=DATE:20261214',
      'DTSTART;VALUE=DATE:20270102',
    ]);
    expect(unfolded).toContain('UID:mrn-appeal@uc-companion-adviser');
    expect(unfolded).toContain('SUMMARY:appeal: A. Client');
    expect(unfolded.match(/TRIGGER:-P7D/g)).toHaveLength(4);
    expect(unfolded.match(/TRIGGER:-P2D/g)).toHaveLength(4);
  });

  it('writes a valid empty calendar when nothing is open', () => {
    expect(boardIcs([], words, new Date(0))).toBe(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//UC Companion//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n',
    );
  });
});
