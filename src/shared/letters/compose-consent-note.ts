// Writes an explicit-consent note for the claimant's journal, so the DWP will
// talk to their adviser. Always English: DWP reads English.
// It never mentions or asks for a password: DWP tells claimants never to share it.
import { addMonthsIso, endWithFullStop, formatEnglishDate, listInWords, isRealDate, tidyText } from './compose-shared';

export type ShareScope = 'whole-claim' | 'payments' | 'deductions' | 'sanctions' | 'health' | 'housing' | 'mandatory-reconsideration' | 'overpayment';

export const SHARE_SCOPES: readonly ShareScope[] = [
  'whole-claim',
  'payments',
  'deductions',
  'sanctions',
  'health',
  'housing',
  'mandatory-reconsideration',
  'overpayment',
];

/** Plain English words for each scope, as written in the note. */
export const SHARE_SCOPE_WORDS: Record<ShareScope, string> = {
  'whole-claim': 'my whole claim',
  payments: 'my payments',
  deductions: 'deductions',
  sanctions: 'sanctions',
  health: 'my health and work capability',
  housing: 'my housing costs',
  'mandatory-reconsideration': 'my mandatory reconsideration',
  overpayment: 'overpayments',
};

export interface ConsentNoteInput {
  adviserName: string;
  organisation: string;
  branch?: string;
  relationship?: string;
  share: ShareScope[];
  reason: string;
  /** YYYY-MM-DD */
  until: string;
}

export type ConsentNoteField = 'adviserName' | 'organisation' | 'share' | 'reason' | 'until';

export type ConsentNoteErrorKey =
  'adviserName.missing' | 'organisation.missing' | 'share.missing' | 'reason.missing' | 'until.missing' | 'until.invalid' | 'until.past' | 'until.tooFar';

export interface ConsentNoteError {
  field: ConsentNoteField;
  error: ConsentNoteErrorKey;
}

export const CONSENT_MAX_MONTHS = 6;

function oneLine(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

export function composeConsentNote(input: ConsentNoteInput): string {
  const name = oneLine(input.adviserName);
  const organisation = oneLine(input.organisation);
  const branch = oneLine(input.branch);
  const relationship = oneLine(input.relationship).replace(/[.\s]+$/, '');
  const who = `${name} of ${organisation}${branch ? ` (${branch})` : ''}`;
  // "Whole claim" covers every other scope, so it stands alone.
  const scopes = input.share.includes('whole-claim') ? (['whole-claim'] as ShareScope[]) : SHARE_SCOPES.filter((scope) => input.share.includes(scope));
  const lines = [
    `I give my explicit consent for the DWP to talk to ${who} about my Universal Credit claim.`,
    `They may see and discuss: ${listInWords(scopes.map((scope) => SHARE_SCOPE_WORDS[scope]))}.`,
    `This is so they can: ${endWithFullStop(tidyText(input.reason).replace(/\s*\n\s*/g, ' '))}`,
  ];
  if (relationship) lines.push(`They are my ${relationship}.`);
  lines.push(`My consent lasts until ${formatEnglishDate(input.until)}, or until I cancel it.`);
  lines.push('I can cancel this consent at any time.');
  return lines.join('\n\n');
}

/** Errors in screen order. `today` is YYYY-MM-DD (London). */
export function validateConsentNote(input: ConsentNoteInput, today: string): ConsentNoteError[] {
  const errors: ConsentNoteError[] = [];
  if (!input.adviserName.trim()) errors.push({ field: 'adviserName', error: 'adviserName.missing' });
  if (!input.organisation.trim()) errors.push({ field: 'organisation', error: 'organisation.missing' });
  if (input.share.length === 0) errors.push({ field: 'share', error: 'share.missing' });
  if (!input.reason.trim()) errors.push({ field: 'reason', error: 'reason.missing' });
  const until = input.until.trim();
  if (!until) {
    errors.push({ field: 'until', error: 'until.missing' });
  } else if (!isRealDate(until)) {
    errors.push({ field: 'until', error: 'until.invalid' });
  } else if (until < today) {
    errors.push({ field: 'until', error: 'until.past' });
  } else {
    const latest = addMonthsIso(today, CONSENT_MAX_MONTHS);
    if (latest && until > latest) errors.push({ field: 'until', error: 'until.tooFar' });
  }
  return errors;
}
