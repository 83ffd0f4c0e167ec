// Every sentence that names a deadline's date, in every language, rendered the
// way the app renders it (the same i18next, the same date module, the same
// deadline engine) with real dates: month ends, a leap day, appeal days moved
// past Christmas, New Year and Easter, December and January. For each one:
// the calendar is Gregorian, one digit system, the day named is the day the
// engine computed, and "by" never became "before" (a day early).
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import { LANGUAGES, type Namespace } from '../../../src/client/initial/i18n/languages';
import { formatDate, withDirection, type DateWords } from '../../../src/client/initial/i18n/format';
import { attachI18next } from '../../../src/client/initial/i18n/core';
import { deadlineText } from '../../../src/client/ui/deadline-text';
import { appeal, deadlinesFor, lateLimit, mandatoryReconsideration } from '../../../src/shared/notices/deadlines';
import { buildPushTexts } from '../../../src/client/services/push-client';
import { notificationFor } from '../../../src/shared/protocol/push-routing';
import { addDays } from '../../../src/shared/notices/calendar';
import type { Deadline } from '../../../src/shared/notices/types';

const NAMESPACES: Namespace[] = ['common', 'explain', 'notices', 'helpers', 'forward', 'reminders'];
const CODES = LANGUAGES.map((language) => language.code);
const RTL = new Set(LANGUAGES.filter((language) => language.dir === 'rtl').map((language) => language.code));

function load(code: string, ns: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`locales/${code}/${ns}.json`, 'utf8')) as Record<string, unknown>;
}

// The digit system chosen for each language (see locales/REVIEW.md): Latin in
// every one, as in DWP's letters, the date fields and the counts in the texts.
const DIGITS: Record<string, RegExp> = Object.fromEntries(CODES.map((code) => [code, /^[0-9]$/]));

// Words for "before" that must not stand for "by" (the review found قبل, antes
// de, ka hor and ቅድሚ a day early); data, so a new language adds a line.
const BEFORE: Record<string, RegExp> = {
  en: /\bbefore\b/i,
  cy: /\bcyn\b(?! (?:pen|gynted)\b)/i, // not "cyn pen" (within) or "cyn gynted" (as soon as)
  pl: /\bprzed\b/i,
  ro: /înainte/i,
  pa: /ਪਹਿਲਾਂ/,
  ur: /پہلے/,
  pt: /\bantes\b/i,
  es: /\bantes\b(?! posible)/i, // not "lo antes posible" (as soon as possible)
  ar: /قبل/,
  bn: /আগে/,
  gu: /પહેલાં/,
  lt: /\bprieš\b/i,
  uk: /\bперед\b|\bраніше\b/i,
  so: /\bka hor\b/i,
  fa: /قبل از|پیش از/,
  ti: /ቅድሚ/,
};
// "By" sentences: the day named is still in time. The review's list, the late
// limit's warning, and the two time limits of an appeal.
const BY_SENTENCES = [
  'explain:byTime',
  'explain:target',
  'notices:late.warning',
  'notices:rules.appeal-one-month',
  'notices:rules.appeal-next-working-day',
  'notices:kinds.work-capability-questionnaire.steps.0',
  'notices:kinds.migration-notice.what',
  'notices:kinds.migration-notice.meaning.1',
  'notices:kinds.migration-notice.steps.0',
];
// "By the end of a period" may read "before the period ends" (the last day is
// inside the period), except where the review found a day lost.
const BY_END_OF_PERIOD = ['notices:rules.childcare-end-of-next-ap', 'notices:kinds.childcare-costs.steps.2'];
const BY_END_OF_PERIOD_CHECKED = new Set(['ar', 'es', 'so', 'ti']);

// Month names of other calendars that must never appear in a date.
const OTHER_CALENDARS = [
  // Solar Hijri (Persian)
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
  // Islamic (Hijri)
  'محرم',
  'ربيع الأول',
  'ربيع الآخر',
  'جمادى',
  'رجب',
  'شعبان',
  'رمضان',
  'شوال',
  'ذو القعدة',
  'ذو الحجة',
];

