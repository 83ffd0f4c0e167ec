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

export interface Cue {
  answer: 'decision' | 'mrn';
  /** Which rule matched, for tests and the evaluation. */
  rule: string;
  /** The words in the message that made it so. */
  words: string;
}

type Rule = readonly [id: string, pattern: RegExp];

const UC = String.raw`(?:universal credit|uc)`;
const HAVE = String.raw`(?:'ve| have| has)?`;
const END = String.raw`(?![a-z])`;
/** Not within three words after one of `words` (an alternation): "haven't got my MRN", "as soon as I've got". */
const notAfter = (words: string) => String.raw`(?<!\b(?:${words})(?: [\w']+){0,2} )`;
/** Not followed by one of `words` within `span` characters of the same sentence: "… until we have checked", "… unless you send". */
const notSoonBefore = (words: string, span: number) => String.raw`(?![^.!?\n]{0,${span}}\b(?:${words})\b)`;
/** Someone else's situation, not the claimant's: "my friend got her decision", "anyone got LCWRA?". */
const OTHER_PEOPLE = String.raw`(?:friend|mate|neighbour|someone|anyone|everyone|people|others?|colleague|cousin)`;
/** The claimant's family or an adviser's client, whose decisions count as the claimant's own: "my son's MR", "tenant's claim". */
const FAMILY = String.raw`(?:son|daughter|brother|sister|mum|mam|mom|dad|nan|gran|partner|husband|hubby|wife|client|tenant)`;
/** Whose: "your", "my", "my son's", "client's" (never OTHER_PEOPLE's: "my friend's MR"). */
const WHOSE = String.raw`(?:(?:your|the|my|his|her|their|our) (?:${FAMILY}'?s )?|${FAMILY}'s )`;
/** Words that undo what follows them: "I haven't had my MR back", "not had the letter yet". */
const NEGATIONS = String.raw`not|haven't|hasn't|havent|hasnt|didn't|didnt|never|yet`;
/** ... or put it off: "when I get my decision", "once my statement comes" (for notAfter). */
const NOT_YET = String.raw`${NEGATIONS}|when|once|until|till|if|soon as`;
/**
 * Not still to come ("… yet"), and not asked in the same clause: "got my MRN today, what now?", "they refused
 * my MR so what do I do now?" and "dwp refused my mr - can I appeal?" still count (a comma, "so", "and", "but"
 * or a dash starts a new clause). The scan stops after 80 characters, so a long unpunctuated paste costs little.
 */
const NOT_PENDING = String.raw`(?! yet)(?!(?:(?! so | and | but | - )[^.!,\n]){0,80}\?)`;
/** Not a yes/no question: "have they…", "did DWP…", "has the jobcentre…", "hi have they…" opening a sentence or clause. */
const NOT_ASKED = String.raw`(?<!(?:^|[.!?,;:\n] ?)(?:(?:hi|so|and|ok|but|also) )?(?:have|has|had|did|do|does|will|would|could|can|are|is|was|were) (?:the )?)`;
/** "successful" and "unsuccessful" as people type them: "unsuccesful", "sucessful", "succesfull". */
const SUCCESSFUL = String.raw`(?:not |un)?suc+es+ful+`;
/** What an MR was about, between "MR" and what became of it: "my MR on the bedroom tax decision was refused" (not "… that was refused"). */
const MR_ABOUT = String.raw`(?: (?:on|for|about|re|regarding|against) (?:(?! ?\b(?:that|which|who|where|because|when|if)\b)[^.!?\n,]){1,30}?)?`;
/** The MR as people name it: "mandatory reconsideration", "mandatory recon", "reconsideratoin", "mandatry reconsideraton", "recon", "MR". */
const MR_NAME = String.raw`(?:(?:mand[a-z]* )?recon(?:sid\w*)?\b|mr\b)`;
/** Not for now only: "… while we look at it", "… until a decision maker has", "… yet". */
const NOT_MEANWHILE = notSoonBefore('while|whilst|until|till|pending|in the meantime|for now|at the moment|yet', 60);
/** Welsh: not after "not", "without", "when", "once", "if", "until", "before", "after" (a few words back). */
const NOT_AFTER_CY = String.raw`(?<!\b(?:ddim|heb|pan|unwaith|os|nes|cyn|ar ôl)\b[^.!?\n]{0,30})`;
/** Welsh: not "… eto" (yet), and not asked ("Ydy'r ailystyriaeth wedi dod yn ôl?"). */
const NOT_PENDING_CY = String.raw`(?! eto)(?![^.!,\n]{0,80}\?)`;
/** Something long past in people's words: "back in 2021", "years ago" (LONG_AGO below adds a few more). */
const LONG_AGO_WORDS = String.raw`back in (?:19|20)\d\d|years ago|last year|previously`;
/** A date as notes write it: "17/01/25", "4.6.2024", "3 March", "22nd Nov 2025". */
const SHORT_DATE = String.raw`(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}(?:st|nd|rd|th)? [a-z]{3,9}\.?(?: \d{4})?)`;
/** A sum of money: "£20.37", "£1,120", "20.37". */
const MONEY = String.raw`£?\d[\d,]*(?:\.\d\d)?`;
/** "closed" and its common typos ("clsoed", "colsed", "closd"). */
const CLOSED = String.raw`(?:closed|clsoed|colsed|closd)`;

/** Rules are written with plain spaces; a line break in the message counts as one too. */
function rule(id: string, source: string): Rule {
  return [id, new RegExp(source.replace(/ /g, '[ \\n]') + END, 'g')];
}

/**
 * A second look at a decision, done: "we've had another look at", "we looked at your sanction again", "having
 * reconsidered", "your request for us to look at the decision again has been completed" (not "we will look at
 * it again", "we have not looked at it again"). Then, within the next sentence or two, what it found: kept
 * ("the sanction stays", "it still applies", "we have not changed it") or changed ("we have changed it",
 * "revised in your favour"). A review in plainer words ("we have reviewed / gone over the decision") counts only
 * with a kept outcome: DWP also reviews decisions of its own accord when something changes, and that new
 * decision is one to challenge, not an MRN.
 */
const NOT_DONE = notAfter(`${NEGATIONS}|will|'ll|going to|can|could|may|might|would|should|must|being|who|coach`);
/**
 * The MR itself done: "your MR is done", "the mandatory reconsideration's been done", "MR completed" (not "once
 * my MR is done", "when the reconsideration has been completed"). Only with what it found after it.
 */
const MR_DONE = String.raw`(?<!\b(?:when|once|until|till|before|after|if|whether|soon as)(?: [\w']+){0,2} )(?:${WHOSE})?${MR_NAME}(?:'s| has| is| was| got)?(?: now)?(?: been)? (?:done|completed|complete|finished|finish|dealt with|decided|looked at)\b`;
const SECOND_LOOK = String.raw`(?:looked again at|looked at (?:it|this|that) again,? (?:like|as) (?:i|you|we|he|she) (?:asked|requested)|looked at (?:(?:all )?(?:the|your|our|my|his|her|their) (?:[\w'-]+ ){0,3}?(?:decision|sanction|mr|mandatory reconsideration|request|evidence|information|facts|papers)) again|(?:had|taken|took) (?:another|a second|a fresh|a further|a new) look,? (?:like|as) (?:i|you|we|he|she|they) (?:asked|requested)|(?:had|taken|took) (?:another|a second|a fresh|a further|a new) look at (?:(?:the|your|our|my|his|her|their|this|that) )?(?:[\w'-]+ ){0,3}?(?:decision|sanction|mr|mandatory reconsideration|reconsideration|evidence|it\b)|(?:reconsidered|re-considered)(?= (?:(?:the|your|our|this|that|his|her|their) (?:[\w'-]+ ){0,3}?(?:decision|sanction)|it|and|everything|all)\b|[.,])|(?:reconsidered|re-considered) whether|(?:after|following|having) (?:reviewing|reconsidering|looking at|considered|looked at) your (?:mandatory reconsideration|mr|request for (?:a |an )?(?:mandatory )?reconsideration|request (?:for us )?to (?:look|reconsider))|after reconsidering|(?:reviewed|reconsidered|looked at again|looked at) at (?:your|the claimant's|his|her|their) request|(?<!\b(?:i|coach|she|he) )(?:gone|went) (?:back )?over (?:it|this|that|everything) again|looked at (?:your|the|his|her|their) (?:claim|case) again,? (?:following your request|as (?:you )?requested|as you asked|like you asked))`;
/** The claimant's request done: "your request for us to look at the decision again has been completed". */
const REQUEST_DONE = String.raw`\blook at (?:the|your|our|this|that) (?:[\w'-]+ ){0,3}?(?:decision|sanction) again (?:has been|was|is now) (?:completed|done|finished)`;
const PLAIN_REVIEW = String.raw`(?:(?<!\bi )(?:reviewed|gone (?:back )?over|went (?:back )?over|checked) (?:the|your|our|my|his|her|their|this|that) (?:[\w'-]+ ){0,3}?(?:decision|sanction)|(?:decision|sanction) (?:has been|was|have been|had been) (?:reviewed|checked again|looked at again)(?! at (?:your|the|a|an) (?:appointment|interview|meeting)))`;
/** The first decision kept, whoever says so: "upheld it", "agreed with the …", "kept the …". */
const KEPT_IT = String.raw`(?:upheld|agreed with|confirmed|kept) (?:it|the|our|their|this|that)\b`;
const KEPT = String.raw`(?:(?:still|remains?|stays?|will (?:remain|stay)|is staying) (?:the same|in place|unchanged|in force)|(?:decision|sanction|it|this|that|reduction|deduction|overpayment)(?: decision)? (?:still )?(?:stands|stays|remains|still applies)|still (?:applies|stands|think (?:it|the decision|this|that) (?:is|was) (?:right|correct))|(?:decision|sanction|it|this|that|overpayment|deduction|reduction) (?:is|are|was) still (?:recoverable|correct|right|the same|in place|due)|(?:not|n't|never) (?:been )?(?:able to )?(?:change|changed|revise|revised|alter|altered)\b|${KEPT_IT}(?! (?:appointment|time|date|booking|hours))|(?:did not|didn't|would not|wouldn't|will not|won't|refused to|refuse to) (?:budge|change (?:it|anything|their minds?|its mind))|said no|no change\b|not to (?:change|revise|alter)\b|still (?:think|believe|consider|say|find)\b|(?:was|were|is) (?:correctly|properly|rightly) (?:made|applied|imposed))`;
const CHANGED = String.raw`(?:(?:have|has|'ve|we|they|i) (?:now )?(?:changed|revised|altered) (?:part of |some of )?(?:it|the|our|your|this|that)\b|decided to (?:change|revise|alter) (?:part of )?(?:it|the|our|your|this|that)\b|(?:decision|sanction|it|this|that|reduction|deduction|overpayment|award|claim|element|costs?|lcwra?)(?: decision)? (?:is|was|has been|have been) (?:revised|changed|overturned|reinstated|restored|lifted|cancelled|removed)|(?:reinstated|overturned|reversed)\b|reopened (?:it|the claim|(?:my|his|her|their|your|the) (?:claim|award))\b|in (?:your|the claimant's|the client's|client's|his|her|their|my|our) favour|knocked (?:it )?(?:down|off)\b|(?:took|taken) (?:the )?(?:sanction|deduction|reduction|overpayment|cap) off\b|put (?:me|him|her|them|us) (?:in|on|into) (?:the )?(?:lcw|lcwra|support|limited|work-related|wra)\b|changed (?:their|there|his|her|its) minds?\b)`;
/** Between the two: no "if", "unless", "until", "when" (a condition) and no question mark; none after them either (NOT_PENDING). */
const THEN = String.raw`(?:(?!\b(?:if|unless|until|when|whether|once|while|before|soon|pending|meantime|meanwhile)\b|\bafter\b(?! (?:i|you|we|he|she) (?:asked|requested|challenged)))[^?]){0,150}?`;
/**
 * The claimant's MR request named, then a decision made on it: "you asked for a mandatory reconsideration on 4
 * October. We have now made a decision", "we got your request to look at the decision again … we have changed
 * our decision" (not "we have not made a decision yet", "we will tell you when we have made a decision").
 */
const MR_ASKED = String.raw`(?:your request (?:for us )?to (?:(?:look at|reconsider|review) [^.!?\n]{0,40}?again|look again at|reconsider)|you asked (?:us )?(?:for (?:a |an )?(?:(?:mandatory )?reconsideration|mr\b)|to (?:look again at|reconsider))|(?:i|we|he|she|you) (?:asked|ask) (?:us|them|you|dwp|the dwp|uc|the jobcentre) to (?:look at (?![^.!?\n]{0,40}?\b(?:appointment|commitment|hours|availability|diary|to-?do)\b)[^.!?\n]{0,40}? again|look again|reconsider(?! (?:[\w'-]+ )?(?:appointment|commitment|hours|time)))|(?:i|we|he|she|you) (?:challenged|disputed) (?:it|the decision|the sanction|the [a-z]+ decision)|(?:i|we|he|she|they|client|my client) asked for (?:a |an )?(?:mandatory reconsideration|reconsideration|mr)\b)`;
const DECIDED_ON_IT = String.raw`(?:(?:have|has|'ve|they|dwp|dm) (?:now )?(?:changed|change|revised|revise|altered|kept|upheld) (?:the|our|my|this|that|their|your) (?:original |earlier |first )?decision|${notAfter(`${NEGATIONS}|will|'ll|to|soon as`)}(?:made|reached) (?:a|our|my|the) (?:new )?decision|decision (?:has |have )?(?:now )?(?:not )?(?:been )?(?:changed|revised)\b)`;
/** Kept, said of the decision itself: a request still pending leaves "your payment has not changed" true too. */
const DECISION_KEPT_ITSELF = String.raw`(?:(?:decision|sanction|deduction|overpayment|reduction|answer)(?: decision)? (?:is |was )?(?:still )?(?:stands|stays|stayed|remains|remained|still applies|still no|the same)|(?:answer is|still said) (?:still )?no\b|still refused\b|${KEPT_IT}|(?:did not|didn't|would not|wouldn't|refused to) (?:budge|change (?:it|anything|their minds?)))`;
const DECISION_KEPT = String.raw`(?:${DECISION_KEPT_ITSELF}|said no\b(?! (?:decision|news|answer|update|word|problem|reply|to)\b))${notSoonBefore(`while|until|for now|pending|meantime|during|in the meantime|for the time being`, 40)}`;
/**
 * "Looked at it again" names no decision: a work coach "looked at it again and said no, I have to attend". With
 * it, what was kept must be the decision itself (or changed): "looked at it again and the deduction stays".
 */
