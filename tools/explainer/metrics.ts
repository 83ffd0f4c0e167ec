// The figures the evaluation reports, from expected labels and explanations.
import { NOTICE_KINDS, type NoticeExplanation } from '../../src/shared/notices/types';
import type { Example } from './corpus';

export interface Figures {
  examples: number;
  kindAccuracy: number;
  /** Share of answers where the kind was marked "not sure". */
  kindUnsure: number;
  /** Of the kinds called sure, the share that were right. */
  kindAccuracyWhenSure: number;
  /** The right kind was the answer or among the likeliest kinds offered to pick from. */
  kindTop3: number;
  /** Decisions and MRNs given their MR or appeal deadline, with the right date. */
  rightsRecall: number;
  decisionRecall: number;
  mrnRecall: number;
  /** ... given it outright, without a "not sure". */
  rightsRecallSure: number;
  /** Non-decisions given an MR or appeal deadline (counting the ones shown while we ask). */
  falseRights: number;
  /** Non-decisions told outright that they have an MR or appeal deadline (no question asked). */
  falseRightsOutright: number;
  /** Decisions and MRNs where we asked (unsure) rather than said so outright. */
  rightsAsked: number;
  /** Non-decisions where we asked. */
  neitherAsked: number;
  /** Every expected deadline right, and no MR or appeal deadline that should not be there. */
  rightDeadlines: number;
  /** Share of answers where question (b) was "not sure". */
  challengeUnsure: number;
  counts: { decision: number; mrn: number; neither: number };
  perKind: Record<string, { precision: number; recall: number; support: number }>;
  confusions: Array<{ expected: string; got: string; count: number }>;
}

const round = (x: number) => Math.round(x * 10000) / 10000;
const ratio = (a: number, b: number) => (b === 0 ? 1 : round(a / b));

function hasDeadline(result: NoticeExplanation, id: string, date: string): boolean {
  return result.deadlines.some((d) => d.id === id && d.date === date);
}

export function figures(examples: Example[], results: NoticeExplanation[]): Figures {
  let kindRight = 0;
  let kindUnsure = 0;
  let sureRight = 0;
  const counts = { decision: 0, mrn: 0, neither: 0 };
  const given = { decision: 0, mrn: 0 };
  let givenSure = 0;
  let falseRights = 0;
  let falseOutright = 0;
  let rightsAsked = 0;
  let neitherAsked = 0;
  let top3 = 0;
  let rightDeadlines = 0;
  let challengeUnsure = 0;
  const confusion = new Map<string, number>();
  const tp = new Map<string, number>();
  const predicted = new Map<string, number>();
  const support = new Map<string, number>();

  examples.forEach((e, i) => {
    const r = results[i]!;
    if (r.kind === e.kind) kindRight++;
    else confusion.set(`${e.kind} -> ${r.kind}`, (confusion.get(`${e.kind} -> ${r.kind}`) ?? 0) + 1);
    if (r.kind === e.kind || r.kindCandidates.includes(e.kind)) top3++;
    if (r.confidence !== 'high') kindUnsure++;
    else if (r.kind === e.kind) sureRight++;
    support.set(e.kind, (support.get(e.kind) ?? 0) + 1);
    predicted.set(r.kind, (predicted.get(r.kind) ?? 0) + 1);
    if (r.kind === e.kind) tp.set(e.kind, (tp.get(e.kind) ?? 0) + 1);
    if (!r.challenge.sure) challengeUnsure++;

    counts[e.challenge]++;
    const mr = e.deadlines['mandatory-reconsideration'];
    const ap = e.deadlines['appeal'];
    if (e.challenge === 'decision' && mr && hasDeadline(r, 'mandatory-reconsideration', mr)) {
      given.decision++;
      if (r.challenge.sure) givenSure++;
    }
    if (e.challenge === 'mrn' && ap && hasDeadline(r, 'appeal', ap)) {
      given.mrn++;
      if (r.challenge.sure) givenSure++;
    }
    const rightsGiven = r.deadlines.some((d) => d.id === 'mandatory-reconsideration' || d.id === 'appeal');
    if (e.challenge === 'neither' && rightsGiven) falseRights++;
    if (e.challenge === 'neither' && rightsGiven && r.challenge.sure) falseOutright++;
    if (e.challenge === 'neither' && !r.challenge.sure) neitherAsked++;
    if (e.challenge !== 'neither' && !r.challenge.sure) rightsAsked++;
    const expectedOk = Object.entries(e.deadlines).every(([id, date]) => hasDeadline(r, id, date));
    const noExtra = r.deadlines.every((d) => (d.id !== 'mandatory-reconsideration' && d.id !== 'appeal') || e.deadlines[d.id] === d.date);
    if (expectedOk && noExtra) rightDeadlines++;
  });

  const sure = examples.length - kindUnsure;
  const perKind: Figures['perKind'] = {};
  for (const kind of NOTICE_KINDS) {
    const s = support.get(kind) ?? 0;
    if (s === 0 && !predicted.get(kind)) continue;
    perKind[kind] = { precision: ratio(tp.get(kind) ?? 0, predicted.get(kind) ?? 0), recall: ratio(tp.get(kind) ?? 0, s), support: s };
  }
  return {
    examples: examples.length,
    kindAccuracy: ratio(kindRight, examples.length),
    kindUnsure: ratio(kindUnsure, examples.length),
    kindAccuracyWhenSure: ratio(sureRight, sure),
    kindTop3: ratio(top3, examples.length),
    rightsRecall: ratio(given.decision + given.mrn, counts.decision + counts.mrn),
    decisionRecall: ratio(given.decision, counts.decision),
    mrnRecall: ratio(given.mrn, counts.mrn),
    rightsRecallSure: ratio(givenSure, counts.decision + counts.mrn),
    falseRights: ratio(falseRights, counts.neither),
    falseRightsOutright: ratio(falseOutright, counts.neither),
    rightsAsked: ratio(rightsAsked, counts.decision + counts.mrn),
    neitherAsked: ratio(neitherAsked, counts.neither),
    rightDeadlines: ratio(rightDeadlines, examples.length),
    challengeUnsure: ratio(challengeUnsure, examples.length),
    counts,
    perKind,
    confusions: [...confusion]
      .map(([pair, count]) => ({ expected: pair.split(' -> ')[0]!, got: pair.split(' -> ')[1]!, count }))
      .sort((a, b) => b.count - a.count || (a.expected + a.got < b.expected + b.got ? -1 : 1)),
  };
}

/** The headline figures only: what the sealed set may show. */
export function headline(f: Figures) {
  return {
    examples: f.examples,
    kindAccuracy: f.kindAccuracy,
    kindUnsure: f.kindUnsure,
    kindTop3: f.kindTop3,
    rightsRecall: f.rightsRecall,
    decisionRecall: f.decisionRecall,
    mrnRecall: f.mrnRecall,
    rightsRecallSure: f.rightsRecallSure,
    falseRights: f.falseRights,
    falseRightsOutright: f.falseRightsOutright,
    rightsAsked: f.rightsAsked,
    neitherAsked: f.neitherAsked,
    rightDeadlines: f.rightDeadlines,
    challengeUnsure: f.challengeUnsure,
    counts: f.counts,
  };
}
