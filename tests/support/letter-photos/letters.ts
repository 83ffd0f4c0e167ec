// The letters in the test photos: realistic DWP wording, one of each kind a
// claimant is likely to photograph, with the answer worked out by hand from
// shared/PRODUCT.md (not by running the explainer). Dates are fixed so the
// expected deadlines never change; tests pin "today" to TODAY.
import type { NoticeKind } from '../../../src/shared/notices/types';

/** The day the tests pretend it is (all letters are dated before it). */
export const TODAY = '2026-12-02';

export type Block =
  { type: 'heading'; text: string } | { type: 'para'; text: string } | { type: 'bullets'; items: string[] } | { type: 'table'; rows: string[][] } | { type: 'gap' };

export interface Letter {
  id: string;
  kind: NoticeKind;
  /** YYYY-MM-DD, as printed on the letter. */
  noticeDate: string;
  /** The soonest deadline the claimant must meet (YYYY-MM-DD), and why, in words. */
  deadline: string;
  why: string;
  date: string;
  reference: string;
  office: string[];
  code: string;
  blocks: Block[];
}

const ADDRESSEE = ['Ms Sarah Jones', '14 Station Road', 'Newport', 'NP20 1AB'];
const UC_OFFICE = ['Universal Credit', 'Post Handling Site B', 'Wolverhampton', 'WV99 1AJ', 'Telephone: 0800 328 5644', 'Textphone: 0800 328 1344'];

const CONTACT: Block = {
  type: 'para',
  text: 'If you have any questions, write a note in your online journal or call the Universal Credit helpline on 0800 328 5644. Calls are free. Lines are open Monday to Friday, 8am to 6pm. Gallwch gysylltu â ni yn Gymraeg: you can contact us in Welsh.',
};

const HELP: Block[] = [
  { type: 'heading', text: 'Help and advice' },
  {
    type: 'para',
    text: 'Citizens Advice can give you free, confidential help with Universal Credit. Call Help to Claim on 0800 144 8444 or go to www.citizensadvice.org.uk. If you need this letter in another format, such as large print or Braille, tell us.',
  },
];

const MR_ASK: Block[] = [
  { type: 'heading', text: 'If you think this decision is wrong' },
  {
    type: 'para',
    text: 'You can ask us to look at the decision again. This is called a mandatory reconsideration. You must ask within one month of the date of this letter. You can ask through your online journal, by phone or in writing.',
  },
  {
    type: 'para',
    text: 'Tell us why you think the decision is wrong and send any evidence you have. If you ask later than one month, you must explain why you are late.',
  },
];