const LOOKED_AT_IT_AGAIN = String.raw`looked at (?:it|this|that) again`;
/** Already appealed: the MR told is past, its appeal done ("… they said no. I've now appealed and the hearing is next week"). */
const APPEALED_SINCE = String.raw`(?![^?]{0,120}\b(?:(?:i|we|he|she)(?:'ve| have| has)? (?:now |already )?(?:appealed|lodged)|(?:tribunal )?hearing is)\b)`;
const MR_ASKED_THEN_DECIDED = String.raw`\b${MR_ASKED}\b${THEN}\b(?:${DECIDED_ON_IT}|${DECISION_KEPT}|${CHANGED})${NOT_PENDING}${APPEALED_SINCE}|\b(?:${CHANGED}|${DECISION_KEPT})${THEN}\b(?:after|following|because|when) (?:${MR_ASKED}|looking at (?:it|this|that|the decision|my claim|your claim) again|reconsidering)\b`;
/** What an MR that is done found, said of the decision (not "I still think", "my health has not changed", "said no one"). */
const MR_DONE_OUTCOME = String.raw`(?:${DECISION_KEPT_ITSELF}|${CHANGED}|(?:accepted|agreed with) (?:the|my|his|her|their) (?:[\w'-]+ ){0,2}?(?:evidence|letter|reason|note)\b|(?:will be|has been|have been|was|were|being) (?:refunded|paid back|backdated)\b|(?:decision|sanction|overpayment|deduction|reduction) (?:is|are|was) still (?:recoverable|correct|right|in place|due)|refused (?:it )?again|stuck (?:with|to) (?:the|their|its|our) (?:original )?decision|against (?:me|him|her|them|us|you|the claimant|my client)\b|still (?:say|says|said|think|thinks|believe|believes|find|finds)\b|decision (?:did )?(?:not|no|hasn't|has not|didn't) chang\w*)`;
const MR_DONE_THEN_OUTCOME = String.raw`${NOT_DONE}(?<!\b(?:soon as|once|when|until|till|if|whether)\b[^.!?\n]{0,40})(?<!\b(?:${LONG_AGO_WORDS})\b[^.!?\n]{0,60})\b${MR_DONE}(?! by (?:a|an|another|someone)\b)${notSoonBefore(`post(?:ed)?|sent|send|sending|submitted|submit|handed in|through to|passed to|for (?:client|cl|him|her|them)|with (?:client|cl|citizens advice|cab|the cab)|since`, 40)}(?:[,.:;\s-]*(?:(?:on )?${SHORT_DATE}[,:;\s-]*)?(?:(?:outcome|result|decision) ?[:-] ?)?(?:no change|not changed|unchanged)\b|${THEN}\b${MR_DONE_OUTCOME})${NOT_PENDING}${APPEALED_SINCE}`;
const LOOKED_AGAIN_THEN_OUTCOME = String.raw`${MR_DONE_THEN_OUTCOME}|(?:${NOT_DONE}\b${SECOND_LOOK}|${REQUEST_DONE})\b(?:${THEN}\b(?:${KEPT}|${CHANGED}))${NOT_PENDING}|${NOT_DONE}\b${PLAIN_REVIEW}\b${THEN}\b${KEPT}${NOT_PENDING}|${NOT_DONE}\b${LOOKED_AT_IT_AGAIN}\b${THEN}\b(?:${DECISION_KEPT_ITSELF}|${CHANGED})${NOT_PENDING}`;

