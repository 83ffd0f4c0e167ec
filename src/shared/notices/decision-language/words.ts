// The building blocks the rules are written from: who, when, money, dates, and
// the look-behinds that keep a phrase from counting after "not", "if" or a question.

export const UC = String.raw`(?:universal credit|uc)`;
export const HAVE = String.raw`(?:'ve| have| has)?`;
/** Not within three words after one of `words` (an alternation): "haven't got my MRN", "as soon as I've got". */
export const notAfter = (words: string) => String.raw`(?<!\b(?:${words})(?: [\w']+){0,2} )`;
/** Not followed by one of `words` within `span` characters of the same sentence: "… until we have checked", "… unless you send". */
export const notSoonBefore = (words: string, span: number) => String.raw`(?![^.!?\n]{0,${span}}\b(?:${words})\b)`;
/** Someone else's situation, not the claimant's: "my friend got her decision", "anyone got LCWRA?". */
export const OTHER_PEOPLE = String.raw`(?:friend|mate|neighbour|someone|anyone|everyone|people|others?|colleague|cousin)`;
/** The claimant's family or an adviser's client, whose decisions count as the claimant's own: "my son's MR", "tenant's claim". */
export const FAMILY = String.raw`(?:son|daughter|brother|sister|mum|mam|mom|dad|nan|gran|partner|husband|hubby|wife|client|tenant)`;
/** Whose: "your", "my", "my son's", "client's" (never OTHER_PEOPLE's: "my friend's MR"). */
export const WHOSE = String.raw`(?:(?:your|the|my|his|her|their|our) (?:${FAMILY}'?s )?|${FAMILY}'s )`;
/** Words that undo what follows them: "I haven't had my MR back", "not had the letter yet". */
export const NEGATIONS = String.raw`not|haven't|hasn't|havent|hasnt|didn't|didnt|never|yet`;
/** ... or put it off: "when I get my decision", "once my statement comes" (for notAfter). */
export const NOT_YET = String.raw`${NEGATIONS}|when|once|until|till|if|soon as`;
/**
 * Not still to come ("… yet"), and not asked in the same clause: "got my MRN today, what now?", "they refused
 * my MR so what do I do now?" and "dwp refused my mr - can I appeal?" still count (a comma, "so", "and", "but"
 * or a dash starts a new clause). The scan stops after 80 characters, so a long unpunctuated paste costs little.
 */
export const NOT_PENDING = String.raw`(?! yet)(?!(?:(?! so | and | but | - )[^.!,\n]){0,80}\?)`;
/** Not a yes/no question: "have they…", "did DWP…", "has the jobcentre…", "hi have they…" opening a sentence or clause. */
export const NOT_ASKED = String.raw`(?<!(?:^|[.!?,;:\n] ?)(?:(?:hi|so|and|ok|but|also) )?(?:have|has|had|did|do|does|will|would|could|can|are|is|was|were) (?:the )?)`;
/** "successful" and "unsuccessful" as people type them: "unsuccesful", "sucessful", "succesfull". */
export const SUCCESSFUL = String.raw`(?:not |un)?suc+es+ful+`;
/** What an MR was about, between "MR" and what became of it: "my MR on the bedroom tax decision was refused" (not "… that was refused"). */
export const MR_ABOUT = String.raw`(?: (?:on|for|about|re|regarding|against) (?:(?! ?\b(?:that|which|who|where|because|when|if)\b)[^.!?\n,]){1,30}?)?`;
/** The MR as people name it: "mandatory reconsideration", "mandatory recon", "reconsideratoin", "mandatry reconsideraton", "recon", "MR". */
export const MR_NAME = String.raw`(?:(?:mand[a-z]* )?recon(?:sid\w*)?\b|mr\b)`;
/** Not for now only: "… while we look at it", "… until a decision maker has", "… yet". */
export const NOT_MEANWHILE = notSoonBefore('while|whilst|until|till|pending|in the meantime|for now|at the moment|yet', 60);
/** Welsh: not after "not", "without", "when", "once", "if", "until", "before", "after" (a few words back). */
export const NOT_AFTER_CY = String.raw`(?<!\b(?:ddim|heb|pan|unwaith|os|nes|cyn|ar ôl)\b[^.!?\n]{0,30})`;
/** Welsh: not "… eto" (yet), and not asked ("Ydy'r ailystyriaeth wedi dod yn ôl?"). */
export const NOT_PENDING_CY = String.raw`(?! eto)(?![^.!,\n]{0,80}\?)`;
/** Something long past in people's words: "back in 2021", "years ago" (LONG_AGO in exclusions.ts adds a few more). */
export const LONG_AGO_WORDS = String.raw`back in (?:19|20)\d\d|years ago|last year|previously`;
/** A date as notes write it: "17/01/25", "4.6.2024", "3 March", "22nd Nov 2025". */
export const SHORT_DATE = String.raw`(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}(?:st|nd|rd|th)? [a-z]{3,9}\.?(?: \d{4})?)`;
/** A sum of money: "£20.37", "£1,120", "20.37". */
export const MONEY = String.raw`£?\d[\d,]*(?:\.\d\d)?`;
/** "closed" and its common typos ("clsoed", "colsed", "closd"). */
export const CLOSED = String.raw`(?:closed|clsoed|colsed|closd)`;
