// Trains the recogniser's two linear heads from labelled examples.
// Deterministic: examples are sorted by id, shuffles use a seeded generator,
// and the arithmetic runs in a fixed order, so the same corpus gives the
// same weights byte for byte.
import type { FeatureConfig, Features } from '../../src/shared/notices/features';
import { noticeFeatures } from '../../src/shared/notices/recognise';
import { seededRandom } from '../../tests/support/seeded-random';
import { findCue } from '../../src/shared/notices/cues';
import type { LinearHead, RecogniserModel } from '../../src/shared/notices/model';
import { CHALLENGES, NOTICE_KINDS, type Challenge, type NoticeKind } from '../../src/shared/notices/types';

export interface Labelled<C extends string> {
  id: string;
  features: Features;
  label: C;
}

export interface LrOptions {
  kind: 'lr';
  epochs: number;
  /** FTRL-proximal learning rate and its smoothing. */
  alpha: number;
  beta: number;
  /** L1 makes most weights exactly 0 (a small file); L2 keeps the rest modest. */
  l1: number;
  l2: number;
  /** Examples of rare classes count more: weight = (largest class / this class) ^ power. */
  balance: number;
  seed: number;
}

export interface NbOptions {
  kind: 'nb';
  /** Additive smoothing. */
  smoothing: number;
}

export interface CnbOptions {
  kind: 'cnb';
  /** Additive smoothing of the complement counts. */
  smoothing: number;
}

/** Logistic regression and (complement) naive Bayes over the same features, their scores added: still one linear head. */
export interface EnsembleOptions {
  kind: 'ens';
  lr: LrOptions;
  nb: NbOptions | CnbOptions;
  /** Weight of the naive Bayes scores against logistic regression's. */
  mix: number;
}

export type HeadOptions = LrOptions | NbOptions | CnbOptions | EnsembleOptions;

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface FloatHead {
  weights: Float64Array;
  bias: Float64Array;
}

/** Multinomial logistic regression by FTRL-proximal (per-weight learning rates, L1 for sparsity). */
function trainLr<C extends string>(examples: Labelled<C>[], classes: readonly C[], size: number, o: LrOptions): FloatHead {
  const k = classes.length;
  const z = new Float64Array(size * k);
  const n = new Float64Array(size * k);
  const bias = new Float64Array(k);
  const biasN = new Float64Array(k);
  const counts = classes.map((c) => examples.filter((e) => e.label === c).length);
  const most = Math.max(...counts);
  const weightOf = classes.map((_, c) => (counts[c]! > 0 ? (most / counts[c]!) ** o.balance : 0));
  const labelIndex = new Map(classes.map((c, i) => [c, i]));
  const random = seededRandom(o.seed);
  const weightAt = (j: number) => {
    const zj = z[j]!;
    if (Math.abs(zj) <= o.l1) return 0;
    return -(zj - Math.sign(zj) * o.l1) / ((o.beta + Math.sqrt(n[j]!)) / o.alpha + o.l2);
  };
  const scores = new Float64Array(k);
  let w = new Float64Array(0);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const example of shuffled(examples, random)) {
      const { index, value } = example.features;
      if (w.length < index.length * k) w = new Float64Array(index.length * k);
      scores.set(bias);
      for (let i = 0; i < index.length; i++) {
        const row = index[i]! * k;
        for (let c = 0; c < k; c++) {
          const wc = weightAt(row + c);
          w[i * k + c] = wc;
          scores[c] = scores[c]! + wc * value[i]!;
        }
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, scores[c]!);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += scores[c] = Math.exp(scores[c]! - max);
      const y = labelIndex.get(example.label)!;
      const weight = weightOf[y]!;
      for (let c = 0; c < k; c++) {
        const g = (scores[c]! / sum - (c === y ? 1 : 0)) * weight;
        if (g === 0) continue;
        for (let i = 0; i < index.length; i++) {
          const j = index[i]! * k + c;
          const gi = g * value[i]!;
          const sigma = (Math.sqrt(n[j]! + gi * gi) - Math.sqrt(n[j]!)) / o.alpha;
          z[j] = z[j]! + gi - sigma * w[i * k + c]!;
          n[j] = n[j]! + gi * gi;
        }
        biasN[c] = biasN[c]! + g * g;
        bias[c] = bias[c]! - (o.alpha / (o.beta + Math.sqrt(biasN[c]!))) * g;
      }
    }
  }
  const weights = new Float64Array(size * k);
  for (let j = 0; j < weights.length; j++) weights[j] = weightAt(j);
  return { weights, bias };
}

