// Decision language: phrases that make a message a decision (MR) or an MRN
// (appeal), and warnings that only look like one. Texts written for this test.
import { describe, expect, it } from 'vitest';
import { findCue, rulePatterns } from '../../../src/shared/notices/cues';

describe('decision phrases', () => {
  it.each([
    ['Based on what you told us, we have decided you are not in gainful self-employment.', 'we have decided'],
    ["We've decided that your partner lives with you.", "we've decided"],
    ['Your Universal Credit payment on 9 June will be £0 because of your earnings.', 'your universal credit payment on 9 june will be £0'],
    ['From your next assessment period your payments will be reduced.', 'your payments will be reduced'],
    ['you are not entitled to UC because of your capital', 'not entitled'],
    ['Sam has not shown good reason for missing his appointment on 3/2.', 'has not shown good reason'],
    ['We have decided you are capable of work.', 'we have decided'],
    ['You were found capable of work after your assessment.', 'were found capable of work'],
    ['We have closed your Universal Credit claim.', 'we have closed your universal credit claim'],
    ['your claim has been terminated', 'your claim has been terminated'],
    ['We will take back £25 a month from your payments.', 'we will take back'],
    ['You were paid too much Universal Credit between May and July.', 'you were paid too much'],
    ['You are treated as not being in Great Britain.', 'treated as not being in great britain'],
    ['we are taking money off your UC for rent arrears', 'we are taking money off your'],
    ['A low level sanction has been applied to your claim.', 'sanction has been applied'],
    ['We cannot include the childcare costs you reported.', 'we cannot include the childcare'],
    ['We have refused your service charges.', 'we have refused'],
    ['We are unable to reactivate your claim.', 'unable to reactivate'],
    ['Rydym wedi penderfynu lleihau eich taliad.', 'rydym wedi penderfynu'],
    ['Your statement for March is ready. View it in Payments.', 'your statement for march is ready'],
    ['Mae eich hawliad wedi cau.', 'mae eich hawliad wedi cau'],
    ['We have updated your housing costs to £510 a month.', 'we have updated your housing costs'],
    ['After your assessment it was decided that you have LCWRA from 3 May.', 'decided that you have lcwra'],
  ])('"%s" is a decision (%s)', (text, words) => {
    const cue = findCue(text);
    expect(cue?.answer).toBe('decision');
    expect(cue?.words).toBe(words);
  });

  it.each([
    ['Mandatory reconsideration notice. We have not changed the decision.', 'mandatory reconsideration notice'],
    ['The decision maker has reconsidered the decision about your rent.', 'the decision maker has reconsidered the'],
    ['We have looked at your decision again and it stays the same.', 'we have looked at your decision again'],
    ['MR refused, decision stands, MRN issued today', 'mr refused'],
    ['Your mandatory reconsideration was unsuccessful. You can now appeal.', 'your mandatory reconsideration was unsuccessful'],
    [
      'disagree. you can appeal to a tribnal within one month of the date of this notice.',
      'you can appeal to a tribnal within one month of the date of this notice',
    ],
  ])('"%s" is an MRN (%s)', (text, words) => {
    const cue = findCue(text);
    expect(cue?.answer).toBe('mrn');
    expect(cue?.words).toBe(words);
  });
});

describe('warnings and guidance are not decisions', () => {
  it.each([
    "Your payment can be reduced if you don't keep a commitment without a good reason.",
    'If you do not attend, we may decide you are capable of work.',
    'If you do not accept your commitment, your claim will be closed.',
    'You need to accept your commitments, or your claim will be closed.',
    'After we have looked again, you will get a mandatory reconsideration notice.',
    'You must wait for the Mandatory Reconsideration Notice before you start an appeal.',
    'We will write to tell you what we have decided, and why.',
    'Please book your appointment using your journal.',
    "Your statement for this month isn't ready yet.",
    'If your claim has closed in the last 6 months you can reclaim.',
    'We may decide that you have limited capability for work.',
    'If your rent changes, we will have updated your housing costs by your next statement.',
  ])('"%s"', (text) => {
    expect(findCue(text)).toBeNull();
  });
});

/** The first character class in a pattern that holds a "[" of its own, or null. */
function nestedBracket(source: string): string | null {
  let start = -1;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (start < 0 && c === '[') start = i;
    else if (start >= 0 && c === ']') start = -1;
    else if (start >= 0 && c === '[') return source.slice(start, i + 6);
  }
  return null;
}

describe('how the rules are written', () => {
  // rule() turns each space into "[ \n]"; a space inside a class ("third[- ]party") then breaks the class.
  it('has no space inside a character class', () => {
    expect(nestedBracket(String.raw`third[-[ \n]]party`)).toBe(String.raw`[-[ \n]]`);
    expect(nestedBracket(String.raw`[\[\]] [^.!?\n]`)).toBeNull();
    const broken = rulePatterns()
      .map((pattern) => nestedBracket(pattern.source))
      .filter((found) => found !== null);
    expect(broken).toEqual([]);
  });
});
