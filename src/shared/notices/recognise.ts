// Answers the two questions about a message separately:
// (a) what is it about (one of the 22 kinds), and
// (b) can it be challenged: a decision (ask for mandatory reconsideration),
//     an MRN (appeal), or neither.
// (b) comes from decision language (cues.ts) and the trained model, never
// from (a) alone, so a decision worded in an unfamiliar way still gets its
// deadline when the kind is unclear. Both say when they are unsure.
import { allCues, cueText, inClaimantsFavour, isShortQuestion, STORY_RULES, toldAsLongAgo, type Cue } from './cues';
import { kindClues } from './kind-clues';
import { predict, type RecogniserModel } from './model';
import { featurize, modelText, modelWords, wordBucket, type FeatureConfig, type Features } from './features';
import { CHALLENGES, type Challenge, type NoticeExplanation, type NoticeKind } from './types';

export interface Recognition {
  kind: NoticeKind;
  /** Probability of the likeliest kind (0 to 1). */
  kindP: number;
  kindSure: boolean;
  /** The likeliest kinds, best first (two or three when unsure). */
  kindCandidates: NoticeKind[];
  challenge: ChallengeAnswer;
}

export type ChallengeAnswer = NoticeExplanation['challenge'];

/** What the recogniser uses: which parts are switched on is chosen on cross-validation. */
export interface Strategy {
  /** Decision and MRN phrases decide question (b) when they match. */
  cues: boolean;
  /** The trained model answers question (b) when no phrase matched (else: neither). */
  challengeModel: boolean;
}

export const DEFAULT_STRATEGY: Strategy = { cues: true, challengeModel: true };

/** Kinds that are always a decision or an MRN when the claimant picks them. */
export const CHALLENGE_OF_KIND: Partial<Record<NoticeKind, Challenge>> = {
  'payment-statement': 'decision',
  'claim-decision': 'decision',
  'sanction-decision': 'decision',
  'work-capability-decision': 'decision',
  overpayment: 'decision',
  'claim-closed': 'decision',
  'mandatory-reconsideration-notice': 'mrn',
};

const CANDIDATE_FLOOR = 0.05;

/** The words and word pairs of the text that pushed most towards `target` (for "why we think so"). */
export function strongestWords(model: RecogniserModel, text: string, target: string, count = 2): string[] {
  const head = model.challenge;
  const k = head.classes.length;
  const c = head.classes.indexOf(target);
  if (c < 0) return [];
  const words = modelText(text).split(' ').slice(0, 400);
  const hasLetter = words.map((word) => /\p{L}/u.test(word));
  const best = new Map<string, number>();
  for (const n of model.features.wordGrams) {
    if (n > 2) continue;
    for (let i = 0; i + n <= words.length; i++) {
      if (!hasLetter[i] && !(n === 2 && hasLetter[i + 1])) continue;
      const phrase = n === 1 ? words[i]! : `${words[i]} ${words[i + 1]}`;
      if (best.has(phrase)) continue;
      const row = wordBucket(phrase, n, model.features) * k;
      let mean = 0;
      for (let other = 0; other < k; other++) mean += head.weights[row + other]! / k;
      best.set(phrase, head.weights[row + c]! - mean);
    }
  }
  return [...best]
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([phrase]) => phrase);
}

/** The model's features of a message, and the decision phrases found in it (they are features too). */
export function noticeFeatures(text: string, config: FeatureConfig): { features: Features; cues: Cue[] } {
  const cues = allCues(text);
  const read = modelWords(text);
  let clues: string[] = [];
  if (config.clueWeight) {
    clues = kindClues(cueText(text).replace(/\n/g, ' '));
    // A Welsh message's English shadow finds the key phrases the Welsh words say (welsh.ts).
    if (read.shadow) clues = [...new Set([...clues, ...kindClues(read.shadow.join(' '))])];
  }
  return {
    features: featurize(
      read,
      config,
      cues.map((cue) => cue.rule),
      clues,
    ),
    cues,
  };
}

/**
 * `today` (the date the message is read, YYYY-MM-DD) lets a phrase in people's words that the same sentence puts
 * in a year long past ("my UC was closed in 2022") stand aside for the model; the phrase still counts as a feature.
 */
export function recognise(text: string, model: RecogniserModel<NoticeKind, Challenge>, strategy: Strategy = DEFAULT_STRATEGY, today?: string): Recognition {
  if (!/\p{L}/u.test(text)) return nothingToRead(model);
  const { features, cues: found } = noticeFeatures(text, model.features);
  const cues = today ? found.filter((cue) => !toldAsLongAgo(text, cue, today)) : found;
  const kindP = predict(model.kind, features);
  const challengeP = predict(model.challenge, features);
  // What the likely kinds usually are, pooled with the model's own reading of the words
  // (a weighted geometric mean: a model that is sure of the words is not outvoted by the kind).
  const p = {} as Record<Challenge, number>;
  let total = 0;
  for (const c of CHALLENGES) {
    const j = model.challenge.classes.indexOf(c);
    let ofKinds = 0;
    for (let k = 0; k < kindP.length; k++) ofKinds += kindP[k]! * (model.challengeOfKind[k]?.[j] ?? 0);
    p[c] = Math.pow(challengeP[j] ?? 0, 1 - model.kindMix) * Math.pow(ofKinds || 1e-9, model.kindMix);
    total += p[c];
  }
  for (const c of CHALLENGES) p[c] = total > 0 ? p[c] / total : 0;
  const challenge = answerChallenge(text, model, strategy, p, cues);

  const kinds = kindsGiven(model, kindP, challenge);
  const top = kinds[0]!;
  const kindSure = top.p >= model.thresholds.kind;
  const kindCandidates = (kindSure ? kinds.slice(0, 1) : kinds.slice(0, 3).filter((k, i) => i < 2 || k.p >= CANDIDATE_FLOOR)).map((k) => k.id);
  return { kind: top.id, kindP: top.p, kindSure, kindCandidates, challenge };
}