/** Multinomial naive Bayes over present/absent features (log probabilities, centred per bucket). */
function trainNb<C extends string>(examples: Labelled<C>[], classes: readonly C[], size: number, o: NbOptions): FloatHead {
  const k = classes.length;
  const counts = new Float64Array(size * k);
  const totals = new Float64Array(k);
  const docs = new Float64Array(k);
  const labelIndex = new Map(classes.map((c, i) => [c, i]));
  for (const example of examples) {
    const y = labelIndex.get(example.label)!;
    docs[y] = docs[y]! + 1;
    for (let i = 0; i < example.features.index.length; i++) {
      const j = example.features.index[i]! * k + y;
      counts[j] = counts[j]! + 1;
      totals[y] = totals[y]! + 1;
    }
  }
  const weights = new Float64Array(size * k);
  for (let f = 0; f < size; f++) {
    let mean = 0;
    for (let c = 0; c < k; c++) {
      const p = Math.log((counts[f * k + c]! + o.smoothing) / (totals[c]! + o.smoothing * size));
      weights[f * k + c] = p;
      mean += p / k;
    }
    for (let c = 0; c < k; c++) weights[f * k + c] = weights[f * k + c]! - mean;
  }
  // predict() divides by the square root of the feature count; NB wants plain sums, so this is a tempered NB.
  const bias = new Float64Array(k);
  for (let c = 0; c < k; c++) bias[c] = Math.log((docs[c]! + 1) / (examples.length + k));
  return { weights, bias };
}

/**
 * Complement naive Bayes (Rennie et al. 2003): each class is scored by how unlike the *other* classes the
 * features are, which copes better with classes of very different sizes. Weights are centred per bucket.
 */
function trainCnb<C extends string>(examples: Labelled<C>[], classes: readonly C[], size: number, o: CnbOptions): FloatHead {
  const k = classes.length;
  const counts = new Float64Array(size * k);
  const totals = new Float64Array(k);
  const labelIndex = new Map(classes.map((c, i) => [c, i]));
  for (const example of examples) {
    const y = labelIndex.get(example.label)!;
    for (let i = 0; i < example.features.index.length; i++) {
      const j = example.features.index[i]! * k + y;
      const v = example.features.value[i]!;
      counts[j] = counts[j]! + v;
      totals[y] = totals[y]! + v;
    }
  }
  let all = 0;
  for (let c = 0; c < k; c++) all += totals[c]!;
  const weights = new Float64Array(size * k);
  for (let f = 0; f < size; f++) {
    let row = 0;
    for (let c = 0; c < k; c++) row += counts[f * k + c]!;
    if (row === 0) continue;
    let mean = 0;
    for (let c = 0; c < k; c++) {
      const complement = row - counts[f * k + c]!;
      const w = -Math.log((complement + o.smoothing) / (all - totals[c]! + o.smoothing * size));
      weights[f * k + c] = w;
      mean += w / k;
    }
    for (let c = 0; c < k; c++) weights[f * k + c] = weights[f * k + c]! - mean;
  }
  return { weights, bias: new Float64Array(k) };
}

function trainFloat<C extends string>(examples: Labelled<C>[], classes: readonly C[], size: number, options: HeadOptions): FloatHead {
  switch (options.kind) {
    case 'lr':
      return trainLr(examples, classes, size, options);
    case 'nb':
      return trainNb(examples, classes, size, options);
    case 'cnb':
      return trainCnb(examples, classes, size, options);
    case 'ens': {
      const lr = trainLr(examples, classes, size, options.lr);
      const nb = trainFloat(examples, classes, size, options.nb);
      const weights = new Float64Array(lr.weights.length);
      for (let j = 0; j < weights.length; j++) weights[j] = lr.weights[j]! + options.mix * nb.weights[j]!;
      const bias = new Float64Array(lr.bias.length);
      for (let c = 0; c < bias.length; c++) bias[c] = lr.bias[c]! + options.mix * nb.bias[c]!;
      return { weights, bias };
    }
  }
}

