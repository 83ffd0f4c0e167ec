// Measures the SHIPPED model (src/shared/notices/model.generated.ts, as the app
// runs it) on the records of one or more corpus JSON files, and prints each
// record's outcome. Used for the held-out figure on real quotes never trained
// on (tests/corpus/heldout/, see tests/corpus/README.md).
//
//   npx tsx tools/explainer/eval-file.ts tests/corpus/heldout/real2.json [--quiet]
import { explainNotice } from '../../src/shared/notices/explain';
import { MODEL_HASH } from '../../src/shared/notices/model.generated';
import { loadCorpusFile, type Example } from './corpus';
import { figures } from './metrics';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: npx tsx tools/explainer/eval-file.ts <corpus.json>... [--quiet]');
  process.exit(2);
}
const examples: Example[] = files.flatMap(loadCorpusFile);
const results = examples.map((e) => explainNotice(e.text, { today: e.today }));
if (!quiet) {
  examples.forEach((e, i) => {
    const r = results[i]!;
    const rights = r.deadlines.filter((d) => d.id === 'mandatory-reconsideration' || d.id === 'appeal').map((d) => `${d.id} ${d.date}`);
    const ok = r.kind === e.kind ? 'ok ' : 'NO ';
    console.log(
      `${ok} ${e.id.padEnd(9)} expected ${e.kind}/${e.challenge}  got ${r.kind}${r.confidence === 'high' ? '' : '?'}/` +
        `${r.challenge.answer}${r.challenge.sure ? '' : '?'}  rights: ${rights.join(', ') || 'none'}`,
    );
  });
}
const f = figures(examples, results);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const n = (share: number, of: number) => `${Math.round(share * of)}/${of}`;
const rightsOf = f.counts.decision + f.counts.mrn;
console.log(
  `\nShipped model ${MODEL_HASH} on ${files.join(', ')}: ${f.examples} texts ` +
    `(${f.counts.decision} decisions, ${f.counts.mrn} MRNs, ${f.counts.neither} neither)`,
);
console.log(`  right kind                     ${pct(f.kindAccuracy)} (${n(f.kindAccuracy, f.examples)}); in top 3 ${pct(f.kindTop3)}`);
console.log(`  decisions/MRNs given deadline  ${pct(f.rightsRecall)} (${n(f.rightsRecall, rightsOf)}); outright ${pct(f.rightsRecallSure)}`);
console.log(`  false MR/appeal deadlines      ${pct(f.falseRights)} (${n(f.falseRights, f.counts.neither)}); outright ${pct(f.falseRightsOutright)}`);
console.log(`  every deadline right           ${pct(f.rightDeadlines)} (${n(f.rightDeadlines, f.examples)})`);
