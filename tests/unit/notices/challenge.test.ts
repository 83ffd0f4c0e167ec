// Question (b), "can it be challenged?", answered apart from the kind: every
// decision gets the MR deadline with its rule, every MRN the appeal deadline,
// the answer says which words made it so, and "not sure" never hides a date.
import { describe, expect, it } from 'vitest';
import { explainKind, explainNotice, NOTICE_KINDS } from '../../../src/shared/notices';
import { explainWith } from '../../../src/shared/notices/explain';
import type { RecogniserModel } from '../../../src/shared/notices/model';
import type { Challenge, NoticeKind } from '../../../src/shared/notices/types';

const TODAY = '2026-11-22';
const ids = (text: string, options = {}) => explainNotice(text, { today: TODAY, ...options }).deadlines.map((d) => d.id);

/** A model with no weights: its answers come from the biases alone, so the test controls how sure it is. */
function flatModel(challenge: Record<Challenge, number>, kind: NoticeKind = 'deduction'): RecogniserModel<NoticeKind, Challenge> {
  const kinds = [kind, 'unknown'] as NoticeKind[];
  const classes = ['decision', 'mrn', 'neither'] as Challenge[];
  return {
    features: { bits: 4, charGrams: [3], wordGrams: [1] },
    kind: { classes: kinds, bias: Float32Array.from([3, 0]), weights: new Int8Array(16 * 2), scale: 1 },
    challenge: { classes, bias: Float32Array.from(classes.map((c) => Math.log(challenge[c]))), weights: new Int8Array(16 * 3), scale: 1 },
    challengeOfKind: [
      [1 / 3, 1 / 3, 1 / 3],
      [1 / 3, 1 / 3, 1 / 3],
    ],
    kindMix: 0,
    thresholds: { kind: 0.5, rights: 0.25, neither: 0.25 },
  };
}

describe('decisions and MRNs from their words', () => {
  it('gives a decision the MR deadline with its rule, and says which words made it one', () => {
    const result = explainNotice('Date: 9 November 2026\nWe have decided that you are capable of work.', { today: TODAY });
    expect(result.challenge).toMatchObject({ answer: 'decision', sure: true, source: 'rule', cue: 'we have decided' });
    expect(result.deadlines.find((d) => d.id === 'mandatory-reconsideration')).toMatchObject({ date: '2026-12-09', rule: 'mr-one-month' });
  });

  it('gives an MRN the appeal deadline and never an MR one', () => {
    const result = explainNotice('9 November 2026. Mandatory reconsideration notice: we have not changed the decision.', { today: TODAY });
    expect(result.challenge).toMatchObject({ answer: 'mrn', sure: true });
    expect(result.deadlines.map((d) => d.id)).toEqual(['appeal', 'late-limit']);
  });

  it('finds a decision even when the kind is unclear', () => {
    const result = explainNotice('blah blah ref 55/1 — your payment will be reduced', { today: TODAY });
    expect(result.challenge.answer).toBe('decision');
    expect(ids('blah blah ref 55/1 — your payment will be reduced')).toContain('mandatory-reconsideration');
  });

  it('gives the appeal deadline when someone says their MRN came, counted from the day they read it', () => {
    const result = explainNotice("Got my MRN today, they haven't changed anything", { today: TODAY });
    expect(result.challenge).toMatchObject({ answer: 'mrn', sure: true, source: 'rule', cue: 'got my mrn' });
    expect(result.deadlines.find((d) => d.id === 'appeal')).toMatchObject({ date: '2026-12-22' });
    expect(ids('Got my MRN today')).not.toContain('mandatory-reconsideration');
  });

  it('gives no MR deadline outright for a refused advance (no right to ask for one)', () => {
    const result = explainNotice('Your budgeting advance application was unsuccessful.', { today: TODAY });
    expect(result.challenge.rule).toBeNull();
    expect(result.challenge.source).not.toBe('rule');
  });

  it('never tells the claimant to challenge a decision in their favour: it asks, and a yes still gives the MR deadline', () => {
    for (const text of [
      'We have accepted that you had a good reason, so your UC will not be reduced',
      'Thank you for telling us why you missed your appointment. We accept you had good reason. Your Universal Credit will not be reduced.',
      'We have decided not to apply a sanction because you had a good reason.',
      'The decision maker accepted my good reason so no sanction',
      'No sanction will be applied to your claim.',
      'We accept that you had a good reason.\nYour Universal Credit will not\nbe reduced.',
      'We have made a decision. No sanction will be applied.',
      'We are satisfied that you had a good reason. We have decided not to reduce your Universal Credit.',
      'No reduction will be applied because you had a good reason.',
    ]) {
      const { challenge } = explainNotice(text, { today: TODAY });
      expect(challenge.possible, text).toContain('neither');
      if (challenge.answer === 'decision') {
        expect(challenge.sure, text).toBe(false);
        expect(ids(text), text).toContain('mandatory-reconsideration');
      }
    }
    // "We have decided" is a rule: the answer is a decision, asked about.
    const decided = explainNotice('We have decided not to apply a sanction because you had a good reason.', { today: TODAY });
    expect(decided.challenge).toMatchObject({ answer: 'decision', possible: ['decision', 'neither'], sure: false, rule: 'decided' });
  });

  it('asks, rather than tells, when a short question reads like a decision to the model alone', () => {
    for (const text of ["My partner's claim was closed years ago, does that matter now?", 'Have they closed my claim? I cannot log in.']) {
      const { challenge } = explainNotice(text, { today: TODAY });
      expect(challenge.rule, text).toBeNull();
      expect(challenge.sure, text).toBe(false);
      expect(challenge.possible, text).toContain('neither');
      if (challenge.answer === 'decision') expect(ids(text), text).toContain('mandatory-reconsideration');
    }
    // A phrase rule still tells: "they've closed my claim" is said, whatever is asked after it.
    expect(explainNotice("They've closed my claim, what do I do now?", { today: TODAY }).challenge).toMatchObject({ answer: 'decision', sure: true });
  });

  it('stays sure of a decision that cuts money, even when a good reason was accepted for part of it', () => {
    for (const text of [
      'We accept you had a good reason for 3 May but not for 10 May, so your Universal Credit will be reduced.',
      'We have decided that you did not have a good reason. Your Universal Credit will be reduced by £10.50 a day.',
      'You did not have a good reason for missing your appointment. We have decided to reduce your Universal Credit.',
      'We accept that you had a good reason for missing the appointment on 2 May. You missed the one on 9 May without good reason, so we have decided to reduce your payment.',
      'We accept that you had a good reason for 2 May. For 9 May you failed to give a good reason, so we have decided to apply a sanction.',
    ]) {
      expect(explainNotice(text, { today: TODAY }).challenge, text).toMatchObject({ answer: 'decision', sure: true });
    }
  });

  it('does not take a warning for a decision', () => {
    const result = explainNotice('If you do not attend your appointment, your payment could be reduced. We call this a sanction.', { today: TODAY });
    expect(result.challenge.rule).toBeNull();
  });
});

