// When reminders fall due: deadlines at 09:00 UK time (through the clock
// changes), journal days, one-offs, snoozes, and quiet hours for all of them.
import { describe, expect, it } from 'vitest';
import { daysLeft, deadlineReminders, journalDue, oneOffDue, quietFor, snoozeDue } from '../../../src/server/push/schedule';

const NIGHT = { start: 21 * 60, end: 8 * 60 }; // the default 21:00–08:00
const MORNING = { start: 8 * 60, end: 10 * 60 }; // 08:00–10:00
const NONE = { start: 0, end: 0 };
const due = (list: { dueAt: string }[]) => list.map((r) => r.dueAt);

describe('deadline reminders', () => {
  it('are 7 days before, 2 days before and on the day at 09:00 UK time, across the last Sunday of March', () => {
    // Clocks go forward on Sunday 29 March 2026: 09:00 is 09:00Z before, 08:00Z after.
    const list = deadlineReminders('sub', [{ id: 'appeal', date: '2026-04-02', ref: 'n1' }], NIGHT, new Date('2026-03-01T00:00:00Z'));
    expect(due(list)).toEqual(['2026-03-26T09:00:00.000Z', '2026-03-31T08:00:00.000Z', '2026-04-02T08:00:00.000Z']);
    expect(list[0]).toEqual({
      subscriberId: 'sub',
      kind: 'deadline',
      dueAt: '2026-03-26T09:00:00.000Z',
      ref: 'n1',
      deadlineId: 'appeal',
      deadlineDate: '2026-04-02',
    });
  });

  it('are at 09:00 UK time across the last Sunday of October', () => {
    // Clocks go back on Sunday 25 October 2026.
    const list = deadlineReminders('sub', [{ id: 'mandatory-reconsideration', date: '2026-10-27', ref: 'n2' }], NIGHT, new Date('2026-10-01T00:00:00Z'));
    expect(due(list)).toEqual(['2026-10-20T08:00:00.000Z', '2026-10-25T09:00:00.000Z', '2026-10-27T09:00:00.000Z']);
  });

  it('on the very day of a clock change', () => {
    expect(due(deadlineReminders('s', [{ id: 'appeal', date: '2026-03-29', ref: 'r' }], NIGHT, new Date('2026-03-29T00:00:00Z')))).toEqual([
      '2026-03-29T08:00:00.000Z',
    ]);
    expect(due(deadlineReminders('s', [{ id: 'appeal', date: '2026-10-25', ref: 'r' }], NIGHT, new Date('2026-10-25T00:00:00Z')))).toEqual([
      '2026-10-25T09:00:00.000Z',
    ]);
  });

  it('leave out times already past', () => {
    const now = new Date('2026-03-31T08:30:00Z');
    expect(due(deadlineReminders('s', [{ id: 'appeal', date: '2026-04-02', ref: 'r' }], NIGHT, now))).toEqual(['2026-04-02T08:00:00.000Z']);
    expect(deadlineReminders('s', [{ id: 'appeal', date: '2026-03-01', ref: 'r' }], NIGHT, now)).toEqual([]);
    // Exactly now is past.
    expect(deadlineReminders('s', [{ id: 'appeal', date: '2026-04-02', ref: 'r' }], NIGHT, new Date('2026-04-02T08:00:00Z'))).toEqual([]);
  });

  it('move out of quiet hours, and repeats of one deadline count once', () => {
    const deadline = { id: 'respond', date: '2026-06-10', ref: 'x' };
    const list = deadlineReminders('s', [deadline, { ...deadline }], MORNING, new Date('2026-06-01T00:00:00Z'));
    // 10:00 BST = 09:00Z
    expect(due(list)).toEqual(['2026-06-03T09:00:00.000Z', '2026-06-08T09:00:00.000Z', '2026-06-10T09:00:00.000Z']);
    // The same deadline for two notices (two refs) is two sets.
    expect(deadlineReminders('s', [deadline, { ...deadline, ref: 'y' }], NONE, new Date('2026-06-01T00:00:00Z'))).toHaveLength(6);
  });
});

