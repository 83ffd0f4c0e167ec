// Training from the corpus to the text of src/shared/notices/model.generated.ts:
// cross-validate to choose the "not sure" cut-offs, then train on everything.
import { DEFAULT_STRATEGY } from '../../src/shared/notices/recognise';
import { fitDesign } from './calibrate';
import { loadKindOnly, loadTraining } from './corpus';
import { inputsHash, renderModelFile } from './model-file';
import { SHIPPED } from './train';

export function buildModelFile(): { text: string; hash: string; examples: number; kindOnly: number; thresholds: { kind: number; rights: number; neither: number } } {
  const examples = loadTraining();
  const kindOnly = loadKindOnly();
  const { thresholds, bySplit, model } = fitDesign(examples, SHIPPED, DEFAULT_STRATEGY, kindOnly);
  console.log(`cut-offs of each split: ${bySplit.map((t) => `${t.kind}/${t.rights}/${t.neither}`).join(', ')}`);
  const hash = inputsHash();
  return { text: renderModelFile(model, { hash, examples: examples.length }), hash, examples: examples.length, kindOnly: kindOnly.length, thresholds };
}
