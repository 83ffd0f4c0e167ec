// The errors a fluent reader found in December 2026 (shared/reviews/
// translations-2026-12.md) stay fixed: each wrong word or phrase is gone from
// the language's files, and where the review gave the fix, the key holds it.
// (Dates, "by" and digits are checked in deadline-sentences.test.ts.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = join(import.meta.dirname, '../../../locales');

/** Every string of one language, with its "namespace:key.path". */
function strings(language: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.set(path, value);
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}.${i}`));
    else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) walk(item, path.endsWith(':') ? `${path}${key}` : `${path}.${key}`);
  };
  for (const file of readdirSync(join(LOCALES, language)).filter((name) => name.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(join(LOCALES, language, file), 'utf8')) as unknown, `${file.replace(/\.json$/, '')}:`);
  }
  return out;
}

/** Wrong words the review found, which must appear nowhere in that language. */
const GONE: [language: string, wrong: string, why: string][] = [
  ['cy', 'hyfforddwr gwaith', "DWP's Welsh for work coach is anogwr gwaith"],
  ['cy', 'gan Cyngor ar Bopeth', 'soft mutation after "gan": gan Gyngor ar Bopeth'],
  ['cy', 'ar Dydd', '"ar Dydd Sadwrn" was a weekday date inside a sentence'],
  ['cy', 'erbyn {{date}}', 'a weekday date inside a sentence: "erbyn Dydd Sadwrn" (the date now stands after a colon)'],
  ['pl', 'ponowne sprawdzenie', 'one name for mandatory reconsideration: ponowne rozpatrzenie'],
  ['pl', 'do sobota', 'a weekday date in the nominative inside a sentence'],
  ['ar', 'سبب قوي', '"good reason" is سبب وجيه, not a strong reason'],
  ['ar', 'بقي 2 يوم', 'the Arabic dual: بقي يومان'],
  ['uk', 'р..', 'a doubled full stop after the year'],
  ['uk', 'робочий консультант', 'work coach: консультант Jobcentre (work coach)'],
  ['pa', 'ਠੋਸ ਕਾਰਨ', '"good reason" is ਵਾਜਬ ਕਾਰਨ, not a solid reason'],
  ['fa', 'اعتراض', 'appeal and mandatory reconsideration had one word'],
  ['gu', 'પગારનો દિવસ', 'payday in UC is the payment day (ચુકવણીનો દિવસ)'],
  ['lt', 'kol dar pasibaigė', 'the meaning was reversed: kol dar nepasibaigė'],
  ['ro', 'consilier de muncă', 'work coach: consilierul de la Jobcentre (work coach)'],
];

/** Keys whose fixed text the review gave: the key must hold it. */
const HOLDS: [language: string, key: string, text: string][] = [
  ['cy', 'helpers:scopes.whole-claim', 'Fy hawliad cyfan'],
  ['gu', 'notices:kinds.claim-decision.ifLate', 'જો મોડું થવાનું સારું કારણ હોય, તો'],
  ['lt', 'notices:kinds.fit-note.meaning.2', 'kol dar nepasibaigė'],
  ['pt', 'notices:kinds.deduction.steps.1', 'descontar menos'],
  ['es', 'explain:ifLateHeading', 'Si se le pasó el plazo'],
  ['ur', 'explain:chooseKind', 'پیغام کی قسم خود چنیں'],
  ['ro', 'reminders:push.snoozeHour', 'Amintiți-mi peste o oră'],
  ['ar', 'common:home.neverShare', 'أبدًا'],
  ['fa', 'common:home.neverShare', 'هرگز'],
  ['pl', 'notices:rules.identity-one-month', 'od dnia złożenia wniosku'],
  ['uk', 'notices:kinds.hardship-payment.what', 'hardship payment'],
  ['so', 'reminders:choices.deadlinesPrivacy', 'weligood kama baxaan telefoonka'],
  ['ti', 'explain:pasteButton', 'ለጥፉ'],
  ['ti', 'forward:connect.agree', 'ተሰማሚዐ ተራኸቡ'],
  ['cy', 'notices:kinds.deduction.meaning.2', "Gyda'i gilydd, fel arfer ni all DWP gymryd mwy na 15%"],
  ['cy', 'forward:connect.safety.typeHint', 'eu cod diogelwch'],
  ['cy', 'explain:getAdvice', 'Gyngor ar Bopeth'],
  ['cy', 'notices:kinds.claimant-commitment.steps.1', 'anogwr gwaith'],
  ['pl', 'notices:kinds.sanction-decision.what', 'Dlatego zmniejszy twoją wypłatę'],
  ['pl', 'notices:kinds.fit-note.meaning.2', 'zanim skończy się obecne'],
  ['pl', 'notices:kinds.claimant-commitment.steps.1', 'opiekunowi w Jobcentre'],
  ['pl', 'notices:rules.commitment-7-days', 'twoja sprawa (wniosek) może zostać zamknięta'],
  ['ar', 'common:days.left_two', 'بقي يومان'],
  ['ar', 'forward:replies.new_two', 'رسالتان جديدتان'],
  ['ar', 'common:home.title', 'يونيفرسال كريدت'],
  ['uk', 'notices:kinds.health-assessment.steps.1', 'ще до дати оцінки'],
  ['uk', 'common:home.helpersIntro', 'DWP міг'],
  ['ro', 'notices:kinds.payment-statement.steps.3', 'Păstrați o captură de ecran cu acest mesaj'],
  ['ro', 'notices:deadlines.mandatory-reconsideration', 'Ultima zi în care DWP trebuie să primească'],
  ['ro', 'forward:connect.consent.howLong', 'după ce consilierul îl primește'],
  ['ro', 'notices:kinds.work-coach-appointment.what', 'consilierul de la Jobcentre (work coach)'],
  ['ro', 'common:home.intro', 'pentru ajutorul Universal Credit'],
  ['ur', 'explain:movedFrom', 'جو اوپر لکھا ہے'],
  ['ur', 'notices:rules.childcare-end-of-next-ap', 'اس کے بعد والے حساب کے مہینے کے ختم ہونے تک'],
  ['ur', 'notices:deadlines.mandatory-reconsideration', 'DWP کو آپ کی درخواست ملنے کا آخری دن'],
  ['es', 'notices:rules.childcare-end-of-next-ap', 'siguiente a aquel en que pagó'],
  ['es', 'helpers:meaning.mr', 'que revise la decisión que tomó el'],
  ['pt', 'notices:kinds.sanction-decision.what', 'O DWP diz que você não fez uma coisa que tinha combinado fazer'],
  ['pt', 'notices:kinds.childcare-costs.what', 'creche, ama ou atividades depois da escola'],
  ['fa', 'notices:rules.identity-one-month', 'از روز درخواست به شما پرداخت شود'],
  ['fa', 'notices:rules.childcare-end-of-next-ap', 'دوره محاسبه‌ای که بعد از دوره پرداختتان است'],
  ['pa', 'notices:late.warning', 'ਵਾਜਬ ਕਾਰਨ'],
  ['gu', 'notices:rules.childcare-end-of-next-ap', 'જે આકારણી સમયગાળામાં તમે પૈસા ચૂકવ્યા'],
  ['lt', 'notices:kinds.health-assessment.steps.1', 'dar prieš tą datą paprašykite perkelti vertinimą'],
  ['ti', 'explain:letAppDecide', 'ይምረጽ'],
  ['ti', 'notices:rules.commitment-7-days', 'ጠለብኩም ክዕጾ ይኽእል'],
  ['ti', 'helpers:scopes.whole-claim', 'ጠለብ'],
];

describe('fixes from the December 2026 translation review', () => {
  it.each(GONE)('%s: "%s" is gone (%s)', (language, wrong) => {
    const found = [...strings(language)].filter(([, text]) => text.includes(wrong)).map(([key]) => key);
    expect(found).toEqual([]);
  });

  it.each(HOLDS)('%s: %s says "%s"', (language, key, text) => {
    expect(strings(language).get(key)).toContain(text);
  });

  it('Portuguese deductions: ask DWP to take less off (descontar menos), never to "pay less" (repaying an overpayment, paying less is right)', () => {
    const deduction = [...strings('pt')].filter(([key]) => key.startsWith('notices:kinds.deduction.'));
    expect(deduction.length).toBeGreaterThan(3);
    for (const [key, text] of deduction) expect(text, key).not.toContain('pagar menos');
  });

  it('the Gujarati "if you have a good reason" is no longer "even if" in any ifLate text', () => {
    const ifLate = [...strings('gu')].filter(([key]) => key.endsWith('.ifLate'));
    expect(ifLate.length).toBeGreaterThan(4);
    for (const [key, text] of ifLate) if (text.includes('સારું કારણ')) expect(text, key).not.toMatch(/સારું કારણ હોય તો પણ/);
  });
});
