/**
 * A decision that went the claimant's way: "we accept that you had a good reason", "your Universal Credit will
 * not be reduced", "no sanction will be applied". Its words look like a decision's ("we have decided", "not …
 * reduced"), but there is nothing to challenge in practice (PRODUCT.md), so the recogniser is never sure it is
 * a decision then: it asks, and still shows the MR deadline for a yes. Not when the same text also says money
 * is cut or a reason was not accepted ("we accept you had a good reason for 3 May but not for 10 May, so your
 * Universal Credit will be reduced").
 */
const FAVOURABLE = new RegExp(
  [
    String.raw`\b(?:we|i|the decision maker|dm|dwp|they|he|she)(?:'ve| have| has| had)? (?:now )?(?:accept(?:ed|s)?|agree(?:d|s)?)(?: that)? (?:(?:you|he|she|they|i)(?:'d| had| have| has| did have| did)? (?:a )?|(?:my|your|his|her|their) )good (?:reason|cause)`,
    String.raw`\b(?:your|his|her|their|my|the) (?:universal credit|uc|payments?|award|money|standard allowance)(?: payments?)? (?:will not|won't|wont|will no longer|is not going to|isn't going to) be (?:reduced|cut|sanctioned|affected|stopped)`,
    String.raw`\b(?:satisfied|decided|agreed)(?: that)? (?:you|he|she|they) (?:had|have|has) (?:a )?good (?:reason|cause)`,
    String.raw`\bnot to (?:(?:sanction|reduce) (?:you|your|him|his|her|them|their)|(?:apply|impose|give you) a sanction)`,
    String.raw`\b(?:the |your |this )?(?:sanction|reduction) (?:has been|was|will be) (?:lifted|removed|cancelled|withdrawn|not applied)`,
    String.raw`\b(?:take|taking) no (?:further )?action`,
    String.raw`\bno (?:further )?(?:sanction|reduction) (?:will be|has been|is being|was) (?:applied|imposed|given)`,
    String.raw`\b(?:we|i|they) (?:will not|won't|wont) (?:apply|impose|give you) a sanction`,
    String.raw`\b(?:you|he|she|they) (?:will not|won't|wont) be sanctioned`,
  ].join('|'),
);
const ADVERSE =
  /\b(?:will be (?:reduced|cut|sanctioned|stopped)|(?:is being|has been|have been) (?:reduced|cut|sanctioned)|(?<!\bno (?:further )?)(?:sanction|reduction) (?:will be|has been|is being) applied|decided to apply (?:a |the )?(?:sanction|reduction)|we(?:'ve| have| will| are going to)? (?:reduce|reduced|stop|stopped|cut|end|ended|close|closed)\b|(?:haven't|hasn't|have not|has not|failed to|did not|didn't|do not|don't|not) (?:have|had|give|given|show|shown|provide|provided) (?:a )?good reason|(?:no|without(?: a)?) good reason|decided to (?:reduce|stop|end|close|sanction|take(?! no))|not accept(?:ed)? (?:that )?(?:you|he|she|they)|sanction(?:ed)? (?:of|for) \d|(?:sanction|reduction) (?:will start|starts|has started|began|will begin))/;

/** The words of a decision in the claimant's favour, or null (see FAVOURABLE); `normal` as cueText gives it. */
export function inClaimantsFavour(normal: string): string | null {
  // One space for a line break too: "your UC will not⏎be reduced".
  const line = normal.replace(/\n/g, ' ');
  const match = FAVOURABLE.exec(line);
  return match && !ADVERSE.test(line) ? match[0].trim() : null;
}
