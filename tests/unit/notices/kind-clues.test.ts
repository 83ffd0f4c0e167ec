// Kind key phrases are features of the trained model: each found phrase has a
// stable id, and look-alike phrases are found too (the model weighs them).
import { describe, expect, it } from 'vitest';
import { KIND_CLUES, kindClues } from '../../../src/shared/notices/kind-clues';
import { cueText } from '../../../src/shared/notices/cues';

const kindsOf = (text: string) => kindClues(cueText(text)).map((id) => KIND_CLUES[Number(id.slice(5))]![0]);

describe('kind key phrases', () => {
  it.each([
    ['Please fill in the UC50 and send it back.', 'work-capability-questionnaire'],
    ['Your fit note ends on Friday.', 'fit-note'],
    ['We have paid you a hardship payment.', 'hardship-payment'],
    ['Report your childcare costs.', 'childcare-costs'],
    ['You may get a sanction if you do not attend.', 'sanction-decision'],
  ])('"%s" has a %s phrase', (text, kind) => {
    expect(kindsOf(text)).toContain(kind);
  });

  it('gives ids in list order, each once', () => {
    const ids = kindClues(cueText('Your claim has been closed. Your claim was terminated.'));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)))).toEqual(ids);
  });
});
