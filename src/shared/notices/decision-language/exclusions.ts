// When a phrase that matched does not count: money back for an advance, an advance refused, someone else's
// story, a decision told as long past, a hardship payment's reason, a tribunal's decision notice, an amount that
// is not said of the benefit, or a hedge (hedges.ts).
import { hedged } from './hedges';
import { type Cue } from './rule';
import { cueText, restOfSentence, sentenceSoFar } from './text';
import { LONG_AGO_WORDS } from './words';

/**
 * Rules about money being taken back. Paying back an advance or a hardship payment is not a decision that can
 * be challenged ("your budgeting advance has been paid; we will take back £26 a month", "a reduction will be
 * applied to recover your advance"), so these rules do not count when an advance or a hardship payment is named
 * shortly before or later in the same sentence.
 */
const MONEY_BACK = new Set([
  'we-will-take',
  'take-back',
  'recover',
  'deducted-from',
  'deduction-changed',
  'we-changed-deductions',
  'taking-money-off',
  'reduction-applied',
  'new-deduction',
  'they-say-owe',
  'payment-smaller',
]);
const REPAYS_ADVANCE = /\b(?:advance|hardship|debt management|loan|upfront)\b/;

/**
 * Refusals of an advance or a hardship payment carry no MR right either (PRODUCT.md: ask again instead), so
 * the refusal rules do not count when what was refused is one: named in the refusal's words ("your
 * application for a hardship payment has been refused"), just before them ("your budgeting advance
 * application was unsuccessful") or just after ("we cannot accept your application for a budgeting advance",
 * "you are not entitled to a hardship payment", "we have decided not to give you an advance"). A refused
 * claim stays a decision when an advance or hardship is only mentioned ("I'm in real hardship, my claim has
 * been refused").
 */
const REFUSALS = new Set([
  'they-wont-pay',
  'costs-not-paid',
  'refused',
  'we-refused',
  'not-approved',
  'claim-not-successful',
  'cannot-accept-claim',
  'not-entitled',
  'not-eligible',
  'conditions-not-met',
  'decided',
  'can-only-pay',
  'title-outcome',
  'person-refused',
]);
const NAMES_ADVANCE = /\b(?:(?<!in )advances?|hardship)\b/;
const ADVANCE_BEFORE = /\b(?:(?<!in )advances?|hardship)(?: payments?)?(?: (?:request|application|claim))? $/;
const ADVANCE_AFTER =
  /^ (?:not to (?:give|pay|award|make|grant) (?:you |him |her |them )?|(?:that )?you (?:cannot|can't|can not|will not|won't|are not able to) (?:get|have|receive|be given) |(?:that )?we (?:cannot|can't|can not|will not|won't|are not able to) (?:give|pay|award|make|grant)(?: you| him| her| them)? |(?:(?:your |the |his |her |their |this )?(?:request|application|claim) )?(?:to|for) )(?:a |an |your |the |any )?(?:[a-z-]+ ){0,2}?(?:advances?|hardship)\b/;

function refusesAdvance(text: string, id: string, start: number, end: number): boolean {
  if (!REFUSALS.has(id)) return false;
  const words = text.slice(start, end);
  const after = text.slice(end, end + 80);
  return (
    NAMES_ADVANCE.test(words) ||
    ADVANCE_BEFORE.test(sentenceSoFar(text, start)) ||
    ADVANCE_AFTER.test(after) ||
    // The refusal's words end before what is refused: "not eligible for the | budgeting advance", "we cannot pay
    // you | a hardship payment".
    (/\b(?:for|to|the|a|an|you|him|her|them)$/.test(words) && /^ (?:(?:a|an|the|any|your) )?(?:[a-z-]+ )?(?:advances?|hardship)\b/.test(after))
  );
}

/**
 * Something long past, before or after a phrase in people's own words ("my MR was refused years ago"): "back in 2021 they closed my claim, but now…",
 * "last year I asked them to reconsider and they changed it. Now they want payslips". Not for DWP's words ("in
 * the past 3 months you were paid too much" is today's decision).
 */
const LONG_AGO = new RegExp(String.raw`\b(?:${LONG_AGO_WORDS}|a few years back|(?<!than )last time)\b`);
/** MRN rules that read an MR's story (a request, then what came of it), which an older MR can tell as well. */
export const STORY_RULES: ReadonlySet<string> = new Set(['mrn-asked-then-decided']);
/** The rules for things people say happened to them, so LONG_AGO can make them the past. */
const PEOPLES_WORDS = new Set([
  'they-stopped-my',
  'i-was-sanctioned',
  'they-say-fit',
  'they-say-overpaid',
  'got-decision',
  'mrn-received',
  'mrn-they-refused-mr',
  'mrn-had-back',
  'mrn-came-back',
  'mrn-mr-done',
  'their-claim-closed',
  'has-sanction',
  'my-payment-dropped',
  'nothing-this-month',
  'paid-less',
  'amount-went-from',
  'pip-award',
  'message-outcome',
  'sanctioned-short',
  'found-fit',
  'they-say-owe',
  'new-deduction',
  'title-outcome',
  'person-refused',
  ...STORY_RULES,
]);

/**
 * Someone else's story: "my mate got sanctioned last week", "my friend was found fit for work last month". The
 * sentence so far names a friend, neighbour or the like, and nothing after that name says "I", "me" or "my" ("my
 * friend helped me and they agreed with me on the MR" is still the writer's own).
 */
const ACQUAINTANCE =
  /\b(?:(?:my|a|our|his|her)(?: best| good| old| close)? (?:friend|mate|neighbour|colleague|cousin|pal|flatmate|housemate)s?|(?:someone|somebody|people) (?:on here|i know|online|in (?:a|the|my) group))\b/g;
