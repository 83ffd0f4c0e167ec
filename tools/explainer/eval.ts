// npm run eval:explainer: how well each design recognises notices it never saw.
//
// 1. Grouped 5-fold cross-validation over the training corpus and the unit
//    fixtures (folds split by family): each fold's model explains the notices
//    it was not trained on, with cut-offs chosen on the out-of-fold answers.
// 2. The sealed set, explained by a model trained on all non-sealed data with
//    the cut-offs from step 1. Only aggregate figures are printed for it.
//
// Options: --only=<variant> (one design), --no-sealed, --json=<path>.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { explainWith } from '../../src/shared/notices/explain';
import type { Features } from '../../src/shared/notices/features';
import type { RecogniserModel } from '../../src/shared/notices/model';
import { DEFAULT_STRATEGY, type Strategy } from '../../src/shared/notices/recognise';
import type { Challenge, NoticeExplanation, NoticeKind } from '../../src/shared/notices/types';
import { baselineChallenge, classify, normalise } from './baseline';
import { fitDesign, type RightsPoint } from './calibrate';
import { loadKindOnly, loadSealed, loadTraining, type Example } from './corpus';
import { figures, headline, type Figures } from './metrics';
import { MODEL_FILE, renderModelFile } from './model-file';
import { featurizeAll, SHIPPED, type TrainerConfig } from './train';

interface Variant {
  name: string;
  about: string;
  /** null: the old hand-weighted rules (no training). */
  config: TrainerConfig | null;
  strategy: Strategy;
  /** false: trained on the corpus alone, without tests/corpus/kind-only/. */
  kindOnly?: boolean;
}

const NB = { kind: 'nb', smoothing: 0.1 } as const;

export const VARIANTS: Variant[] = [
  { name: 'rules', about: "today's classifier: weighted key phrases; decision follows the kind", config: null, strategy: DEFAULT_STRATEGY },
  {
    name: 'nb',
    about: 'naive Bayes for both questions, no rules',
    config: { ...SHIPPED, kind: NB, challenge: NB },
    strategy: { cues: false, challengeModel: true },
  },
  { name: 'nb+cues', about: 'naive Bayes, decision phrases first', config: { ...SHIPPED, kind: NB, challenge: NB }, strategy: DEFAULT_STRATEGY },
  { name: 'lr', about: 'logistic regression for both questions, no rules', config: SHIPPED, strategy: { cues: false, challengeModel: true } },
  {
    name: 'lr-kind+cues-only',
    about: 'logistic regression for the kind; decisions from phrases only',
    config: SHIPPED,
    strategy: { cues: true, challengeModel: false },
  },
  {
    name: 'lr+cues-corpus-only',
    about: 'the shipped design trained on the corpus alone (no kind-only texts)',
    config: SHIPPED,
    strategy: DEFAULT_STRATEGY,
    kindOnly: false,
  },
  { name: 'lr+cues', about: 'logistic regression, decision phrases first (shipped)', config: SHIPPED, strategy: DEFAULT_STRATEGY },
];

type Explainer = (e: Example) => NoticeExplanation;

function explainer(model: RecogniserModel<NoticeKind, Challenge>, variant: Variant): Explainer {
  if (!variant.config) {
    return (e) => {
      const kind = classify(normalise(e.text)).kind;
      return explainWith(model, e.text, { today: e.today, kind, challenge: baselineChallenge(kind, e.text) });
    };
  }
  return (e) => explainWith(model, e.text, { today: e.today }, variant.strategy);
}

interface VariantResult {
  name: string;
  about: string;
  thresholds?: RecogniserModel['thresholds'];
  cv: Figures;
  /** Cross-validation figures on the public quotes alone (what real users paste). */
  cvReal?: Figures;
  sealed?: ReturnType<typeof headline>;
  size?: { raw: number; gzip: number };
  curve?: RightsPoint[];
  seconds: number;
}

function runVariant(variant: Variant, training: Example[], sealed: Example[], caches: Map<string, Map<string, Features>>, allKindOnly: Example[]): VariantResult {
  const started = Date.now();
  const kindOnly = variant.kindOnly === false ? [] : allKindOnly;
  const config = variant.config ?? SHIPPED;
  const key = JSON.stringify(config.features);
  if (!caches.has(key)) caches.set(key, featurizeAll([...training, ...allKindOnly, ...sealed], config.features));
  const cache = caches.get(key)!;

  const { cv, curve, thresholds, model } = fitDesign(training, config, variant.strategy, kindOnly, cache);
  const oof = training.map((e) => explainer({ ...cv.models[cv.foldOf.get(e.id)!]!, thresholds }, variant)(e));
  const result: VariantResult = { name: variant.name, about: variant.about, cv: figures(training, oof), seconds: 0 };
  const real = training.map(isPublicQuote);
  if (real.includes(true))
    result.cvReal = figures(
      training.filter((_, i) => real[i]),
      oof.filter((_, i) => real[i]),
    );
  if (variant.config) {
    result.thresholds = thresholds;
    result.curve = curve;
  }
  if (variant.config) {
    const text = renderModelFile(model, { hash: '-', examples: training.length });
    result.size = { raw: Buffer.byteLength(text), gzip: gzipSync(text).length };
  }
  if (sealed.length) result.sealed = headline(figures(sealed, sealed.map(explainer(model, variant))));
  result.seconds = Math.round((Date.now() - started) / 100) / 10;
  return result;
}