/** 8-bit weights: one scale per head, rounded to the nearest step. */
export function quantise<C extends string>(head: FloatHead, classes: readonly C[]): LinearHead<C> {
  let max = 0;
  for (const w of head.weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 127 : 1;
  const weights = new Int8Array(head.weights.length);
  for (let j = 0; j < weights.length; j++) weights[j] = Math.round(head.weights[j]! / scale);
  return { classes, bias: Float32Array.from(head.bias), weights, scale: Math.fround(scale) };
}

export function trainHead<C extends string>(examples: Labelled<C>[], classes: readonly C[], size: number, options: HeadOptions): LinearHead<C> {
  const sorted = examples.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const head = trainFloat(sorted, classes, size, options);
  return quantise(head, classes);
}

export interface TrainingExample {
  id: string;
  text: string;
  kind: NoticeKind;
  challenge: Challenge;
  /** Teaches the kind head only (question (a)); question (b) and the kinds' answer rates never see it. */
  kindOnly?: boolean;
}

export interface TrainerConfig {
  features: FeatureConfig;
  kind: HeadOptions;
  challenge: HeadOptions;
  /** Train question (b) only on notices no decision phrase settles (the ones the model will be asked about). */
  challengeResidual: boolean;
  kindMix: number;
  thresholds: RecogniserModel['thresholds'];
}

/** The settings the shipped model is trained with (chosen on cross-validation, see tools/explainer/eval.ts). */
export const SHIPPED: TrainerConfig = {
  features: { bits: 13, charGrams: [3, 4, 5], wordGrams: [1, 2], cueWeight: 0.3, clueWeight: 0.3 },
  kind: { kind: 'lr', epochs: 12, alpha: 1, beta: 1, l1: 3, l2: 0.01, balance: 1, seed: 1 },
  challenge: { kind: 'lr', epochs: 20, alpha: 1, beta: 1, l1: 0.15, l2: 0.01, balance: 0.5, seed: 2 },
  challengeResidual: false,
  kindMix: 0.5,
  thresholds: { kind: 0.5, rights: 0.2, neither: 0.2 },
};

/** Features once per text: the heads and the cross-validation folds share them. */
export function featurizeAll(examples: TrainingExample[], features: FeatureConfig): Map<string, Features> {
  return new Map(examples.map((e) => [e.id, noticeFeatures(e.text, features).features]));
}

export function trainModel(
  examples: TrainingExample[],
  config: TrainerConfig = SHIPPED,
  cache: Map<string, Features> = featurizeAll(examples, config.features),
): RecogniserModel<NoticeKind, Challenge> {
  const size = 1 << config.features.bits;
  const kinds = NOTICE_KINDS.filter((kind) => examples.some((e) => e.kind === kind));
  const both = examples.filter((e) => !e.kindOnly);
  const forChallenge = config.challengeResidual ? both.filter((e) => !findCue(e.text)) : both;
  // How often each kind was each answer, smoothed towards "decision" being possible.
  const challengeOfKind = kinds.map((kind) => {
    const of = both.filter((e) => e.kind === kind);
    return CHALLENGES.map((c) => (of.filter((e) => e.challenge === c).length + 0.5) / (of.length + 1.5));
  });
  return {
    features: config.features,
    challengeOfKind,
    kindMix: config.kindMix,
    kind: trainHead(
      examples.map((e) => ({ id: e.id, features: cache.get(e.id)!, label: e.kind })),
      kinds,
      size,
      config.kind,
    ),
    challenge: trainHead(
      forChallenge.map((e) => ({ id: e.id, features: cache.get(e.id)!, label: e.challenge })),
      CHALLENGES,
      size,
      config.challenge,
    ),
    thresholds: config.thresholds,
  };
}
