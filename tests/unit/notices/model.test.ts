// The shipped model: up to date with the corpus and the trainer, reproducible,
// stored without loss, and small.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { decodeModel } from '../../../src/shared/notices/model';
import { MODEL, MODEL_HASH } from '../../../src/shared/notices/model.generated';
import { crossValidate } from '../../../tools/explainer/calibrate';
import { loadKindOnly, loadTraining } from '../../../tools/explainer/corpus';
import { encodeWeights, inputsHash, MODEL_FILE, renderModelFile, storeModel } from '../../../tools/explainer/model-file';
import { SHIPPED, trainModel } from '../../../tools/explainer/train';

describe('the shipped recogniser model', () => {
  it('was trained from the current corpus, fixtures and trainer (else run `npm run train:explainer`)', () => {
    expect(MODEL_HASH, 'src/shared/notices/model.generated.ts is stale: run `npm run train:explainer` and commit it').toBe(inputsHash());
  });

  it('trains to the same bytes from the same examples', () => {
    const examples = loadTraining().filter((_, i) => i % 8 === 0);
    const config = { ...SHIPPED, kind: { ...SHIPPED.kind, epochs: 3 }, challenge: { ...SHIPPED.challenge, epochs: 3 } };
    const first = renderModelFile(trainModel(examples, config), { hash: 'x', examples: examples.length });
    const second = renderModelFile(trainModel([...examples].reverse(), config), { hash: 'x', examples: examples.length });
    expect(second).toBe(first);
  });

  it('learns the kind alone from the kind-only texts, and never scores them', () => {
    const examples = loadTraining().filter((_, i) => i % 8 === 0);
    const kindOnly = loadKindOnly().filter((_, i) => i % 8 === 0);
    expect(kindOnly.length).toBeGreaterThan(100);
    expect(kindOnly.every((e) => e.kindOnly && e.origin === 'kind-only')).toBe(true);
    const config = { ...SHIPPED, kind: { ...SHIPPED.kind, epochs: 3 }, challenge: { ...SHIPPED.challenge, epochs: 3 } };
    const alone = trainModel(examples, config);
    const withThem = trainModel([...examples, ...kindOnly], config);
    // Question (b) and the kinds' answer rates are the corpus's alone; the kind head learns from both.
    expect(withThem.challenge.weights).toEqual(alone.challenge.weights);
    expect(withThem.challenge.bias).toEqual(alone.challenge.bias);
    expect(withThem.challengeOfKind).toEqual(alone.challengeOfKind);
    expect(withThem.kind.weights).not.toEqual(alone.kind.weights);
    // Cross-validation puts them in no fold: each fold's model trains on them, none is scored.
    const cv = crossValidate(examples, config, 3, undefined, 0, kindOnly);
    expect([...cv.foldOf.keys()].sort()).toEqual(examples.map((e) => e.id).sort());
  });

  it('keeps every weight when stored and loaded again', () => {
    const again = decodeModel(storeModel(MODEL));
    expect(again.kind.weights).toEqual(MODEL.kind.weights);
    expect(again.challenge.weights).toEqual(MODEL.challenge.weights);
    expect(encodeWeights(new Int8Array([0, 0, 5, 0, -128, 127, 0]))).toBe(encodeWeights(new Int8Array([0, 0, 5, 0, -128, 127, 0])));
    const sparse = new Int8Array(70000);
    sparse[3] = -7;
    sparse[69999] = 100;
    const head = decodeModel({ ...storeModel(MODEL), kind: { classes: ['a'], bias: [0], scale: 1, buckets: 70000, weights: encodeWeights(sparse) } }).kind;
    expect(head.weights).toEqual(sparse);
  });

  it('knows all 22 kinds and stays small (it loads with the Explain screen)', () => {
    expect(MODEL.kind.classes).toHaveLength(22);
    const file = readFileSync(MODEL_FILE);
    console.log(`model: ${file.length} bytes, ${gzipSync(file).length} bytes gzip`);
    expect(gzipSync(file).length).toBeLessThan(60 * 1024);
  });
});