describe('when we are not sure', () => {
  it('keeps every likely answer possible and shows the MR deadline as well as the to-dos', () => {
    const result = explainWith(flatModel({ decision: 0.45, mrn: 0.05, neither: 0.5 }), 'a message with no decision words', { today: TODAY });
    expect(result.challenge).toMatchObject({ answer: 'neither', sure: false, source: 'model' });
    expect(result.challenge.possible).toEqual(['neither', 'decision']);
    expect(result.deadlines.map((d) => d.id)).toEqual(['mandatory-reconsideration', 'late-limit']);
  });

  it('shows the appeal deadline too when an MRN is possible', () => {
    const result = explainWith(flatModel({ decision: 0.4, mrn: 0.3, neither: 0.3 }), 'words', { today: TODAY });
    expect(result.challenge.possible).toEqual(['decision', 'mrn', 'neither']);
    expect(result.deadlines.map((d) => d.id).sort()).toEqual(['appeal', 'late-limit', 'mandatory-reconsideration']);
  });

  it("asks whether a decision's words are in an MRN when the model finds an MRN likely enough, and shows both deadlines", () => {
    const text = 'Your claim has been closed.';
    const mrnLikely = explainWith(flatModel({ decision: 0.5, mrn: 0.3, neither: 0.2 }), text, { today: TODAY });
    expect(mrnLikely.challenge).toMatchObject({ answer: 'decision', possible: ['decision', 'mrn'], sure: false, source: 'rule', rule: 'claim-has-closed' });
    expect(mrnLikely.deadlines.map((d) => d.id).sort()).toEqual(['appeal', 'late-limit', 'mandatory-reconsideration']);
    const mrnUnlikely = explainWith(flatModel({ decision: 0.5, mrn: 0.2, neither: 0.3 }), text, { today: TODAY });
    expect(mrnUnlikely.challenge).toMatchObject({ answer: 'decision', possible: ['decision'], sure: true });
  });

  it('asks whether an MR told as a story is the one meant when a newer decision is told next to it', () => {
    const told = explainNotice('I asked them to reconsider and they changed the decision. Now they have sanctioned me again for missing an appointment.', {
      today: TODAY,
    });
    expect(told.challenge).toMatchObject({ answer: 'mrn', sure: false, rule: 'mrn-asked-then-decided' });
    expect(told.challenge.possible).toEqual(expect.arrayContaining(['mrn', 'decision']));
    expect(told.deadlines.map((d) => d.id)).toEqual(expect.arrayContaining(['appeal', 'mandatory-reconsideration']));
  });

  it('is sure when one answer is far likelier', () => {
    const result = explainWith(flatModel({ decision: 0.05, mrn: 0.05, neither: 0.9 }), 'words', { today: TODAY });
    expect(result.challenge).toMatchObject({ answer: 'neither', sure: true, possible: ['neither'] });
    expect(result.deadlines).toEqual([]);
  });

  it("weighs the kinds by a decision phrase's answer, not by the model's own", () => {
    // The words lean a little to an appointment; in training appointments were almost never decisions.
    const model = {
      ...flatModel({ decision: 0.9, mrn: 0.05, neither: 0.05 }),
      kind: {
        classes: ['work-coach-appointment', 'sanction-decision'] as NoticeKind[],
        bias: Float32Array.from([0.4, 0]),
        weights: new Int8Array(16 * 2),
        scale: 1,
      },
      challengeOfKind: [
        [0.02, 0.01, 0.97],
        [0.9, 0.02, 0.08],
      ],
    };
    const phrase = explainWith(model, 'You did not go to your appointment. You have not shown good reason.', { today: TODAY });
    expect(phrase.challenge).toMatchObject({ answer: 'decision', sure: true, rule: 'no-good-reason' });
    expect(phrase.kind).toBe('sanction-decision');
    // The same model sure of a decision without a phrase: the words alone pick the kind.
    const noPhrase = explainWith(model, 'words', { today: TODAY });
    expect(noPhrase.challenge).toMatchObject({ answer: 'decision', sure: true, source: 'model' });
    expect(noPhrase.kind).toBe('work-coach-appointment');
  });

  it('offers the likeliest kinds to pick from', () => {
    const model = flatModel({ decision: 0.1, mrn: 0.1, neither: 0.8 });
    const unsure = { ...model, kind: { ...model.kind, bias: Float32Array.from([0.2, 0]) }, thresholds: { ...model.thresholds, kind: 0.8 } };
    const result = explainWith(unsure, 'words', { today: TODAY });
    expect(result.confidence).toBe('low');
    expect(result.kindCandidates).toEqual(['deduction', 'unknown']);
  });
});

