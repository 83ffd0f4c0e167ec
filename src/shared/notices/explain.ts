// explainNotice: text in, plain explanation out. Pure and fast enough to run
// on every key press (see tests/bench/explain-bench.ts).
import { isIsoDate, todayInLondon } from './calendar';
import { classify, normalise } from './classify';
import { deadlinesFor } from './deadlines';
import { findNoticeDate, rolesOfDates, type RolledDate } from './notice-date';
import { looksLikeSecret } from './secrets';
import type { ExplainOptions, NoticeExplanation, NoticeKind } from './types';

const CODE = /\b(?:ucd ?\d{1,3}|uc ?50|sscs ?1|med ?3)\b/gi;

// Words that make a housing or childcare message a decision (MR applies), not a to-do.
const DECISION =
  /\b(?:not (?:been )?approved|decision|decided|refused|disallowed|(?:cannot|can't|will not|won't|not able to) (?:pay|include|help)|not (?:be )?included|not eligible)\b/;

function codesIn(text: string): string[] {
  const codes = new Set<string>();
  for (const match of text.matchAll(CODE)) codes.add(match[0].replace(/\s+/g, '').toUpperCase());
  return [...codes];
}

function firstWithRole(dates: RolledDate[], role: RolledDate['role'], notBefore: string): RolledDate | undefined {
  return dates.find((d) => d.role === role && d.date !== null && d.date >= notBefore);
}

function textKeys(kind: NoticeKind): NoticeExplanation['text'] {
  const base = `kinds.${kind}`;
  return { title: `${base}.title`, what: `${base}.what`, meaning: `${base}.meaning`, steps: `${base}.steps`, ifLate: `${base}.ifLate` };
}

export function explainNotice(text: string, options: ExplainOptions = {}): NoticeExplanation {
  const today = options.today && isIsoDate(options.today) ? options.today : todayInLondon();
  const normalised = normalise(text);
  const recognised = classify(normalised);
  const kind = options.kind ?? recognised.kind;
  const confidence = options.kind ? 'high' : recognised.confidence;

  const dates = rolesOfDates(text, today);
  const noticeDate = findNoticeDate(dates, today);
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
    isDecision: DECISION.test(normalised),
  });

  return {
    kind,
    confidence,
    noticeDate,
    countFrom,
    countFromSource,
    deadlines,
    codes: codesIn(text),
    secretWarning: looksLikeSecret(text),
    text: textKeys(kind),
  };
}

/** The explanation of a kind chosen from the list, with no text. */
export function explainKind(kind: NoticeKind, options: Omit<ExplainOptions, 'kind'> = {}): NoticeExplanation {
  return explainNotice('', { ...options, kind });
}