// CLDR's own Gregorian names, from Node's full ICU: an independent source to
// check the names in common.json and to read a date back out of a sentence.
const tag = (code: string) => `${code === 'en' ? 'en-GB' : code}-u-ca-gregory-nu-latn`;
function cldrPart(code: string, iso: string, type: 'month' | 'weekday'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const parts = new Intl.DateTimeFormat(tag(code), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatToParts(
    new Date(Date.UTC(y, m - 1, d)),
  );
  return parts.find((part) => part.type === type)!.value;
}
const MONTH_DAYS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-13`);
/** Monday = 0: a date with that weekday (30 November 2026 is a Monday). */
const dayOfWeek = (i: number) => addDays('2026-11-30', i);

/** A name standing alone: not inside a longer word ("شنبه" in "سه‌شنبه", "Mawrth" in "Dydd Mawrth" is handled by the caller). */
function hasWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{M}\\u200c])${escaped}(?![\\p{L}\\p{M}\\u200c])`, 'u').test(text);
}

interface Found {
  year: number;
  month: number;
  day: number;
  weekday: number | null;
}

/**
 * Reads the one date in a sentence back, with CLDR's names: the month and
 * weekday named (no other), the numbers in it (exactly a day and a year).
 */
function readDate(code: string, sentence: string): Found {
  const weekdayNames = Array.from({ length: 7 }, (_, i) => cldrPart(code, dayOfWeek(i), 'weekday'));
  const weekdays = weekdayNames.flatMap((name, i) => (hasWord(sentence, name) ? [i] : []));
  expect(weekdays.length, `${code}: one weekday at most in «${sentence}»`).toBeLessThanOrEqual(1);
  // Weekday names can contain a month name (Welsh "Dydd Mawrth" = Tuesday, "Mawrth" = March).
  let rest = sentence;
  for (const name of weekdayNames) rest = rest.split(name).join(' ');
  // A month name next to a number: Romanian "mai" is May and also "more".
  const nextToNumber = (name: string) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`\\p{Nd}[^\\p{Nd}\\p{L}]{0,4}(?:de )?${escaped}(?![\\p{L}\\p{M}])|(?<![\\p{L}\\p{M}])${escaped}[^\\p{Nd}\\p{L}]{0,4}\\p{Nd}`, 'u').test(rest);
  };
  const months = MONTH_DAYS.flatMap((iso, i) => (nextToNumber(cldrPart(code, iso, 'month')) ? [i + 1] : []));
  expect(months, `${code}: exactly one month name in «${sentence}»`).toHaveLength(1);
  const numbers = [...sentence.matchAll(/\p{Nd}+/gu)].map((match) => match[0]);
  for (const digits of numbers) for (const digit of digits) expect(digit, `${code}: digit system in «${sentence}»`).toMatch(DIGITS[code]!);
  const values = numbers.map(Number);
  const year = values.find((value) => value >= 1000);
  const days = values.filter((value) => value < 1000);
  expect(year, `${code}: a year in «${sentence}»`).toBeDefined();
  expect(days, `${code}: one day number in «${sentence}»`).toHaveLength(1);
  return { year: year!, month: months[0]!, day: days[0]!, weekday: weekdays[0] ?? null };
}

