// Builds the corpus JSON files from the authoring files, and fills each
// record's `deadlines` with the project's own calendar functions:
//   decision -> mandatory-reconsideration = one calendar month from (noticeDate ?? today), never moved
//   mrn      -> appeal = one calendar month from (noticeDate ?? today), moved to the next working day
// Extra deadlines written as `due:` lines are kept as they are.
//
//   npx tsx tests/corpus/tools/build.ts      (then tools/validate.ts)
import { readdirSync, writeFileSync } from 'node:fs';
import { join, basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addCalendarMonths, isIsoDate, nextWorkingDay } from '../../../src/shared/notices/calendar';
import { parseBlocks, type Challenge, type CorpusRecord, type RawBlock } from './blocks';

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

export function mrDeadline(from: string): string {
  return addCalendarMonths(from, 1);
}

export function appealDeadline(from: string): string {
  return nextWorkingDay(addCalendarMonths(from, 1));
}

const DEADLINE_IDS = new Set(['mandatory-reconsideration', 'appeal', 'late-limit', 'respond', 'attend', 'claim-by']);

function one(block: RawBlock, key: string, required = true): string | undefined {
  const values = block.fields[key];
  if (!values || values.length === 0) {
    if (required) throw new Error(`${block.file}:${block.line}: missing "${key}"`);
    return undefined;
  }
  if (values.length > 1) throw new Error(`${block.file}:${block.line}: "${key}" given twice`);
  return values[0];
}

export function toRecord(block: RawBlock, id: string): CorpusRecord {
  const where = `${block.file}:${block.line}`;
  const challenge = one(block, 'challenge') as Challenge;
  if (!['decision', 'mrn', 'neither'].includes(challenge)) throw new Error(`${where}: bad challenge ${challenge}`);
  const cue = one(block, 'cue', false) ?? null;
  const today = one(block, 'today')!;
  const dateField = one(block, 'date')!;
  const noticeDate = dateField === 'none' ? null : dateField;
  for (const d of [today, noticeDate]) if (d !== null && !isIsoDate(d)) throw new Error(`${where}: bad date ${d}`);
  const deadlines: Record<string, string> = {};
  const from = noticeDate ?? today;
  if (challenge === 'decision') deadlines['mandatory-reconsideration'] = mrDeadline(from);
  if (challenge === 'mrn') deadlines['appeal'] = appealDeadline(from);
  for (const due of block.fields['due'] ?? []) {
    const [dl, date] = due.split(/\s+/);
    if (!dl || !DEADLINE_IDS.has(dl) || !date || !isIsoDate(date)) throw new Error(`${where}: bad due line ${due}`);
    if (dl === 'mandatory-reconsideration' || dl === 'appeal') throw new Error(`${where}: MR and appeal are computed, not written`);
    deadlines[dl] = date;
  }
  const url = one(block, 'url', false);
  const source: CorpusRecord['source'] = url
    ? {
        type: 'public-quote',
        url,
        where: one(block, 'where')!,
        verbatim: (() => {
          const v = one(block, 'verbatim')!;
          if (v !== 'yes' && v !== 'no') throw new Error(`${where}: verbatim must be yes or no`);
          return v === 'yes';
        })(),
      }
    : { type: 'written', imitates: one(block, 'imitates')! };
  const record: CorpusRecord = {
    id,
    family: one(block, 'family', false) ?? id,
    text: block.text,
    kind: one(block, 'kind')!,
    challenge,
    decisionCue: cue,
    today,
    noticeDate,
    deadlines,
    source,
  };
  const notes = block.fields['notes'];
  if (notes) record.notes = notes.join(' ');
  return record;
}

export function recordsFrom(files: string[]): CorpusRecord[] {
  const counters = new Map<string, number>();
  const out: CorpusRecord[] = [];
  for (const file of files) {
    for (const block of parseBlocks(file)) {
      let id = block.header;
      if (!/-\d{3}$/.test(id)) {
        const n = (counters.get(id) ?? 0) + 1;
        counters.set(id, n);
        id = `${id}-${String(n).padStart(3, '0')}`;
      }
      out.push(toRecord(block, id));
    }
  }
  return out;
}

function txtFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
}

function write(path: string, records: CorpusRecord[]): void {
  writeFileSync(path, JSON.stringify(records, null, 1) + '\n');
  console.log(`${records.length.toString().padStart(4)}  ${path.slice(CORPUS_DIR.length + 1)}`);
}

if (process.argv[1] && basename(process.argv[1]).startsWith('build')) {
  // Training/CV set: one JSON per authoring file (src/real.txt -> real.json, src/written-x.txt -> written-x.json).
  for (const file of txtFiles(join(CORPUS_DIR, 'src'))) {
    write(join(CORPUS_DIR, basename(file, '.txt') + '.json'), recordsFrom([file]));
  }
  // Sealed test set: every sealed authoring file into one JSON.
  write(join(CORPUS_DIR, 'sealed', 'sealed.json'), recordsFrom(txtFiles(join(CORPUS_DIR, 'sealed', 'src'))));
  // Held-out real quotes (heldout/src/real2.txt -> heldout/real2.json): never trained on, measured with
  // tools/explainer/eval-file.ts. Unlike the sealed set their text may be read: they are public.
  for (const file of txtFiles(join(CORPUS_DIR, 'heldout', 'src'))) {
    write(join(CORPUS_DIR, 'heldout', basename(file, '.txt') + '.json'), recordsFrom([file]));
  }
}
