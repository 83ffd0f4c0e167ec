// Tries trainer settings on cross-validation (training corpus only, never the
// sealed set) and prints accuracy against model size:
//   npx tsx tools/explainer/sweep.ts '{"kind":{"l1":1}}' '{"features":{"bits":12}}' ...
import { gzipSync } from 'node:zlib';
import { explainWith } from '../../src/shared/notices/explain';
import { DEFAULT_STRATEGY } from '../../src/shared/notices/recognise';
import { fitDesign } from './calibrate';
import { loadKindOnly, loadTraining } from './corpus';
import { figures } from './metrics';
import { renderModelFile } from './model-file';
import { SHIPPED, type TrainerConfig } from './train';

function merge(base: TrainerConfig, patch: Record<string, unknown>): TrainerConfig {
  const out = structuredClone(base) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    out[key] = value && typeof value === 'object' && !Array.isArray(value) ? { ...(out[key] as object), ...value } : value;
  }
  return out as unknown as TrainerConfig;
}

const training = loadTraining(process.env.CORPUS ?? undefined);
// Trained as the shipped model is: with the kind-only texts (KIND_ONLY=0 leaves them out).
const kindOnly = process.env.KIND_ONLY === '0' ? [] : loadKindOnly(process.env.CORPUS ? `${process.env.CORPUS}/kind-only` : undefined);
for (const arg of process.argv.slice(2).length ? process.argv.slice(2) : ['{}']) {
  const started = Date.now();
  const config = merge(SHIPPED, JSON.parse(arg));
  const { cv, thresholds, model } = fitDesign(training, config, DEFAULT_STRATEGY, kindOnly);
  const results = training.map((e) => explainWith({ ...cv.models[cv.foldOf.get(e.id)!]!, thresholds }, e.text, { today: e.today }));
  const f = figures(training, results);
  const nz = (w: Int8Array) => w.reduce((n, x) => n + (x ? 1 : 0), 0);
  const gzip = gzipSync(renderModelFile(model, { hash: '-', examples: 0 })).length;
  console.log(
    `${arg}\n  kinds ${(f.kindAccuracy * 100).toFixed(1)}% (unsure ${(f.kindUnsure * 100).toFixed(0)}%, cut ${thresholds.kind})  rights ${(f.rightsRecall * 100).toFixed(1)}%  ` +
      `false ${(f.falseRights * 100).toFixed(1)}% outright ${(f.falseRightsOutright * 100).toFixed(1)}% (cuts ${thresholds.rights}/${thresholds.neither}, asked: rights ${(f.rightsAsked * 100).toFixed(0)}% neither ${(f.neitherAsked * 100).toFixed(0)}%)  top3 ${(f.kindTop3 * 100).toFixed(1)}%  deadlines ${(f.rightDeadlines * 100).toFixed(1)}%  ` +
      `nonzero ${nz(model.kind.weights)}+${nz(model.challenge.weights)}  ${(gzip / 1024).toFixed(1)} KB gzip  ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}
