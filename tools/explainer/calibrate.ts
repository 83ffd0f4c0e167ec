// Grouped k-fold cross-validation and the choice of the "not sure" cut-offs.
// Folds are split by family (variants of one message stay together), so a
// model is always scored on wordings it never saw. The cut-offs are chosen on
// the out-of-fold predictions, never on the sealed set.
import type { Features } from '../../src/shared/notices/features';
import type { RecogniserModel } from '../../src/shared/notices/model';
import { possibleAnswers, recognise, type Recognition, type Strategy } from '../../src/shared/notices/recognise';
import type { Challenge, NoticeKind } from '../../src/shared/notices/types';
import type { Example } from './corpus';
import { featurizeAll, trainModel, type TrainerConfig } from './train';

export const FOLDS = 5;

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Fold of each example: whole families, largest first, each to the smallest fold so far. Families of the same size
 * go in an order set by `seed` (0 is the order every figure in README was measured with), so a second seed gives a
 * second, different split of the same corpus.
 */
export function groupFolds(examples: Example[], k = FOLDS, seed = 0): Map<string, number> {
  const families = new Map<string, Example[]>();
  for (const e of examples) families.set(e.family, [...(families.get(e.family) ?? []), e]);
  const key = (family: string) => fnv(seed === 0 ? family : `${seed}:${family}`);
  const order = [...families.entries()].sort((a, b) => b[1].length - a[1].length || key(a[0]) - key(b[0]) || (a[0] < b[0] ? -1 : 1));
  const sizes = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const [, members] of order) {
    const fold = sizes.indexOf(Math.min(...sizes));
    sizes[fold] = sizes[fold]! + members.length;
    for (const e of members) foldOf.set(e.id, fold);
  }
  return foldOf;
}

export interface CrossValidation {
  foldOf: Map<string, number>;
  models: RecogniserModel<NoticeKind, Challenge>[];
}

export function crossValidate(
  examples: Example[],
  config: TrainerConfig,
  k = FOLDS,
  cache?: Map<string, Features>,
  seed = 0,
  trainOnly: Example[] = [],
): CrossValidation {
  const features = cache ?? featurizeAll([...examples, ...trainOnly], config.features);
  const foldOf = groupFolds(examples, k, seed);
  const models = Array.from({ length: k }, (_, fold) => trainModel([...examples.filter((e) => foldOf.get(e.id) !== fold), ...trainOnly], config, features));
  return { foldOf, models };
}

/** Each example recognised by the model that did not see it. */
export function outOfFold(examples: Example[], cv: CrossValidation, strategy: Strategy, thresholds?: RecogniserModel['thresholds']): Recognition[] {
  return examples.map((e) => {
    const model = cv.models[cv.foldOf.get(e.id)!]!;
    return recognise(e.text, thresholds ? { ...model, thresholds } : model, strategy, e.today);
  });
}

function possibleAt(r: Recognition, cut: { rights: number; neither: number }): Challenge[] {
  return r.challenge.source === 'rule' ? r.challenge.possible : possibleAnswers(r.challenge.p, cut);
}

const CUTS = Array.from({ length: 50 }, (_, i) => Math.round((0.01 + i * 0.01) * 100) / 100);

/** One "rights" cut-off on the notices no phrase answered. */
export interface RightsPoint {
  cut: number;
  /** Decisions and MRNs whose answer stays possible (so they get their deadline). */
  recall: number;
  /** Non-decisions shown an MR or appeal date, outright or while we ask. */
  asked: number;
}

/** One "neither" cut-off. */
export interface NeitherPoint {
  cut: number;
  /** Non-decisions told outright that they are a decision or an MRN. */
  falseRights: number;
}

/** The examples with their recognitions, split into decisions and MRNs, and non-decisions. */
function byAnswer(examples: Example[], recognitions: Recognition[]) {
  const pairs = examples.map((e, i) => [e, recognitions[i]!] as const);
  return { rights: pairs.filter(([e]) => e.challenge !== 'neither'), neither: pairs.filter(([e]) => e.challenge === 'neither') };
}

/** Recall of decisions and MRNs, and the non-decisions asked, for each "rights" cut-off. */
export function rightsCurve(examples: Example[], recognitions: Recognition[]): RightsPoint[] {
  const { rights, neither } = byAnswer(examples, recognitions);
  return CUTS.map((cut) => {
    const kept = rights.filter(([e, r]) => possibleAt(r, { rights: cut, neither: 0 }).includes(e.challenge)).length;
    const asked = neither.filter(([, r]) => possibleAt(r, { rights: cut, neither: 0 }).some((c) => c !== 'neither')).length;
    return { cut, recall: kept / Math.max(1, rights.length), asked: asked / Math.max(1, neither.length) };
  });
}

/** For each "neither" cut-off: the non-decisions told outright that they are a decision or an MRN. */
export function neitherCurve(examples: Example[], recognitions: Recognition[], rights: number): NeitherPoint[] {
  const { neither } = byAnswer(examples, recognitions);
  return CUTS.map((cut) => {
    const told = neither.filter(([, r]) => !possibleAt(r, { rights, neither: cut }).includes('neither')).length;
    return { cut, falseRights: told / Math.max(1, neither.length) };
  });
}

