// When reminders are due: pure rules, no I/O. Every time is UK wall-clock
// time (Europe/London) and goes through the subscriber's quiet hours, except
// pushes to advisers (new item, stopped sharing), which have none.
import { addDays, daysBetween } from '../../shared/notices/calendar';
import type { NewReminder, ReminderKind } from '../store/store';
import { ukToUtc, utcToUk } from '../../shared/notices/uk-time';
import type { QuietHours } from '../../shared/protocol/push-types';
import { nextJournalTime, outOfQuietHours } from './uk-time';

/** Deadline reminders: this many days before the deadline, at DEADLINE_MINUTE UK time. */
export const DEADLINE_DAYS_BEFORE = [7, 2, 0] as const;
/** 09:00 UK time. */
export const DEADLINE_MINUTE = 9 * 60;
export const SNOOZE_HOUR_MS = 60 * 60 * 1000;

/** Kinds that go to advisers: sent at once, whatever the hour. */
export const ADVISER_KINDS: readonly ReminderKind[] = ['adviser-new-item', 'adviser-stopped'];

const NO_QUIET: QuietHours = { start: 0, end: 0 };

export function quietFor(kind: ReminderKind, quiet: QuietHours): QuietHours {
  return ADVISER_KINDS.includes(kind) ? NO_QUIET : quiet;
}

export interface DeadlineInput {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  ref: string;
}

/**
 * The deadline reminders still to come: 7 days before, 2 days before and on
 * the day at 09:00 UK time, moved out of quiet hours; those not after `now` are left out.
 */
export function deadlineReminders(subscriberId: string, deadlines: readonly DeadlineInput[], quiet: QuietHours, now: Date): NewReminder[] {
  const out: NewReminder[] = [];
  const seen = new Set<string>();
  for (const deadline of deadlines) {
    const key = `${deadline.id}|${deadline.date}|${deadline.ref}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const before of DEADLINE_DAYS_BEFORE) {
      const due = outOfQuietHours(ukToUtc(addDays(deadline.date, -before), DEADLINE_MINUTE), quiet);
      if (due.getTime() <= now.getTime()) continue;
      out.push({ subscriberId, kind: 'deadline', dueAt: due.toISOString(), ref: deadline.ref, deadlineId: deadline.id, deadlineDate: deadline.date });
    }
  }
  return out;
}

/** The next journal reminder after `now`, or null when journal reminders are off. */
export function journalDue(journal: { days: number; minute: number } | null, quiet: QuietHours, now: Date): Date | null {
  if (journal === null) return null;
  const next = nextJournalTime(now, journal.days, journal.minute, quiet);
  return next === null ? null : outOfQuietHours(next, quiet);
}

/** A one-off reminder (reply, adviser-new-item, adviser-stopped): now, or when the quiet hours end. */
export function oneOffDue(kind: ReminderKind, quiet: QuietHours, now: Date): Date {
  return outOfQuietHours(now, quietFor(kind, quiet));
}

/** Snooze: in an hour, or tomorrow (UK date) at 09:00, out of quiet hours. */
export function snoozeDue(until: 'hour' | 'tomorrow', kind: ReminderKind, quiet: QuietHours, now: Date): Date {
  const base = until === 'hour' ? new Date(now.getTime() + SNOOZE_HOUR_MS) : ukToUtc(addDays(utcToUk(now).date, 1), DEADLINE_MINUTE);
  return outOfQuietHours(base, quietFor(kind, quiet));
}

/** Whole days from the UK date of `at` to the deadline (0 on the day, never negative). */
export function daysLeft(deadlineDate: string, at: Date): number {
  return Math.max(0, daysBetween(utcToUk(at).date, deadlineDate));
}
