// The explainer's first recogniser, kept only as the evaluation's baseline
// ("rules only"): hand-weighted key phrases per kind, the best score wins,
// and a decision when the kind is one that always is (or housing/childcare
// with decision words). tools/explainer/eval.ts compares it with the model.
import type { Challenge, NoticeKind } from '../../src/shared/notices/types';

type Clue = readonly [pattern: RegExp, weight: number];

const UC = String.raw`(?:universal credit|uc)`;

export const CLUES: Record<Exclude<NoticeKind, 'unknown'>, readonly Clue[]> = {
  'payment-statement': [
    [/\b(?:payment|monthly) statement\b/, 5],
    [/\byour statement\b/, 4],
    [/\bstatement (?:is )?(?:ready|available)\b/, 4],
    [/\bstandard allowance\b/, 2],
    [/\bassessment period\b/, 2],
    [/\b(?:take[- ]home pay|earnings|wages)\b/, 1],
    [/\b(?:amount|total) (?:due|to be paid|we will pay|we'll pay)\b/, 3],
    [/\bhow (?:we|your payment was) (?:worked out|calculated)\b/, 4],
    [/\bwe(?: will|'ll) pay you\b/, 2],
    [/\bpayday\b|\bpayment date\b/, 1],
  ],
  'claim-decision': [
    [/\bdecision (?:on|about) your (?:universal credit )?claim\b/, 5],
    [new RegExp(String.raw`\bnot (?:be )?entitled to ${UC}\b`), 5],
    [/\byou (?:are|were) not entitled\b/, 4],
    [/\byour claim (?:has been|was|is) (?:refused|disallowed|rejected|unsuccessful)\b/, 5],
    [/\bnil award\b/, 5],
    [new RegExp(String.raw`\byou are entitled to ${UC}\b`), 4],
    [/\byour claim (?:has been|was) (?:successful|accepted|approved)\b/, 4],
    [/\bclaim decision\b/, 4],
    [/\b(?:savings|capital) (?:of |are )?(?:over|more than|above)\b/, 2],
    [/\bnot entitled\b/, 2],
  ],
  'mandatory-reconsideration-notice': [
    [/\bmandatory reconsideration notice\b/, 7],
    [/\bmrn\b/, 5],
    [/\b(?:we|i) (?:have )?(?:now )?(?:looked at|reconsidered|reviewed|considered) (?:the|your|our|this|that) (?:\w+ )?decision again\b/, 6],
    [/\blooked (?:again )?at (?:the|your|our|this|that) (?:\w+ )?decision (?:again)?/, 5],
    [/\bresult of your (?:mandatory )?reconsideration\b/, 6],
    [/\b(?:have|has) been reconsidered\b|\bwe (?:have )?reconsidered\b/, 4],
    [/\bwe (?:have|did) not change[d]? (?:the|our|this|your) decision\b|\bthe decision (?:has not|hasn't) changed\b/, 4],
    [/\bwe (?:have )?changed (?:the|our|this|your) decision\b/, 3],
    [/\byou (?:can|may) (?:now )?appeal\b/, 3],
    [/\bappeal to (?:an |the )?(?:independent )?tribunal\b/, 4],
    [/\bhmcts\b|\bhm courts\b|\bcourts (?:and|&) tribunals\b/, 3],
    [/\bsscs ?1\b/, 4],
    [/\bsocial security and child support\b/, 3],
    [/\bdecision on your entitlement\b/, 2],
  ],
  'sanction-decision': [
    [/\bsanction(?:s|ed)?\b/, 4],
    [/\bwithout (?:a )?good reason\b/, 3],
    [/\b(?:higher|medium|low|lowest)[- ]level\b/, 3],
    [new RegExp(String.raw`\breduc(?:e|ed|ing|tion)(?: in)? (?:to )?your (?:${UC}|payment|standard allowance)\b`), 2],
    [/\b(?:failed|failure) to (?:attend|take part|apply|meet)\b/, 2],
    [/\bgood reason\b/, 1],
    // Appointment letters warn "you may get a sanction": that is not a sanction.
    [/\b(?:may|might|could|can|will) (?:get|be given|lead to|result in|mean) a sanction\b|\b(?:may|might|could) be sanctioned\b/, -6],
  ],
  'claimant-commitment': [
    [/\bclaimant commitment\b/, 5],
    [/\baccept (?:your |the |my )?(?:claimant )?commitment\b/, 5],
    [/\bcommitments?\b/, 2],
  ],
  'verify-identity': [
    [/\bverify your identity\b|\bconfirm (?:your |who you are|your identity)\b|\bprove (?:who you are|your identity)\b/, 6],
    [/\bidentity\b|\bid check\b/, 3],
    [/\b(?:passport|driving licen[cs]e|photo id|proof of id|identity documents?)\b/, 2],
    [/\bgov\.?uk (?:verify|one ?login)\b/, 3],
  ],
  'housing-costs': [
    [/\bhousing costs?\b/, 5],
    [/\bhousing (?:element|amount)\b/, 4],
    [/\bservice charges?\b/, 3],
    [/\brent\b/, 2],
    [/\b(?:landlord|tenancy(?: agreement)?|social housing|housing association)\b/, 2],
    [/\bnot (?:been )?approved\b/, 1],
  ],
  'report-change': [
    [/\breport(?:ed|ing)? (?:a |any |the |this |your )?changes?\b/, 5],
    [/\bchanges? (?:of|in|to) (?:your )?circumstances?\b/, 5],
    [/\btell us (?:about )?(?:a |any )?changes?\b/, 4],
    [/\bchange (?:has been|was) (?:added|reported|processed|recorded)\b/, 4],
    [/\byou (?:told|reported to) us\b/, 2],
    [/\b(?:moved (?:in|out|house)|new baby|partner (?:moved|joined|left))\b/, 2],
  ],
  'work-coach-appointment': [
    [/\bwork[- ]?focused interview\b/, 6],
    [/\bwork search review\b/, 5],
    [/\bcommitment review\b/, 4],
    [/\bwork coach\b/, 2],
    [/\bap+oint?ments?\b/, 2],
    [/\binterview\b/, 2],
    [/\bjob ?cent(?:re|er)(?: plus)?\b/, 1],
    [/\b(?:please|you (?:must|need to|should)) (?:attend|come|be at)\b/, 2],
    [/\b(?:phone|video) (?:call|appointment)\b/, 1],
  ],
  'work-capability-questionnaire': [
    [/\buc ?50\b/, 7],
    [/\bcapability for work questionnaire\b/, 7],
    [/\bhealth questionnaire\b/, 5],
    [/\bquestionnaire\b/, 4],
    [/\b(?:fill (?:it |this )?in|complete|return|send (?:it |this )?back)\b/, 1],
  ],
  'health-assessment': [
    [/\bwork capability assessment\b|\bwca\b/, 4],
    [/\bhealth (?:and disability )?assessment\b/, 5],
    [/\b(?:face[- ]to[- ]face|telephone|phone|video|paper[- ]based) assessment\b/, 5],
    [/\bassessment (?:appointment|centre|center)\b/, 5],
    [/\bhealthcare professional\b/, 4],
    [/\b(?:maximus|capita|centre for health and disability assessments|chda|health assessment advisory service)\b/, 4],
    [/\bappointment\b|\battend\b/, 1],
    [/\bhome visit\b|\breasonable adjustments?\b|\bcompanion\b/, 1],
  ],
  'fit-note': [
    [/\bfit ?notes?\b|\bsick notes?\b|\bmed ?3\b|\bstatement of fitness for work\b/, 6],
    [/\b(?:gp|doctor|nurse|pharmacist|physio(?:therapist)?|occupational therapist)\b/, 1],
  ],
  'work-capability-decision': [
    [/\blimited capability for work(?: and work[- ]related activity)?\b/, 4],
    [/\blcwra\b/, 5],
    [/\blcw\b/, 4],
    [/\bwork[- ]related activity\b/, 3],
    [/\bfit for work\b|\bcapable of work\b|\bhave capability for work\b/, 4],
    [/\bdescriptors?\b/, 3],
    [/\b\d+ points\b/, 2],
    [/\boutcome of your (?:work capability |health )?assessment\b/, 5],
    [/\bdecision (?:about|on) your (?:work capability|capability for work|health)\b/, 5],
    [/\bucd ?35\b/, 3],
  ],
  'advance-payment': [
    [/\badvance(?: payment)?s?\b/, 3],
    [/\b(?:new claim|budgeting|benefit transfer|change of circumstances) advance\b/, 4],
    [/\badvance (?:has been|was) (?:paid|approved|agreed)\b/, 4],
    [/\brepay|pay (?:it|this|the advance) back\b/, 2],
    [/\bloan\b/, 1],
    [/\bin advance\b/, -3],
  ],
  overpayment: [
    [/\boverpayments?\b|\bover-payments?\b/, 6],
    [/\boverpaid\b/, 5],
    [/\bpaid (?:you )?too much\b/, 5],
    [/\brecover(?:y|ed|ing)?\b/, 2],
    [/\bdebt management\b/, 2],
  ],
  deduction: [
    [/\bdeductions?\b|\bdeducted\b/, 4],
    [/\bthird[- ]party (?:deductions?|payments?)\b/, 4],
    [new RegExp(String.raw`\btak(?:e|en|ing) (?:money )?(?:from|off|out of) your (?:${UC}|payments?)\b`), 4],
    [/\b(?:rent arrears|fuel|gas|electricity|water|council tax|fines?|child maintenance|court)\b/, 1],
  ],
  'hardship-payment': [
    [/\bhardship\b/, 6],
    [/\bucd ?15[78]\b/, 7],
  ],
  'claim-closed': [
    [new RegExp(String.raw`\b(?:your |the )?(?:${UC} )?claim (?:has been |was |is )?(?:now )?(?:closed|terminated|ended|stopped|cancelled)\b`), 7],
    [new RegExp(String.raw`\byour ${UC} (?:has )?(?:ended|stopped)\b`), 5],
    [/\bwe (?:have )?(?:closed|terminated|ended|stopped) your (?:universal credit |uc )?claim\b/, 7],
    [/\bterminated\b/, 4],
    [/\bclosed\b/, 3],
    [/\b(?:office|jobcentre|centre|building|branch|lines?) (?:will be |is |are )?closed\b/, -5],
    [/\bread[- ]only\b/, 3],
    [/\bno longer (?:get|receive|be paid)\b/, 3],
  ],
  'childcare-costs': [
    [/\bchild ?care\b/, 6],
    [/\b(?:nursery|childminder|after[- ]school club|holiday club)\b/, 2],
  ],
  'written-reasons': [
    [/\bwritten (?:reasons|statement|explanation)\b/, 6],
    [/\bstatement of reasons\b/, 6],
    [/\breasons for (?:the|our|this|your) decision\b/, 2],
  ],
  'migration-notice': [
    [/\bmigration notice\b/, 7],
    [/\bmov(?:e|ing) (?:you )?(?:over )?to universal credit\b/, 6],
    [
      /\byour (?:tax credits?|benefits?|employment and support allowance|housing benefit|income support|jobseeker'?s allowance) (?:are|is|will) (?:end|ending|stop|stopping)\b/,
      5,
    ],
    [/\bclaim universal credit by\b/, 5],
    [/\bdeadline date\b/, 3],
    [/\btax credits?\b/, 2],
    [/\b(?:income support|jobseeker'?s allowance|employment and support allowance|housing benefit|income-based|income-related)\b/, 1],
  ],
};

const KINDS = Object.keys(CLUES) as Exclude<NoticeKind, 'unknown'>[];

export interface Classification {
  kind: NoticeKind;
  confidence: 'high' | 'low' | 'none';
  scores: Partial<Record<NoticeKind, number>>;
}

/** Lower case, straight quotes, single spaces: the form every clue is written for. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[‐‑–—]/g, '-')
    .replace(/\s+/g, ' ');
}

const HIGH = 5;
const LOW = 2;

export function classify(normalised: string): Classification {
  const scores: Partial<Record<NoticeKind, number>> = {};
  let best: NoticeKind = 'unknown';
  let bestScore = 0;
  for (const kind of KINDS) {
    let score = 0;
    for (const [pattern, weight] of CLUES[kind]) if (pattern.test(normalised)) score += weight;
    scores[kind] = score;
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  if (bestScore < LOW) return { kind: 'unknown', confidence: 'none', scores };
  return { kind: best, confidence: bestScore >= HIGH ? 'high' : 'low', scores };
}

const MR_KINDS = new Set<NoticeKind>(['payment-statement', 'claim-decision', 'sanction-decision', 'work-capability-decision', 'overpayment', 'claim-closed']);
const DECISION =
  /\b(?:not (?:been )?approved|decision|decided|refused|disallowed|(?:cannot|can't|will not|won't|not able to) (?:pay|include|help)|not (?:be )?included|not eligible)\b/;

/** The old rule: the challenge followed from the kind. */
export function baselineChallenge(kind: NoticeKind, text: string): Challenge {
  if (kind === 'mandatory-reconsideration-notice') return 'mrn';
  if (MR_KINDS.has(kind)) return 'decision';
  if ((kind === 'housing-costs' || kind === 'childcare-costs') && DECISION.test(normalise(text))) return 'decision';
  return 'neither';
}
