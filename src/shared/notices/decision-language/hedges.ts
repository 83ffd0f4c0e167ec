// Words that make a phrase a warning, a condition or a question rather than
// something that happened, and the few that undo one (a message that came on a
// named day: CAME_ON_A_DAY).
import { sentenceSoFar } from './text';

/**
 * Words that make a phrase conditional, a warning or a general truth ("often the decision stays the same") when
 * they come before it in the same sentence (the Welsh ones, os, efallai, gall, cyn …, are HEDGE_CY below). Not an
 * agent's "I can confirm", "we can see" (they tell) nor "for once".
 */
const HEDGE =
  /\b(?:if|may|might|could|(?!(?<=\b(?:i|we) )can (?:confirm|see|advise|tell you|inform you|let you know)\b)can|unless|whether|would|should|(?<!\b(?:for|at) )once|until|before|risk|warn\w*|often|usually|sometimes|normally|generally|typically|(?:am|are|is) (?:i|we|they|you|he|she) going to|(?:will|shall) (?:i|we|they)|as soon as|(?:we|dwp) (?:believe|suspect))\b/;
/** The Welsh hedges, only for a Welsh phrase: "os", "cyn", "gall", "beth", "pam" are also English names and words. */
const HEDGE_CY = /\b(?:os|efallai|gallai|gall|gallwch|oni bai|byddai|dylech|cyn|rhybudd\w*)\b|\b(?:pam|sut|beth|pryd|neu|fel arall)\b(?:\s+[^\s,;]+){0,4}\s*$/;
const WELSH_WORDS = /\b(?:eich|yn|wedi|mae|bydd|rydym|nid|gennych|ydych|byddwn|gofynnoch|gallwch|hysbysiad|wnaethoch|fyddwch|oedd|oes)\b/;
/**
 * ... or just before it: "tell you what we have decided", "you will get a mandatory reconsideration notice",
 * "explain why your payment was reduced" (but "why have they closed my claim?" asks why something happened),
 * "accept your commitment or your claim will be closed" (an "or" further back is a list: "you did not send
 * them or give a good reason, so we have ended your award").
 */
const HEDGE_NEAR =
  /\b(?:why(?! (?:have|has|had|did|was|were|is|are)\b)|how|what|when|call(?:s|ed)?|wait(?:ing)? for|need|copy of|send|(?:get|receive) (?:a|an|the|your|our)|or|otherwise)\b(?:\s+[^\s,;]+){0,4}\s*$/;
/**
 * What follows "so", "this means" or "as a result" is what happened, whatever came before it: "this is more
 * than you can earn before your Universal Credit stops, so you will not get a payment".
 */
const CONSEQUENCE =
  /(?:, so|\bso (?=we|you|your|the|this|his|her|their)|\bthis means(?: that)?|\bas a result|\bbecause of this|\btherefore|\bfelly|\bo ganlyniad|\bmae hyn yn golygu(?: bod)?)\b/g;
/**
 * A message that came, told in the present as second-language English often does: "today I get a message saying
 * my claim has been closed", "yesterday she receives a letter that …". It is no hedge (not "when I get a letter
 * saying…", "you will get a message": no day is named there).
 */
const CAME_ON_A_DAY =
  /\b(?:today|yesterday|this (?:morning|afternoon|evening|week)|last (?:night|week)|on (?:mon|tues|wednes|thurs|fri|satur|sun)day),? (?:i|we|he|she|my(?: [\w']+)?) (?:just )?(?:get|gets|receive|receives|see|sees) (?:a|an|the|one) (?:[\w']+ ){0,2}?(?:message|letter|note|text|email|notification|update|entry)s?\b/g;
/** ... or just after it: "your claim will be closed if you do not accept". */
const HEDGE_AFTER = /^[ \n]?(?:(?:[\w'£,]|\.(?=\d))+ ){0,3}(?:if|unless|os|oni bai)\b/;

export function hedged(text: string, start: number, end: number): boolean {
  // "6 May 2024" is a date, not "may" the hedge.
  let sentence = sentenceSoFar(text, start).replace(/\b\d{1,2}(?:st|nd|rd|th)? may\b|\bmay \d/g, ' ');
  let last = -1;
  for (const m of sentence.matchAll(CONSEQUENCE)) last = m.index + m[0].length;
  if (last >= 0) sentence = sentence.slice(last);
  sentence = sentence.replace(CAME_ON_A_DAY, ' ');
  return (
    HEDGE.test(sentence) ||
    HEDGE_NEAR.test(sentence) ||
    (WELSH_WORDS.test(text.slice(start, end)) && HEDGE_CY.test(sentence)) ||
    HEDGE_AFTER.test(text.slice(end, end + 40))
  );
}
