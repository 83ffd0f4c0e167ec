// How a decision-language rule is written and what it finds.

export interface Cue {
  answer: 'decision' | 'mrn';
  /** Which rule matched, for tests and the evaluation. */
  rule: string;
  /** The words in the message that made it so. */
  words: string;
}

export type Rule = readonly [id: string, pattern: RegExp];

const END = String.raw`(?![a-z])`;

/** Rules are written with plain spaces; a line break in the message counts as one too. */
export function rule(id: string, source: string): Rule {
  return [id, new RegExp(source.replace(/ /g, '[ \\n]') + END, 'g')];
}
