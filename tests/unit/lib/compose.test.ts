import { describe, expect, it } from 'vitest';
import { composeMrRequest, validateMrRequest, type MrRequestInput } from '../../../src/shared/letters/compose-mr-request';
import { composeConsentNote, validateConsentNote, type ConsentNoteInput } from '../../../src/shared/letters/compose-consent-note';
import { addMonthsIso, formatEnglishDate } from '../../../src/shared/letters/compose-shared';

const TODAY = '2026-11-10';

const mr: MrRequestInput = {
  decisionDate: '2026-11-03',
  decisionAbout: 'my housing costs',
  whatIsWrong: 'My rent is £650 a month, not £500.',
};

const consent: ConsentNoteInput = {
  adviserName: 'Sam Patel',
  organisation: 'Citizens Advice',
  branch: 'Cardiff',
  share: ['payments', 'deductions'],
  reason: 'help me ask for a mandatory reconsideration',
  until: '2027-02-01',
};

/** Every sentence of our own words has at most 25 words. */
function longSentences(text: string): string[] {
  return text
    .split(/[.!?]/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.split(/\s+/).filter(Boolean).length > 25);
}

describe('formatEnglishDate', () => {
  it('writes dates in English long form', () => {
    expect(formatEnglishDate('2026-11-03')).toBe('3 November 2026');
    expect(formatEnglishDate('2028-02-29')).toBe('29 February 2028');
    expect(formatEnglishDate('2027-01-01')).toBe('1 January 2027');
    expect(formatEnglishDate('2026-12-31')).toBe('31 December 2026');
  });

  it('adds months without running past the end of a month', () => {
    expect(addMonthsIso('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonthsIso('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsIso('2026-11-10', 6)).toBe('2027-05-10');
  });
});

describe('composeMrRequest', () => {
  it('writes the full request', () => {
    expect(composeMrRequest(mr)).toBe(
      [
        'I am asking for a mandatory reconsideration of the decision dated 3 November 2026 about my housing costs.',
        'I think the decision is wrong because:\nMy rent is £650 a month, not £500.',
        'Please send me a mandatory reconsideration notice when you have looked at it again.',
      ].join('\n\n'),
    );
  });

  it('asks for written reasons only when wanted', () => {
    expect(composeMrRequest(mr)).not.toContain('written reasons');
    const text = composeMrRequest({ ...mr, writtenReasons: true });
    expect(text).toContain('\n\nPlease also send me the written reasons for the decision.\n\n');
    expect(text.indexOf('written reasons')).toBeLessThan(text.indexOf('mandatory reconsideration notice'));
  });

  it('formats a leap day', () => {
    expect(composeMrRequest({ ...mr, decisionDate: '2028-02-29' })).toContain('dated 29 February 2028 about');
  });

  it('trims the inputs and collapses blank lines', () => {
    const text = composeMrRequest({
      decisionDate: ' 2026-11-03 ',
      decisionAbout: '  my sanction.  ',
      whatIsWrong: '\n\n  I was in hospital.\n\n\n\n\nI told my work coach.   \n\n',
    });
    expect(text).toContain('about my sanction.\n\n');
    expect(text).not.toContain('sanction..');
    expect(text).toContain('because:\nI was in hospital.\n\nI told my work coach.\n\n');
    expect(text).not.toMatch(/\n{3,}/);
    expect(text).toBe(text.trim());
  });

  it('keeps its own sentences short and never mentions a password', () => {
    const text = composeMrRequest({ ...mr, whatIsWrong: 'x', writtenReasons: true });
    expect(longSentences(text)).toEqual([]);
    expect(text.toLowerCase()).not.toContain('password');
  });
});

describe('validateMrRequest', () => {
  it('accepts a complete request', () => {
    expect(validateMrRequest(mr, TODAY)).toEqual([]);
    expect(validateMrRequest({ ...mr, decisionDate: TODAY }, TODAY)).toEqual([]);
  });

  it('reports every missing field, in screen order', () => {
    expect(validateMrRequest({ decisionDate: '', decisionAbout: ' ', whatIsWrong: '\n' }, TODAY)).toEqual([
      { field: 'decisionDate', error: 'decisionDate.missing' },
      { field: 'decisionAbout', error: 'decisionAbout.missing' },
      { field: 'whatIsWrong', error: 'whatIsWrong.missing' },
    ]);
  });

  it('rejects dates that do not exist or are in the future', () => {
    expect(validateMrRequest({ ...mr, decisionDate: '2026-02-30' }, TODAY)).toEqual([{ field: 'decisionDate', error: 'decisionDate.invalid' }]);
    expect(validateMrRequest({ ...mr, decisionDate: '3/11/2026' }, TODAY)).toEqual([{ field: 'decisionDate', error: 'decisionDate.invalid' }]);
    expect(validateMrRequest({ ...mr, decisionDate: '2026-11-11' }, TODAY)).toEqual([{ field: 'decisionDate', error: 'decisionDate.future' }]);
    // Without today, a future date cannot be checked.
    expect(validateMrRequest({ ...mr, decisionDate: '2030-01-01' })).toEqual([]);
  });

  it('limits the reasons to 3000 characters', () => {
    expect(validateMrRequest({ ...mr, whatIsWrong: 'a'.repeat(3000) }, TODAY)).toEqual([]);
    expect(validateMrRequest({ ...mr, whatIsWrong: 'a'.repeat(3001) }, TODAY)).toEqual([{ field: 'whatIsWrong', error: 'whatIsWrong.tooLong' }]);
  });
});

describe('composeConsentNote', () => {
  it('writes explicit consent that names who, what, why and until when', () => {
    expect(composeConsentNote(consent)).toBe(
      [
        'I give my explicit consent for the DWP to talk to Sam Patel of Citizens Advice (Cardiff) about my Universal Credit claim.',
        'They may see and discuss: my payments and deductions.',
        'This is so they can: help me ask for a mandatory reconsideration.',
        'My consent lasts until 1 February 2027, or until I cancel it.',
        'I can cancel this consent at any time.',
      ].join('\n\n'),
    );
  });

  it('adds the relationship only when given', () => {
    expect(composeConsentNote(consent)).not.toContain('They are my');
    expect(composeConsentNote({ ...consent, relationship: '  sister ' })).toContain('\n\nThey are my sister.\n\n');
    expect(composeConsentNote({ ...consent, relationship: '   ' })).not.toContain('They are my');
  });

  it('leaves out the branch when empty and trims every field', () => {
    const text = composeConsentNote({
      ...consent,
      adviserName: '  Sam   Patel ',
      organisation: ' Shelter ',
      branch: '  ',
      reason: '  sort out my rent.  ',
    });
    expect(text).toContain('talk to Sam Patel of Shelter about my');
    expect(text).toContain('This is so they can: sort out my rent.\n');
    expect(text).not.toContain('()');
  });

  it('lists scopes in plain words, in a fixed order', () => {
    const text = composeConsentNote({ ...consent, share: ['overpayment', 'sanctions', 'housing'] });
    expect(text).toContain('They may see and discuss: sanctions, my housing costs and overpayments.');
    expect(composeConsentNote({ ...consent, share: ['health', 'whole-claim'] })).toContain('They may see and discuss: my whole claim.');
  });

  it('formats a leap day', () => {
    expect(composeConsentNote({ ...consent, until: '2028-02-29' })).toContain('lasts until 29 February 2028,');
  });

  it('keeps its own sentences short and never mentions a password', () => {
    const text = composeConsentNote({
      adviserName: 'A',
      organisation: 'B',
      branch: 'C',
      relationship: 'D',
      share: ['payments', 'deductions', 'sanctions', 'health', 'housing', 'mandatory-reconsideration', 'overpayment'],
      reason: 'E',
      until: '2027-01-01',
    });
    expect(longSentences(text)).toEqual([]);
    expect(text.toLowerCase()).not.toContain('password');
    expect(text.toLowerCase()).not.toContain('security');
    expect(text).toContain('I can cancel this consent at any time.');
  });
});

describe('validateConsentNote', () => {
  it('accepts a complete note', () => {
    expect(validateConsentNote(consent, TODAY)).toEqual([]);
    expect(validateConsentNote({ ...consent, until: TODAY }, TODAY)).toEqual([]);
    expect(validateConsentNote({ ...consent, until: '2027-05-10' }, TODAY)).toEqual([]);
  });

  it('reports every missing field, in screen order', () => {
    expect(validateConsentNote({ adviserName: ' ', organisation: '', share: [], reason: '', until: '' }, TODAY)).toEqual([
      { field: 'adviserName', error: 'adviserName.missing' },
      { field: 'organisation', error: 'organisation.missing' },
      { field: 'share', error: 'share.missing' },
      { field: 'reason', error: 'reason.missing' },
      { field: 'until', error: 'until.missing' },
    ]);
  });

  it('checks the end date', () => {
    expect(validateConsentNote({ ...consent, until: '2027-02-30' }, TODAY)).toEqual([{ field: 'until', error: 'until.invalid' }]);
    expect(validateConsentNote({ ...consent, until: '2026-11-09' }, TODAY)).toEqual([{ field: 'until', error: 'until.past' }]);
    expect(validateConsentNote({ ...consent, until: '2027-05-11' }, TODAY)).toEqual([{ field: 'until', error: 'until.tooFar' }]);
  });
});