const FIRST_PERSON = /\b(?:i|i'm|im|i've|ive|i'd|me|my|mine|we|we're|we've|us|our)\b/;

function aboutSomeoneElse(text: string, start: number): boolean {
  const sentence = sentenceSoFar(text, start);
  let after = -1;
  for (const m of sentence.matchAll(ACQUAINTANCE)) after = m.index + m[0].length;
  return after >= 0 && !FIRST_PERSON.test(sentence.slice(after).replace(/^ of (?:mine|ours)\b/, ''));
}

/**
 * A year long past in the same sentence as a phrase in people's words: "in 2020 she was found fit for work", "my UC
 * was closed in 2022", "I was put in LCWRA in 2021". Two calendar years or more before the day the text is read
 * (a decision from the year before may still be inside the 13 months of a late MR). Not "since 2021" (up to now),
 * nor "from April 2023" (a period a decision can cover), nor DWP's own wording.
 */
const PAST_BY_YEAR = new Set([...PEOPLES_WORDS, 'awarded', 'awarded-lcw', 'claim-closed-short', 'capable-of-work']);
const IN_YEAR = /\b(?:in|during)(?: (?:early|late|mid|january|february|march|april|may|june|july|august|september|october|november|december))? ((?:19|20)\d\d)\b/g;

export function toldAsLongAgo(text: string, cue: Cue, today: string): boolean {
  if (!PAST_BY_YEAR.has(cue.rule)) return false;
  const normal = cueText(text).replace(/\n/g, ' ');
  const at = normal.indexOf(cue.words);
  if (at < 0) return false;
  const sentence = sentenceSoFar(normal, at) + cue.words + restOfSentence(normal, at + cue.words.length);
  const lastYear = Number(today.slice(0, 4)) - 2;
  return [...sentence.matchAll(IN_YEAR)].some((m) => Number(m[1]) <= lastYear);
}

/**
 * A hardship payment's reason: "we have decided to make you a hardship payment because your Universal Credit has
 * been reduced by a sanction" (UCD157). The reduction was an earlier decision; this message gives money, and a
 * hardship payment carries no MR right.
 */
function hardshipsReason(text: string, start: number): boolean {
  return /\bbecause $/.test(sentenceSoFar(text, start)) && /\bhardship payment/.test(text.slice(Math.max(0, start - 200), start));
}

/**
 * A tribunal's decision notice: "The appeal is allowed. The decision made by the Secretary of State on 14 September
 * 2023 is set aside." It repeats the decision appealed against, but nothing in it can be asked to be looked at
 * again or appealed in a month (a further appeal needs the tribunal's permission), so no phrase in it counts
 * (cues.ts asks once per message, before any rule runs).
 */
const TRIBUNAL_DECIDED =
  /(?:^|[.!?:\n] ?|\bdecision notice:? )(?:the |this |(?:the )?claimant's |(?:the )?appellant's )appeal is (?:allowed|refused|dismissed|struck out)\b|(?:^|[.!?:\n] ?)the decision (?:made )?(?:by|of) the secretary of state\b[^.]{0,60}?\bis (?:confirmed|set aside|upheld|revised)\b/;

/** "Tribunal today … got the decision notice": a decision received, just after a tribunal or an appeal is named, is theirs. */
function tribunalsDecision(text: string, id: string, start: number): boolean {
  return id === 'got-decision' && /\b(?:tribunal|appeal|judge|hearing)\b/.test(text.slice(Math.max(0, start - 200), start));
}

/**
 * An amount told as less, with nothing that says it is the benefit: "my new job pays about 200 quid less", "the gas
 * bill is only £40 this month, usually £90". `paid-less` counts then only when the words around it name the
 * payment, the statement or the like ("my UC came through … like 200 quid less", "datganiad … only £388 this time").
 */
const BENEFIT_WORDS =
  /\b(?:uc|universal credit|payments?|paid|money|statement|award|benefits?|standard|element|dwp|journal|ap|assessment period|datganiad|taliad|credyd cynhwysol)\b/;

/** The loose ways of telling it that need those words: "about 200 quid less", "only £40 now, usually £90", "is less £50". */
const LOOSE_AMOUNT = /\b(?:usually|normally)\b|(?:quid|pounds?) less$|\bless (?:by )?£?\d/;

function notSaidOfTheBenefit(text: string, id: string, start: number, end: number): boolean {
  return (
    id === 'paid-less' &&
    LOOSE_AMOUNT.test(text.slice(start, end)) &&
    !BENEFIT_WORDS.test(text.slice(start, end)) &&
    !BENEFIT_WORDS.test(text.slice(Math.max(0, start - 150), start) + restOfSentence(text, end))
  );
}

/** True for a tribunal's decision notice (TRIBUNAL_DECIDED): then no phrase in the message counts. */
export function isTribunalsNotice(text: string): boolean {
  return TRIBUNAL_DECIDED.test(text);
}

export function doesNotCount(text: string, id: string, start: number, end: number): boolean {
  if (aboutSomeoneElse(text, start) || hardshipsReason(text, start) || tribunalsDecision(text, id, start)) return true;
  if (notSaidOfTheBenefit(text, id, start, end)) return true;
  if (PEOPLES_WORDS.has(id) && (LONG_AGO.test(sentenceSoFar(text, start)) || LONG_AGO.test(restOfSentence(text, end)))) return true;
  if (MONEY_BACK.has(id) && REPAYS_ADVANCE.test(text.slice(Math.max(0, start - 200), end) + restOfSentence(text, end))) return true;
  if (refusesAdvance(text, id, start, end)) return true;
  return hedged(text, start, end);
}