describe("the claimant's answers and choices", () => {
  const unsure = flatModel({ decision: 0.45, mrn: 0.05, neither: 0.5 });

  it.each([
    ['decision', ['mandatory-reconsideration', 'late-limit']],
    ['mrn', ['appeal', 'late-limit']],
    ['neither', []],
  ] as const)('answering "%s" settles it', (answer, expected) => {
    const result = explainWith(unsure, 'words', { today: TODAY, challenge: answer });
    expect(result.challenge).toMatchObject({ answer, sure: true, source: 'user' });
    expect(result.deadlines.map((d) => d.id)).toEqual(expected);
  });

  it('a chosen kind that is always a decision gives the MR deadline', () => {
    expect(explainWith(unsure, 'words', { today: TODAY, kind: 'sanction-decision' }).challenge).toMatchObject({ answer: 'decision', source: 'kind' });
  });

  it('a kind chosen with no text that may or may not be a decision asks', () => {
    const result = explainKind('housing-costs', { today: TODAY });
    expect(result.challenge.sure).toBe(false);
    expect(result.deadlines.map((d) => d.id)).toContain('mandatory-reconsideration');
  });

  it('never says "no deadline" for a picked kind that can be a decision', () => {
    for (const kind of NOTICE_KINDS) {
      const result = explainKind(kind, { today: TODAY });
      if (!result.challenge.sure) expect(result.deadlines.length, kind).toBeGreaterThan(0);
    }
  });
});

describe('a decision told in people’s words, in a year long past', () => {
  // A model that always finds neither likeliest: what the phrase rules alone make of the text.
  const neitherModel = flatModel({ decision: 0.1, mrn: 0.05, neither: 0.85 });
  const rule = (text: string, today: string) => explainWith(neitherModel, text, { today }).challenge;

  it('leaves a phrase two calendar years or more in the past to the model', () => {
    expect(rule('My UC was closed in 2022 when I went back full time. Now my contract is ending.', '2026-12-05')).toMatchObject({
      answer: 'neither',
      rule: null,
    });
    expect(rule('In 2020 she was found fit for work and did not appeal.', '2026-12-05')).toMatchObject({ answer: 'neither', rule: null });
  });

  it('still counts it when the year is recent for the day it is read, or says "since" (up to now)', () => {
    expect(rule('My UC was closed in 2022 when I went back full time.', '2023-01-10')).toMatchObject({ answer: 'decision', rule: 'their-claim-closed' });
    expect(rule('My UC was closed in 2025 when I went back full time.', '2026-12-05')).toMatchObject({ answer: 'decision', rule: 'their-claim-closed' });
    expect(rule("LCWRA since 2021, and yesterday the journal said I'm fit for work.", '2026-12-05')).toMatchObject({
      answer: 'decision',
      rule: 'they-say-fit',
    });
  });

  it('never sets aside DWP’s own wording of a decision about a past period', () => {
    expect(rule('We paid you £612 too much in 2023 because your earnings were not counted.', '2026-12-05')).toMatchObject({
      answer: 'decision',
      rule: 'paid-too-much',
    });
  });
});
