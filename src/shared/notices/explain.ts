// explainNotice: text in, plain explanation out. Pure and fast enough to run
// on every key press (see tests/bench/explain-bench.ts).
import { isIsoDate, todayInLondon } from './calendar';
import { deadlinesFor } from './deadlines';
import { MODEL } from './model.generated';
import type { RecogniserModel } from './model';
import { findNoticeDate, rolesOfDates, type RolledDate } from './notice-date';
import { CHALLENGE_OF_KIND, DEFAULT_STRATEGY, recognise, type ChallengeAnswer, type Strategy } from './recognise';
import { looksLikeSecret } from './secrets';
import type { Challenge, ExplainOptions, NoticeExplanation, NoticeKind } from './types';

const CODE = /\b(?:ucd ?\d{1,3}|uc ?50|sscs ?1|med ?3)\b/gi;

/** Kinds that are sometimes a decision and sometimes a to-do: with no text to read, we ask. */
const MAYBE_DECISION = new Set<NoticeKind>(['housing-costs', 'childcare-costs', 'deduction', 'advance-payment', 'hardship-payment', 'report-change', 'unknown']);

function codesIn(text: string): string[] {
  const codes = new Set<string>();
  for (const match of text.matchAll(CODE)) codes.add(match[0].replace(/\s+/g, '').toUpperCase());
  return [...codes];
}

/** Where the cue's words are in the original text (they were matched in lower case, spaces squeezed). */
function positionOf(text: string, words: string): number {
  const pattern = words
    .split(' ')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’‘`´]"))
    .join('\\s+');
  return new RegExp(pattern, 'i').exec(text)?.index ?? -1;
}

function firstWithRole(dates: RolledDate[], role: RolledDate['role'], notBefore: string): RolledDate | undefined {
  return dates.find((d) => d.role === role && d.date !== null && d.date >= notBefore);
}

function textKeys(kind: NoticeKind): NoticeExplanation['text'] {
  const base = `kinds.${kind}`;
  return { title: `${base}.title`, what: `${base}.what`, meaning: `${base}.meaning`, steps: `${base}.steps`, ifLate: `${base}.ifLate` };
}

function settled(answer: Challenge, source: ChallengeAnswer['source'], from: ChallengeAnswer): ChallengeAnswer {
  return { ...from, answer, possible: [answer], sure: true, source, ...(source === 'user' || source === 'kind' ? { cue: null, rule: null } : {}) };
}

/** Question (b) once the claimant's own answers and choices are taken into account. */
function challengeWith(found: ChallengeAnswer, options: ExplainOptions, hasText: boolean): ChallengeAnswer {
  if (options.challenge) return settled(options.challenge, 'user', found);
  if (options.kind) {
    const ofKind = CHALLENGE_OF_KIND[options.kind];
    if (ofKind) return settled(ofKind, 'kind', found);
    if (!hasText) {
      return MAYBE_DECISION.has(options.kind)
        ? { ...found, answer: 'neither', possible: ['decision', 'neither'], sure: false, source: 'kind', cue: null, rule: null }
        : settled('neither', 'kind', found);
    }
  }
  return found;
}

/** The explainer with a given model: the evaluation trains one per fold. */
export function explainWith(
  model: RecogniserModel<NoticeKind, Challenge>,
  text: string,
  options: ExplainOptions = {},
  strategy: Strategy = DEFAULT_STRATEGY,
): NoticeExplanation {
  const today = options.today && isIsoDate(options.today) ? options.today : todayInLondon();
  const hasText = text.trim() !== '';
  const recognised = recognise(text, model, strategy, today);
  const kind = options.kind ?? recognised.kind;
  const confidence = options.kind || recognised.kindSure ? 'high' : kind === 'unknown' ? 'none' : 'low';
  const challenge = challengeWith(recognised.challenge, options, hasText);

  const dates = rolesOfDates(text, today);
  const noticeDate = findNoticeDate(dates, today, challenge.source === 'rule' && challenge.cue ? positionOf(text, challenge.cue) : -1);
  const userDate = options.noticeDate && isIsoDate(options.noticeDate) ? options.noticeDate : null;
  const countFrom = userDate ?? noticeDate ?? today;
  const countFromSource = userDate ? 'user' : noticeDate ? 'text' : 'today';

  const explicit = firstWithRole(dates, 'deadline', countFrom);
  const appointment =
    firstWithRole(dates, 'appointment', countFrom) ??
    // An invitation often gives its date with no lead-in ("Monday 7 December 2026 at 10:30am").
    dates.find((d) => d.date !== null && d.date > countFrom && d.time !== undefined && d.role !== 'payment');

  const deadlines = deadlinesFor({
    kind,
    countFrom,
    explicitDate: explicit?.date ?? null,
    appointment: appointment?.date ? { date: appointment.date, ...(appointment.time ? { time: appointment.time } : {}) } : null,
    possible: challenge.possible,
  });

  return {
    kind,
    confidence,
    kindCandidates: options.kind ? [options.kind] : recognised.kindCandidates,
    challenge,
    noticeDate,
    countFrom,
    countFromSource,
    deadlines,
    codes: codesIn(text),
    secretWarning: looksLikeSecret(text),
    text: textKeys(kind),
  };
}

export function explainNotice(text: string, options: ExplainOptions = {}): NoticeExplanation {
  return explainWith(MODEL, text, options);
}

/** The explanation of a kind chosen from the list, with no text. */
export function explainKind(kind: NoticeKind, options: Omit<ExplainOptions, 'kind'> = {}): NoticeExplanation {
  return explainNotice('', { ...options, kind });
}