describe('journal reminders', () => {
  it('come on the next chosen day at the chosen UK time', () => {
    // Saturday 28 March 2026 → Monday 30 March, 10:00 BST.
    expect(journalDue({ days: 1, minute: 600 }, NIGHT, new Date('2026-03-28T12:00:00Z'))?.toISOString()).toBe('2026-03-30T09:00:00.000Z');
    // Later the same day when the time has not come yet (Monday 30 March, 08:00Z = 09:00 BST).
    expect(journalDue({ days: 1, minute: 600 }, NIGHT, new Date('2026-03-30T08:00:00Z'))?.toISOString()).toBe('2026-03-30T09:00:00.000Z');
  });
  it('are off with no days or no journal', () => {
    expect(journalDue(null, NIGHT, new Date())).toBeNull();
    expect(journalDue({ days: 0, minute: 600 }, NIGHT, new Date())).toBeNull();
  });
  it('move out of quiet hours', () => {
    // Sunday (bit 6) at 22:00, quiet from 21:00: Monday 08:00 UK (GMT in January).
    expect(journalDue({ days: 64, minute: 22 * 60 }, NIGHT, new Date('2026-01-01T00:00:00Z'))?.toISOString()).toBe('2026-01-05T08:00:00.000Z');
  });
});

describe('one-off reminders', () => {
  it('are due now outside quiet hours', () => {
    const now = new Date('2026-06-01T11:00:00Z');
    expect(oneOffDue('reply', NIGHT, now)).toEqual(now);
  });
  it('wait for the end of quiet hours, across a clock change', () => {
    // 23:00 GMT on Saturday 28 March → 08:00 BST on Sunday 29 March = 07:00Z.
    expect(oneOffDue('reply', NIGHT, new Date('2026-03-28T23:00:00Z')).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    // 01:30 BST on 25 October (00:30Z) → 08:00 GMT.
    expect(oneOffDue('reply', NIGHT, new Date('2026-10-25T00:30:00Z')).toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });
  it('to advisers have no quiet hours', () => {
    const late = new Date('2026-03-28T23:00:00Z');
    expect(oneOffDue('adviser-new-item', NIGHT, late)).toEqual(late);
    expect(oneOffDue('adviser-stopped', NIGHT, late)).toEqual(late);
    expect(quietFor('adviser-stopped', NIGHT)).toEqual(NONE);
    expect(quietFor('journal', NIGHT)).toEqual(NIGHT);
  });
});

describe('snooze', () => {
  it('for an hour', () => {
    expect(snoozeDue('hour', 'deadline', NIGHT, new Date('2026-06-01T11:15:00Z')).toISOString()).toBe('2026-06-01T12:15:00.000Z');
  });
  it('for an hour that lands in quiet hours waits for their end', () => {
    // 20:30 BST + 1 h = 21:30 BST, quiet → 08:00 BST next day.
    expect(snoozeDue('hour', 'reply', NIGHT, new Date('2026-06-01T19:30:00Z')).toISOString()).toBe('2026-06-02T07:00:00.000Z');
    expect(snoozeDue('hour', 'adviser-new-item', NIGHT, new Date('2026-06-01T19:30:00Z')).toISOString()).toBe('2026-06-01T20:30:00.000Z');
  });
  it('until tomorrow 09:00 UK time, across the October change', () => {
    expect(snoozeDue('tomorrow', 'deadline', NIGHT, new Date('2026-10-24T12:00:00Z')).toISOString()).toBe('2026-10-25T09:00:00.000Z');
    // Just after midnight UK time, "tomorrow" is the next UK date.
    expect(snoozeDue('tomorrow', 'deadline', NIGHT, new Date('2026-06-01T23:30:00Z')).toISOString()).toBe('2026-06-03T08:00:00.000Z');
    expect(snoozeDue('tomorrow', 'deadline', MORNING, new Date('2026-06-01T12:00:00Z')).toISOString()).toBe('2026-06-02T09:00:00.000Z');
  });
});

describe('daysLeft', () => {
  it('counts UK days to the deadline, never below 0', () => {
    expect(daysLeft('2026-04-02', new Date('2026-03-26T09:00:00Z'))).toBe(7);
    expect(daysLeft('2026-04-02', new Date('2026-03-31T08:00:00Z'))).toBe(2);
    expect(daysLeft('2026-04-02', new Date('2026-04-02T08:00:00Z'))).toBe(0);
    expect(daysLeft('2026-04-02', new Date('2026-04-05T08:00:00Z'))).toBe(0);
    // 23:30Z on 1 June is 00:30 BST on 2 June.
    expect(daysLeft('2026-06-03', new Date('2026-06-01T23:30:00Z'))).toBe(1);
  });
});
