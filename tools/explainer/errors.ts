// Lists the cross-validation mistakes of the shipped design on the training
// corpus (never the sealed set): npx tsx tools/explainer/errors.ts [kind|challenge|dates|rules]
import { explainWith } from '../../src/shared/notices/explain';
import { allCues } from '../../src/shared/notices/cues';
import { DEFAULT_STRATEGY } from '../../src/shared/notices/recognise';
import { calibrate, SPLITS } from './calibrate';
import { loadKindOnly, loadTraining } from './corpus';
import { featurizeAll, SHIPPED } from './train';

const what = process.argv[2] ?? 'challenge';
const training = loadTraining(process.env.CORPUS ?? undefined);
const clip = (text: string) => text.replace(/\s+/g, ' ').slice(0, 220);

if (what === 'rules') {
  // Every decision rule's hits on the training corpus, and the ones on notices labelled otherwise.
  const hits = new Map<string, { right: number; wrong: string[] }>();
  for (const e of training) {
    for (const cue of allCues(e.text)) {
      const h = hits.get(cue.rule) ?? { right: 0, wrong: [] };
      if (cue.answer === e.challenge) h.right++;
      else h.wrong.push(`${e.id} [${e.kind}/${e.challenge}] «${cue.words}» ${clip(e.text)}`);
      hits.set(cue.rule, h);
    }
  }
  for (const [rule, h] of [...hits].sort()) {
    console.log(`${rule}: ${h.right} right, ${h.wrong.length} wrong`);
    for (const w of h.wrong) console.log(`    ${w}`);
  }
} else {
  const kindOnly = loadKindOnly(process.env.CORPUS ? `${process.env.CORPUS}/kind-only` : undefined);
  const cache = featurizeAll([...training, ...kindOnly], SHIPPED.features);
  const { cv, thresholds } = calibrate(training, SHIPPED, DEFAULT_STRATEGY, cache, SPLITS, kindOnly);
  for (const e of training) {
    const r = explainWith({ ...cv.models[cv.foldOf.get(e.id)!]!, thresholds }, e.text, { today: e.today });
    if (what === 'kind' && r.kind !== e.kind) {
      console.log(`${e.id} ${e.kind} -> ${r.kind} (${r.confidence}; ${r.kindCandidates.join(', ')})\n    ${clip(e.text)}`);
    }
    // Recognised as a decision or an MRN, but the deadline's date is not the labelled one.
    if (what === 'dates' && e.challenge !== 'neither' && r.challenge.possible.includes(e.challenge)) {
      const expected = e.challenge === 'decision' ? 'mandatory-reconsideration' : 'appeal';
      const got = r.deadlines.find((d) => d.id === expected)?.date;
      if (e.deadlines[expected] !== got) {
        console.log(`${e.id} [${e.challenge}] ${expected} want ${e.deadlines[expected]} got ${got ?? 'none'} (today ${e.today})\n    ${clip(e.text)}`);
      }
    }
    if (
      (what === 'challenge' && !r.challenge.possible.includes(e.challenge)) ||
      (what === 'challenge' && e.challenge === 'neither' && r.challenge.possible.some((c) => c !== 'neither'))
    ) {
      const p = Object.entries(r.challenge.p)
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(' ');
      console.log(
        `${e.id} [${e.kind}] ${e.challenge} -> ${r.challenge.possible.join('/')} via ${r.challenge.rule ?? 'model'} «${r.challenge.cue ?? ''}» (${p})\n    ${clip(e.text)}`,
      );
    }
  }
}
