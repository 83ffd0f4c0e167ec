// Loads the corpus JSON files. Used by the validator and the counts script
// (the recogniser's training and evaluation scripts can use it too).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRecord } from './blocks';

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The training / cross-validation set: tests/corpus/*.json (real.json and written-*.json). */
export function loadTraining(dir = CORPUS_DIR): Array<CorpusRecord & { file: string }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as CorpusRecord[]).map((r) => ({ ...r, file: f })));
}

/** The sealed test set. Only the evaluation may read it; never tune on it. */
export function loadSealed(dir = CORPUS_DIR): Array<CorpusRecord & { file: string }> {
  const path = join(dir, 'sealed', 'sealed.json');
  if (!existsSync(path)) return [];
  return (JSON.parse(readFileSync(path, 'utf8')) as CorpusRecord[]).map((r) => ({ ...r, file: 'sealed/sealed.json' }));
}

/** The records of a subfolder (empty when it does not exist): 'kind-only' (texts that teach the kind head only, never
 * scored) or 'heldout' (public quotes measured by eval-file.ts, never trained on). */
export function loadFolder(name: 'kind-only' | 'heldout'): Array<CorpusRecord & { file: string }> {
  const dir = join(CORPUS_DIR, name);
  return existsSync(dir) ? loadTraining(dir) : [];
}
