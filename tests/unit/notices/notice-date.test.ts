// Which date in a message is which: the notice's own date, a deadline, an
// appointment, a payment, a period or an event, in English and in Welsh.
import { describe, expect, it } from 'vitest';
import { explainNotice } from '../../../src/shared/notices/explain';
import { findNoticeDate, rolesOfDates, type DateRole } from '../../../src/shared/notices/notice-date';

const today = '2026-12-05';
const roles = (text: string): DateRole[] => rolesOfDates(text, today).map((d) => d.role);

describe('the role of each date', () => {
  it.each<[string, DateRole[]]>([
    ['You have an appointment with your work coach on Tuesday 15 December at 10:30.', ['appointment']],
    ['You must send your fit note by 20 December.', ['deadline']],
    ['We will pay £300 into your bank account on 10 December.', ['payment']],
    ['Assessment period: 5 October 2026 to 4 November 2026', ['period', 'period']],
    ['Date: 1 December 2026. We have decided that you are not entitled to Universal Credit.', ['notice']],
    ['Has your rent changed on 1 April? Tell us.', ['event']],
  ])('English: %s', (text, expected) => {
    expect(roles(text)).toEqual(expected);
  });

  // The same messages as DWP writes them in Welsh: before, every one of these dates was taken for the notice's own date.
  it.each<[string, DateRole[]]>([
    ["Mae gennych apwyntiad gyda'ch anogwr gwaith ar ddydd Mawrth 15 Rhagfyr am 10:30.", ['appointment']],
    ['Mae gennych gyfweliad ar 3 Ionawr.', ['appointment']],
    ['Rhaid i chi anfon eich nodyn ffitrwydd erbyn 20 Rhagfyr.', ['deadline']],
    ['Dyddiad cau: 9 Ionawr 2027', ['deadline']],
    ["Byddwn yn talu £300 i'ch cyfrif banc ar 10 Rhagfyr.", ['payment']],
    ['Cyfnod asesu: 5 Hydref 2026 i 4 Tachwedd 2026', ['period', 'period']],
    ['Rydych yn ffit i weithio o 2 Awst.', ['period']],
    ['Dyddiad: 1 Rhagfyr 2026. Rydym wedi penderfynu nad oes gennych hawl i Gredyd Cynhwysol.', ['notice']],
    ['Gofynnoch i ni edrych eto ar y penderfyniad dyddiedig 3 Hydref 2026.', ['event']],
    ['Os yw eich rhent wedi newid ar 1 Ebrill, rhowch wybod i ni.', ['event']],
    ['Anfonwyd y llythyr hwn ar 3 Rhagfyr 2026.', ['notice']],
    ['Mae gennych tan 20 Rhagfyr i anfon eich nodyn ffitrwydd.', ['deadline']],
    ['Dydd Iau 3 Rhagfyr 2026\nRydym wedi penderfynu lleihau eich Credyd Cynhwysol.', ['notice']],
    ['Gwnaethoch golli eich apwyntiad ar 2 Rhagfyr.', ['appointment']],
  ])('Welsh: %s', (text, expected) => {
    expect(roles(text)).toEqual(expected);
  });

  // An appointment's name, then its date and time with no "on": a to-do row, a heading, a label on the line before.
  it.each<[string, DateRole[]]>([
    ['Appointment with your work coach   Thursday 10 December, 11:10   View', ['appointment']],
    ['Work search review: Tuesday 15 December at 10am', ['appointment']],
    ['Telephone appointment\nMonday 7 December\n2:30pm', ['appointment']],
    ['Apwyntiad ffôn\nDydd Llun 7 Rhagfyr\n2:30pm', ['appointment']],
    // A decision's heading, or a sentence that only mentions an appointment, keeps the stamp as the notice's date.
    ["Work capability assessment decision\n3 December 2026 10:42\nWe've decided you have limited capability for work.", ['notice']],
    ['Your appointment is confirmed.\n4 November 2026 09:12\nWe have decided to reduce your Universal Credit.', ['notice']],
    // A journal stamp has its year; a to-do row's date does not.
    ['Missed appointment\n3 December 2026 10:42\nYou did not attend your appointment. We have decided to reduce your Universal Credit.', ['notice']],
    // No time: it could be the day the row was posted.
    ['Appointment with your work coach   Thursday 10 December   View', ['plain']],
  ])('appointment with no lead-in: %s', (text, expected) => {
    expect(roles(text)).toEqual(expected);
  });

  it('still takes a Welsh journal stamp at the start of a line as the notice date', () => {
    const dates = rolesOfDates('3 Rhagfyr 2026\nRydym wedi penderfynu lleihau eich Credyd Cynhwysol.', today);
    expect(dates.map((d) => d.role)).toEqual(['notice']);
    expect(findNoticeDate(dates, today)).toBe('2026-12-03');
  });
});

describe('dates in an explanation', () => {
  it('gives a Welsh appointment its date to attend, in the future', () => {
    const r = explainNotice("Mae gennych apwyntiad gyda'ch anogwr gwaith ar ddydd Iau 10 Rhagfyr am 11:00.", { today });
    expect(r.noticeDate).toBeNull();
    expect(r.deadlines).toContainEqual(expect.objectContaining({ id: 'attend', date: '2026-12-10', time: '11:00' }));
  });

  it("gives a to-do row's appointment its date to attend, in the future, not as the day the notice came", () => {
    const r = explainNotice('Appointment with your work coach   Thursday 10 December, 11:10   View', { today });
    expect(r.noticeDate).toBeNull();
    expect(r.deadlines).toContainEqual(expect.objectContaining({ id: 'attend', date: '2026-12-10', time: '11:10' }));
  });

  it('counts a Welsh sanction from the day it came, not from the missed interview', () => {
    const r = explainNotice('Rydym wedi penderfynu lleihau eich Credyd Cynhwysol. Ni wnaethoch fynychu eich cyfweliad ar 25 Tachwedd heb reswm da.', { today });
    expect(r.noticeDate).toBeNull();
    expect(r.deadlines).toContainEqual(expect.objectContaining({ id: 'mandatory-reconsideration', date: '2027-01-05' }));
  });
});
