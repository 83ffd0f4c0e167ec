// Decision language: the words that make a message a decision that can be
// challenged (ask for mandatory reconsideration), or a mandatory
// reconsideration notice (appeal). These rules are kept to phrases that mean
// it wherever they appear; the trained model (model.ts) covers the rest.
// A phrase does not count after "if", "may", "could" and the like in the same
// sentence: "your payment can be reduced if you don't..." is a warning; what
// follows ", so" or "this means" is what happened, whatever came before it.
// Money taken back does not count when it repays an advance or a hardship
// payment named just before (no MR right there). Each rule stands for a family
// of wordings (tense, person, word order, shorthand, common typos), tested in
// tests/unit/notices/cues.test.ts and cues-families.test.ts.
// The parts live in decision-language/: words.ts and mr-stories.ts (building
// blocks), mrn-rules.ts and decision-rules.ts (the rules, in the order tried),
// text.ts (the message as the rules read it), pre-check.ts (words a rule needs),
// hedges.ts and exclusions.ts (when a match does not count), favourable.ts.
import { DECISION_RULES } from './decision-language/decision-rules';
import { doesNotCount, isTribunalsNotice } from './decision-language/exclusions';
import { MRN_RULES } from './decision-language/mrn-rules';
import { worthTrying } from './decision-language/pre-check';
import type { Cue } from './decision-language/rule';
import { cueText } from './decision-language/text';

export type { Cue } from './decision-language/rule';
export { cueText } from './decision-language/text';
export { STORY_RULES, toldAsLongAgo } from './decision-language/exclusions';
export { inClaimantsFavour } from './decision-language/favourable';

/**
 * Each rule's first match that counts, MRN rules first, in the order tried. The message's own facts are worked out
 * once here, not once per rule or per match: its text on one line for the pre-check, and whether it is a
 * tribunal's notice (then nothing counts).
 */
function* cuesIn(normal: string): Generator<Cue> {
  if (isTribunalsNotice(normal)) return;
  const oneLine = normal.replace(/\n/g, ' ');
  for (const [rules, answer] of [
    [MRN_RULES, 'mrn'],
    [DECISION_RULES, 'decision'],
  ] as const) {
    for (const [id, pattern] of rules) {
      if (!worthTrying(oneLine, id)) continue;
      pattern.lastIndex = 0;
      for (const match of normal.matchAll(pattern)) {
        if (doesNotCount(normal, id, match.index, match.index + match[0].length)) continue;
        yield { answer, rule: id, words: match[0].replace(/\n/g, ' ').trim() };
        break;
      }
    }
  }
}

/**
 * A short message that asks rather than tells: "Have they closed my claim? I cannot log in.", "My partner's
 * claim was closed years ago, does that matter now?". People paste their own questions next to (or instead
 * of) a notice; the words of one look like a decision's, but nothing in it says a decision was made.
 */
export function isShortQuestion(normal: string): boolean {
  return normal.trim().length <= 200 && normal.includes('?');
}

/** The decision or MRN language in a message, if any. */
export function findCue(text: string): Cue | null {
  for (const cue of cuesIn(cueText(text))) return cue;
  return null;
}

/** Every phrase rule's pattern, so a test can check how each was written. */
export function rulePatterns(): RegExp[] {
  return [...MRN_RULES, ...DECISION_RULES].map(([, pattern]) => pattern);
}

/** Every rule that matches, for the evaluation's per-rule precision. */
export function allCues(text: string): Cue[] {
  return [...cuesIn(cueText(text))];
}
