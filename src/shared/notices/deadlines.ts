// The deadline rules of shared/PRODUCT.md, one function per kind of limit.
import { addCalendarMonths, addDays, isWorkingDay, nextWorkingDay } from './calendar';
import type { Challenge, Deadline, DeadlineId, NoticeKind, RuleId } from './types';

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

export interface DeadlineInput {
  kind: NoticeKind;
  countFrom: string;
  /** A date the text says to act by ("by 3 December"). */
  explicitDate: string | null;
  /** An appointment date and time in the text. */
  appointment: { date: string; time?: string } | null;
  /**
   * What the message may be (recognise.ts): a decision gets the MR deadline,
   * an MRN the appeal deadline, and "neither" the kind's own to-do dates.
   * When unsure, several are possible and each one's dates are given.
   */
  possible: readonly Challenge[];
}

function explicitOr(input: DeadlineInput, id: DeadlineId, fallback: () => Deadline | null): Deadline[] {
  if (input.explicitDate) return [deadline(id, input.explicitDate, 'explicit-date', input.countFrom)];
  const computed = fallback();
  return computed ? [computed] : [];
}

/** The to-do dates of a kind that is not a decision. */
function todoDeadlines(input: DeadlineInput): Deadline[] {
  const { kind, countFrom } = input;
  if (kind === 'written-reasons') return [deadline('respond', addCalendarMonths(countFrom, 1), 'written-reasons-one-month', countFrom)];
  if (kind === 'claimant-commitment') return explicitOr(input, 'respond', () => deadline('respond', addDays(countFrom, 7), 'commitment-7-days', countFrom));
  if (kind === 'verify-identity') return explicitOr(input, 'respond', () => deadline('respond', addCalendarMonths(countFrom, 1), 'identity-one-month', countFrom));
  if (kind === 'work-capability-questionnaire') return explicitOr(input, 'respond', () => deadline('respond', addDays(countFrom, 28), 'uc50-4-weeks', countFrom));
  if (kind === 'work-coach-appointment' || kind === 'health-assessment') {
    const at = input.appointment;
    return at ? [{ id: 'attend', date: at.date, target: at.date, rule: 'appointment-date', ...(at.time ? { time: at.time } : {}) }] : [];
  }
  if (kind === 'migration-notice') return explicitOr(input, 'claim-by', () => null);
  if (kind === 'mandatory-reconsideration-notice' || kind === 'unknown') return [];
  return explicitOr(input, 'respond', () => null);
}

export function deadlinesFor(input: DeadlineInput): Deadline[] {
  const { countFrom, possible } = input;
  const list: Deadline[] = [];
  if (possible.includes('mrn')) list.push(appeal(countFrom));
  if (possible.includes('decision')) list.push(mandatoryReconsideration(countFrom));
  if (possible.includes('neither')) list.push(...todoDeadlines(input));
  // One late limit: the appeal's when it may be an MRN, else the MR's (written reasons extend an MR too).
  if (possible.includes('mrn')) list.push(lateLimit(countFrom, 'late-appeal-13-months'));
  else if (possible.includes('decision') || (possible.includes('neither') && input.kind === 'written-reasons')) {
    list.push(lateLimit(countFrom, 'late-mr-13-months'));
  }
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
