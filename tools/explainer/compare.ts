// Compares recogniser designs on grouped 5-fold cross-validation of the
// training corpus (never the sealed set) and prints one row each: the table
// in README (explainer section). npx tsx tools/explainer/compare.ts [name ...]
import { appendFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { explainWith } from '../../src/shared/notices/explain';
import { DEFAULT_STRATEGY, type Strategy } from '../../src/shared/notices/recognise';
import { fitDesign } from './calibrate';
import { loadKindOnly, loadTraining } from './corpus';
import { figures } from './metrics';
import { renderModelFile } from './model-file';
import { SHIPPED, type HeadOptions, type TrainerConfig } from './train';

const LR = SHIPPED.kind as Extract<HeadOptions, { kind: 'lr' }>;
const CNB = { kind: 'cnb', smoothing: 0.05 } as const;
const NB = { kind: 'nb', smoothing: 0.1 } as const;
const f = SHIPPED.features;

export const ALTERNATIVES: Record<string, { about: string; config: TrainerConfig; strategy?: Strategy }> = {
  previous: {
    about: 'previous shipped: LR, words + pairs + char 3-5 + decision phrases, class weights ^0.5',
    config: { ...SHIPPED, features: { ...f, clueWeight: 0 }, kind: { ...LR, balance: 0.5 } },
  },
  'words-only': { about: 'LR, words + pairs only', config: { ...SHIPPED, features: { ...f, charGrams: [], cueWeight: 0, clueWeight: 0 } } },
  'words+char': { about: 'LR, words + pairs + char 3-5', config: { ...SHIPPED, features: { ...f, cueWeight: 0, clueWeight: 0 } } },
  'words+char+cues': { about: 'LR, + decision phrases as features', config: { ...SHIPPED, features: { ...f, clueWeight: 0 } } },
  shipped: { about: 'LR, + decision phrases + kind key phrases as features, class weights 1/size (shipped)', config: SHIPPED },
  'no-balance': { about: 'shipped, no class weights', config: { ...SHIPPED, kind: { ...LR, balance: 0 } } },
  'balance-0.5': { about: 'shipped, class weights ^0.5', config: { ...SHIPPED, kind: { ...LR, balance: 0.5 } } },
  'l1-0.5': { about: 'shipped, weaker L1 (0.5)', config: { ...SHIPPED, kind: { ...LR, l1: 0.5 } } },
  'l1-3': { about: 'shipped, stronger L1 (3)', config: { ...SHIPPED, kind: { ...LR, l1: 3 } } },
  cnb: { about: 'complement naive Bayes for the kind (same features)', config: { ...SHIPPED, kind: CNB } },
  nb: { about: 'multinomial naive Bayes for the kind (same features)', config: { ...SHIPPED, kind: NB } },
  ensemble: {
    about: 'ensemble: LR + 0.5 x complement NB scores, summed into one linear head',
    config: { ...SHIPPED, kind: { kind: 'ens', lr: LR, nb: CNB, mix: 0.5 } },
  },
  'challenge-own': { about: 'shipped, decision question by its own classifier (phrases + model, no kind prior)', config: { ...SHIPPED, kindMix: 0 } },
  'challenge-phrases-only': { about: 'shipped, decision question from decision phrases only', config: SHIPPED, strategy: { cues: true, challengeModel: false } },
};

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const training = loadTraining();
// Trained as the shipped model is: with the kind-only texts (KIND_ONLY=0 leaves them out).
const kindOnly = process.env.KIND_ONLY === '0' ? [] : loadKindOnly();
const out = process.env.OUT ?? '.reports/explainer-compare.tsv';
const extra = process.env.PATCH ? (JSON.parse(process.env.PATCH) as Record<string, TrainerConfig>) : {};
for (const name of process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(ALTERNATIVES)) {
  const started = Date.now();
  const alt = ALTERNATIVES[name] ?? { about: name, config: extra[name]! };
  const strategy = alt.strategy ?? DEFAULT_STRATEGY;
  const { cv, thresholds, model } = fitDesign(training, alt.config, strategy, kindOnly);
  const results = training.map((e) => explainWith({ ...cv.models[cv.foldOf.get(e.id)!]!, thresholds }, e.text, { today: e.today }, strategy));
  const fig = figures(training, results);
  const gzip = gzipSync(renderModelFile(model, { hash: '-', examples: 0 })).length;
  const row = [
    name,
    alt.about,
    pct(fig.kindAccuracy),
    pct(fig.kindTop3),
    pct(fig.rightsRecall),
    pct(fig.falseRights),
    pct(fig.falseRightsOutright),
    `${(gzip / 1024).toFixed(1)} KB`,
    `${Math.round((Date.now() - started) / 1000)} s`,
  ];
  console.log(row.join('\t'));
  appendFileSync(out, row.join('\t') + '\n');
}
