// Writes a mandatory reconsideration (MR) request for the claimant to paste
// into their Universal Credit journal. Always English: DWP reads English.
import { formatEnglishDate, isRealDate, tidyText } from './compose-shared';

export interface MrRequestInput {
  /** YYYY-MM-DD */
  decisionDate: string;
  decisionAbout: string;
  whatIsWrong: string;
  writtenReasons?: boolean;
}

export type MrRequestField = 'decisionDate' | 'decisionAbout' | 'whatIsWrong';

export type MrRequestErrorKey =
  'decisionDate.missing' | 'decisionDate.invalid' | 'decisionDate.future' | 'decisionAbout.missing' | 'whatIsWrong.missing' | 'whatIsWrong.tooLong';

export interface MrRequestError {
  field: MrRequestField;
  error: MrRequestErrorKey;
}

export const MR_WHAT_IS_WRONG_MAX = 3000;

export function composeMrRequest(input: MrRequestInput): string {
  const date = formatEnglishDate(input.decisionDate);
  const about = tidyText(input.decisionAbout)
    .replace(/\s+/g, ' ')
    .replace(/[.\s]+$/, '');
  const reasons = tidyText(input.whatIsWrong);
  const paragraphs = [
    `I am asking for a mandatory reconsideration of the decision dated ${date} about ${about}.`,
    `I think the decision is wrong because:\n${reasons}`,
  ];
  if (input.writtenReasons) paragraphs.push('Please also send me the written reasons for the decision.');
  paragraphs.push('Please send me a mandatory reconsideration notice when you have looked at it again.');
  return tidyText(paragraphs.join('\n\n'));
}

/** Errors in screen order. `today` is YYYY-MM-DD (London). */
export function validateMrRequest(input: MrRequestInput, today?: string): MrRequestError[] {
  const errors: MrRequestError[] = [];
  const rawDate = input.decisionDate.trim();
  if (!rawDate) {
    errors.push({ field: 'decisionDate', error: 'decisionDate.missing' });
  } else if (!isRealDate(rawDate)) {
    errors.push({ field: 'decisionDate', error: 'decisionDate.invalid' });
  } else if (today && isRealDate(today) && rawDate > today.trim()) {
    errors.push({ field: 'decisionDate', error: 'decisionDate.future' });
  }
  if (!input.decisionAbout.trim()) {
    errors.push({ field: 'decisionAbout', error: 'decisionAbout.missing' });
  }
  const wrong = input.whatIsWrong.trim();
  if (!wrong) {
    errors.push({ field: 'whatIsWrong', error: 'whatIsWrong.missing' });
  } else if (wrong.length > MR_WHAT_IS_WRONG_MAX) {
    errors.push({ field: 'whatIsWrong', error: 'whatIsWrong.tooLong' });
  }
  return errors;
}