// Checked first: an MRN also repeats the decision it looked at again.
const MRN_RULES: readonly Rule[] = [
  // The notice named: its heading, "your mandatory reconsideration notice" (not "a mandatory reconsideration notice
  // is the letter…", "we'll put a mandatory reconsideration notice in your journal", "what is a … notice?").
  rule('mrn-heading', String.raw`(?<!\b(?:a|an) )\bmandatory reconsideration notice(?![^.!\n]{0,40}\?)`),
  // "Here is your MRN", "DWP subsequently issued an MR Notice", "received DWP's response, in the form of a 'MR Notice'".
  rule(
    'mrn-named',
    String.raw`\b(?:(?:this is|here is|attached is|uploaded|(?:dwp|they|we|the dwp|the decision maker|dm)(?: have| has| subsequently| then| later| finally)? (?:issued|sent)) (?:your|the|a|an|their|his|her|my|our) ["'“”]?(?:mrn|mr notice|mandatory reconsideration notice)|(?:(?:i|we|he|she|client|my client)(?: have| has)? (?:received|got)|in the form of) (?:your|the|a|an|their|his|her|my|our) ["'“”]?(?:mr notice|mandatory reconsideration notice))\b(?! form| request)`,
  ),
  rule(
    'mrn-looked-again',
    String.raw`\b(?:we|i|the decision maker|a decision maker|dm)${HAVE} (?:now )?(?:looked again at|reconsidered|re-considered)(?: and (?:revised|changed|kept|not changed))? (?:the|your|our|my|this|that)(?! (?:[\w'-]+ )?(?:to-?do|commitment|cv|job|work search|appointment|availability|hours|action plan|journal))`,
  ),
  rule(
    'mrn-looked-at-decision-again',
    String.raw`\b(?:we|i|the decision maker)${HAVE} (?:now )?(?:looked at|reviewed|considered|gone over) (?:the|your|our|my|this|that) [^.!?\n]{0,40}?decision again`,
  ),
  // In people's words: "DWP looked at it again and said no", "they've looked at the decision again and kept it",
  // "they looked again and still the same", "they have looked again and changed the decision", "they have reconsidered
  // and still I must pay all of it"
  // (not "they will look at it again", "have they looked at it again?").
  rule(
    'mrn-they-looked-again',
    String.raw`${NOT_ASKED}\b(?:they|dwp|the dwp|uc|the decision maker|dm)${HAVE} (?:(?:looked at|gone over|reviewed) (?:it|this|that|(?:the|my|his|her|their) (?:decision|claim|case|sanction|overpayment|deduction|reduction|housing costs|childcare costs|lcw|lcwra|wca)) again|looked again|had another look|reconsidered),? (?:and|but)(?: (?:they|dwp|it))?(?: (?:have|has|is|was|'s))?(?: still)? (?:said no|refused|kept|upheld|nothing (?:is |has )?chang\w*|(?:i|we|he|she|you) (?:must|have to|has to|need to|needs to) (?:pay|repay)|(?:didn't|did not|haven't|have not|hasn't|has not|won't|wouldn't|would not|will not) changed?|the same|no change|(?:changed|revised|overturned|reversed|lifted|removed) (?:it|the (?:original )?decision|their minds?|the sanction))${NOT_PENDING}`,
  ),
  rule(
    'mrn-looked-at-mr',
    String.raw`${NOT_ASKED}${notAfter(`${NEGATIONS}|if|when|once|until|will|to|nobody|no one|noone|coach`)}\b(?:looked at|considered|reviewed|decided) (?:your|my|his|her|their|the) (?:mandatory reconsideration|mr)\b(?! (?:request|form|route|option|process|paperwork))${NOT_PENDING}`,
  ),
  // "The result of your mandatory reconsideration", "outcome of my MR", "Result of 'Mandatory Reconsideration'"
  // (not a promise of one: "we will write to you with the result of your MR", "we aim to tell you the outcome";
  // not still awaited: "still not had the outcome of my MR";
  // "we are writing to tell you the outcome of your MR" is the MRN itself).
  rule(
    'mrn-outcome',
    String.raw`(?<!\b(?:will|'ll|aim to|try to|able to) (?:\w+ )?(?:write|tell|let you know|inform|send|contact)\b[^.!?\n]{0,30})${notAfter(`${NEGATIONS}|still|no|yet to|chasing|chase`)}\b(?:result|outcome) of (?:your |the |my |his |her |their |a )?['"]?(?:mandatory reconsideration|mr)\b`,
  ),
  // "My MR came back: no change", "the mandatory reconsideration has come back unchanged" (not "when it comes back").
  // "My MR came back", "the MR on the client's overpayment came back today", "MR came back today - no change"
  // opening a note (not "has your MR come back yet?",
  // "when the MR comes back", "if the MR came back negative").
  rule(
    'mrn-came-back',
    String.raw`${NOT_ASKED}${notAfter(`${NEGATIONS}|if|when|once|until|soon as`)}(?<!\b${OTHER_PEOPLE}'s )\b(?:${WHOSE}${MR_NAME}(?: [^.!?\n]{1,40}?)?|(?:${MR_NAME}|mrn)) (?:came (?:back|bk|bak|through)|(?:has|have) (?:now |finally )?come (?:back|bk|bak|through)|is back|was back|(?<=(?:^|[.!?\n] ?)(?:${MR_NAME}|mrn) )back)\b(?<!(?:19|20)\d\d ?[-:]? ?(?:${MR_NAME}|mrn) [a-z\s]{4,20})(?! (?:from [^.!?\n]{1,20}? )?(?:asking|wanting|requesting|needing|for more|to (?:me|us) (?:for|asking)))${NOT_PENDING}`,
  ),
  // "MR result: not changed", "Mandatory reconsideration decision - no change" ("reconsideration outcome: …" below).
  rule(
    'mrn-result-line',
    String.raw`\b(?:(?:mr|mandatory reconsideration) (?:result|decision|outcome)(?: (?:for|on|about) [^.!?\n:]{1,40}?)?|mandatory reconsideration decision) ?[:-] ?(?:[^.!?\n]{0,60}?\b(?:they|dwp|dm|we) (?:have |'ve )?(?:agreed|accepted|changed|revised|refused|upheld|kept)\b|no change|not changed|unchanged|not revised|revised|changed|refused|upheld|disallowed)`,
  ),
  // "Your MR was unsuccessful", "my mandatory reconsideration got turned down" (not "if your MR is refused, …").
  rule(
    'mrn-mr-done',
    String.raw`(?<!\b(?:if|when|once|whether|unless|until|in case) )(?:\b${WHOSE}(?:request for (?:a |an )?)?|(?<=^|[.!?\n] ?))${MR_NAME}(?: request)?${MR_ABOUT}(?:(?: has been|'s been| was| is| got| has| had been)? (?:${SUCCESSFUL}|refused|rejected|turned down|declined|overturned|upheld)\b|(?: has been|'s been| was| is| got| has| had been) completed(?![^.!?\n]{0,30}\b(?:sent|passed|forwarded|handed) (?:on )?to\b)| went (?:against (?:me|him|her|them|us|you)|(?:my|his|her|their|our) way|in (?:my|his|her|their|our|the claimant's|the client's) favour)| failed(?! to)| (?:says|said|came back) no\b|(?: has been|'s been| was| got) (?:answered|replied to)\b)${NOT_PENDING}|${notAfter(`if|when|once|whether|unless|until|anyone|anybody|think|${NEGATIONS}`)}\b(?:lost|won) (?:my|his|her|the|our) (?:mandatory reconsideration|mr)\b${NOT_PENDING}`,
  ),
  // "They refused my MR", "DWP rejected his mandatory reconsideration", "they rejected my MR, what now?" (not
  // "they may refuse", "if they reject", "have they rejected my MR yet?").
  rule(
    'mrn-they-refused-mr',
    String.raw`${NOT_ASKED}(?<!\b(?:if|when|once|whether|unless|in case) )\b(?:they|dwp|dm|the decision maker|uc)${HAVE} (?:refused|rejected|turned down|declined|said no to) (?:my|the|his|her|their|your) (?:mandatory reconsideration|mr)\b${NOT_PENDING}`,
  ),
  // "I've had my MR back, no change", "got the mandatory reconsideration back today" (not "haven't got my MR back",
  // "I have not yet had my MR back", "has he had his MR back?", "when I get it back").
  rule(
    'mrn-had-back',
    String.raw`${notAfter(`you|'d|would|should|${NEGATIONS}|${OTHER_PEOPLE}`)}\b(?:(?:had|got|received) (?:my|the|his|her|their) ${MR_NAME}(?: decision| result| outcome| letter)? back|(?:heard|had|got) (?:word )?back (?:on|about|from [^.!?\n]{1,30}? about) (?:my|the|your|his|her|their) ${MR_NAME}|(?:got|come|came) back to (?:me|us) (?:about|on|regarding|re) (?:the|your|my|his|her|their) ${MR_NAME}|heard back from (?:my|the|his|her|their) ${MR_NAME})\b(?! (?:request|team|form|meeting|office))(?![^.!\n]*\?)`,
  ),
  // The notice itself as people name it when it comes: "got my MRN today", "I've received the MRN", "just had
  // my MRN back", "my MRN arrived" (not "I haven't got my MRN yet", "have you got your MRN?", "when you get
  // your MRN", "as soon as I've got my MRN", "make sure you've received the MRN", "they got my MRN", which
  // people also say of their own MR request, "the MRN form").
  rule(
    'mrn-received',
    String.raw`${notAfter(`you|you've|you'd|${NEGATIONS}|when|once|until|till|til|soon as|sure|must|should|after|before|if|they|dwp|jobcentre|will|find|see|check|look|where`)}\b(?:(?:got|had|received|recieved|rec'd|recd) (?:back )?(?:(?:my|the|his|her|their|our|an|a|client's) )?mrn(?! form| request)|(?:my|his|her|their|the) mrn (?:has |have |finally )?(?:arrived|came|come|turned up|is here|is back)|(?:${WHOSE}|an? )?mrn (?:is |was |has been |now )?(?:in|on|uploaded to|attached to|put (?:in|on)|posted (?:in|on|to)|added to) ${WHOSE}(?:journal|account)|mrn (?:(?!(?:will|would|should|when|if|once)\b)[^.!?\n]){0,30}? (?:was|has been|is|got) (?:attached|uploaded|added|put|posted) (?:to|in|on|into) ${WHOSE}(?:journal|account))\b${NOT_PENDING}`,
  ),
  // The MR's own letter put in the journal: "Your mandatory reconsideration decision letter has been uploaded".
  rule(
    'mrn-letter-uploaded',
    String.raw`${notAfter(`no|${NEGATIONS}|when|once|until|if`)}\b(?:mandatory reconsideration|reconsideration|mr|mrn) (?:decision |outcome |result )?letter (?:(?:has been |was |now )?(?:uploaded|added|attached|sent|issued|posted)\b|(?:has |'s |have |finally |just )?(?:came|come|arrived|turned up)\b(?! (?:at|to|back)\b))${NOT_PENDING}`,
  ),
  // "The reconsidered decision is that you are not entitled." (not "the reconsidered decision will be sent to you")
  rule('mrn-reconsidered-decision', String.raw`\bthe reconsidered decision (?:is|was|says|states)\b`),
  // "We have reviewed the decision about your LCW and it stays the same" (an MR answered without the letter's words).
  rule(
    'mrn-reviewed-unchanged',
    String.raw`\b(?:we|i|the decision maker|a decision maker|dm)${HAVE} (?:now )?(?:reviewed|looked at|checked|gone through) (?:the|your|our|this|that) decision\b[^.!?\n]{0,60}?(?:,| and) (?:it|the decision|our decision|this|that) (?:stays the same|remains the same|is unchanged|remains unchanged|has not changed|hasn't changed|still stands)`,
  ),
  rule(
    'mrn-not-changed',
    String.raw`\b(?:(?:we|i)${HAVE} (?:not|decided not to) (?:change|changed)|decided not to (?:change|revise|alter)|decided to keep) (?:the|our|my|this|that|their) (?:original )?decision(?! (?:letter|notice|date))`,
  ),
  // The decision kept, with what it was about between: "the decision that you are not entitled … has not been
  // changed" (not "the decision has not changed while we look at your request", "… still stands until then").
  rule(
    'mrn-decision-stands',
    String.raw`\b(?:original |the |our )decision(?: (?:that|to|about|on|which) (?:(?!\b(?:and|but|so) (?:it|this|that|we|they)\b)[^.!?\n]){1,140}?)? (?:still )?(?:stands|has not (?:been )?changed|hasn't (?:been )?changed|remains (?:the same|unchanged)|is unchanged|is (?:still )?the same as (?:before|it was))${NOT_MEANWHILE}|\breconsideration(?: decision)?:? (?:decision )?(?:not changed|not revised|unchanged)`,
  ),
  // "We have been unable to change the decision", "I am not able to change our decision" (not "… until you send").
  rule(
    'mrn-cannot-change',
    String.raw`\b(?:we|i|the decision maker|dm)(?:'re|'m|'ve been| are| am| have been| were| was)? (?:unable to|not able to|cannot|can't|could not|couldn't|can not|(?:have not|haven't) been able to) (?:change|revise|alter) (?:the|our|my|this|that|your) (?:original )?decision${notSoonBefore(`until|unless|if|without|by phone|over the phone`, 40)}`,
  ),
  // "The decision dated 4 March has been reconsidered", "the reconsideration did not change the decision".
  rule(
    'mrn-decision-reconsidered',
    String.raw`\b(?:the|our|my|this|that|your) (?:original )?decision(?: (?:dated|of|made on|about) [^.!?\n]{1,40}?)? (?:has been|was|have been) (?:reconsidered|looked at again)|\breconsideration (?:did not|didn't|has not|hasn't|does not) change (?:the|our|my|your|this) decision`,
  ),
  // "You can now appeal", "you can now ask an independent tribunal to look at this decision".
  rule('mrn-can-now-appeal', String.raw`\byou can now (?:appeal|ask (?:a|an|the) (?:independent )?tribunal|apply to (?:a|an|the) (?:independent )?tribunal)`),
  // The appeal paragraph of an MRN, also when OCR lost words around it: "you can appeal ... within one month of the date of this notice".
  rule('mrn-appeal-within', String.raw`\byou can (?:[a-z]+ )?appeal\b[^.!?]{0,60}? within (?:one|1) month of the date of this notice`),
  rule(
    'mrn-shorthand',
    String.raw`${notAfter('awaiting|await|waiting|chased|chasing|chase|pending|expecting|expect|no|about|for')}\b(?:mr (?:refused|rejected|turned down|declined|outcome|unsuccessful|not successful|upheld|decision)|(?<!\b(?:was|were|is|had|has|have|get|got) (?:your|their|his|her|the|my|an?) )mr (?:won|lost(?! in| by)|successful|overturned|revised)${NOT_PENDING}|(?<!\bcopy (?:of )?(?:the )?)mrn (?:attached|issued|uploaded|sent|enclosed|is on)|(?<!\b(?:hop(?:e|es|ing|efully)|if|whether|last year|years ago|back in (?:19|20)\d\d)\b[^.!?\n]{0,40})(?:revised|changed|upheld|maintained|refused|overturned|reversed|reduced|removed|lifted|cancelled|withdrawn|reinstated)(?: (?:it|(?:the|my|his|her|their|your|our)(?: [\w'-]+){0,3}? (?:decision|sanction|award|element|overpayment|deduction|reduction|claim|lcwra?|costs?|amount)))? (?:at|on) (?:mandatory reconsideration|mr|reconsideration)\b(?! [a-z]+'s\b)${NOT_PENDING}|appeal rights apply)|${notAfter(`no|${NEGATIONS}|when|once|until|if|awaiting|await|waiting|chased|chasing|chase|pending|expecting|expect|for`)}\bmrn (?:(?:(?:dated|of|from) )?${SHORT_DATE} )?(?:rec'd|recd|received|arrived|came|back)\b(?! by (?:hmcts|the tribunal|tribunal|the court|court)\b| in (?:19|20)\d\d\b| (?:last year|years ago))${NOT_PENDING}`,
  ),
  rule(
    'mrn-they-not-changed',
    String.raw`\b(?:they|dm|decision maker)${HAVE} (?:not|decided not to|did not|didn't|didnt|would not|wouldn't|wouldnt|won't|wont) (?:change|changed|alter|revise) (?:(?:the|their|this|that|my|his|her|your|our) )?(?:original )?(?:decision|decison|descision|desicion)`,
  ),
  // The MR done, in the reviewer's words: "we have completed your mandatory reconsideration", "I have now carried out the reconsideration".
  rule(
    'mrn-completed',
    String.raw`(?<!\b(?:after|once|when|until|before) )\b(?:(?:we|the decision maker|a decision maker|dm|they|dwp)${HAVE} (?:now )?(?:completed|finished|carried out|done|did) (?:the|your|a|our|my|his|her|their)|i${HAVE} (?:now )?(?:completed|finished|carried out) (?:the|your)) (?:(?:mandatory )?reconsideration|mr\b)(?! (?:form|request|application|online))${NOT_PENDING}`,
  ),
  // "We have considered your request for mandatory reconsideration", "the result of your request for a reconsideration".
  rule(
    'mrn-request-considered',
    String.raw`\b(?:(?:we|i|the decision maker|dm)${HAVE} (?:now )?(?:looked at|considered|reviewed)|(?:result|outcome) of) your request (?:for (?:a |an )?(?:mandatory )?reconsideration|for us to (?:reconsider|look again|look at [^.!?\n]{0,40}? again))`,
  ),
  rule(
    'mrn-decision-correct',
    String.raw`\b(?:the )?(?:original|earlier|previous) decision (?:was|is|remains|has been) (?:still )?(?:correct|right|upheld|confirmed|maintained)`,
  ),
  // An MR that changed nothing, in anyone's words: "the 13 week sanction was upheld", "we have upheld the decision",
  // "DM has upheld decision".
  rule(
    'mrn-upheld',
    String.raw`\b(?:decision|sanction)s? (?:(?:was|has|have|were|is|had)(?: already)?(?: been)? )?(?:made and )?upheld|\b(?:we|i|they|the decision maker|decision maker|dm|dwp)${HAVE} (?:now )?upheld (?:(?:the|our|my|this|that|his|her|their|your) )?(?:original |first |earlier )?(?:decision|sanction)`,
  ),
  // The decision someone disputed, looked at again: "a decision maker has reviewed the decision you disagreed
  // with", "we have looked at the decision you asked us to check"; and an adviser's "decision unchanged".
  rule(
    'mrn-disputed-decision-reviewed',
    String.raw`\b(?:reviewed|looked at|looked again at|reconsidered|considered|checked) the decision (?:that )?you (?:disagreed with|disagree with|asked us to (?:look at|check|change|reconsider)(?: again)?|challenged|disputed)`,
  ),
  rule('mrn-decision-unchanged', String.raw`\b(?:original )?decision (?:is |remains |was |has been )?(?:unchanged|not changed|not revised)\b${NOT_PENDING}`),
  rule('mrn-reconsideration-outcome', String.raw`\b(?:mandatory )?reconsideration (?:outcome|result)s?\b`),
  // Welsh: "hysbysiad ailystyriaeth orfodol", "we have reconsidered", "you can appeal to the tribunal", "you asked us
  // to reconsider / look again at".
  rule(
    'mrn-welsh',
    String.raw`\b(?:hysbysiad ailystyriaeth orfodol|rydym wedi ailystyried|gallwch apelio i'r tribiwnlys|gallwch apelio nawr|nid yw'r penderfyniad wedi newid|${NOT_AFTER_CY}(?:(?<!'n |yn )(?:(?:wedi )?cael|cefais|cafodd|cawsom) (?:y|yr|fy|ei|eu) |(?:c[ae]s|g[ae]s) i(?:'r| y| yr| fy) )(?:llythyr )?(?:mr|ailystyriaeth(?: orfodol)?) (?:yn ôl|nôl|yn ol)${NOT_PENDING_CY}|${NOT_AFTER_CY}(?:ail-?ystyriaeth(?: orfodol)?|mr) wedi dod (?:yn ôl|nôl|yn ol|nol)${NOT_PENDING_CY}|canlyniad (?:eich |yr |eich cais am )?(?:ail-?ystyriaeth|mr\b)|(?:gofynnoch|fe ofynnoch)(?: chi)? i ni (?:ailystyried|edrych eto ar))`,
  ),
  rule('mrn-notice', String.raw`(?<!\b(?:a|an) (?:mandatory )?)\breconsiderat\w* notice(?![^.!\n]{0,40}\?)`),
  // "You asked us to look again at our decision" opens an MRN, and an acknowledgement too: not when a decision is
  // still to come ("… We will let you know when we have made a decision").
  rule(
    'mrn-you-asked',
    String.raw`\byou asked (?:us|the decision maker|dwp) to (?:look again at|reconsider|look at (?:the|our|your|this) [^.!?\n]{0,30}?again)(?![^?]{0,120}?\b(?:(?:will|'ll) (?:let you know|tell you|write to you)(?: [a-z]+){0,3}? (?:when|once|after|as soon as) (?:we|they|a decision|the decision)|(?:when|once|after|before|as soon as) (?:we|they|the decision maker) (?:have|has) (?:made|reached|taken) (?:a|our|the|their) decision|(?:is|are) (?:still )?(?:looking|being looked) at|during this time|in the meantime|while (?:we|this|it)))`,
  ),
  rule('mrn-looked-again-all', String.raw`\b(?:we|i|the decision maker|a decision maker|dm)${HAVE} (?:now )?looked again at (?:all|everything)`),
  // Tolerant of one stray word and a misspelt "tribunal" (photos read by OCR: "You can sow appeal to un independent tibunal").
  rule(
    'mrn-appeal-to',
    String.raw`\b(?=you can )(?<!\b(?:after|then|once|next|first)\b[^.!?\n]{0,60})you can (?:[a-z]+ )?appeal to (?:hm courts|hmcts|(?:an? |un |the )?(?:independent )?t[a-z]{0,3}unal)${notSoonBefore(`only after|after (?:we|you) have|once (?:we|you) have|when (?:we|you) have|until|first`, 60)}`,
  ),
  rule(
    'mrn-following',
    String.raw`\bfollowing (?:your |the |a |his |her |their )?(?:request for (?:a |an )?)?(?:(?:mandatory )?reconsideration|mr\b)(?: request)?[^.!?\n]{0,20}? (?:we|i|the decision maker|dm)(?:'ve| have| has) (?:revised|changed|not changed|decided|looked|reconsidered)|\bfollowing your request(?: (?:of|dated|made on|from) ${SHORT_DATE})?\)?[:,;]? (?:we|i|the decision maker|dm)(?:'ve| have| has) (?:now )?(?:revised|changed|not changed|looked again at|reconsidered|kept) (?:the|our|your) (?:original )?decision\b|\bfollowing (?:your |the |his |her |their )?(?:(?:mandatory )?reconsideration|mr\b)[^.!?\n]{0,40}? (?:will now be|has now been|has been|have been|is now) (?:paid|awarded|included|changed|revised|reinstated|restored|backdated|increased)\b`,
  ),
  // The first decision kept or agreed with, by whoever looked again: "a different decision maker has looked at it
  // and upheld the original decision", "they agreed with the first decision".
  rule(
    'mrn-original-kept',
    String.raw`${NOT_ASKED}${notAfter(NEGATIONS)}\b(?:upheld|kept|confirmed|maintained|agreed with|stood by|stuck with) (?:(?:the|our|their) )?(?:original|orig\.?|first|earlier|previous|initial) (?:decision|dec\b\.?|sanction)(?! (?:letter|date|notice|to\b))${NOT_PENDING}`,
  ),
  // A second look that is done, then what it found (see SECOND_LOOK above): "we've had another look at your sanction
  // decision like you asked. We're sorry but the sanction stays", "we looked at your sanction again. It still applies".
  rule('mrn-looked-again-outcome', LOOKED_AGAIN_THEN_OUTCOME),
  // What it found first, then the second look the claimant asked for: "the sanction stays after the review I asked
  // for", "they changed it following the reconsideration we requested".
  rule(
    'mrn-outcome-after-review',
    String.raw`(?<!\b(?:tribunal|judge|appeal)\b[^.!?\n]{0,40})(?:${DECISION_KEPT_ITSELF}|${CHANGED})(?! (?:the )?(?:new |same )?(?:[\w'-]+ )?(?:hours|appointments?|commitments?|time|date|interview|meeting|availability|work search|job search)\b)(?:(?!\b(?:until|till|while|pending|for now|meantime|during|decide|decision is made|works on)\b)[^.!?\n]){0,60}?\b(?:after|following) (?:the|my|his|her|your|their|our) (?:review|reconsideration|mandatory reconsideration|mr|second look) (?:that )?(?:i|you|he|she|we|they)(?:'d| had)? (?:asked for|requested|sent in|put in)${notSoonBefore(`while|until|pending|is (?:still )?being`, 60)}${NOT_PENDING}`,
  ),
  rule('mrn-asked-then-decided', MR_ASKED_THEN_DECIDED),
  // The MR answered in people's words: "DWP agreed with me on the MR", "they sided with him at mandatory
  // reconsideration", "DWP stuck to their guns on my MR" (not "I hope they agree with me on the MR", "have they agreed with you on the MR?").
  rule(
    'mrn-agreed-or-stood-firm',
    String.raw`${NOT_ASKED}${notAfter(NOT_YET)}\b(?:they|dwp|the dwp|dm|the dm|the decision maker|${UC})${HAVE} (?:(?:finally )?(?:agreed|sided) with (?:me|us|him|her|them|my client|the claimant)|stuck to (?:their|its|his|her) guns|stood firm|held firm|(?:didn't|did not|would not|wouldn't|refused to) budge)(?: on| about| over| at| in| with)? (?:(?:the|my|his|her|their|our) )?${MR_NAME}${NOT_PENDING}`,
  ),
  // A decision on the MR itself: "we have now made a decision on your request for a mandatory reconsideration".
  rule(
    'mrn-decision-on-request',
    String.raw`${notAfter(`${NEGATIONS}|will|'ll|to|soon as`)}\b(?:made|reached|taken) (?:a|our|my|the|their) decision (?:on|about) (?:your|the|his|her|their) (?:request for (?:a |an )?)?(?:(?:mandatory )?reconsideration|mr\b)${NOT_PENDING}`,
  ),
  // The MR's outcome received: "got the decision on my MR today", "they answer my reconsider" (not "still not had the
  // decision on my MR", "have they answered your MR?").
  rule(
    'mrn-decision-on-mr',
    String.raw`${notAfter(`${NOT_YET}|still`)}\b(?:got|received?|had)(?: (?:today|yesterday|this morning|back))? (?:the |my |a |an )?(?:decision|outcome|result|answer|reply|response) (?:on|about|of|for|to) (?:my|the|his|her|their|our) (?:${MR_NAME}|mrn)${NOT_PENDING}|${NOT_ASKED}${notAfter(`${NOT_YET}|still`)}\b(?:they|dwp|the dwp|dm|the dm|the decision maker|${UC})${HAVE} (?:now |finally )?(?:answer|answered|replied to|responded to) ${WHOSE}(?:${MR_NAME}|mrn)${NOT_PENDING}|${notAfter(`${NOT_YET}|still|no|any|waiting|wait|for|chasing|chase|expect|expecting|await|awaiting`)}\b(?:(?:answer|reply|response) (?:to|for|on|about) ${WHOSE}${MR_NAME}|${MR_NAME} (?:answer|reply|response|result|outcome) (?:has |have )?(?:now |finally )?(?:came|come|arrived|landed|is in|in|on|uploaded)|${MR_NAME} (?:answer|reply|response) ?(?:-|:) ?(?:they|dwp|the dm|dm)\b)\b${NOT_PENDING}`,
  ),
  // Welsh: "MRN wedi dod heddiw – dim newid" (the notice has come today; not "Ydy'r MRN wedi dod?", "… eto").
  rule(
    'mrn-came-cy',
    String.raw`${NOT_AFTER_CY}(?<!\b(?:ydy|ydi|a yw)(?:'r| yr)? )\b(?:(?:yr |y )?mrn|hysbysiad ailystyriaeth(?: orfodol)?) wedi (?:dod|cyrraedd)\b(?! eto)(?![^.!,?\n–-]{0,40}\?)`,
  ),
  // "The decision stays the same", after the rules above so theirs is the name given (not "…stays the same unless you send").
  rule('mrn-decision-stays', String.raw`\b(?:original |the |our )decision (?:still )?stays the same${notSoonBefore(`until|unless|if|while|for now|pending`, 30)}`),
];

