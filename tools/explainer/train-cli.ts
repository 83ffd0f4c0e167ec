// npm run train:explainer: retrains the recogniser from the corpus and
// writes src/shared/notices/model.generated.ts (same corpus, same file).
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildModelFile } from './build-model';
import { MODEL_FILE } from './model-file';

const started = Date.now();
const built = buildModelFile();
writeFileSync(MODEL_FILE, built.text);
const bytes = Buffer.byteLength(built.text);
console.log(
  `${MODEL_FILE}: ${built.examples} examples (+${built.kindOnly} for the kind only), cut-offs kind ${built.thresholds.kind} / rights ${built.thresholds.rights} / neither ${built.thresholds.neither}, ` +
    `${(bytes / 1024).toFixed(1)} KB (${(gzipSync(built.text).length / 1024).toFixed(1)} KB gzip), hash ${built.hash}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
