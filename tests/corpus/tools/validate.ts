// Checks the corpus. Exit code 1 on any error.
//   npx tsx tests/corpus/tools/validate.ts
// - every JSON file matches its authoring file (run build.ts after editing src/)
// - ids unique (real-*, w-*, s-*), kinds valid, challenge valid
// - a decision has a cue found in its text and the computed MR date; an mrn the appeal date; neither has neither
// - dates valid, today not before the notice date, weekday names next to dates agree with the calendar
// - sealed families disjoint from training families; no exact or near-duplicate text across the split
// - no near-duplicate text across different families inside the training set (CV folds split by family)
import { readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { NOTICE_KINDS } from '../../../src/shared/notices/types';
import { isIsoDate, weekday } from '../../../src/shared/notices/calendar';
import { recordsFrom, mrDeadline, appealDeadline } from './build';
import { CORPUS_DIR, loadFolder, loadSealed, loadTraining } from './load';
import { CLEAN_FIXTURES } from '../../unit/notices/fixtures-clean';
import { MESSY_FIXTURES } from '../../unit/notices/fixtures-messy';
import type { CorpusRecord } from './blocks';

const errors: string[] = [];
const warnings: string[] = [];
const err = (r: { id: string } | null, msg: string) => errors.push(r ? `${r.id}: ${msg}` : msg);

const training = loadTraining();
const sealed = loadSealed();

// 1. JSON up to date with the authoring files.
const srcDir = join(CORPUS_DIR, 'src');
for (const f of readdirSync(srcDir).filter((f) => f.endsWith('.txt'))) {
  const built = JSON.stringify(recordsFrom([join(srcDir, f)]));
  const json = JSON.stringify(training.filter((r) => r.file === basename(f, '.txt') + '.json').map(({ file: _f, ...r }) => r));
  if (built !== json) err(null, `${basename(f, '.txt')}.json is stale: run npx tsx tests/corpus/tools/build.ts`);
}
{
  const sdir = join(CORPUS_DIR, 'sealed', 'src');
  const files = readdirSync(sdir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(sdir, f));
  const built = JSON.stringify(recordsFrom(files));
  const json = JSON.stringify(sealed.map(({ file: _f, ...r }) => r));
  if (built !== json) err(null, `sealed/sealed.json is stale: run npx tsx tests/corpus/tools/build.ts`);
}

// 2. Record checks.
const kinds = new Set<string>(NOTICE_KINDS);
const ids = new Set<string>();
const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY_DATE =
  /\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b/gi;

function checkRecord(r: CorpusRecord, set: 'training' | 'sealed', file: string): void {
  if (ids.has(r.id)) err(r, 'duplicate id');
  ids.add(r.id);
  const prefix = set === 'sealed' ? 's-' : /^real\d*\.json$/.test(file) ? 'real-' : 'w-';
  if (!r.id.startsWith(prefix)) err(r, `id should start with ${prefix} in ${file}`);
  if (!kinds.has(r.kind)) err(r, `unknown kind ${r.kind}`);
  if (!r.family) err(r, 'no family');
  if (!r.text || !r.text.trim()) err(r, 'empty text');
  if (!isIsoDate(r.today)) err(r, `bad today ${r.today}`);
  if (r.noticeDate !== null) {
    if (!isIsoDate(r.noticeDate)) err(r, `bad noticeDate ${r.noticeDate}`);
    else if (r.noticeDate > r.today) err(r, 'noticeDate after today');
  }
  for (const [id, d] of Object.entries(r.deadlines)) if (!isIsoDate(d)) err(r, `bad deadline ${id} ${d}`);
  const from = r.noticeDate ?? r.today;
  if (r.challenge === 'decision') {
    if (r.deadlines['mandatory-reconsideration'] !== mrDeadline(from)) err(r, 'decision without the right MR date');
    if (r.deadlines['appeal']) err(r, 'decision with an appeal date');
  } else if (r.challenge === 'mrn') {
    if (r.deadlines['appeal'] !== appealDeadline(from)) err(r, 'mrn without the right appeal date');
    if (r.deadlines['mandatory-reconsideration']) err(r, 'mrn with an MR date');
  } else if (r.challenge === 'neither') {
    if (r.deadlines['mandatory-reconsideration'] || r.deadlines['appeal']) err(r, 'neither with an MR or appeal date');
    if (r.decisionCue !== null) err(r, 'neither with a decisionCue');
  } else err(r, `bad challenge ${String(r.challenge)}`);
  if (r.challenge !== 'neither') {
    if (!r.decisionCue) err(r, 'decision/mrn without decisionCue');
    else if (!norm(r.text).includes(norm(r.decisionCue))) err(r, `decisionCue not in text: "${r.decisionCue}"`);
  }
  if (r.kind === 'mandatory-reconsideration-notice' && r.challenge !== 'mrn' && r.challenge !== 'neither')
    err(r, 'an MRN kind should be challenge mrn (or neither for a mere acknowledgement)');
  if (r.challenge === 'mrn' && r.kind !== 'mandatory-reconsideration-notice') err(r, 'challenge mrn needs kind mandatory-reconsideration-notice');
  if (r.source.type === 'public-quote') {
    if (!/^https?:\/\//.test(r.source.url)) err(r, 'public quote without URL');
    if (typeof r.source.verbatim !== 'boolean') err(r, 'verbatim must be boolean');
  } else if (r.source.type === 'written') {
    if (!r.source.imitates) err(r, 'written without imitates');
  } else err(r, 'bad source');
  if (/^real\d*\.json$/.test(file) && r.source.type !== 'public-quote') err(r, `${file} holds public quotes only`);
  // Weekday names next to dates must match the calendar ("Monday 2 November 2026").
  for (const m of r.text.matchAll(WEEKDAY_DATE)) {
    const [, wd, day, mon, year] = m;
    const month = MONTHS.indexOf(mon!.slice(0, 3).toLowerCase()) + 1;
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(Number(day)).padStart(2, '0')}`;
    if (!isIsoDate(iso)) {
      err(r, `no such date in text: ${m[0]}`);
      continue;
    }
    if (DAYS[weekday(iso)] !== wd!.slice(0, 3).toLowerCase()) err(r, `weekday wrong in text: "${m[0]}" is a ${DAYS[weekday(iso)]}`);
  }
}
// The notice date must be visible in the text in some usual spelling (a warning: OCR and odd formats exist).
const MONTH_NAMES = [
  ['january', 'jan', 'ionawr'],
  ['february', 'feb', 'chwefror'],
  ['march', 'mar', 'mawrth'],
  ['april', 'apr', 'ebrill'],
  ['may', 'may', 'mai'],
  ['june', 'jun', 'mehefin'],
  ['july', 'jul', 'gorffennaf'],
  ['august', 'aug', 'awst'],
  ['september', 'sep', 'medi'],
  ['october', 'oct', 'hydref'],
  ['november', 'nov', 'tachwedd'],
  ['december', 'dec', 'rhagfyr'],
];
function dateVisible(text: string, iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = text.toLowerCase();
  const dd = String(d).padStart(2, '0');
  const mm = String(m).padStart(2, '0');
  const yy = String(y).slice(2);
  const numeric = [`${dd}/${mm}/${y}`, `${d}/${m}/${y}`, `${dd}/${mm}/${yy}`, `${d}/${m}/${yy}`, `${dd}.${mm}.${y}`, `${y}-${mm}-${dd}`];
  if (numeric.some((n) => t.includes(n))) return true;
  return MONTH_NAMES[m - 1]!.some((name) => new RegExp(`\\b0?${d}(st|nd|rd|th)?\\s+${name}\\b`).test(t));
}
for (const r of [...training, ...sealed])
  if (r.noticeDate && !dateVisible(r.text, r.noticeDate)) warnings.push(`${r.id}: noticeDate ${r.noticeDate} not found in the text`);

for (const r of training) checkRecord(r, 'training', r.file);
for (const r of sealed) checkRecord(r, 'sealed', r.file);

// 3. Families: a family lives in one set and has one kind.
const trainFamilies = new Set(training.map((r) => r.family));
for (const r of sealed) if (trainFamilies.has(r.family)) err(r, `sealed family ${r.family} is also in training`);
const famKind = new Map<string, string>();
for (const r of [...training, ...sealed]) {
  const k = famKind.get(r.family);
  if (k && k !== r.kind) warnings.push(`${r.id}: family ${r.family} mixes kinds ${k} and ${r.kind}`);
  famKind.set(r.family, r.kind);
}
const trainUrls = new Set(training.flatMap((r) => (r.source.type === 'public-quote' ? [r.source.url] : [])));
for (const r of sealed)
  if (r.source.type === 'public-quote' && trainUrls.has(r.source.url)) warnings.push(`${r.id}: sealed quote shares its URL with a training quote`);

// 4. Near duplicates: character 5-gram shingles of the normalised text.
const simple = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9£]+/g, ' ')
    .replace(/\b\d+\b/g, '0')
    .trim();
function shingles(s: string): Set<string> {
  const t = simple(s);
  const out = new Set<string>();
  for (let i = 0; i + 5 <= t.length; i++) out.add(t.slice(i, i + 5));
  if (out.size === 0) out.add(t);
  return out;
}
function jaccard(a: Set<string>, b: Set<string>): number {
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (big.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
function containment(a: Set<string>, b: Set<string>): number {
  // share of a's shingles found in b
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / a.size;
}
const tr = training.map((r) => ({ r, s: shingles(r.text), t: simple(r.text) }));
const se = sealed.map((r) => ({ r, s: shingles(r.text), t: simple(r.text) }));
type Shingled = { s: Set<string>; t: string };
/** How a is a copy of b, if it is: the same text, a near-duplicate (Jaccard ≥ 0.45), or 80 % of one inside the other. */
function copyOf(a: Shingled, b: Shingled): string | null {
  if (a.t === b.t) return 'same text as';
  const j = jaccard(a.s, b.s);
  if (j >= 0.45) return `near-duplicate (jaccard ${j.toFixed(2)}) of`;
  if (a.t.length >= 40 && containment(a.s, b.s) >= 0.8) return 'contained in';
  if (b.t.length >= 40 && containment(b.s, a.s) >= 0.8) return 'contains';
  return null;
}
for (const a of se) {
  for (const b of tr) {
    const how = copyOf(a, b);
    if (how) err(a.r, `${how} training record ${b.r.id}`);
  }
}
for (let i = 0; i < tr.length; i++) {
  for (let j = i + 1; j < tr.length; j++) {
    const a = tr[i]!;
    const b = tr[j]!;
    if (a.r.family === b.r.family) continue;
    if (a.t === b.t) {
      err(a.r, `same text as ${b.r.id} in another family`);
      continue;
    }
    const s = jaccard(a.s, b.s);
    if (s >= 0.6) err(a.r, `near-duplicate of ${b.r.id} in another family (jaccard ${s.toFixed(2)}): give them one family`);
    else if (s >= 0.45) warnings.push(`${a.r.id} ~ ${b.r.id} (jaccard ${s.toFixed(2)}, different families)`);
  }
}
for (let i = 0; i < se.length; i++) {
  for (let j = i + 1; j < se.length; j++) {
    const a = se[i]!;
    const b = se[j]!;
    if (a.r.family === b.r.family) continue;
    const s = jaccard(a.s, b.s);
    if (s >= 0.6) warnings.push(`sealed ${a.r.id} ~ ${b.r.id} (jaccard ${s.toFixed(2)}, different families)`);
  }
}

// Kind-only texts are in every training fold, so none may copy a text that is scored: the sealed and held-out
// sets, the training corpus, the unit fixtures. The bars are the ones between the sealed set and training.
const kindOnly = loadFolder('kind-only');
const fixtures = [...CLEAN_FIXTURES, ...MESSY_FIXTURES].map((f, i) => ({ id: `fixture-${String(i + 1).padStart(3, '0')}`, text: f.text }));
const scored = [...sealed, ...loadFolder('heldout'), ...training, ...fixtures].map((r) => ({ id: r.id, s: shingles(r.text), t: simple(r.text) }));
for (const r of kindOnly) {
  if (ids.has(r.id) || !r.id.startsWith('k-')) err(r, 'kind-only id must be unique and start with k-');
  ids.add(r.id);
  if (!kinds.has(r.kind)) err(r, `unknown kind ${r.kind}`);
  if (!['decision', 'mrn', 'neither'].includes(r.challenge)) err(r, `bad challenge ${r.challenge}`);
  if (!r.text || !r.text.trim()) err(r, 'empty text');
  const a = { s: shingles(r.text), t: simple(r.text) };
  for (const b of scored) {
    const how = copyOf(a, b);
    if (how) err(r, `kind-only text: ${how} ${b.id}`);
  }
}

for (const w of warnings) console.log(`warning: ${w}`);
for (const e of errors) console.log(`error: ${e}`);
console.log(
  `${training.length} training records (${trainFamilies.size} families), ${sealed.length} sealed records, ${kindOnly.length} kind-only; ${errors.length} errors, ${warnings.length} warnings`,
);
process.exit(errors.length ? 1 : 0);