const DECISION_RULES: readonly Rule[] = [
  rule(
    'decided',
    String.raw`\b(?:(?:we|i|the decision maker|a decision maker|dm|uc|dwp)${HAVE} (?:now )?|and )decided\b(?! to (?:invite|book|ask|refer|arrange|contact|call|send|look|review|check|get in touch|(?:make|give|pay|award|approve|offer)(?: you)? (?:a |an |your )?(?:[\w-]+ ){0,2}?(?:hardship|advance|budgeting))|[^.!?\n]{0,60}\b(?:hardship|advance)\b)`,
  ),
  rule(
    'payment-reduced',
    String.raw`\b(?:your|the) (?:joint |single |monthly |next |first )?(?:${UC} |standard allowance |award |money )?(?:payments?|${UC}|award|standard allowance)(?: on [^.!?\n]{1,25})? (?:will|is going to|has|have|is|are|would) (?:now )?(?:be |been )?(?:reduced|stopped|cut|go(?:ing)? down|be £0|£0|nil\b|stop\b|end\b)`,
  ),
  // In plainer words: "my payment will be smaller for 7 days" (not an advance's repayment: MONEY_BACK).
  rule(
    'payment-smaller',
    String.raw`${notAfter(`${NOT_YET}|think|worried|scared|afraid`)}\b(?:my|his|her|our|your|the) (?:${UC} )?payments? (?:will|is going to) (?:now )?be (?:smaller|lower|less)\b`,
  ),
  rule('payment-zero', String.raw`\b(?:payment|${UC})[^.!?\n]{0,40}? (?:will be|is) £0(?:\.00)?`),
  rule(
    'we-reduce',
    String.raw`\bwe(?:'ve|'re|'ll| have| are| will| will be| are going to)? (?:reduc(?:e|ed|ing)|stop(?:ped|ping)?|cut) your (?:${UC}|payments?|standard allowance|award)`,
  ),
  // Also as retold: "a message saying he can't get it because he's in education".
  rule(
    'cannot-get-uc',
    String.raw`\byou (?:cannot|can't|cant|can not|will not|won't|wont|do not|don't) (?:get|receive|qualify for|be paid) (?:any |a )?(?:${UC}|payments? of ${UC}|${UC} payments?)|\b(?:saying|says|said)(?: that)? (?:you|he|she|i|we|they) (?:cannot|can't|cant|can not|will not|won't|wont|isn't able to|is not able to|are not able to) (?:get|receive|claim|have) (?:it|${UC}|any (?:money|payments?))\b`,
  ),
  rule('no-payment', String.raw`\byou (?:will not|won't|wont) (?:get|receive|be paid) (?:a |any )?(?:${UC} )?payment`),
  rule('not-entitled', String.raw`\b(?:not|no longer) (?:be )?entit(?:led|eld|ld|iled)`),
  // A positive award is a decision too: "you are entitled to Universal Credit", "you have been awarded LCWRA / PIP",
  // "I received my award letter and was awarded £672.40".
  rule('entitled', String.raw`\byou(?:'re| are)(?: now| still)? entitled to (?:${UC}|£|the [a-z]+ (?:element|amount|rate))`),
  rule(
    'awarded',
    String.raw`\b(?:(?:you|he|she|they|i)(?:'ve| have| has)? been awarded|(?:i|we|he|she|they) (?:was|were) awarded|(?:we|they|pip|dwp)(?:'ve| have| has) awarded (?:you|your|me|him|her|them|us))`,
  ),
  rule('not-eligible', String.raw`\b(?:not|no longer) eligible for (?:${UC}|the|housing|childcare|this)`),
  rule('conditions-not-met', String.raw`\b(?:do|does|did) not (?:meet|satisfy) the (?:\w+ ){0,2}(?:conditions?|rules|requirements?)`),
  // "Your housing costs have been refused", "the childcare element was not approved", "my rent isn't covered", and a
  // to-do's title with its outcome: "Housing costs — not accepted".
  rule(
    'refused',
    String.raw`\b(?:claim|application|housing costs?|childcare costs?|rent|element)(?: for (?!a |an |any )[^.!?\n]{1,30})? (?:(?:has been|have been|was|were|is|are) (?:refused|disallowed|rejected|turned down|declined|unsuccessful|not approved|removed)(?! yet)|(?:isn't|isnt|is not|aren't|arent|are not|won't be|wont be|will not be) (?:covered|included|approved|allowed)${notSoonBefore(`until|unless|yet`, 40)})|(?<=^|\n|[.!?] )(?:housing|childcare|rent)(?: costs?)? ?(?:-|:) ?(?:not (?:accepted|approved|allowed|included)|refused|rejected|disallowed)\b`,
  ),
  rule('not-approved', String.raw`\b(?:have|has) not been (?:approved|accepted|allowed)`),
  rule(
    'claim-not-successful',
    String.raw`\b(?:claim|application|${UC}) (?:(?:has|have) not been|was not|wasn't|is not|isn't) successful|\b(?:claim|${UC}) (?:will not|won't|cannot|can't) be paid${notSoonBefore(`until`, 40)}`,
  ),
  rule(
    'cannot-accept-claim',
    String.raw`\b(?:unable to|cannot|can't|cant|can not|are not able to) accept your (?:${UC} )?(?:claim|application)${notSoonBefore(`until`, 40)}`,
  ),
  // A notification that a specific statement is ready: every statement can be challenged.
  rule('statement-ready', String.raw`\byour (?:universal credit |uc |payment |monthly )?statement(?: for [^.!?\n]{1,40}?)? is (?:now )?(?:ready|available)`),
  // ... or someone saying they have it: "got my statement today", "just checked my UC statement" (not "have you
  // checked your statement?", "when I get my statement", "the statement of reasons", a bank statement).
  rule(
    'statement-got',
    String.raw`${notAfter(`${NOT_YET}|you|you've`)}\b(?:got|had|checked|received|looked at|seen|read) (?:(?:my|our|his|her|their) (?:universal credit |uc |monthly |payment )?|the (?:universal credit|uc|monthly|payment) )(?:statement|statment)\b(?! of)${NOT_PENDING}`,
  ),
  rule('we-refused', String.raw`\bwe(?:'ve| have)? (?:refused|disallowed|rejected|not approved|not accepted|not allowed|turned down)`),
  rule(
    'cannot-pay-costs',
    String.raw`\b(?:we )?(?:cannot|can't|cant|will not|won't|are unable to|are not able to) (?:pay|include|help with|cover|accept) (?:your |the |any |a |an )?(?:[a-z-]+ ){0,2}?(?:rent|mortgage|housing|childcare|service charges?|element|amount|addition)`,
  ),
  // A reason not accepted, in people's words: "they don't believe my reason is good enough", "they did not accept his reason".
  rule(
    'reason-not-accepted',
    String.raw`${NOT_ASKED}\b(?:they|dwp|the dwp|dm|the dm|the decision maker|${UC})(?: (?:say|said|says))?(?: they)? (?:don't|do not|did not|didn't|won't|will not|have not|haven't) (?:believe|accept|think)(?: that)? (?:(?:my|his|her|their|our|your|the) reason\b(?: (?:is |was )?(?:a )?(?:good|valid)\b)?|(?:i|he|she|you|we|they) (?:had|have|has) (?:a )?good reason\b)${NOT_PENDING}`,
  ),
  // "Has not shown good reason", and an adviser's "DM: no GR".
  rule('no-good-reason', String.raw`\b(?:has|have|had) not (?:shown|given|provided) (?:us )?(?:a |any )?good reason|\b(?:dm|decision)(?: ?[:-])? no gr\b`),
  // Text that lost its spaces when pasted: "youdidnotshowgoodreason forfailingtoattend".
  rule('no-good-reason-run-on', String.raw`(?:did|has|have)not(?:show|shown|give|given|provide|provided)(?:a|any)?goodreason`),
  rule(
    'did-not-give-good-reason',
    String.raw`\b(?:did not|didn't|didnt|gave no|have not given|haven't given) (?:show |give |have |provide )?(?:us )?(?:a |any )?good reason`,
  ),
  // Not "no sanction imposed", "without a sanction being applied".
  rule(
    'sanction-applied',
    String.raw`(?<!\bno )(?<!\bwithout a )(?<!\bnot a )\bsanction (?:has been |was |is being |have been |has now been |being )?(?:applied|imposed|put on|added|given)`,
  ),
  rule('sanctioned', String.raw`\b(?:you|he|she|they)(?:'ve| have| has| were| was)? been sanctioned`),
  // In the claimant's words: "I was sanctioned", "I've been sanctioned", "why was I sanctioned?", and of someone they
  // help: "my son got sanctioned", "Mr Moran was sanctioned" (not "will I be sanctioned?").
  rule(
    'i-was-sanctioned',
    String.raw`\b(?:i|we|he|she|they|(?:my )?client|my (?:${FAMILY})|(?:mr|mrs|ms|miss) [a-z]+)(?:'ve| have| has|'s)? (?:was|were|got|been) sanctioned\b|\bwhy (?:was|have|did) (?:i|we|he|she|my [\w'-]+)(?: been| get)? sanctioned\b`,
  ),
  // "He has an open-ended sanction", "my client has got a 28 day sanction" (not "will I get a sanction", "a sanction warning").
  rule(
    'has-sanction',
    String.raw`${notAfter(`${NOT_YET}|will|might|may|could|avoid|to`)}\b(?:i|he|she|(?:my )?client|my ${FAMILY})(?:'ve| have| has|'s)?(?: now)?(?: got| been given| been hit with)? (?:an?|another) (?:open(?:-| )ended |low(?:est)?(?:-| )level |medium(?:-| )level |high(?:er)?(?:-| )level |\d+(?:-| )(?:day|week)s? )?sanction\b(?! warning| letter| if\b| review)${NOT_PENDING}`,
  ),
  // A sanction given, in people's words: "they've hit me with a 91 day one", "DWP slapped him with another sanction".
  rule(
    'hit-with-sanction',
    String.raw`${NOT_ASKED}${notAfter(`${NOT_YET}|will|might|may|could`)}\b(?:they|dwp|the dwp|${UC}|the jobcentre|jobcentre|my work coach|the work coach)${HAVE} (?:hit|slapped|landed|given) (?:me|him|her|us|them|my [\w'-]+) with (?:a|an|another) (?:\d+(?:-| )(?:day|week)s? |open(?:-| )ended |(?:low|lowest|medium|high|higher)(?:-| )level )?(?:sanction|one)\b${NOT_PENDING}`,
  ),
  rule('sanction-reduction', String.raw`\bsanction (?:reduction|deduction) (?:applied|of)`),
  // People's words for a smaller award: "my payment has dropped", "the amount payable for rent has dropped", "my
  // housing element went down" (not "why has my payment dropped?", "if my payment goes down").
  rule(
    'my-payment-dropped',
    String.raw`${notAfter(NOT_YET)}\b(?:(?:my|our|his|her|their) (?:${UC} |monthly |housing |rent |childcare )?(?:payments?|${UC}|award|money|amount|housing (?:element|costs?)|rent (?:costs?|element|money)|childcare(?: costs)?)|the (?:amount|money)(?: (?:payable|paid|included))? for (?:my )?(?:rent|housing|childcare)|the (?:housing|rent|childcare|child) (?:bit|part|amount|money))(?: for (?:rent|housing|childcare))? (?:(?:has |have |had )?(?:dropped|gone down|went down|decreased|been (?:reduced|cut|lowered))\b|(?:drops|goes down|will drop|will go down) by ${MONEY})${NOT_PENDING}`,
  ),
  // Less than before, in people's words: "they've paid £87 less than last time", "why am I getting £52 less", "my UC
  // came through and it's like 200 quid less than last month", "his payment is nearly £400 less", "it was about a
  // hundred quid short", "only £210 this month instead of the usual £640" (not "£50 less than last year": LONG_AGO).
  rule(
    'paid-less',
    String.raw`${notAfter(`${NOT_YET}|will|would|could|might|may|you`)}\b(?:paid (?:me |us |him |her )?|getting |got |received |had )${MONEY} less\b|${notAfter(`${NOT_YET}|will|would|could|might|may|you|if`)}\b(?:${MONEY}(?: quid| pounds?)? (?:less|lower) than (?:(?:my|the|our) )?(?:last|previous|usual|normal) (?:month|payment|time|ap|assessment period|one)|(?:payment|${UC}|money) (?:is|was|came in|has come) (?:nearly |about |around |almost |like )?${MONEY} less)\b|\b(?:payment|${UC}|money|it) (?:was|is|came (?:in|through)|landed)(?: [^.!?\n]{0,25}?)? (?:about |around |like |nearly |almost )?(?:${MONEY}|(?:a |two |three |a few )?hundred|fifty|forty|thirty|twenty)(?: quid| pounds?)? short\b|\bonly ${MONEY} (?:this month |this time |now )?instead of (?:the |my |our )?(?:usual |normal )?${MONEY}`,
  ),
  // An amount told as it changed: "the housing part went from 725 to 0.00", "payment went from £702 to £31", "last
  // month I got 1,046.22 this month …", "money down £400" (not "if it goes from £500 to nothing").
  rule(
    'amount-went-from',
    String.raw`${notAfter(`${NOT_YET}|will|would|could|might|may|you|if`)}\b(?:payments?|${UC}|money|award|(?:housing|rent|child|childcare|carer) (?:part|bit|element|amount|money)) (?:has |have )?(?:went|gone|dropped|fell|fallen|come|came) (?:down )?from ${MONEY} to ${MONEY}|\blast (?:month|time|ap) (?:i|we|he|she) (?:got|had|was paid|were paid|received) ${MONEY},? (?:(?:and|but) )?(?:this month|now|this time)\b|\b(?:payment|${UC}|money) (?:is |was |has gone |went |gone )?down (?:by )?${MONEY}`,
  ),
  // A month with nothing, in people's words: "I am not getting any UC this month", "we're getting £0 this AP".
  rule(
    'nothing-this-month',
    String.raw`${notAfter(`${NOT_YET}|will|you`)}\b(?:i'm|i am|im|we're|we are|i|we|he's|she's|he is|she is)(?: now)? (?:not getting|getting no|won't get|will not get|getting nothing|get nothing|got nothing|getting £0(?:\.00)?)(?: (?:any )?(?:${UC}|payments?|money|anything))?(?: at all)? (?:this|for this|next) (?:month|ap|assessment period)\b${NOT_PENDING}`,
  ),
  // DWP refusing to lower a deduction: "The DWP said on the journal they cannot reduce the fine", "we are unable to
  // reduce your deductions" (not the help page's "you cannot ask the DWP to reduce the deduction").
  rule(
    'wont-reduce-deduction',
    String.raw`\b(?:we|they|dwp|the dwp|uc)(?: (?:have |has )?(?:said|say|says|told (?:me|him|her|us|them))(?: (?:on|in) (?:the|my|his|her|their) journal)?(?: that)?(?: they| we)?)? (?:cannot|can't|can not|are unable to|were unable to|won't|will not|refused to|refuse to|are not able to) (?:change or )?(?:reduce|lower) (?:the|your|my|his|her|their) (?:${MONEY} )?(?:court )?(?:fine|deductions?|repayments?|rate of (?:deduction|repayment))`,
  ),
  rule('capable-of-work', String.raw`\b(?:are|were|be|been|is) (?:found )?(?:capable of work|fit for work)`),
  rule(
    'has-lcw',
    String.raw`\b(?:(?:that you|that he|that she|you|he|she|they) (?:do not have|don't have|does not have|no longer have|now have|has been found to have|have been found to have|been found to have)|(?:saying|says|said)(?: that)? (?:i|you|he|she|they) (?:has|have|do not have|don't have|does not have|doesn't have)|(?:decided|accept|accepted|agree|agreed) (?:that )?(?:you|he|she) (?:have|has|had)) (?:limited capability for work|lcw|lcwra|lcwea)`,
  ),
  // "Awarded LCWRA", "put in the LCW group", "we got LCWRA", and "got LCWRA!!!" opening a sentence.
  rule(
    'awarded-lcw',
    String.raw`\b(?:awarded|placed in|put in|found to have|given|resulted in|led to|(?<=(?:^|\n|[.!?] )(?:just |finally |now )?|\b(?:i|we|she|he|mum|dad|mam|nan|gran|partner|husband|hubby|wife|son|daughter|brother|sister|(?:my|our) (?!${OTHER_PEOPLE}\b)[\w'-]+)(?:'ve| have| has)?(?: now| finally| just)? )got) (?:the )?(?:lcw|lcwra|lcwea|limited capability for work)\b${NOT_PENDING}`,
  ),
  rule('claim-closed', String.raw`\bwe(?:'ve| have)? (?:${CLOSED}|terminated|ended|stopped|cancelled) your (?:${UC} )?(?:claim|account|award)`),
  // "Your claim has closed", "her Universal Credit award has finished" (not "the reduction to your Universal Credit
  // has finished": a sanction that ended).
  rule(
    'claim-has-closed',
    String.raw`(?<!\b(?:reduction|sanction|deduction|suspension) (?:to|of|on) )\b(?:your|the|this|my|his|her|their|our) (?:single |joint )?(?:(?:${UC} )?(?:claim|account|award)|${UC}) (?:(?:has|was|is|got)(?: now| automatically)?(?: been| be)?|will(?: now)?(?: be)?|automatically) (?:${CLOSED}|terminated|ended|finished|cancelled|stopped|shut(?: down)?|close|end|brought to an end)${notSoonBefore(`when|once|if|unless`, 40)}`,
  ),
  // In people's words: a relative's or client's claim, or no "has" or "was": "my brother's claim stopped", "client's UC award ended 30/09".
  rule(
    'their-claim-closed',
    String.raw`${notAfter(NOT_YET)}\b${WHOSE}(?:single |joint )?(?:${UC} )?(?:claim|award|${UC}) (?:(?:has|was|got)(?: now)?(?: been)? )?(?:${CLOSED}|terminated|ended|cancelled|stopped|shut(?: down)?)${NOT_PENDING}`,
  ),
  // "I made my decision using…", "a decision has been made on your claim" (not "when we have made a decision").
  rule(
    'made-decision',
    String.raw`\b(?:(?:we|i|the decision maker|a decision maker|dm|dwp|they)(?:'ve| have| has| had)? (?:now )?(?:made|reached|taken) (?:a|my|our|the|this|their|his|her|a new) decision|a decision (?:has (?:now )?been|was) made|(?<=^|\n)when making (?:this|my|our) decision)\b(?! (?:yet|soon|shortly))`,
  ),
  // Claimants and advisers telling what DWP did: "they've stopped my money", "DWP have cut my UC", "they've finally added the
  // carer element", "they refused my childcare costs", "they took
  // my housing element off", "UC removed his LCWRA", "they've closed my claim" (not a yes/no question: "have
  // they taken my element off?", "will they close my claim?").
  rule(
    'they-stopped-my',
    String.raw`${NOT_ASKED}(?<!\b(?:will|would|could|can|might|may|do|does|did|should|shall) )\b(?:they|dwp|the dwp|${UC}|the jobcentre|jobcentre)(?:'ve| have| has)? (?:now |finally |just |also )?(?:(?:stopped|cut|reduced|added|backdated|sanctioned|taken away|took away|removed|knocked off|taken off|took off|refused|rejected|turned down|disallowed|${CLOSED}|ended|terminated|shut|close|stop) (?:my|our|his|her|their|the) (?:(?:partner's|husband's|wife's|son's|daughter's|mum's|dad's|joint) )?(?:money|payments?|${UC}|benefits?|award|claim|housing (?:costs?|element)|childcare(?: costs?)?|rent|lcw|lcwra|mobility|daily living|(?:[a-z]+ )?element|(?:[a-z]+ )?component)|(?:taken|took) (?:my|our|his|her|their) (?:money|${UC}|benefits?|housing (?:costs?|element)|rent|lcw|lcwra|(?:[a-z]+ )?element))\b(?! to (?:my|your|the|his|her) (?:to-?do|journal|list))`,
  ),
  // The same for a work capability decision: "DWP says I'm fit for work", "they've decided he is capable of work",
  // "the journal says after looking at the report he's able to do some work" (not a doctor's "they said I am fit for work", "what if DWP say I'm fit for work?", "will they find me fit?").
  rule(
    'they-say-fit',
    String.raw`${NOT_ASKED}\b(?:(?:dwp|the dwp|${UC}|the dm|dm|the decision maker)(?:'ve| have| has)? (?:say|says|said|decided|found|deemed|think|thinks|reckon|reckons|tell me|told me)|they(?:'ve| have)? (?:decided|found|deemed|tell me|told me)|(?:got|been|was|were) told|(?:the |my |his |her )?(?:journal|message|letter|decision) (?:says|said)(?: [^.!?\n]{0,40}?)?)(?: now)?(?: that)? (?:i'm|i am|i was|he's|he is|he was|she's|she is|she was|me|him|her|they're|they are|i'?m|shes|hes) (?:now )?(?:not )?(?:fit for work|capable (?:of|for) work|able to (?:do (?:some )?)?work)\b(?! by (?:the |my |a |his |her )?(?:hospital|gp|doctor|consultant|nurse|physio|surgeon|psychiatrist))`,
  ),
  // A decision letter put in the journal: "Decision letter uploaded to your journal", "we have added a decision
  // letter" (not "no decision letter has been uploaded yet", "have you sent the decision letter?", "a decision
  // letter is sent once…", the tribunal's or an MR's letter: the MR's is an MRN, below).
  rule(
    'decision-letter',
    String.raw`${notAfter(`no|${NEGATIONS}|been|was|were|did|you|when|once|until|if`)}(?:(?<!\b(?:reconsideration|mr|mrn|tribunal|appeal) )\bdecision letter (?:(?:has been |was |now )?(?:uploaded|added|attached|sent|issued|posted)|(?:is (?:now )?)?(?:in|on) your journal)|\b(?:uploaded|added|attached|sent|issued|posted) (?:a |your |the |an )?(?:new )?decision letter)\b${NOT_PENDING}`,
  ),
  rule(
    'no-reactivate',
    String.raw`\b(?:unable to|cannot|can't|cant|can not|will not|won't|are not able to) (?:reactivate|reactive|re-activate|reopen|re-open|restart)`,
  ),
  // A third-party deduction starting: the claimant's payment goes down, which is a decision (rn-033).
  rule(
    'third-party-deduction',
    String.raw`\b(?:landlord|council|energy supplier|supplier|water company|child maintenance service|court)[^.!?\n]{0,40}? (?:has |have )?(?:asked|applied(?: to)?|told) us to (?:pay|take|collect|deduct)(?![^\n]{0,160}\b(?:not yet (?:agreed|decided|accepted)|(?:have not|haven't) (?:yet )?(?:agreed|decided|accepted)|before we decide|we will (?:let you know|tell you) (?:if|whether|what))\b)`,
  ),
  // "We paid you £X too much", "you have been overpaid", "I've had £2,700 too much".
  rule(
    'paid-too-much',
    String.raw`\b(?:you|we)(?:'ve| have| were| was| have been| had been)? (?:been )?(?:paid (?:you )?(?:${MONEY} )?too much|overpaid)|\b(?:i|you|he|she|we|they)(?:'ve| have| has| had)? (?:had|got|received|been given|been paid) ${MONEY} too much\b`,
  ),
  // "We will take it back from your payments", "they'll take it back" (not an advance's repayment: MONEY_BACK).
  rule(
    'take-back',
    String.raw`\b(?:we|they|dwp|the dwp)(?:'ll| will| are going to| have started to| are going to start to| will start to) (?:take|recover|claw|collect|get) (?:(?:[^.!?\n]|\d\.\d){0,30}? )?back`,
  ),
  rule('recover', String.raw`\bwe(?:'ll| will| are going to)? (?:recover|be recovering|start recovering)`),
  rule(
    'not-in-gb',
    String.raw`\btreated as not (?:being )?(?:in great britain|living here)|\bnot treated as (?:living|being|resident) (?:in (?:great britain|the uk)|here)`,
  ),
  rule('not-resident', String.raw`\bnot (?:habitually resident|have (?:a |the |any )?right to reside|confer a right to reside)`),
  rule(
    'no-right-to-reside',
    String.raw`\b(?:no|(?:(?:do|does|did) not|don't|doesn't|no longer) (?:have|give(?: you)?|confer(?: on you)?|mean (?:that )?you have)(?: a| the| any)?) right to reside`,
  ),
  rule('nil-award', String.raw`\bnil (?:award|entitlement)`),
  rule(
    'we-changed-award',
    String.raw`\b(?:we|i|dm|the decision maker)(?:'ve| have| has)? (?:now |had to )?(?:removed|reduced|lowered|added|included|increased|ended|stopped|backdated|revised|updated|changed|closed|close|end|stop) (?:(?:your|the|a|an|this|that|their|his|her) |${MONEY} (?:(?:of |for |towards )(?:your |the )?)?)?(?:[\w'-]+ ){0,2}?(?:housing costs?|housing amount|rent|universal credit|uc|award|element|amount|childcare(?: costs)?|sanction|claim|service charges?)\b(?![^.!?\n]{0,20}? (?:on|in) (?:my|your) (?:journal|account|app)\b)(?![^.!?\n]{0,20}? with (?:your|my|the) new\b)`,
  ),
  // Deductions changed by DWP: "we have lowered your deductions" (not when they repay an advance: MONEY_BACK).
  rule('we-changed-deductions', String.raw`\bwe(?:'ve| have)? (?:now )?(?:lowered|reduced|increased|raised|changed|stopped) (?:your|the) deductions?\b`),
  rule('treated-as', String.raw`\bwe(?:'ve| have)? treated you as`),
  rule(
    'can-only-pay',
    String.raw`\b(?:(?:we|they) can only pay(?![^.!?\n]{0,40}\b(?:once|when|after|until) (?:we|you)\b)|the most we can pay|we (?:cannot|can't|will not|won't) (?:pay you${NOT_MEANWHILE}(?! until| till| unless| before| yet\b| on (?:the )?\d| on (?:mon|tues|wednes|thurs|fri|satur|sun)day| into| by (?:cash|cheque)| at the moment| right now)|backdate|pay for|include these|include this|include the|pay these|pay this))`,
  ),
  rule('not-payable', String.raw`\bno (?:${UC} )?(?:is |will be )?payable`),
  rule('sanctioned-short', String.raw`\b(?:have|has|'ve)? ?sanctioned(?: (?:today|yesterday|again|this week|last week|this month))? (?:me|you|him|her|them|-|for)`),
  rule(
    'reduction-applied',
    String.raw`\b(?:a |the )?(?<!\b(?:no|not a|no further) )(?:reduction|sanction) (?:(?:will be|has been|was|is being|was correctly) applied|will remain(?: in place| applied)?|still (?:applies|stands))${notSoonBefore(`for now`, 20)}`,
  ),
  rule(
    'lcw-outcome',
    String.raw`\b(?:lcw|lcwra|lcwea|limited capability for work(?: and work-related activity)?)(?: element)? (?:has been |was |is )?(?:awarded|backdated|removed|added|applied(?! for))`,
  ),
  // "Found fit for work", "they've found me fit" (not "haven't found me fit", "have they found him fit?", nor a
  // doctor's "my GP found me fit to go back": with a person named, DWP has to be the one who found).
  rule(
    'found-fit',
    String.raw`${notAfter(NEGATIONS)}(?:\bfound (?:fit for work|capable of work|to have)|${NOT_ASKED}\b(?:they|dwp|the dwp|dm|the dm|the decision maker|${UC})(?:'ve| have| has| had)? found (?:me|him|her|them|you) (?:fit|capable)(?: for work| of work)?\b(?! note| to | enough))${NOT_PENDING}`,
  ),
  rule('one-word-closed', String.raw`^(?:your )?(?:${UC} )?(?:claim )?(?:closed|terminated)$`),
  // "Claim closed", "claim terminated", and the journal's "Claim no longer active".
  rule('claim-closed-short', String.raw`\bclaim (?:${CLOSED}|terminated|(?:is )?no longer active)\b`),
  // "Your award ends on 27 January", "your claim closed from 3 May".
  rule(
    'award-ends-on',
    String.raw`\b(?:your|the|this) (?:joint |single )?(?:${UC} )?(?:claim|award) (?:ends|ended|closes|${CLOSED}|stops|stopped|will end|will close|will stop) (?:on|from)`,
  ),
  // A work capability assessment outcome stated: "Outcome: limited capability for work", "the outcome of your assessment: you have LCWRA".
  rule(
    'wca-outcome',
    String.raw`\boutcome(?: of [^.:\n]{0,40})?:? (?:you (?:have|do not have|don't have) )?(?:limited capability for work|lcw)|\b(?:work capability assessment|wca) (?:outcome|result)\b|\b(?:result|outcome) of your (?:health|work capability) assessment\b(?! (?:will|is (?:not )?(?:ready|available) yet))`,
  ),
  rule('wca-points', String.raw`\btotal points:? \d+|\byou (?:scored|got|were awarded|have been awarded) \d+ points`),
  // Overpayments: the decision is that one exists ("there is an overpayment", "we paid you £842 more than you were entitled to").
  rule(
    'overpayment-found',
    String.raw`\b(?:there(?:'s| is| has been| was) an? over ?payment|we(?:'ve| have) (?:found|identified|raised) an? over ?payment|over ?payment (?:of ${MONEY} )?(?:has been |was )?(?:found|identified|raised|made)|o/?p of ${MONEY} raised)`,
  ),
  rule(
    'paid-more-than-entitled',
    String.raw`\b(?:we(?:'ve| have)? paid you|you (?:were paid|received|got|have received|have been paid)) (?:${MONEY} )?more (?:${UC} )?than you (?:were|are|should have been)`,
  ),
  // Deductions set up or changed: "£20.37 will be deducted from each payment", "it has to be recovered from my
  // payments", "your deduction will go up to £64".
  rule(
    'deducted-from',
    String.raw`\b(?:${MONEY} (?:a |per |each )?(?:month |week |day |assessment period )?|(?:this|it|money|an amount) )(?:will be|is being|has been|is going to be|will now be|has to be|must be|is to be) (?:deducted|taken|recovered|collected) (?:from|off|out of) (?:your|each|my|his|her|our|their)`,
  ),
  // "From your payment on 14 June we'll take £38.99 each month and pay it to your landlord" (an advance's repayment is
  // not a decision: MONEY_BACK).
  rule(
    'we-will-take',
    String.raw`\bwe(?:'ll| will| are going to|'re going to)(?: now)? (?:take|deduct|start taking) ${MONEY} (?:a |each |every |per )(?:month|week|payment|assessment period)\b`,
  ),
  rule(
    'deduction-changed',
    String.raw`\b(?:your |the |a )?(?:(?:third|3rd)(?:-| )party )?deductions?(?: for [^.!?\n]{1,40}?)? (?:(?:has|have|will)(?: now)? (?:been )?(?:go(?:ne)? up|go(?:ne)? down|increased?|decreased?|set up|started?|reduced)|set up)`,
  ),
  // "You will lose £13.29 a day", and told: "I'm losing £13 a day for 91 days".
  rule(
    'you-will-lose',
    String.raw`\byou(?:'ll| will)(?: now)? lose (?:£|\d|(?:some|part|all) of your)|${notAfter(`${NOT_YET}|will|would|could|might|may`)}\b(?:i'm|im|i am|we're|we are|he's|he is|she's|she is) (?:now )?losing ${MONEY} (?:a|per|every) (?:day|week|month)\b`,
  ),
  rule('agreed-to-change', String.raw`\b(?:has|have|'ve) agreed to (?:remove|lift|end|cancel|reduce|backdate|include) (?:the|your|a|his|her|their)`),
  // A third party's request for a deduction granted: "we have agreed a request from Leeds City Council to take money
  // from your Universal Credit", "DWP has accepted an application from your water company to deduct…".
  rule(
    'deduction-request-agreed',
    String.raw`${notAfter("i|will|'ll|would|hopefully|hope|hoping|once|when|if|council|landlord")}\b(?:has|have|'ve) (?:agreed|accepted|approved) (?:to )?(?:a|an|the|their) (?:request|application)(?: from [^.!?\n]{1,60}?)? to (?:take|deduct|pay|make (?:a )?payments?|recover)\b${notSoonBefore(`dhp|discretionary housing`, 30)}`,
  ),
  rule(
    'right-to-reside-accepted',
    String.raw`\b(?:we accept|we have accepted|we are satisfied) (?:that )?(?:you|he|she|they) (?:have|has|are|is) (?:a right to reside|habitually resident)`,
  ),
  // Welsh: "we have decided", "we will reduce your payment", "you are not entitled", "we paid you too much",
  // "we will recover", "we have not approved", "we have closed your claim", "your claim has ended".
  rule(
    'welsh',
    String.raw`\b(?:rydym wedi penderfynu|byddwn yn lleihau eich|nid oes gennych hawl|rydym wedi talu gormod|byddwn yn adennill|nid ydym wedi cymeradwyo|rydym wedi cau eich hawliad|mae eich hawliad wedi (?:cau|dod i ben))`,
  ),
  // The English families in Welsh: "you have not shown a good reason", "we have stopped your …", "your Universal
  // Credit / award has ended", "your Universal Credit will be reduced", "your (next) payment will be £0",
  // "you have limited capability for work", "(that) you are able to work".
  rule(
    'welsh-families',
    String.raw`\b(?:nid ydych(?: chi)? wedi dangos rheswm da|ni wnaethoch(?: chi)? ddangos rheswm da|nid oedd gennych(?: chi)? reswm da|ni fyddwch yn cael (?:taliad|unrhyw daliad)|nid oes gennych(?: chi)? (?:allu|gallu) cyfyngedig i weithio|rydym wedi (?:stopio|atal|dileu) eich (?:credyd cynhwysol|taliad\w*|hawliad|dyfarniad|costau|elfen|lwfans)|mae eich (?:credyd cynhwysol|dyfarniad) wedi (?:dod i ben|stopio)|bydd eich (?:credyd cynhwysol|taliad(?:au)?)(?: credyd cynhwysol)?(?: nesaf)? yn cael (?:ei|eu) (?:leihau|lleihau|stopio|atal)|bydd eich taliad(?: credyd cynhwysol)?(?: nesaf)?(?: ar [^.!?\n]{0,20}?)? yn £0(?:\.00)?(?!\.?\d)|mae gennych(?: chi)? (?:allu|gallu) cyfyngedig i weithio|(?:eich bod|rydych) yn gallu gweithio(?=[.,;!\n]|$))${NOT_PENDING}`,
  ),
  rule(
    'taking-money-off',
    String.raw`${NOT_ASKED}\b(?:we|they|dwp|the dwp|court|council)(?:'re|'ll|'ve| are| will| will be| have| has)?(?: now| started| start)? (?:taking|take|deduct(?:ing)?|start taking) (?:money |${MONEY}(?:%| ?per ?cent)? (?:a |per |each )?(?:month |week |payment |ap )?|an amount )?(?:off|from|out of) (?:(?:your|ur|my|his|her|their)\b(?= (?:${UC}|benefits?|payments?|award|money|standard allowance|rent|housing)\b)|the (?:rent|housing) (?:part|bit|element|money|costs?)\b)`,
  ),
  // A new deduction, in people's words: "new thing coming off my payment this month", "another deduction taken from
  // our UC", "council tax arrears now coming out of UC" (an advance's repayment is not a decision: MONEY_BACK).
  rule(
    'new-deduction',
    String.raw`${notAfter(`${NOT_YET}|will|would|could|might|may|any`)}\b(?:(?:new|another|extra)(?: [\w'-]+){0,3}? (?:coming|taken|going|came|come|being taken|deducted) (?:off|out of|from) (?:my|our|his|her|their|the)|(?:arrears|deductions?|fines?|debts?)(?: [\w'-]+){0,2}? now (?:coming|being taken|taken|deducted) (?:off|out of|from)(?: my| our| his| her| the)?) (?:${UC}|payments?|money|award|standard allowance)\b${NOT_PENDING}`,
  ),
  // The benefit cap: "Benefit cap applied - £58.21 off", "we have applied the benefit cap".
  rule(
    'benefit-cap',
    String.raw`\bbenefit cap (?:has been |was |is now |will be )?applied\b(?! (?:when|if|to (?:households|families|people)))|(?<!\b(?:not|never|haven't|havent) )\bapplied the benefit cap\b|\b(?:i've|i have|we've|we have|i'm|we're|been|got) (?:been )?(?:benefit )?capped\b|\b(?:deduction|reduction|deducted|reduced|taken off|cut)\b[^.!?\n]{0,40}?\b(?:to keep (?:me|us|him|her|them|you) under|because of|due to|for) the benefit cap\b|${notAfter(`${NOT_YET}|will|would|could|might|may`)}\b(?:i|we|he|she|they)(?:'ve| have| has|'s)? (?:just |now )?been (?:affected|hit) by the benefit cap\b|\bthe benefit cap (?:has |have )?(?:now )?(?:reduced|cut|taken)\b`,
  ),
  // What others were told: "DWP say I was overpaid £612", "they're saying i was overpaid" (not "was I overpaid?").
  rule(
    'they-say-overpaid',
    String.raw`${NOT_ASKED}\b(?:they|dwp|the dwp|${UC}|the dm|dm|the decision maker)(?:'re| are| is|'s| have| has|'ve)? (?:say|says|said|saying|told me|telling me|decided|reckon|reckons)(?: that)? (?:i|we|he|she|my [\w'-]+)(?:'ve| have| has| had)? (?:was |were |been |have been |got )?overpaid\b${NOT_PENDING}${notSoonBefore(`council tax|housing benefit|tax credits?|hmrc`, 60)}`,
  ),
  // An overpayment told in people's words: "got a letter saying I owe them £2,300", "they say I must pay back 900
  // pound" (not "do I owe them?", a council's Housing Benefit or HMRC's tax credit overpayment).
  rule(
    'they-say-owe',
    String.raw`${NOT_ASKED}\b(?:they|dwp|the dwp|${UC}|the dm|dm|the decision maker|(?:a |the )?(?:letter|message|journal entry|note)(?: (?:yesterday|today|this morning|from (?:them|dwp|uc|the dwp)))?)(?:'re| are| is|'s| have| has|'ve)? (?:say|says|said|saying|told me|telling me|tell me|decided|reckon|reckons)(?: that)? (?:i|we|he|she|my [\w'-]+) (?:owe|owes|must (?:pay|repay)|have to (?:pay|repay)|has to (?:pay|repay)|need to (?:pay|repay)|needs to (?:pay|repay))(?: (?:them|dwp|uc|the dwp))?(?: back| it back| the money back)?(?= (?:£|\d|(?:about|around|nearly|almost|over|more than)\b)|[.,!\n]|$)${NOT_PENDING}${notSoonBefore(`council tax|housing benefit|tax credits?|hmrc|advance|loan`, 60)}`,
  ),
  // Costs refused, in people's and agents' words: "they won't pay for my 3rd baby", "UC said they can't cover the
  // rent", "HC not paid", "we have not included these costs" (not "… until", "… yet", "… while").
  rule(
    'they-wont-pay',
    String.raw`${NOT_ASKED}\b(?:they|dwp|the dwp|${UC})(?:'ve| have| has)? (?:(?:said|say|says|told me|saying)(?: that)? (?:they|it|${UC}|dwp) )?(?:wont|won't|will not|can't|cannot|cant|refuse to|refused to) (?:pay|cover|include)(?: (?:for|my|the|our|his|her|any|anything))\b${NOT_MEANWHILE}${notSoonBefore(`unless`, 80)}${notSoonBefore(`council tax|(?:direct(?:ly)?|straight) to (?:the |your |my )?landlord`, 40)}`,
  ),
  rule(
    'costs-not-paid',
    String.raw`\b(?:hc|housing costs?|housing element|housing amount|childcare costs?|childcare element)(?: (?:has|have)(?: not)? been| (?:were|was)(?: been)?)? not (?:been )?(?:paid(?! (?:directly )?by| (?:direct(?:ly)? |straight )?to (?:your|the|my) landlord)|payable|included|awarded|allowed|covered)\b${NOT_MEANWHILE}|\bwe(?:'ve| have)? not (?:included|paid|allowed|awarded) (?:these|those|the|your|this|that|any) (?:[\w'-]+ ){0,2}?(?:costs?|amount|element|childcare|rent|housing)\b${NOT_MEANWHILE}`,
  ),
  // A lower housing rate given: "they've put me on the shared accommodation rate".
  rule(
    'put-on-rate',
    String.raw`${NOT_ASKED}\b(?:put|placed|moved) (?:me|you|him|her|us|them|my [\w'-]+) (?:on|onto) (?:the )?(?:shared accommodation rate|shared room rate|shared rate|sar\b)`,
  ),
  // A part of the award changed: "the housing element has been reduced by 14%", "your child amount was removed".
  rule(
    'element-changed',
    String.raw`\b(?:your |the |my |his |her )(?:housing|child|carer|childcare|lcwra|lcw|disabled child)(?: costs?)? (?:element|amount|costs) (?:has been|have been|was|were|will be|is being|is going to be) (?:reduced|cut|lowered|stopped|removed|taken off)\b${NOT_MEANWHILE}${notSoonBefore(`when|if|once|unless`, 40)}`,
  ),
  // A statement's own lines: an assessment period, then "Standard allowance £393.45" (not an explanation: "the
  // standard allowance is £400"), or "Statement date: 19/07/2024" (not "your statement date is the 5th").
  rule(
    'statement-lines',
    String.raw`(?<!\b(?:per|each|a|every) )\b(?:assessment period|cyfnod asesu)\b(?![\s\S]{0,300}\b(?:estimate[ds]?|calculator|rates \d{4}|could get)\b)[\s\S]{0,300}?\b(?:standard allowance|lwfans safonol)(?: \([^)\n]{0,30}\))?:? ?(?:£ )?${MONEY}(?![\w£])|(?<!\bnext )\bstatement (?:date|issued)(?: on)?:? ${SHORT_DATE}`,
  ),
  // A change of who is on the claim: "Your payment will now be worked out as a couple", "we will treat you as a single
  // person from 3 May" (not "if your partner moves in, your payment will be worked out as a couple").
  rule(
    'worked-out-as',
    String.raw`\b(?:your|the) (?:joint )?(?:${UC} )?(?:payments?|${UC}|award|claim) (?:will|is going to|has been|have been) (?:now )?(?:be )?(?:worked out|paid|assessed|calculated|changed to) as (?:a couple|a single person|single|a joint claim|joint)\b|\bwe(?:'ll| will| have| are going to)(?: now)? (?:treat|treated) (?:you|your claim) as (?:a couple|a single person|single|living together)\b|\byou(?:'ll| will)(?: now)? be (?:paid|assessed|treated) as (?:a couple|a single person|single|joint claimants)\b|\bwe(?:'ve| have) worked out your (?:${UC}|payment) as (?:a couple|a single person|joint claimants)\b`,
  ),
  // A statement's message: "We've worked out your Universal Credit for 3 August to 2 September 2025".
  rule(
    'worked-out-for',
    String.raw`\b(?:we(?:'ve| have)|this is how we(?:'ve| have)?) worked out your (?:${UC}|payment) for\b(?! (?:the|your|a|an) (?:[\w-]+ )?advance)`,
  ),
  // A decision received, in people's words: "got my pip decision, enhanced mobility!!", "got the decision letter
  // today" (not "haven't got my decision yet", "when I get my decision", an MR's or a tribunal's decision).
  rule(
    'got-decision',
    String.raw`${notAfter(`${NOT_YET}|you|to|still`)}(?<!\b${OTHER_PEOPLE}(?:'s)? )\b(?:got|received|had|been given) (?:my|our|his|her|their|the|an?) (?!(?:[\w-]+ ){0,2}?(?:mr|mrn|mandatory|reconsideration|tribunal|first-tier|ftt|hearing|appeal|hardship|advance|budgeting|council|ctr)\b)(?:(?:[\w-]+ ){0,2}?decision(?: letter)?|award letter)\b(?! (?:yet|maker|back from (?:the )?(?:mr|tribunal)))${NOT_PENDING}`,
  ),
  // What the message says is paid, when it is nothing: "the journal says we get nothing extra for her", "the letter
  // said I'll get no money" (not "will we get nothing extra?").
  rule(
    'says-nothing-paid',
    String.raw`${NOT_ASKED}\b(?:(?:the )?(?:journal|message|letter|decision)|they|dwp|it) (?:says|said|say)(?: that)? (?:we|i|you|he|she|they)(?:'ll| will)? (?:get|are getting|'re getting|can get|can have|won't get|will not get|don't get|do not get) (?:nothing|no (?:money|payment|extra|uc|universal credit)|£0|any(?:thing)? (?:more|extra))\b${NOT_PENDING}`,
  ),
  // A smaller home paid for: "now my UC only covers a 2 bed, not the 3", "they'll only pay for a one-bedroom flat".
  rule(
    'only-covers-rooms',
    String.raw`${notAfter(`${NOT_YET}|will|would|could|might|may`)}\b(?:${UC}|they|dwp|it|the housing (?:element|part|bit|costs?))(?: now)?(?:'ll| will)? only (?:covers?|pays? for|pays?|allows?) (?:a |for a )?(?:\d|one|two|three|four)(?:-| )?bed(?:room)?s?\b${NOT_PENDING}`,
  ),
  // A message's outcome in one word, as people retell it: "got the message yesterday: awarded, £1,020", "letter came today
  // - refused" (not "waiting for the letter: refused or not?").
  rule(
    'message-outcome',
    String.raw`${notAfter(`${NOT_YET}|still|waiting for|wait for`)}\b(?:(?:got|had|received) (?:the|a|my|his|her|their) (?:message|letter|decision|journal message|answer)|(?:the |a |my )?(?:message|letter|decision) (?:came|arrived|is in))(?: (?:today|yesterday|this morning|last night|at last|in the journal|on the journal))? ?[:-] ?(?:awarded|approved|accepted|refused|rejected|turned down|sanctioned|closed|disallowed|not entitled|nil)\b${NOT_PENDING}`,
  ),
  // A PIP award letter, which has the same MR right: its lines ("Daily living part: standard rate from 14 Apr 2025"),
  // "got my PIP letter through today", "received his PIP decision"
  // (not "haven't had my PIP letter yet", "got my PIP letter asking me to fill in the form", "got a PIP letter about
  // my assessment").
  rule(
    'pip-award',
    String.raw`\b(?:daily living|mobility) (?:part|component): (?:standard|enhanced) rate\b|${notAfter(`${NOT_YET}|you|to|still`)}\b(?:got|received|had|opened) ${WHOSE}pip (?:letter|decision|award|result|outcome)(?: (?:letter|through|back|today|yesterday|this morning)){0,2}\b(?! (?:asking|to (?:say|tell) (?:me|him|her|them) (?:about|when|where)|about (?:my|his|her|the|an?) (?:assessment|review|form|appointment|consultation)|for (?:my|his|her|the|an?) (?:assessment|review|appointment|consultation)|with (?:the|a|my) (?:form|date|appointment)))${NOT_PENDING}`,
  ),
  // A claim accepted: "they say claim is accepted and first payment 14 January" (not "once your claim is accepted").
  rule(
    'claim-accepted',
    String.raw`(?<!\b(?:advance|hardship|council|reduction|ctr|housing benefit|hb|discretionary|dhp|payment|loan|${OTHER_PEOPLE}'s)(?: [\w'-]+){0,3} )\bclaim (?:is|has been|was|got) (?:now )?(?:accepted|approved|successful)\b${NOT_MEANWHILE}${notSoonBefore(`once|after|when|if`, 40)}`,
  ),
  // A sanction letter's journal title: "22 May 2025  Reduction in your Universal Credit   View letter".
  rule('reduction-title', String.raw`(?:^|\n)(?:${SHORT_DATE} )?reduction in your ${UC}(?= ?(?:view letter|\n|$))`),
];

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
 * "accept your commitment or your claim will be closed" (an "or" further back is a list: "you did not send
 * them or give a good reason, so we have ended your award").
 */
const HEDGE_NEAR =
  /\b(?:why|how|what|when|call(?:s|ed)?|wait(?:ing)? for|need|copy of|send|(?:get|receive) (?:a|an|the|your|our)|or|otherwise)\b(?:\s+[^\s,;]+){0,4}\s*$/;
/**
 * What follows "so", "this means" or "as a result" is what happened, whatever came before it: "this is more
 * than you can earn before your Universal Credit stops, so you will not get a payment".
 */
const CONSEQUENCE =
  /(?:, so|\bso (?=we|you|your|the|this|his|her|their)|\bthis means(?: that)?|\bas a result|\bbecause of this|\btherefore|\bfelly|\bo ganlyniad|\bmae hyn yn golygu(?: bod)?)\b/g;
/** ... or just after it: "your claim will be closed if you do not accept". */
const HEDGE_AFTER = /^[ \n]?(?:(?:[\w'£,]|\.(?=\d))+ ){0,3}(?:if|unless|os|oni bai)\b/;

/** Lower case, straight quotes, one space (or one line break): what the rules are written for. */
export function cueText(text: string): string {
  return (
    text
      .replace(/&#0*39;|&#x0*27;|&apos;|&rsquo;|&lsquo;/gi, "'")
      .replace(/&quot;|&#0*34;/gi, '"')
      .replace(/&amp;/gi, '&')
      .replace(/&nbsp;|&#0*160;/gi, ' ')
      .replace(/&pound;|&#0*163;/gi, '£')
      .toLowerCase()
      // OCR reads "l" as a one inside words: "c1aim", "a11owance", "c10sed" (not in "uc50", "1st", "ap1").
      .replace(/(?<=[a-z][01]*)1(?=[01]*[a-z])|(?<=[a-z]{3})(?<!sscs|ucd|esa)1(?![0-9])/g, 'l')
      // OCR reads "o" as a zero inside words: "y0ur rec0nsideration", "n0t" (not in "10am", "£0", "20th").
      .replace(/(?<=[a-z]0*)0(?![0-9]*[1-9])(?=0*[a-z]|(?![0-9]))|(?<![0-9£.,])0(?=0*[a-z])/g, 'o')
      // OCR reads "m" as "rn" where no English word has "rn": "rnonth", "payrnent", "terrninated" (not "journal", "earnings").
      .replace(/\brn(?=[aeiou])/g, 'm')
      .replace(/rrn|rnent\b/g, (found) => (found === 'rrn' ? 'rm' : 'ment'))
      .replace(/[’‘`´]/g, "'")
      .replace(/[‐‑–—]/g, '-')
      .replace(/[^\S\n]+/g, ' ')
      .replace(/ ?\n[\s]*/g, '\n')
  );
}

/** The sentence up to `start`: back to a full stop, colon or line break (at most 250 characters). */
function sentenceSoFar(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 250), start);
  const cut = Math.max(
    ...['. ', '? ', '! ', ': ', '; ', '.\n', '\n'].map((mark) => {
      const at = before.lastIndexOf(mark);
      return at < 0 ? -1 : at + mark.length - 1;
    }),
  );
  return cut >= 0 ? before.slice(cut + 1) : before;
}

function hedged(text: string, start: number, end: number): boolean {
  // "6 May 2024" is a date, not "may" the hedge.
  let sentence = sentenceSoFar(text, start).replace(/\b\d{1,2}(?:st|nd|rd|th)? may\b|\bmay \d/g, ' ');
  let last = -1;
  for (const m of sentence.matchAll(CONSEQUENCE)) last = m.index + m[0].length;
  if (last >= 0) sentence = sentence.slice(last);
  return (
    HEDGE.test(sentence) ||
    HEDGE_NEAR.test(sentence) ||
    (WELSH_WORDS.test(text.slice(start, end)) && HEDGE_CY.test(sentence)) ||
    HEDGE_AFTER.test(text.slice(end, end + 40))
  );
}

/**
 * Words a rule cannot match without (any one of them), checked first: most
 * rules then never run their expression on a long pasted page.
 */
const NEEDS: Record<string, readonly string[]> = {
  'mrn-heading': ['reconsideration'],
  'mrn-named': ['mrn', 'reconsideration', 'mr notice'],
  'mrn-looked-again': ['again', 'reconsider', 're-consider'],
  'mrn-they-looked-again': ['again', 'another look', 'reconsidered'],
  'mrn-agreed-or-stood-firm': ['agreed', 'sided', 'guns', 'firm', 'budge'],
  'mrn-looked-at-decision-again': ['again'],
  'mrn-looked-at-mr': ['reconsideration', 'mr'],
  'mrn-outcome': ['reconsideration', 'mr'],
  'mrn-came-back': ['back', 'bk', 'bak', 'through'],
  'mrn-decision-on-mr': ['mr', 'recon'],
  'mrn-came-cy': ['wedi dod', 'wedi cyrraedd'],
  'we-changed-deductions': ['deduction'],
  'mrn-result-line': ['reconsideration', 'mr'],
  'mrn-mr-done': ['recon', 'mr'],
  'mrn-not-changed': ['change', 'keep'],
  'mrn-decision-stands': ['decision'],
  'mrn-can-now-appeal': ['appeal', 'tribunal'],
  'mrn-appeal-within': ['notice'],
  'mrn-shorthand': ['mr', 'mrn', 'appeal', 'reconsideration'],
  'mrn-they-not-changed': ['change', 'alter', 'revise'],
  'mrn-welsh': ['ailystyri', 'ystyriaeth', 'apelio', 'newid', 'edrych eto', 'yn ôl', 'nôl', 'yn ol', 'canlyniad'],
  'mrn-upheld': ['upheld'],
  'mrn-notice': ['notice'],
  'mrn-you-asked': ['asked'],
  'mrn-looked-again-all': ['again'],
  'mrn-appeal-to': ['appeal'],
  'mrn-following': ['following'],
  'mrn-decision-on-request': ['reconsideration', 'mr'],
  'mrn-asked-then-decided': ['asked', 'request', 'challenged', 'disputed', 'again', 'reconsidering'],
  'mrn-original-kept': ['original', 'orig', 'first', 'earlier', 'previous', 'initial'],
  'mrn-looked-again-outcome': ['again', 'look', 'reconsider', 're-consider', 'review', 'over', 'checked', 'done', 'completed', 'finish', 'dealt', 'decided'],
  'mrn-outcome-after-review': ['asked for', 'requested', 'sent in', 'put in'],
  'statement-ready': ['statement'],
  'statement-got': ['statement', 'statment'],
  decided: ['decided'],
  'payment-reduced': ['reduc', 'stop', 'cut', 'down', '£0', 'nil', 'end'],
  'payment-smaller': ['smaller', 'lower', 'less'],
  'payment-zero': ['£0'],
  'we-reduce': ['reduc', 'stop', 'cut'],
  'no-payment': ['payment'],
  'not-entitled': ['entit'],
  'not-eligible': ['eligible'],
  'conditions-not-met': ['meet', 'satisfy'],
  refused: ['refused', 'disallowed', 'rejected', 'turned', 'declined', 'unsuccessful', 'approved', 'removed', 'covered', 'included', 'allowed', 'accepted'],
  'not-approved': ['approved', 'accepted', 'allowed'],
  'we-refused': ['refused', 'disallowed', 'rejected', 'approved', 'accepted', 'allowed', 'turned'],
  'no-good-reason': ['reason', 'no gr'],
  'reason-not-accepted': ['reason'],
  'did-not-give-good-reason': ['reason'],
  'sanction-applied': ['sanction'],
  sanctioned: ['sanctioned'],
  'sanction-reduction': ['sanction'],
  'capable-of-work': ['capable', 'fit'],
  'has-lcw': ['capability', 'lcw'],
  'awarded-lcw': ['capability', 'lcw'],
  'treated-as': ['treated'],
  'can-only-pay': ['pay', 'backdate', 'include'],
  'not-payable': ['payable'],
  'sanctioned-short': ['sanctioned'],
  'reduction-applied': ['reduction', 'sanction'],
  'lcw-outcome': ['capability', 'lcw'],
  'found-fit': ['found'],
  'one-word-closed': ['closed', 'terminated'],
  'claim-closed-short': ['closed', 'terminated', 'no longer active'],
  welsh: ['rydym', 'byddwn', 'nid', 'hawliad'],
  'welsh-families': ['nid', 'ni ', 'rydym', 'mae', 'bydd', 'gennych', 'gallu'],
  'no-reactivate': ['reactiv', 'reopen', 're-open', 'restart', 're-activ'],
  'paid-too-much': ['much', 'overpaid'],
  'take-back': ['back'],
  recover: ['recover'],
  'not-in-gb': ['britain', 'living here', 'resident here', 'being here', 'the uk'],
  'not-resident': ['resident', 'reside'],
  'no-right-to-reside': ['reside'],
  'nil-award': ['nil'],
  'third-party-deduction': ['asked', 'applied', 'told'],
  'mrn-completed': ['reconsideration', 'mr'],
  'mrn-request-considered': ['reconsideration', 'request for us'],
  'mrn-decision-correct': ['reconsider', 'mandatory', 'mr ', 'mrn', 'again', 'appeal', 'review', 'disagree'],
  'mrn-disputed-decision-reviewed': ['the decision'],
  'mrn-decision-unchanged': ['unchanged', 'not changed', 'not revised'],
  'mrn-reconsideration-outcome': ['reconsideration'],
  'mrn-cannot-change': ['change', 'revise', 'alter'],
  'mrn-decision-reconsidered': ['reconsider', 'again'],
  entitled: ['entitled'],
  awarded: ['awarded'],
  'claim-not-successful': ['successful', 'paid'],
  'cannot-accept-claim': ['accept'],
  'no-good-reason-run-on': ['goodreason'],
  'award-ends-on': ['claim', 'award'],
  'wca-outcome': ['outcome', 'result'],
  'wca-points': ['points'],
  'overpayment-found': ['overpayment', 'over payment', 'o/p', 'op of'],
  'paid-more-than-entitled': ['more'],
  'deducted-from': ['deducted', 'taken', 'recovered', 'collected'],
  'we-will-take': ['take', 'deduct'],
  'deduction-changed': ['deduction'],
  'you-will-lose': ['lose', 'losing'],
  'agreed-to-change': ['agreed'],
  'deduction-request-agreed': ['request', 'application'],
  'made-decision': ['decision'],
  'they-stopped-my': [
    'stopped',
    'cut',
    'reduced',
    'added',
    'backdated',
    'sanctioned',
    'taken',
    'took',
    'removed',
    'refused',
    'rejected',
    'turned',
    'disallowed',
    'knocked',
    'closed',
    'clsoed',
    'colsed',
    'closd',
    'close',
    'stop',
    'ended',
    'terminated',
    'shut',
  ],
  'they-say-fit': ['fit', 'capable', 'able to'],
  'i-was-sanctioned': ['sanctioned'],
  'benefit-cap': ['cap'],
  'they-say-overpaid': ['overpaid'],
  'they-wont-pay': ['pay', 'cover', 'include'],
  'costs-not-paid': ['not'],
  'put-on-rate': ['rate'],
  'element-changed': ['element', 'amount', 'costs'],
  'statement-lines': ['allowance', 'lwfans', 'statement'],
  'reduction-title': ['reduction'],
  'worked-out-for': ['worked out'],
  'worked-out-as': ['couple', 'single', 'joint', 'living together'],
  'got-decision': ['decision', 'award letter'],
  'pip-award': ['pip', 'daily living', 'mobility'],
  'message-outcome': ['message', 'letter', 'decision', 'answer'],
  'says-nothing-paid': ['nothing', 'no ', '£0', 'more', 'extra'],
  'only-covers-rooms': ['bed'],
  'claim-accepted': ['accepted', 'approved', 'successful'],
  'decision-letter': ['letter'],
  'mrn-received': ['mrn'],
  'has-sanction': ['sanction'],
  'hit-with-sanction': ['hit', 'slapped', 'landed', 'given'],
  'my-payment-dropped': ['drop', 'down', 'decreased', 'reduced', 'cut', 'lowered'],
  'nothing-this-month': ['month', 'ap', 'assessment period'],
  'wont-reduce-deduction': ['reduce', 'lower'],
  'paid-less': ['less', 'lower', 'short', 'instead'],
  'amount-went-from': ['from', 'last', 'down'],
  'new-deduction': ['new', 'another', 'extra', 'now'],
  'they-say-owe': ['owe', 'must pay', 'to pay', 'repay'],
  'mrn-letter-uploaded': ['letter'],
  'right-to-reside-accepted': ['reside', 'resident'],
};

function worthTrying(text: string, id: string): boolean {
  const needs = NEEDS[id];
  return !needs || needs.some((word) => text.includes(word));
}

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

/** The sentence after `end`, up to its full stop or line break (at most 80 characters): "… to recover your advance". */
function restOfSentence(text: string, end: number): string {
  return /^[^.!?\n]{0,80}/.exec(text.slice(end))![0];
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

function doesNotCount(text: string, id: string, start: number, end: number): boolean {
  if (aboutSomeoneElse(text, start)) return true;
  if (PEOPLES_WORDS.has(id) && (LONG_AGO.test(sentenceSoFar(text, start)) || LONG_AGO.test(restOfSentence(text, end)))) return true;
  if (MONEY_BACK.has(id) && REPAYS_ADVANCE.test(text.slice(Math.max(0, start - 200), end) + restOfSentence(text, end))) return true;
  if (refusesAdvance(text, id, start, end)) return true;
  return hedged(text, start, end);
}

function firstMatch(text: string, rules: readonly Rule[], answer: Cue['answer']): Cue | null {
  for (const [id, pattern] of rules) {
    if (!worthTrying(text, id)) continue;
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      if (doesNotCount(text, id, match.index, match.index + match[0].length)) continue;
      return { answer, rule: id, words: match[0].replace(/\n/g, ' ').trim() };
    }
  }
  return null;
}

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
  const normal = cueText(text);
  return firstMatch(normal, MRN_RULES, 'mrn') ?? firstMatch(normal, DECISION_RULES, 'decision');
}

/** Every phrase rule's pattern, so a test can check how each was written. */
export function rulePatterns(): RegExp[] {
  return [...MRN_RULES, ...DECISION_RULES].map(([, pattern]) => pattern);
}

/** Every rule that matches, for the evaluation's per-rule precision. */
export function allCues(text: string): Cue[] {
  const normal = cueText(text);
  const out: Cue[] = [];
  for (const [rules, answer] of [
    [MRN_RULES, 'mrn'],
    [DECISION_RULES, 'decision'],
  ] as const) {
    for (const [id, pattern] of rules) {
      if (!worthTrying(normal, id)) continue;
      for (const match of normal.matchAll(pattern)) {
        if (doesNotCount(normal, id, match.index, match.index + match[0].length)) continue;
        out.push({ answer, rule: id, words: match[0].replace(/\n/g, ' ').trim() });
        break;
      }
    }
  }
  return out;
}
