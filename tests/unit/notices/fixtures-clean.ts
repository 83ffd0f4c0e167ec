// Realistic journal messages, one or more per kind, with dates worked out by
// hand from the rules in shared/PRODUCT.md (not by running the explainer).
import type { NoticeFixture } from './fixture-type';

const MENU = 'Home  Journal  To-do list  Payments  Your details  Sign out';
const FOOTER = 'Add a note    Back to top';

export const CLEAN_FIXTURES: NoticeFixture[] = [
  {
    name: 'MRN with a labelled date, appeal day is a working day',
    today: '2026-11-22',
    text: `${MENU}
Mandatory reconsideration notice
Date of this notice: 9 November 2026
We have looked again at our decision about your Universal Credit.
We have not changed the decision.
If you disagree you can appeal to an independent tribunal. Use form SSCS1.
${FOOTER}`,
    kind: 'mandatory-reconsideration-notice',
    noticeDate: '2026-11-09',
    deadlines: { appeal: '2026-12-09', 'late-limit': '2027-12-09' },
  },
  {
    name: 'MRN over Christmas 2026: 25 Dec, weekend and Boxing Day substitute push the appeal to 29 December',
    today: '2026-11-26',
    text: `25 November 2026 14:02
Mandatory reconsideration notice. We have reconsidered the decision about your housing costs. We have changed the decision. You can appeal to HM Courts and Tribunals Service.`,
    kind: 'mandatory-reconsideration-notice',
    noticeDate: '2026-11-25',
    deadlines: { appeal: '2026-12-29', 'late-limit': '2027-12-25' },
  },
  {
    name: 'MRN dated in numbers',
    today: '2026-10-20',
    text: `Dated 03/10/2026. MRN. We looked at the decision again and it has not changed. You can now appeal.`,
    kind: 'mandatory-reconsideration-notice',
    noticeDate: '2026-10-03',
    deadlines: { appeal: '2026-11-03', 'late-limit': '2027-11-03' },
  },
  {
    name: 'MRN on 31 January 2028: a month ends on 29 February (leap year)',
    today: '2028-02-02',
    text: `Sent: 31 January 2028
Result of your mandatory reconsideration
We have looked at the decision again. Your appeal must reach HMCTS within one month.`,
    kind: 'mandatory-reconsideration-notice',
    noticeDate: '2028-01-31',
    deadlines: { appeal: '2028-02-29', 'late-limit': '2029-02-28' },
  },
  {
    name: 'MRN with no year: month ends on the Early May bank holiday 2027',
    today: '2027-04-10',
    text: `Journal message 3rd April
decision on your entitlement - we have looked at your decision again and reconsidered it. you can appeal to a tribunal (form sscs1)`,
    kind: 'mandatory-reconsideration-notice',
    noticeDate: '2027-04-03',
    deadlines: { appeal: '2027-05-04', 'late-limit': '2028-05-03' },
  },
  {
    name: 'MRN whose month ends on a Saturday',
    today: '2026-09-15',
    text: `10 September 2026
Mandatory Reconsideration Notice
We have not changed our decision. You can now appeal to the Social Security and Child Support tribunal.`,
    kind: 'mandatory-reconsideration-notice',
    noticeDate: '2026-09-10',
    deadlines: { appeal: '2026-10-12', 'late-limit': '2027-10-10' },
  },
  {
    name: 'MRN whose month ends on Good Friday 2028: appeal moves past Easter Monday',
    today: '2028-03-20',
    text: `Date: 14 Mar 2028
Mandatory reconsideration notice (MRN). We reviewed the decision again. If you still disagree, appeal to an independent tribunal.`,
    kind: 'mandatory-reconsideration-notice',
    noticeDate: '2028-03-14',
    deadlines: { appeal: '2028-04-18', 'late-limit': '2029-04-14' },
  },
  {
    name: 'MRN whose month ends on the Summer bank holiday 2030',
    today: '2030-08-01',
    text: `Monday 26 July 2030
Mandatory reconsideration notice. The decision has not changed. You can appeal using form SSCS1.`,
    kind: 'mandatory-reconsideration-notice',
    noticeDate: '2030-07-26',
    deadlines: { appeal: '2030-08-27', 'late-limit': '2031-08-26' },
  },
  {
    name: 'Payment statement: statement date, not the assessment period or the payday',
    today: '2026-11-20',
    text: `${MENU}
Your statement is ready
Statement date: 15 November 2026
Assessment period 16 October 2026 to 15 November 2026
Standard allowance £400.14
Housing amount £450.00
Take-home pay £0.00
We'll pay you £850.14 on 22 November 2026.`,
    kind: 'payment-statement',
    noticeDate: '2026-11-15',
    deadlines: { 'mandatory-reconsideration': '2026-12-15', 'late-limit': '2027-12-15' },
  },
  {
    name: 'Payment statement on 30 April: MR ends 30 May, a Saturday, with no weekend roll',
    today: '2026-05-02',
    text: `30 April 2026
Your payment statement is available. See how we worked out your payment.`,
    kind: 'payment-statement',
    noticeDate: '2026-04-30',
    deadlines: { 'mandatory-reconsideration': '2026-05-30', 'late-limit': '2027-05-30' },
  },
  {
    name: 'Payment statement on 31 January 2025: a month ends on 28 February',
    today: '2025-02-01',
    text: `31/01/2025 Your statement is ready. Amount due £612.30`,
    kind: 'payment-statement',
    noticeDate: '2025-01-31',
    deadlines: { 'mandatory-reconsideration': '2025-02-28', 'late-limit': '2026-02-28' },
  },
  {
    name: 'Payment statement on 31 January 2024: a month ends on 29 February',
    today: '2024-02-05',
    text: `31 January 2024
Payment statement
Standard allowance £368.74. Total deductions £55.30.`,
    kind: 'payment-statement',
    noticeDate: '2024-01-31',
    deadlines: { 'mandatory-reconsideration': '2024-02-29', 'late-limit': '2025-02-28' },
  },
  {
    name: 'Claim refused: not entitled',
    today: '2026-11-10',
    text: `Date: 3 November 2026
Decision on your Universal Credit claim
You are not entitled to Universal Credit because your savings are over £16,000.`,
    kind: 'claim-decision',
    noticeDate: '2026-11-03',
    deadlines: { 'mandatory-reconsideration': '2026-12-03', 'late-limit': '2027-12-03' },
  },
  {
    name: 'Nil award, one line, no date: counts from today',
    today: '2026-11-25',
    text: 'nil award this month',
    kind: 'claim-decision',
    noticeDate: null,
    deadlines: { 'mandatory-reconsideration': '2026-12-25', 'late-limit': '2027-12-25' },
  },
  {
    name: 'Sanction: the notice date, not the date of the missed appointment',
    today: '2026-11-10',
    text: `${MENU}
Date: 4 November 2026
We have decided to reduce your Universal Credit (a sanction). You did not attend your appointment on 20 October 2026 and did not give a good reason.
This is a low level sanction.`,
    kind: 'sanction-decision',
    noticeDate: '2026-11-04',
    deadlines: { 'mandatory-reconsideration': '2026-12-04', 'late-limit': '2027-12-04' },
  },
  {
    name: 'Claimant commitment with a date to accept by',
    today: '2026-11-25',
    text: `25 November 2026
To-do: Accept your claimant commitment
You need to accept your commitment by 30 November 2026 or your claim may be closed.`,
    kind: 'claimant-commitment',
    noticeDate: '2026-11-25',
    deadlines: { respond: '2026-11-30' },
  },
  {
    name: 'Claimant commitment with no date: 7 days from today',
    today: '2026-11-25',
    text: 'accept your claimant commitment',
    kind: 'claimant-commitment',
    noticeDate: null,
    deadlines: { respond: '2026-12-02' },
  },
  {
    name: 'Verify identity: a month from the message',
    today: '2026-11-12',
    text: `10 November 2026
To-do: Verify your identity
You can do this online with your passport or driving licence.`,
    kind: 'verify-identity',
    noticeDate: '2026-11-10',
    deadlines: { respond: '2026-12-10' },
  },
  {
    name: 'Verify identity with an explicit date',
    today: '2026-11-25',
    text: 'Please confirm your identity by 1 December 2026 so we can pay you.',
    kind: 'verify-identity',
    noticeDate: null,
    deadlines: { respond: '2026-12-01' },
  },
  {
    name: 'Housing costs not approved: a decision, so MR applies',
    today: '2026-10-20',
    text: `12 October 2026
Your housing costs have not been approved. We need a copy of your tenancy agreement.`,
    kind: 'housing-costs',
    noticeDate: '2026-10-12',
    deadlines: { 'mandatory-reconsideration': '2026-11-12', 'late-limit': '2027-11-12' },
  },
  {
    name: 'Housing costs to-do with a date',
    today: '2026-11-25',
    text: `To-do: Add your housing costs. Tell us your rent and upload your tenancy agreement by 20 December 2026.`,
    kind: 'housing-costs',
    noticeDate: null,
    deadlines: { respond: '2026-12-20' },
  },
  {
    name: 'Report a change: no deadline',
    today: '2026-11-25',
    text: `Report a change of circumstances. Tell us if someone moves in or out, or if your rent changes.`,
    kind: 'report-change',
    noticeDate: null,
    deadlines: {},
  },
  {
    name: 'Work search review with a weekday, date and time',
    today: '2026-11-25',
    text: `Sent 25 November 2026
Your work search review is on Tuesday 8 December 2026 at 10:30am at Leeds Jobcentre. Please attend. If you cannot come, tell your work coach before the appointment.`,
    kind: 'work-coach-appointment',
    noticeDate: '2026-11-25',
    deadlines: { attend: '2026-12-08' },
  },
  {
    name: 'Work-focused interview in numbers',
    today: '2026-11-25',
    text: `work focused interview - 14/12/2026 at 2pm by phone. your work coach will call you.`,
    kind: 'work-coach-appointment',
    noticeDate: null,
    deadlines: { attend: '2026-12-14' },
  },
  {
    name: 'UC50 with a return date',
    today: '2026-11-25',
    text: `Capability for work questionnaire (UC50)
We have posted you a questionnaire. Please return it by 18 December 2026. Send any medical evidence with it.`,
    kind: 'work-capability-questionnaire',
    noticeDate: null,
    deadlines: { respond: '2026-12-18' },
  },
  {
    name: 'UC50 with no return date: 4 weeks from the message',
    today: '2026-11-05',
    text: `2 November 2026
We have sent you a UC50 health questionnaire.`,
    kind: 'work-capability-questionnaire',
    noticeDate: '2026-11-02',
    deadlines: { respond: '2026-11-30' },
  },
  {
    name: 'Face-to-face health assessment',
    today: '2026-12-20',
    text: `Your face-to-face assessment is on 12 January 2027 at 9:15am. It is with a healthcare professional from the Centre for Health and Disability Assessments.`,
    kind: 'health-assessment',
    noticeDate: null,
    deadlines: { attend: '2027-01-12' },
  },
  {
    name: 'Fit note runs out',
    today: '2026-11-25',
    text: `Your fit note runs out on 30 November 2026. Please add a new fit note from your GP.`,
    kind: 'fit-note',
    noticeDate: null,
    deadlines: { respond: '2026-11-30' },
  },
  {
    name: 'WCA decision: LCWRA',
    today: '2026-11-10',
    text: `6 November 2026
The outcome of your work capability assessment: you have limited capability for work and work-related activity (LCWRA).`,
    kind: 'work-capability-decision',
    noticeDate: '2026-11-06',
    deadlines: { 'mandatory-reconsideration': '2026-12-06', 'late-limit': '2027-12-06' },
  },
  {
    name: "WCA decision: fit for work, MR ends on New Year's Day with no roll",
    today: '2026-12-05',
    text: `01/12/2026
We have decided you are fit for work. You scored 0 points.`,
    kind: 'work-capability-decision',
    noticeDate: '2026-12-01',
    deadlines: { 'mandatory-reconsideration': '2027-01-01', 'late-limit': '2028-01-01' },
  },
  {
    name: 'Advance approved',
    today: '2026-11-25',
    text: `Your advance payment of £500 has been approved. You will pay it back over 24 months from your Universal Credit.`,
    kind: 'advance-payment',
    noticeDate: null,
    deadlines: {},
  },
  {
    name: 'Overpayment',
    today: '2026-08-10',
    text: `Date: 5 Aug 2026
We paid you too much Universal Credit. This is an overpayment of £312.40. We will take it back from your payments.`,
    kind: 'overpayment',
    noticeDate: '2026-08-05',
    deadlines: { 'mandatory-reconsideration': '2026-09-05', 'late-limit': '2027-09-05' },
  },
  {
    name: 'Third-party deductions',
    today: '2026-11-25',
    text: `Third party deductions this month: rent arrears £40.01, council tax £15.00.`,
    kind: 'deduction',
    noticeDate: null,
    deadlines: {},
  },
  {
    name: 'Hardship payment paid (UCD157)',
    today: '2026-11-25',
    text: `UCD157 We have agreed to make you a hardship payment.`,
    kind: 'hardship-payment',
    noticeDate: null,
    deadlines: {},
  },
  {
    name: 'Hardship payment refused (UCD158), letter code only',
    today: '2026-11-25',
    text: `Letter UCD158: your request was refused.`,
    kind: 'hardship-payment',
    noticeDate: null,
    deadlines: {},
  },
  {
    name: 'Claim closed, one line',
    today: '2026-11-25',
    text: 'Your claim has been closed.',
    kind: 'claim-closed',
    noticeDate: null,
    deadlines: { 'mandatory-reconsideration': '2026-12-25', 'late-limit': '2027-12-25' },
  },
  {
    name: 'Claim terminated, dated in numbers',
    today: '2026-11-25',
    text: '02/11/2026 claim terminated',
    kind: 'claim-closed',
    noticeDate: '2026-11-02',
    deadlines: { 'mandatory-reconsideration': '2026-12-02', 'late-limit': '2027-12-02' },
  },
  {
    name: 'Childcare costs not approved on 31 August: MR ends 30 September',
    today: '2026-09-02',
    text: `31 August 2026
Your childcare costs have not been approved. The receipt did not show the childminder's name.`,
    kind: 'childcare-costs',
    noticeDate: '2026-08-31',
    deadlines: { 'mandatory-reconsideration': '2026-09-30', 'late-limit': '2027-09-30' },
  },
  {
    name: 'Childcare costs to-do',
    today: '2026-11-25',
    text: `To-do: Report your childcare costs. Upload the nursery invoice by 15 December 2026.`,
    kind: 'childcare-costs',
    noticeDate: null,
    deadlines: { respond: '2026-12-15' },
  },
  {
    name: 'Written statement of reasons',
    today: '2026-11-22',
    text: `20 November 2026
We have sent you a written statement of reasons for the decision.`,
    kind: 'written-reasons',
    noticeDate: '2026-11-20',
    deadlines: { respond: '2026-12-20', 'late-limit': '2027-12-20' },
  },
  {
    name: 'Migration notice with a deadline date',
    today: '2026-11-20',
    text: `Dated 15 November 2026
Move to Universal Credit. Your tax credits are ending. You must claim Universal Credit by 15 February 2027.`,
    kind: 'migration-notice',
    noticeDate: '2026-11-15',
    deadlines: { 'claim-by': '2027-02-15' },
  },
  {
    name: 'Ordinary message: unknown',
    today: '2026-11-25',
    text: 'Thank you for your message. We will reply soon.',
    kind: 'unknown',
    noticeDate: null,
    deadlines: {},
  },
  {
    name: 'US order date and typo in the month',
    today: '2026-11-25',
    text: `Novmber 3, 2026
Mandatory reconsideration notice. We have not changed the decision.`,
    kind: 'mandatory-reconsideration-notice',
    noticeDate: '2026-11-03',
    deadlines: { appeal: '2026-12-03', 'late-limit': '2027-12-03' },
  },
];
