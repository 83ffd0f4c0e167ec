// Shared types of the explainer. Pure data: no DOM, no I/O.

/** Notice kinds, as listed in shared/PRODUCT.md. */
export const NOTICE_KINDS = [
  'payment-statement',
  'claim-decision',
  'mandatory-reconsideration-notice',
  'sanction-decision',
  'claimant-commitment',
  'verify-identity',
  'housing-costs',
  'report-change',
  'work-coach-appointment',
  'work-capability-questionnaire',
  'health-assessment',
  'fit-note',
  'work-capability-decision',
  'advance-payment',
  'overpayment',
  'deduction',
  'hardship-payment',
  'claim-closed',
  'childcare-costs',
  'written-reasons',
  'migration-notice',
  'unknown',
] as const;

export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Can it be challenged? A decision (ask for MR), an MRN (appeal), or neither. */
export const CHALLENGES = ['decision', 'mrn', 'neither'] as const;
export type Challenge = (typeof CHALLENGES)[number];

/** Every kind of deadline; each has a name under reminders:push.deadlineNames.<id>. */
export const DEADLINE_IDS = ['mandatory-reconsideration', 'appeal', 'late-limit', 'respond', 'attend', 'claim-by'] as const;

export type DeadlineId = (typeof DEADLINE_IDS)[number];

/**
 * Why a date is what it is. Each id has a plain-words text in
 * locales/<lng>/notices.json under `rules.<id>`.
 */
export type RuleId =
  | 'mr-one-month' // MR: DWP must receive it within 1 calendar month
  | 'appeal-one-month' // appeal: HMCTS must receive it within 1 month, by 5 pm
  | 'appeal-next-working-day' // same, and the last day was moved past a weekend or bank holiday
  | 'late-mr-13-months' // late MR: never more than 13 months after the decision
  | 'late-appeal-13-months' // late appeal: tribunal can extend, about 13 months in all
  | 'explicit-date' // the message itself gives the date ("by 3 December")
  | 'commitment-7-days'
  | 'identity-one-month'
  | 'uc50-4-weeks'
  | 'written-reasons-one-month'
  | 'childcare-end-of-next-ap'
  | 'hardship-next-payday'
  | 'as-soon-as-possible'
  | 'appointment-date';

export interface Deadline {
  id: DeadlineId;
  /** YYYY-MM-DD: the last day that is still in time. */
  date: string;
  /** YYYY-MM-DD: a safer day to aim for, a few days earlier (it must be received, not sent). */
  target: string;
  rule: RuleId;
  /** Set when the last day was moved off a weekend or bank holiday: the unmoved date. */
  movedFrom?: string;
  /** Time of day the date ends, when the rule says so ("17:00" for appeals) or the text gives one. */
  time?: string;
}

export interface NoticeExplanation {
  kind: NoticeKind;
  /** How sure the recogniser is of the kind: 'high', 'low' (show kindCandidates to pick from), 'none' (unknown). */
  confidence: 'high' | 'low' | 'none';
  /** The likeliest kinds, best first: two or three when unsure, else just `kind`. */
  kindCandidates: NoticeKind[];
  /** Can it be challenged? Answered from decision language, separately from the kind. */
  challenge: {
    /** The likeliest answer. */
    answer: Challenge;
    /** Every answer still possible; `deadlines` holds the dates of each. One answer when sure. */
    possible: Challenge[];
    sure: boolean;
    /** A decision rule matched, the trained model decided, the chosen kind settles it, or the claimant said. */
    source: 'rule' | 'model' | 'kind' | 'user';
    /** The words in the message that made it a decision or an MRN. */
    cue: string | null;
    /** The decision rule that matched (cues.ts), if one did. */
    rule: string | null;
    /** The model's probability of each answer. */
    p: Record<Challenge, number>;
  };
  /** YYYY-MM-DD: the date the notice was issued, when the text shows it. */
  noticeDate: string | null;
  /** YYYY-MM-DD: the day the deadlines count from (noticeDate, a corrected date, or today). */
  countFrom: string;
  /** Where countFrom came from. */
  countFromSource: 'text' | 'user' | 'today';
  /** Deadlines, soonest first. Empty when the kind has none. */
  deadlines: Deadline[];
  /** Letter codes seen in the text, e.g. "UCD157". */
  codes: string[];
  /** True when the text looks like it holds a password, memorable word or security answer. */
  secretWarning: boolean;
  /** Locale keys for the screens (namespace "notices"). */
  text: {
    title: string; // notices:kinds.<kind>.title
    what: string; // .what
    meaning: string; // .meaning (array of 2 to 4 sentences: use returnObjects)
    steps: string; // .steps (array)
    ifLate: string; // .ifLate
  };
}

export interface ExplainOptions {
  /** YYYY-MM-DD; defaults to the real date (UK). */
  today?: string;
  /** The claimant's correction of the notice date (YYYY-MM-DD). */
  noticeDate?: string;
  /** The claimant chose the kind themselves. */
  kind?: NoticeKind;
  /** The claimant answered our questions: it is a decision, an MRN, or neither. */
  challenge?: Challenge;
}