function weekdayIndex(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

function expectDate(code: string, sentence: string, iso: string, withWeekday: boolean): void {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const found = readDate(code, sentence);
  expect({ year: found.year, month: found.month, day: found.day }, `${code}: «${sentence}» names ${iso}`).toEqual({ year: y, month: m, day: d });
  if (withWeekday) expect(found.weekday, `${code}: weekday in «${sentence}»`).toBe(weekdayIndex(iso));
  for (const name of OTHER_CALENDARS) expect(hasWord(sentence, name), `${code}: «${name}» in «${sentence}»`).toBe(false);
  expect(sentence, `${code}: placeholders left`).not.toMatch(/\{\{|\}\}/);
  expect(sentence, `${code}: doubled full stop`).not.toMatch(/[.۔।።]\s*[.۔।።]/);
}

// The engine's own results, for real dates.
const DEADLINES: { name: string; deadline: Deadline }[] = [
  { name: 'MR, 31 January 2027 → end of February', deadline: mandatoryReconsideration('2027-01-31') },
  { name: 'MR, 31 January 2028 → leap day', deadline: mandatoryReconsideration('2028-01-31') },
  { name: 'MR, 31 December 2026 → January', deadline: mandatoryReconsideration('2026-12-31') },
  { name: 'MR, 30 November 2026 → December', deadline: mandatoryReconsideration('2026-11-30') },
  { name: 'appeal, on a working day', deadline: appeal('2026-11-09') },
  { name: 'appeal past Christmas and Boxing Day', deadline: appeal('2026-11-26') },
  { name: 'appeal past New Year', deadline: appeal('2026-12-01') },
  { name: 'appeal past Easter Monday', deadline: appeal('2027-02-28') },
  { name: 'appeal past Good Friday', deadline: appeal('2027-02-26') },
  { name: 'appeal from 31 January 2024 (leap year, Thursday 29 February)', deadline: appeal('2024-01-31') },
  { name: 'late limit → 29 February 2028', deadline: lateLimit('2027-01-29', 'late-mr-13-months') },
  { name: 'late appeal limit → January', deadline: lateLimit('2025-12-31', 'late-appeal-13-months') },
  {
    name: 'migration notice with the letter’s date',
    deadline: deadlinesFor({ kind: 'migration-notice', countFrom: '2026-09-15', explicitDate: '2026-12-31', appointment: null, possible: ['neither'] })[0]!,
  },
  {
    name: 'appointment with a time',
    deadline: deadlinesFor({
      kind: 'work-coach-appointment',
      countFrom: '2026-12-20',
      explicitDate: null,
      appointment: { date: '2027-01-04', time: '09:30' },
      possible: ['neither'],
    })[0]!,
  },
];

let tFor: (code: string) => TFunction;

beforeAll(async () => {
  const resources = Object.fromEntries(CODES.map((code) => [code, Object.fromEntries(NAMESPACES.map((ns) => [ns, load(code, ns)]))]));
  await i18next.init({
    resources,
    lng: 'en',
    fallbackLng: false,
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnEmptyString: false,
  });
  // The app's date module reads the date words from this i18next, as from the app's.
  attachI18next(i18next);
  tFor = (code) => i18next.getFixedT(code);
});

describe('the test data itself', () => {
  it('covers what it says: moved appeals, a leap day, December and January', () => {
    const moved = DEADLINES.filter(({ deadline }) => deadline.movedFrom);
    expect(moved.map(({ deadline }) => `${deadline.movedFrom}→${deadline.date}`)).toEqual([
      '2026-12-26→2026-12-29',
      '2027-01-01→2027-01-04',
      '2027-03-28→2027-03-30',
      '2027-03-26→2027-03-30',
    ]);
    const dates = DEADLINES.flatMap(({ deadline }) => [deadline.date, deadline.target, deadline.movedFrom ?? deadline.date]);
    expect(dates).toContain('2028-02-29');
    expect(dates).toContain('2024-02-29');
    expect(dates.some((date) => date.endsWith('-12-31') || date.slice(5, 7) === '12')).toBe(true);
    expect(dates.some((date) => date.slice(5, 7) === '01')).toBe(true);
  });
});

describe.each(CODES)('dates in %s', (code) => {
  const words = () => (load(code, 'common') as { date: DateWords }).date;

  it('has the Gregorian month and weekday names CLDR gives (no other calendar)', () => {
    expect(words().months).toEqual(MONTH_DAYS.map((iso) => cldrPart(code, iso, 'month')));
    expect(words().weekdays).toEqual(Array.from({ length: 7 }, (_, i) => cldrPart(code, dayOfWeek(i), 'weekday')));
  });

  it.each(DEADLINES)('names the last day the engine computed: $name', ({ deadline }) => {
    const t = tFor(code);
    const text = deadlineText(t, deadline, code);
    expectDate(code, text.date, deadline.date, true);
    expectDate(code, text.target, deadline.target, true);
    expectDate(code, text.line, deadline.date, true);
    if (deadline.movedFrom) expectDate(code, text.movedFrom!, deadline.movedFrom, true);
    else expect(text.movedFrom).toBeUndefined();
    if (deadline.time) {
      expect(text.byTime).toContain(deadline.time);
      for (const digit of (text.byTime ?? '').match(/\p{Nd}/gu) ?? []) expect(digit).toMatch(DIGITS[code]!);
    }
    // The card shows the date, then "by 17:00": one digit system across both.
    const card = `${text.date} ${text.byTime ?? ''} ${text.target} ${text.rule} ${t('common:days.left', { count: 12 })}`;
    for (const digit of card.match(/\p{Nd}/gu) ?? []) expect(digit, `${code}: «${card}»`).toMatch(DIGITS[code]!);
    const item = t('reminders:choices.deadlineItem', { name: t(`reminders:push.deadlineNames.${deadline.id}`), date: formatDate(deadline.date, code) });
    expectDate(code, item, deadline.date, true);
  });

  it('writes the dates of Write to DWP without a weekday', () => {
    const t = tFor(code);
    for (const iso of ['2026-12-03', '2027-01-31', '2028-02-29']) {
      expectDate(code, t('helpers:meaning.mr', { date: formatDate(iso, code, false), about: 'Universal Credit' }), iso, false);
      expectDate(code, t('helpers:meaning.consentUntil', { date: formatDate(iso, code, false) }), iso, false);
    }
  });

  it('keeps "by" meaning "on or before"', () => {
    const t = tFor(code);
    const keys = [...BY_SENTENCES, ...(BY_END_OF_PERIOD_CHECKED.has(code) ? BY_END_OF_PERIOD : [])];
    const before = keys.filter((key) => BEFORE[code]!.test(t(key, { date: '', time: '' })));
    expect(before).toEqual([]);
  });

  it('gives notifications and page titles a direction, with the same digits', () => {
    const t = tFor(code);
    const texts = buildPushTexts((key, options) => t(key, options ?? {}), code);
    for (const daysLeft of [7, 2, 0]) {
      const { title, options } = notificationFor({ v: 1, id: 'r', kind: 'deadline', deadline: { id: 'appeal', daysLeft } }, texts);
      for (const digit of options.body.match(/\p{Nd}/gu) ?? []) expect(digit).toMatch(DIGITS[code]!);
      if (daysLeft > 0) expect(options.body).toContain(String(daysLeft));
      expect(options.dir).toBe(RTL.has(code) ? 'rtl' : 'ltr');
      expect(options.body.startsWith('\u200F')).toBe(RTL.has(code));
      expect(options.actions.every((action) => action.title.startsWith('\u200F') === RTL.has(code))).toBe(true);
      expect(title).toBe(withDirection(t('reminders:push.deadline.title'), code));
    }
    const pageTitle = withDirection(`${t('helpers:title')} – UC Companion`, code);
    expect(pageTitle.startsWith('\u200F')).toBe(RTL.has(code));
  });
});

describe('English time limits (shared/PRODUCT.md)', () => {
  const english = (key: string) => tFor('en')(key);

  it('counts an appeal from the mandatory reconsideration notice, not a "decision letter"', () => {
    for (const key of ['notices:rules.appeal-one-month', 'notices:rules.late-appeal-13-months']) {
      expect(english(key)).toContain('mandatory reconsideration notice');
      expect(english(key)).not.toMatch(/decision letter|after the decision/);
    }
    expect(english('notices:kinds.mandatory-reconsideration-notice.ifLate')).toContain('the date of this notice');
  });

  it('says the last day is still in time', () => {
    expect(english('notices:late.warning')).toContain('by this date');
    expect(english('explain:movedFrom')).toContain('your last day is the next working day');
  });
});