/**
 * The kinds, likeliest first. When a decision's or an MRN's phrase answered question (b) for sure ("we have
 * decided you did not have a good reason"), each kind's probability is weighed by how often that kind had that
 * answer in training, then normalised: such a message is not an appointment, whatever its other words. The
 * model's own answer to (b) is not used here: it already leans on the likely kinds, and weighing by it too
 * lifted cross-validation kinds a little more but cost the held-out public quotes (45 -> 42 of 85).
 */
function kindsGiven(model: RecogniserModel<NoticeKind, Challenge>, kindP: ArrayLike<number>, challenge: ChallengeAnswer) {
  // `rule` is set only when a phrase rule answered.
  const j = model.challenge.classes.indexOf(challenge.answer);
  const weigh = challenge.sure && challenge.rule !== null && j >= 0;
  const scored = model.kind.classes.map((id, k) => ({ id, p: kindP[k]! * (weigh ? (model.challengeOfKind[k]?.[j] ?? 1) : 1) }));
  const total = scored.reduce((sum, k) => sum + k.p, 0);
  if (total > 0) for (const k of scored) k.p /= total;
  return scored.sort((a, b) => b.p - a.p || (a.id < b.id ? -1 : 1));
}

/** No words at all (empty, or only emoji and numbers): nothing to recognise. */
function nothingToRead(model: RecogniserModel<NoticeKind, Challenge>): Recognition {
  const p = { decision: 0, mrn: 0, neither: 1 };
  const challenge: ChallengeAnswer = { answer: 'neither', possible: ['neither'], sure: true, source: 'rule', cue: null, rule: null, p };
  return { kind: 'unknown', kindP: 1, kindSure: false, kindCandidates: model.kind.classes.includes('unknown') ? ['unknown'] : [], challenge };
}

/** The likeliest answer, and every other one likely enough that its deadline must still be shown. */
export function possibleAnswers(p: Record<Challenge, number>, cut: { rights: number; neither: number }): Challenge[] {
  const ranked = [...CHALLENGES].sort((a, b) => p[b] - p[a]);
  return ranked.filter((c, i) => i === 0 || p[c] >= (c === 'neither' ? cut.neither : cut.rights));
}

function answerChallenge(
  text: string,
  model: RecogniserModel<NoticeKind, Challenge>,
  strategy: Strategy,
  p: Record<Challenge, number>,
  found: readonly Cue[],
): ChallengeAnswer {
  // The first rule that matched: MRN phrases come first (an MRN repeats the decision it looked at).
  const cue = strategy.cues ? (found[0] ?? null) : null;
  const normal = cueText(text);
  // "We have decided not to apply a sanction", "no sanction will be applied": a decision in the claimant's
  // favour is asked about, never told (its MR date still shows for a yes); so is a decision or MRN that only
  // the model reads into a short question.
  const favour = strategy.cues && inClaimantsFavour(normal) !== null;
  if (cue) {
    const asks = favour && cue.answer === 'decision';
    // An MRN repeats the decision it looked at ("MRN rec'd - refused, nil award unchanged"): when only a decision's
    // words matched and the model finds an MRN likely enough to show its deadline, ask which it is.
    const orMrn = cue.answer === 'decision' && p.mrn >= model.thresholds.rights;
    // An MR told as a story next to a decision's words may be an old one ("last year I asked them to reconsider and
    // they changed it. Now they have sanctioned me again"): ask which is meant.
    const orDecision = cue.answer === 'mrn' && STORY_RULES.has(cue.rule) && found.some((other) => other.answer === 'decision');
    const possible: Challenge[] = [
      cue.answer,
      ...(orMrn ? (['mrn'] as const) : []),
      ...(orDecision ? (['decision'] as const) : []),
      ...(asks ? (['neither'] as const) : []),
    ];
    return { answer: cue.answer, possible, sure: possible.length === 1, source: 'rule', cue: cue.words, rule: cue.rule, p };
  }
  if (!strategy.challengeModel) return { answer: 'neither', possible: ['neither'], sure: true, source: 'rule', cue: null, rule: null, p };
  const possible = possibleAnswers(p, model.thresholds);
  const answer = possible[0]!;
  if ((favour || isShortQuestion(normal)) && answer !== 'neither' && !possible.includes('neither')) possible.push('neither');
  const words = answer === 'neither' ? [] : strongestWords(model, text, answer);
  return {
    answer,
    possible,
    sure: possible.length === 1,
    source: 'model',
    cue: words.length ? words.join(' … ') : null,
    rule: null,
    p,
  };
}
