// The labelled notices the recogniser learns from and is measured on:
// tests/corpus/*.json (real quotes and written variants, owned by the corpus
// work) plus the 94 hand-checked fixtures in tests/unit/notices/. The sealed
// set (tests/corpus/sealed/sealed.json) is loaded only by the evaluation,
// which prints aggregate figures for it and nothing per record.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN_FIXTURES } from '../../tests/unit/notices/fixtures-clean';
import { MESSY_FIXTURES } from '../../tests/unit/notices/fixtures-messy';
import { NOTICE_KINDS, type Challenge, type NoticeKind } from '../../src/shared/notices/types';

export const CORPUS_DIR = 'tests/corpus';

export interface Example {
  id: string;
  family: string;
  text: string;
  kind: NoticeKind;
  challenge: Challenge;
  today: string;
  noticeDate: string | null;
  /** Expected deadlines by id (never late-limit). */
  deadlines: Record<string, string>;
  origin: 'corpus' | 'fixture' | 'sealed' | 'kind-only';
  /** Teaches question (a) only, and is never scored (see loadKindOnly). */
  kindOnly?: boolean;
}

interface CorpusRecord {
  id: string;
  family?: string;
  text: string;
  kind: string;
  challenge: Challenge;
  today: string;
  noticeDate: string | null;
  deadlines?: Record<string, string>;
}

function checkKind(kind: string, where: string): NoticeKind {
  if (!(NOTICE_KINDS as readonly string[]).includes(kind)) throw new Error(`${where}: unknown kind ${kind}`);
  return kind as NoticeKind;
}

function fromRecord(record: CorpusRecord, file: string, origin: Example['origin']): Example {
  const deadlines = { ...(record.deadlines ?? {}) };
  delete deadlines['late-limit'];
  return {
    id: record.id,
    family: `${origin === 'sealed' ? 'sealed' : origin === 'kind-only' ? 'k' : 'c'}:${record.family ?? record.id}`,
    text: record.text,
    kind: checkKind(record.kind, origin === 'sealed' ? 'a sealed record' : `${file} ${record.id}`),
    challenge: record.challenge,
    today: record.today,
    noticeDate: record.noticeDate,
    deadlines,
    origin,
  };
}

/** Files in the training corpus, sorted so every run sees the same order. */
export function corpusFiles(dir = CORPUS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => join(dir, file));
}

/** One corpus JSON file (a training file, or a held-out one such as heldout/real2.json). */
export function loadCorpusFile(path: string): Example[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as CorpusRecord[]).map((record) => fromRecord(record, path, 'corpus'));
}

export function loadCorpus(dir = CORPUS_DIR): Example[] {
  return corpusFiles(dir).flatMap(loadCorpusFile);
}

const MR_KINDS = new Set<NoticeKind>(['payment-statement', 'claim-decision', 'sanction-decision', 'work-capability-decision', 'overpayment', 'claim-closed']);

/** The unit-test fixtures as examples: their expected deadlines say which challenge applies. */
export function loadFixtures(): Example[] {
  return [...CLEAN_FIXTURES, ...MESSY_FIXTURES].map((fixture, i) => {
    const deadlines: Record<string, string> = { ...(fixture.deadlines ?? {}) };
    delete deadlines['late-limit'];
    const challenge: Challenge = deadlines['appeal']
      ? 'mrn'
      : deadlines['mandatory-reconsideration']
        ? 'decision'
        : fixture.deadlines || !MR_KINDS.has(fixture.kind)
          ? 'neither'
          : 'decision';
    return {
      id: `fixture-${String(i + 1).padStart(3, '0')}`,
      family: `f:${fixture.name}`,
      text: fixture.text,
      kind: fixture.kind,
      challenge,
      today: fixture.today,
      noticeDate: fixture.noticeDate,
      deadlines,
      origin: 'fixture',
    };
  });
}

/** Everything the shipped model is trained on, in a fixed order. */
export function loadTraining(dir = CORPUS_DIR): Example[] {
  const all = [...loadCorpus(dir), ...loadFixtures()];
  return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export const KIND_ONLY_DIR = join(CORPUS_DIR, 'kind-only');

/**
 * Texts that teach the kind head only (tests/corpus/kind-only/): written wordings that are always in the training
 * folds and never scored, so cross-validation still measures the corpus alone. The decision head never sees them
 * (train.ts), though its answer is mixed with the likely kinds, which they move.
 */
export function loadKindOnly(dir = KIND_ONLY_DIR): Example[] {
  return corpusFiles(dir)
    .flatMap((file) => (JSON.parse(readFileSync(file, 'utf8')) as CorpusRecord[]).map((record) => fromRecord(record, file, 'kind-only')))
    .map((e) => ({ ...e, kindOnly: true }));
}

/** The sealed test set: only tools/explainer/eval.ts reads it, for aggregate figures. */
export function loadSealed(dir = CORPUS_DIR): Example[] {
  const path = join(dir, 'sealed', 'sealed.json');
  if (!existsSync(path)) return [];
  return (JSON.parse(readFileSync(path, 'utf8')) as CorpusRecord[]).map((record) => fromRecord(record, 'sealed', 'sealed'));
}
