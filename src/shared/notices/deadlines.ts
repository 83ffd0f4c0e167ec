// The deadline rules of shared/PRODUCT.md, one function per kind of limit.
import { addCalendarMonths, addDays, isWorkingDay, nextWorkingDay } from './calendar';
import type { Deadline, DeadlineId, NoticeKind, RuleId } from './types';

/** How many days before the last day we suggest aiming for: it must arrive, not just be sent. */
export const SAFETY_DAYS = 5;

function deadline(id: DeadlineId, date: string, rule: RuleId, countFrom: string, extra: Partial<Deadline> = {}): Deadline {
  const target = addDays(date, -SAFETY_DAYS);
  return { id, date, target: target > countFrom ? target : date, rule, ...extra };
}

/** Ask for MR: the DWP must receive it within one calendar month. No weekend roll: treat it strictly. */
export function mandatoryReconsideration(countFrom: string): Deadline {
  return deadline('mandatory-reconsideration', addCalendarMonths(countFrom, 1), 'mr-one-month', countFrom);
}

/** Appeal: HMCTS must receive it within one month, by 5 pm; a non-working last day moves to the next working day. */
export function appeal(countFrom: string): Deadline {
  const monthEnd = addCalendarMonths(countFrom, 1);
  if (isWorkingDay(monthEnd)) return deadline('appeal', monthEnd, 'appeal-one-month', countFrom, { time: '17:00' });
  return deadline('appeal', nextWorkingDay(monthEnd), 'appeal-next-working-day', countFrom, { time: '17:00', movedFrom: monthEnd });
}

/** Never more than 13 months after the decision, and only with reasons. */
export function lateLimit(countFrom: string, rule: 'late-mr-13-months' | 'late-appeal-13-months'): Deadline {
  return deadline('late-limit', addCalendarMonths(countFrom, 13), rule, countFrom);
}

/** Kinds whose decisions are challenged by asking for MR first. */
const MR_KINDS = new Set<NoticeKind>(['payment-statement', 'claim-decision', 'sanction-decision', 'work-capability-decision', 'overpayment', 'claim-closed']);

/** Kinds that can be a to-do (a date to act by) or a decision (MR applies). */
const TODO_OR_DECISION = new Set<NoticeKind>(['housing-costs', 'childcare-costs']);

export interface DeadlineInput {
  kind: NoticeKind;
  countFrom: string;
  /** A date the text says to act by ("by 3 December"). */
  explicitDate: string | null;
  /** An appointment date and time in the text. */
  appointment: { date: string; time?: string } | null;
  /** The text reads like a decision rather than a to-do. */
  isDecision: boolean;
}

function explicitOr(input: DeadlineInput, id: DeadlineId, fallback: () => Deadline | null): Deadline[] {
  if (input.explicitDate) return [deadline(id, input.explicitDate, 'explicit-date', input.countFrom)];
  const computed = fallback();
  return computed ? [computed] : [];
}

export function deadlinesFor(input: DeadlineInput): Deadline[] {
  const { kind, countFrom } = input;
  const list: Deadline[] = [];
  if (kind === 'mandatory-reconsideration-notice') {
    list.push(appeal(countFrom), lateLimit(countFrom, 'late-appeal-13-months'));
  } else if (MR_KINDS.has(kind) || (TODO_OR_DECISION.has(kind) && input.isDecision)) {
    list.push(mandatoryReconsideration(countFrom), lateLimit(countFrom, 'late-mr-13-months'));
  } else if (kind === 'written-reasons') {
    list.push(deadline('respond', addCalendarMonths(countFrom, 1), 'written-reasons-one-month', countFrom), lateLimit(countFrom, 'late-mr-13-months'));
  } else if (kind === 'claimant-commitment') {
    list.push(...explicitOr(input, 'respond', () => deadline('respond', addDays(countFrom, 7), 'commitment-7-days', countFrom)));
  } else if (kind === 'verify-identity') {
    list.push(...explicitOr(input, 'respond', () => deadline('respond', addCalendarMonths(countFrom, 1), 'identity-one-month', countFrom)));
  } else if (kind === 'work-capability-questionnaire') {
    list.push(...explicitOr(input, 'respond', () => deadline('respond', addDays(countFrom, 28), 'uc50-4-weeks', countFrom)));
  } else if (kind === 'work-coach-appointment' || kind === 'health-assessment') {
    const at = input.appointment;
    if (at) list.push({ id: 'attend', date: at.date, target: at.date, rule: 'appointment-date', ...(at.time ? { time: at.time } : {}) });
  } else if (kind === 'migration-notice') {
    list.push(...explicitOr(input, 'claim-by', () => null));
  } else if (kind !== 'unknown') {
    list.push(...explicitOr(input, 'respond', () => null));
  }
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
