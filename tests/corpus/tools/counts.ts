// Counts per kind, challenge and source type, for the training set and the sealed set.
//   npx tsx tests/corpus/tools/counts.ts            print the tables
//   npx tsx tests/corpus/tools/counts.ts --readme   also write them into tests/corpus/README.md (between the markers)
// The sealed set is counted only by kind/challenge/source: nothing of its text is printed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOTICE_KINDS } from '../../../src/shared/notices/types';
import { CORPUS_DIR, loadSealed, loadTraining } from './load';
import type { CorpusRecord } from './blocks';

const training = loadTraining();
const sealed = loadSealed();
const CH = ['decision', 'mrn', 'neither'] as const;

function table(rows: CorpusRecord[], label: string): string {
  const families = new Set(rows.map((r) => r.family)).size;
  const real = rows.filter((r) => r.source.type === 'public-quote').length;
  const lines = [
    `**${label}**: ${rows.length} records, ${families} families; ${real} public quotes, ${rows.length - real} written by us.`,
    '',
    '| kind | decision | mrn | neither | total | of which public quotes |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const kind of NOTICE_KINDS) {
    const k = rows.filter((r) => r.kind === kind);
    lines.push(
      `| ${kind} | ${CH.map((c) => k.filter((r) => r.challenge === c).length).join(' | ')} | ${k.length} | ${k.filter((r) => r.source.type === 'public-quote').length} |`,
    );
  }
  lines.push(`| **all** | ${CH.map((c) => rows.filter((r) => r.challenge === c).length).join(' | ')} | ${rows.length} | ${real} |`);
  const undated = rows.filter((r) => r.noticeDate === null).length;
  lines.push('', `Notice date shown in the text: ${rows.length - undated}; none (deadlines count from \`today\`): ${undated}.`);
  return lines.join('\n');
}

function byFile(): string {
  const files = [...new Set(training.map((r) => r.file))];
  return ['| file | records | families |', '|---|---:|---:|']
    .concat(
      files.map((f) => `| ${f} | ${training.filter((r) => r.file === f).length} | ${new Set(training.filter((r) => r.file === f).map((r) => r.family)).size} |`),
    )
    .join('\n');
}

const out = [table(training, 'Training / cross-validation set'), '', byFile(), '', table(sealed, 'Sealed test set')].join('\n');
console.log(out);
if (process.argv.includes('--readme')) {
  const path = join(CORPUS_DIR, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const start = '<!-- counts:start -->';
  const end = '<!-- counts:end -->';
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < 0) throw new Error('README.md has no counts markers');
  writeFileSync(path, readme.slice(0, a + start.length) + '\n' + out + '\n' + readme.slice(b));
}