/** Public quotes (real-NNN ids): real journal messages and letters, not text we wrote. */
const isPublicQuote = (e: Example) => e.origin === 'corpus' && e.id.startsWith('real-');

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);

function printFigures(label: string, f: ReturnType<typeof headline>) {
  console.log(
    `  ${label.padEnd(7)} kinds ${pct(f.kindAccuracy)} (unsure ${pct(f.kindUnsure)})  rights given ${pct(f.rightsRecall)} ` +
      `[decision ${pct(f.decisionRecall)}, MRN ${pct(f.mrnRecall)}; outright ${pct(f.rightsRecallSure)}]  ` +
      `false rights ${pct(f.falseRights)} [outright ${pct(f.falseRightsOutright)}]  right deadlines ${pct(f.rightDeadlines)}  ` +
      `asked (b): decisions ${pct(f.rightsAsked)}, neither ${pct(f.neitherAsked)}  kind in top 3 ${pct(f.kindTop3)}  n=${f.examples}`,
  );
}

function main() {
  const args = process.argv.slice(2);
  const only = args.find((a) => a.startsWith('--only='))?.slice(7);
  const noSealed = args.includes('--no-sealed');
  const jsonPath = args.find((a) => a.startsWith('--json='))?.slice(7) ?? '.reports/explainer-eval.json';
  const training = loadTraining();
  const kindOnly = loadKindOnly();
  const sealed = noSealed ? [] : loadSealed();
  const c = (x: Example[], ch: string) => x.filter((e) => e.challenge === ch).length;
  console.log(
    `Training corpus + fixtures: ${training.length} notices in ${new Set(training.map((e) => e.family)).size} families ` +
      `(${c(training, 'decision')} decisions, ${c(training, 'mrn')} MRNs, ${c(training, 'neither')} neither). Sealed: ${sealed.length}. Kind only (trained on, never scored): ${kindOnly.length}.`,
  );
  const caches = new Map<string, Map<string, Features>>();
  const results: VariantResult[] = [];
  for (const variant of VARIANTS.filter((v) => !only || v.name === only)) {
    const r = runVariant(variant, training, sealed, caches, kindOnly);
    results.push(r);
    console.log(
      `\n${r.name}: ${r.about}${r.thresholds ? ` (cut-offs: kind ${r.thresholds.kind}, rights ${r.thresholds.rights}, neither ${r.thresholds.neither})` : ''} [${r.seconds} s]`,
    );
    printFigures('CV', headline(r.cv));
    if (r.cvReal) printFigures('CV real', headline(r.cvReal));
    if (r.sealed) printFigures('sealed', r.sealed);
    if (r.size) console.log(`  model ${(r.size.raw / 1024).toFixed(1)} KB, ${(r.size.gzip / 1024).toFixed(1)} KB gzip`);
  }

  const shipped = results.find((r) => r.name === 'lr+cues') ?? results[results.length - 1]!;
  console.log(`\nPer kind, ${shipped.name}, cross-validation (precision / recall / notices):`);
  for (const [kind, k] of Object.entries(shipped.cv.perKind))
    console.log(`  ${kind.padEnd(34)} ${pct(k.precision)} ${pct(k.recall)} ${String(k.support).padStart(4)}`);
  console.log(`Top confusions (expected -> got), cross-validation:`);
  for (const c of shipped.cv.confusions.slice(0, 10)) console.log(`  ${String(c.count).padStart(3)}  ${c.expected} -> ${c.got}`);
  const shippedFile = readFileSync(MODEL_FILE, 'utf8');
  console.log(`Shipped ${MODEL_FILE}: ${Buffer.byteLength(shippedFile)} bytes, ${gzipSync(shippedFile).length} bytes gzip.`);

  mkdirSync('.reports', { recursive: true });
  writeFileSync(
    jsonPath,
    JSON.stringify(
      {
        command: 'npm run eval:explainer',
        training: training.length,
        sealed: sealed.length,
        shippedModelBytes: { raw: Buffer.byteLength(shippedFile), gzip: gzipSync(shippedFile).length },
        variants: results,
      },
      null,
      2,
    ),
  );
  console.log(`Report: ${jsonPath}`);
}

main();