/** Recall target for decisions and MRNs (the target is 98 %; a margin for notices unlike the corpus). */
export const RECALL_TARGET = 0.985;
/** Outright false rights allowed (the target is 5 %). */
export const FALSE_RIGHTS_TARGET = 0.04;

/**
 * The most non-decisions (of those no phrase answered) that may be asked the question. A question asked of nearly
 * every message is noise: when a few decisions worded like nothing else (a long story of an MR told in passing)
 * would need the cut-off at 0.01, it stops where this share is asked instead.
 */
export const MAX_ASKED = 0.2;

/** The highest cut that still keeps the recall target (the fewest questions), else the best recall; never asking more than MAX_ASKED. */
export function chooseRightsCut(curve: RightsPoint[]): number {
  const meeting = curve.filter((p) => p.recall >= RECALL_TARGET);
  const cut = meeting.length ? meeting[meeting.length - 1]!.cut : curve.reduce((best, p) => (p.recall > best.recall ? p : best)).cut;
  const lowestAllowed = curve.find((p) => p.asked <= MAX_ASKED)?.cut ?? cut;
  return Math.max(cut, lowestAllowed);
}

/** The highest cut that keeps outright false rights under the target (a higher cut asks less often). */
export function chooseNeitherCut(curve: NeitherPoint[]): number {
  const meeting = curve.filter((p) => p.falseRights <= FALSE_RIGHTS_TARGET);
  return (meeting[meeting.length - 1] ?? curve[0]!).cut;
}

/** Kinds called "sure" must be right this often (else we show the likeliest kinds to pick from). */
export const KIND_PRECISION_TARGET = 0.95;

/** The lowest kind probability at which the kinds called "sure" are still right often enough. */
export function chooseKindCut(examples: Example[], recognitions: Recognition[]): number {
  for (let cut = 0.2; cut <= 0.951; cut += 0.05) {
    const sure = examples.map((e, i) => [e, recognitions[i]!] as const).filter(([, r]) => r.kindP >= cut);
    const right = sure.filter(([e, r]) => r.kind === e.kind).length;
    if (sure.length === 0 || right / sure.length >= KIND_PRECISION_TARGET) return Math.round(cut * 100) / 100;
  }
  return 0.95;
}

/**
 * Splits into folds this many ways. Each split picks its own cut-offs; the median counts. The rights cut-off rests
 * on the least likely decision no phrase caught, so with one split it moved with whichever fold that one notice
 * fell in (0.29 to 0.21 after five notices were added, asking a quarter more non-decisions).
 */
export const SPLITS = 5;

/** The middle value (of an odd count; SPLITS is odd). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The rights curve of one split, on the notices no decision phrase answered. */
function rightsCurveOf(examples: Example[], recognitions: Recognition[]): RightsPoint[] {
  // The rights cut only matters for the notices no decision phrase answered: it is chosen on those alone. (Counting
  // the ones the phrases answered would let better phrases raise the cut and ask less on wordings they miss.)
  const left = examples.map((e, i) => [e, recognitions[i]!] as const).filter(([, r]) => r.challenge.source !== 'rule');
  return rightsCurve(
    left.map(([e]) => e),
    left.map(([, r]) => r),
  );
}

/**
 * Cross-validates on several splits. The rights and kind cut-offs are the medians of the splits' choices; the
 * "neither" cut-off depends on the rights one, so each split chooses it again at the median rights cut-off, and
 * its median counts.
 */
export function calibrate(
  examples: Example[],
  config: TrainerConfig,
  strategy: Strategy,
  cache?: Map<string, Features>,
  splitCount = SPLITS,
  trainOnly: Example[] = [],
) {
  const features = cache ?? featurizeAll([...examples, ...trainOnly], config.features);
  const runs = Array.from({ length: splitCount }, (_, seed) => {
    const cv = crossValidate(examples, config, FOLDS, features, seed, trainOnly);
    const recognitions = outOfFold(examples, cv, strategy);
    const curve = rightsCurveOf(examples, recognitions);
    return { cv, recognitions, curve, rights: chooseRightsCut(curve), kind: chooseKindCut(examples, recognitions) };
  });
  const rights = median(runs.map((r) => r.rights));
  const neitherOf = runs.map((r) => chooseNeitherCut(neitherCurve(examples, r.recognitions, rights)));
  const thresholds = { kind: median(runs.map((r) => r.kind)), rights, neither: median(neitherOf) };
  // The figures are reported on the first split (the one README's history was measured on).
  return {
    cv: runs[0]!.cv,
    curve: runs[0]!.curve,
    thresholds,
    bySplit: runs.map((r, i) => ({ kind: r.kind, rights: r.rights, neither: neitherOf[i]! })),
  };
}

/**
 * One design fitted as the shipped model is: cut-offs chosen by cross-validation on the scored examples (the
 * kind-only texts in every fold's training, never scored), then one model trained on all of them.
 */
export function fitDesign(
  examples: Example[],
  config: TrainerConfig,
  strategy: Strategy,
  kindOnly: Example[] = [],
  cache: Map<string, Features> = featurizeAll([...examples, ...kindOnly], config.features),
) {
  const calibration = calibrate(examples, config, strategy, cache, SPLITS, kindOnly);
  const model = trainModel([...examples, ...kindOnly], { ...config, thresholds: calibration.thresholds }, cache);
  return { ...calibration, model };
}