export const LETTERS: Letter[] = [
  {
    id: 'mrn',
    kind: 'mandatory-reconsideration-notice',
    noticeDate: '2026-11-13',
    // One month from 13 November is Sunday 13 December: appeals move to the next working day.
    deadline: '2026-12-14',
    why: 'appeal: one month, 13 Dec 2026 is a Sunday, so Monday 14 Dec',
    date: '13 November 2026',
    reference: 'UC/MR/4471 9082',
    office: UC_OFFICE,
    code: 'UCMRN 04/24',
    blocks: [
      { type: 'heading', text: 'Mandatory Reconsideration Notice' },
      { type: 'para', text: 'Dear Ms Jones' },
      {
        type: 'para',
        text: 'You asked us to look again at our decision about your Universal Credit housing costs. A different decision maker has now looked at the decision again. We looked at all the information we had, including the tenancy agreement you sent us.',
      },
      { type: 'heading', text: 'What we have decided' },
      {
        type: 'para',
        text: 'We have not changed the decision. We still cannot include the service charges for your flat in your housing costs, because they are not for services you need to live in your home.',
      },
      { type: 'heading', text: 'If you still disagree' },
      {
        type: 'para',
        text: 'You can appeal to an independent tribunal. The tribunal is run by HM Courts and Tribunals Service. It is not part of the Department for Work and Pensions.',
      },
      {
        type: 'para',
        text: 'Your appeal must arrive within one month of the date of this notice. You can appeal online at www.gov.uk/appeal-benefit-decision or fill in form SSCS1. Send a copy of this notice with your appeal.',
      },
      { type: 'bullets', items: ['Keep this notice safe.', 'You can get free help from Citizens Advice or a welfare rights adviser.'] },
      CONTACT,
      { type: 'para', text: 'Yours sincerely' },
      { type: 'para', text: 'Decision Maker, Universal Credit' },
    ],
  },
  {
    id: 'sanction',
    kind: 'sanction-decision',
    noticeDate: '2026-11-20',
    // Asking for MR: one calendar month, strict (20 December 2026 is a Sunday, not moved).
    deadline: '2026-12-20',
    why: 'MR: one month, strict',
    date: '20 November 2026',
    reference: 'UC/SAN/2291 5530',
    office: UC_OFFICE,
    code: 'UCD6 09/25',
    blocks: [
      { type: 'heading', text: 'We have decided to reduce your Universal Credit' },
      { type: 'para', text: 'Dear Ms Jones' },
      {
        type: 'para',
        text: 'You did not take part in a work search review with your work coach. We asked you to tell us why. We do not think you had a good reason. This means we have given you a sanction.',
      },
      { type: 'heading', text: 'How much your payment will go down' },
      { type: 'para', text: 'This is a medium-level sanction. Your standard allowance will be reduced for 28 days.' },
      {
        type: 'table',
        rows: [
          ['Reduction each day', '£13.17'],
          ['Number of days', '28'],
          ['Total reduction', '£368.76'],
        ],
      },
      {
        type: 'para',
        text: 'The reduction will show on your payment statement. Only your standard allowance is reduced. Your housing costs are not reduced, so keep paying your rent.',
      },
      ...MR_ASK,
      CONTACT,
      { type: 'para', text: 'Yours sincerely, Universal Credit' },
    ],
  },
  {
    id: 'wca-outcome',
    kind: 'work-capability-decision',
    noticeDate: '2026-11-02',
    deadline: '2026-12-02',
    why: 'MR: one month, strict',
    date: '2 November 2026',
    reference: 'UC/WCA/7710 2043',
    office: UC_OFFICE,
    code: 'UCD35 11/24',
    blocks: [
      { type: 'heading', text: 'The outcome of your work capability assessment' },
      { type: 'para', text: 'Dear Ms Jones' },
      {
        type: 'para',
        text: 'We have made a decision about your health and your Universal Credit. We looked at your questionnaire, the medical evidence you sent and the report of your assessment.',
      },
      { type: 'heading', text: 'Our decision' },
      {
        type: 'para',
        text: 'We have decided that you do not have limited capability for work. This means we think you are able to look for work and prepare for work.',
      },
      {
        type: 'para',
        text: 'You scored 6 points. You need 15 points or more to have limited capability for work. The descriptors that applied to you are listed on the next page.',
      },
      {
        type: 'para',
        text: 'Your work coach will contact you to talk about your claimant commitment and what you need to do.',
      },
      ...MR_ASK,
      CONTACT,
      ...HELP,
    ],
  },
  {
    id: 'nil-award',
    kind: 'claim-decision',
    noticeDate: '2026-10-16',
    deadline: '2026-11-16',
    why: 'MR: one month, strict',
    date: '16 October 2026',
    reference: 'UC/CLM/3302 8817',
    office: UC_OFFICE,
    code: 'UCD2 06/24',
    blocks: [
      { type: 'heading', text: 'Decision on your Universal Credit claim' },
      { type: 'para', text: 'Dear Ms Jones' },
      {
        type: 'para',
        text: 'We have looked at your claim. You are not entitled to Universal Credit for your assessment period from 5 September 2026 to 4 October 2026.',
      },
      { type: 'heading', text: 'Why you will not get a payment' },
      {
        type: 'para',
        text: 'Your take-home pay in this assessment period was more than the amount of Universal Credit we worked out for you. This is called a nil award. We will not make a payment for this period.',
      },
      {
        type: 'para',
        text: 'Your claim stays open. If your earnings go down, you may get a payment in a later assessment period. You do not need to claim again.',
      },
      ...MR_ASK,
      CONTACT,
      ...HELP,
    ],
  },
  {
    id: 'claim-closed',
    kind: 'claim-closed',
    noticeDate: '2026-11-25',
    // MR: 25 December 2026, strict, even on Christmas Day.
    deadline: '2026-12-25',
    why: 'MR: one month, strict (Christmas Day is not moved)',
    date: '25 November 2026',
    reference: 'UC/END/9054 1176',
    office: UC_OFFICE,
    code: 'UCD12 02/25',
    blocks: [
      { type: 'heading', text: 'Your Universal Credit claim has been closed' },
      { type: 'para', text: 'Dear Ms Jones' },
      {
        type: 'para',
        text: 'We have closed your Universal Credit claim. This is because you did not give us the information about your earnings that we asked for.',
      },
      {
        type: 'para',
        text: 'You will no longer get Universal Credit payments. Your online account will become read-only, but you can still sign in and read your journal and statements.',
      },
      { type: 'heading', text: 'If your circumstances have not changed' },
      {
        type: 'para',
        text: 'You can make a new claim online at www.gov.uk/universal-credit. Claim as soon as you can, because a new claim usually starts from the day you make it.',
      },
      ...MR_ASK,
      CONTACT,
      ...HELP,
    ],
  },
  {
    id: 'uc50',
    kind: 'work-capability-questionnaire',
    noticeDate: '2026-11-30',
    deadline: '2026-12-28',
    why: 'UC50: return by the date in the letter (four weeks)',
    date: '30 November 2026',
    reference: 'UC/HQ/6620 4491',
    office: UC_OFFICE,
    code: 'UC50 01/25',
    blocks: [
      { type: 'heading', text: 'Capability for work questionnaire (UC50)' },
      { type: 'para', text: 'Dear Ms Jones' },
      {
        type: 'para',
        text: 'You told us that your health condition or disability affects how much you can work. We need to know more about how it affects your everyday life.',
      },
      {
        type: 'para',
        text: 'Please fill in the questionnaire that came with this letter. Send it back in the envelope provided. You must return the questionnaire by 28 December 2026.',
      },
      { type: 'heading', text: 'What to send with it' },
      {
        type: 'bullets',
        items: [
          'Copies of letters from your doctor, nurse or hospital.',
          'A list of the medicines you take.',
          'Anything else that shows how your condition affects you.',
        ],
      },
      {
        type: 'para',
        text: 'If you cannot send it back in time, tell us before that date. If you do not return the questionnaire and do not have a good reason, we may decide that you are able to work.',
      },
      CONTACT,
      ...HELP,
    ],
  },
  {
    id: 'appointment',
    kind: 'work-coach-appointment',
    noticeDate: '2026-11-26',
    deadline: '2026-12-10',
    why: 'the appointment date in the letter',
    date: '26 November 2026',
    reference: 'UC/APP/1187 3306',
    office: ['Newport Jobcentre Plus', 'Corporation Road', 'Newport', 'NP19 0BA', 'Telephone: 0800 169 0190'],
    code: 'UCA1 03/25',
    blocks: [
      { type: 'heading', text: 'Your work search review appointment' },
      { type: 'para', text: 'Dear Ms Jones' },
      {
        type: 'para',
        text: 'You must attend a work search review with your work coach at Newport Jobcentre Plus on Thursday 10 December 2026 at 10:30am.',
      },
      {
        type: 'para',
        text: 'At the appointment we will talk about the work you have looked for and what you will do next. Please bring a record of your job search and any letters from employers.',
      },
      { type: 'heading', text: 'If you cannot come' },
      {
        type: 'para',
        text: 'Contact your work coach before the appointment through your journal or by phone. Tell us why you cannot come. If you miss the appointment without a good reason, you may get a sanction.',
      },
      {
        type: 'para',
        text: 'If you need help to attend, such as an interpreter or a room on the ground floor, tell us as soon as you can.',
      },
      CONTACT,
      ...HELP,
    ],
  },
  {
    id: 'assessment',
    kind: 'health-assessment',
    noticeDate: '2026-11-24',
    deadline: '2026-12-15',
    why: 'the assessment date in the letter',
    date: '24 November 2026',
    reference: 'HAAS/WCA/5528 0093',
    office: ['Health Assessment Advisory Service', 'Cardiff Assessment Centre', 'Cardiff', 'CF10 1EP', 'Telephone: 0800 288 8777'],
    code: 'WCA-APP 07/25',
    blocks: [
      { type: 'heading', text: 'Your health assessment appointment' },
      { type: 'para', text: 'Dear Ms Jones' },
      {
        type: 'para',
        text: 'The Department for Work and Pensions has asked us to carry out a work capability assessment for your Universal Credit claim.',
      },
      {
        type: 'para',
        text: 'You have a face-to-face assessment at Cardiff Assessment Centre on Tuesday 15 December 2026 at 2:15pm. It will take about one hour. A healthcare professional will ask you about your health and your daily life.',
      },
      { type: 'heading', text: 'Before your appointment' },
      {
        type: 'bullets',
        items: [
          'Bring photo identification and any new medical evidence.',
          'You can bring a companion with you.',
          'Call us if you need a home visit or other reasonable adjustments.',
        ],
      },
      {
        type: 'para',
        text: 'If you cannot attend, call us straight away on 0800 288 8777. If you do not attend and do not have a good reason, it may affect your Universal Credit.',
      },
    ],
  },
  {
    id: 'overpayment',
    kind: 'overpayment',
    noticeDate: '2026-11-06',
    deadline: '2026-12-06',
    why: 'MR: one month, strict',
    date: '6 November 2026',
    reference: 'UC/OP/8841 2270',
    office: UC_OFFICE,
    code: 'UCD14 05/25',
    blocks: [
      { type: 'heading', text: 'You have been paid too much Universal Credit' },
      { type: 'para', text: 'Dear Ms Jones' },
      {
        type: 'para',
        text: 'We have paid you more Universal Credit than you were entitled to. This is called an overpayment. It happened because your earnings in August were reported late.',
      },
      {
        type: 'table',
        rows: [
          ['Assessment period', 'Amount overpaid'],
          ['Period ending 4 August 2026', '£206.30'],
          ['Period ending 4 September 2026', '£206.30'],
          ['Total overpayment', '£412.60'],
        ],
      },
      { type: 'heading', text: 'How we will recover it' },
      {
        type: 'para',
        text: 'We will recover the overpayment from your future Universal Credit payments. If this would cause you hardship, contact DWP Debt Management to ask for a lower rate.',
      },
      ...MR_ASK,
      CONTACT,
      ...HELP,
    ],
  },
  {
    id: 'migration',
    kind: 'migration-notice',
    noticeDate: '2026-11-18',
    deadline: '2027-02-18',
    why: 'the deadline date in the Migration Notice',
    date: '18 November 2026',
    reference: 'MN/TC/4410 7725',
    office: ['Department for Work and Pensions', 'Move to Universal Credit', 'Wolverhampton', 'WV98 1ZX', 'Telephone: 0800 169 0328'],
    code: 'UCMN1 02/25',
    blocks: [
      { type: 'heading', text: 'Your benefits are changing: you need to move to Universal Credit' },
      { type: 'para', text: 'Dear Ms Jones' },
      {
        type: 'para',
        text: 'This letter is your Migration Notice. Your tax credits are ending. You need to claim Universal Credit by 18 February 2027 to keep getting financial support.',
      },
      { type: 'heading', text: 'What you need to do' },
      {
        type: 'bullets',
        items: [
          'Claim Universal Credit online at www.gov.uk/move-to-universal-credit.',
          'Have your bank details and information about your income ready.',
          'If you need more time, contact us before your deadline date.',
        ],
      },
      {
        type: 'para',
        text: 'If you do not claim by your deadline date, your tax credits will stop. You may also lose any extra money to protect your income.',
      },
      CONTACT,
      ...HELP,
    ],
  },
  {
    id: 'written-reasons',
    kind: 'written-reasons',
    noticeDate: '2026-11-27',
    deadline: '2026-12-27',
    why: 'written reasons: one month',
    date: '27 November 2026',
    reference: 'UC/WR/5063 3318',
    office: UC_OFFICE,
    code: 'UCD20 08/25',
    blocks: [
      { type: 'heading', text: 'Written statement of reasons for our decision' },
      { type: 'para', text: 'Dear Ms Jones' },
      {
        type: 'para',
        text: 'You asked us to explain our decision about your childcare costs. This letter gives the reasons for the decision.',
      },
      {
        type: 'para',
        text: 'The nursery invoice you sent was for care in August, but it reached us after the end of the next assessment period. We could only include costs reported in time.',
      },
      {
        type: 'para',
        text: 'If you still think the decision is wrong, you can ask for a mandatory reconsideration. Because you asked for these written reasons, you have extra time to ask.',
      },
      CONTACT,
      ...HELP,
    ],
  },
];

/** The plain text of a letter, as a person would read it from top to bottom. */
export function letterText(letter: Letter): string {
  const lines = [
    'Department for Work & Pensions',
    ...letter.office,
    `Date: ${letter.date}`,
    `Our reference: ${letter.reference}`,
    'National Insurance number: QQ 12 34 56 C',
    ...ADDRESSEE,
  ];
  for (const block of letter.blocks) {
    if (block.type === 'heading' || block.type === 'para') lines.push(block.text);
    else if (block.type === 'bullets') lines.push(...block.items);
    else if (block.type === 'table') lines.push(...block.rows.map((row) => row.join('  ')));
  }
  lines.push(letter.code);
  return lines.join('\n');
}

export { ADDRESSEE };
