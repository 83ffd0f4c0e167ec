import type { NoticeFixture } from './fixture-type';

/**
 * Messy, realistic pastes of Universal Credit journal messages, as a claimant
 * would copy them from the account (menus, typos, lower case, several dates).
 * Expected dates are worked out by hand from PRODUCT.md "Deadline rules".
 */
export const MESSY_FIXTURES: NoticeFixture[] = [
  // ---------------- payment-statement ----------------
  {
    name: 'payment statement with menus, AP dates and a future payday',
    today: '2026-10-30',
    kind: 'payment-statement',
    noticeDate: '2026-10-28',
    text: `Home  Journal  To-do list  Payments  Sign out
Payments
28 October 2026 09:14
Your statement is ready
Assessment period 27 September 2026 to 26 October 2026
Standard allowance £400.14
Housing costs £650.00
Child amount £292.81
Your take-home pay -£312.40
Deductions -£60.00
You'll be paid £970.55 on Monday 2 November 2026
If you think something is wrong, tell us in your journal.
Back to top`,
    deadlines: { 'mandatory-reconsideration': '2026-11-28', 'late-limit': '2027-11-28' },
  },
  {
    name: 'payment statement all lower case, short month, month-end clamp',
    today: '2025-02-02',
    kind: 'payment-statement',
    noticeDate: '2025-01-31',
    text: `home journal to-do list payments sign out
your payment statement
date: 31 jan 2025
assessment period 31 dec 2024 to 30 jan 2025
standard allowance £393.45
earnings £0.00
deductions advance repayment -£52.11
we will pay you £341.34 on 6 feb 2025
add a note
back to top`,
    deadlines: { 'mandatory-reconsideration': '2025-02-28', 'late-limit': '2026-02-28' },
  },
  {
    name: 'payment statement slash date, leap-year February clamp',
    today: '2028-02-01',
    kind: 'payment-statement',
    noticeDate: '2028-01-31',
    text: `Journal   To-do list   Payments   Sign out
Statement dated 31/01/2028
How we worked out your Universal Credit
Your assessment period: 27/12/2027 - 26/01/2028
Standard allowance 416.77
Limited capability for work and work-related activity amount 423.27
Housing 512.00
Total 1352.04 to be paid on 02/02/2028
Sanctions 0.00
Back to top`,
    deadlines: { 'mandatory-reconsideration': '2028-02-29', 'late-limit': '2029-02-28' },
  },

  // ---------------- claim-decision ----------------
  {
    name: 'claim refused, decision date in slash format',
    today: '2026-11-05',
    kind: 'claim-decision',
    noticeDate: '2026-11-03',
    text: `Home  Journal  To-do list  Payments  Sign out
Decision on your claim for Universal Credit
We made this decision on 03/11/2026
You are not entitled to Universal Credit from 14/10/2026 because your partner's earnings are too high.
If you think this decision is wrong you can ask us to look at it again (mandatory reconsideration).
Add a note
Back to top`,
    deadlines: { 'mandatory-reconsideration': '2026-12-03', 'late-limit': '2027-12-03' },
  },
  {
    name: 'claim refused for capital, no date in paste',
    today: '2027-03-31',
    kind: 'claim-decision',
    noticeDate: null,
    text: `your claim for universal credit has been refused. we decided you are not entitled because you have savings and capital over £16,000. if you disagree with this decision you can ask for a mandatory reconsideration.`,
    deadlines: { 'mandatory-reconsideration': '2027-04-30', 'late-limit': '2028-04-30' },
  },

  // ---------------- mandatory-reconsideration-notice ----------------
  {
    name: 'MRN sent 25 Nov: Christmas and Boxing Day substitute push appeal to 29 Dec',
    today: '2026-11-27',
    kind: 'mandatory-reconsideration-notice',
    noticeDate: '2026-11-25',
    text: `Home  Journal  To-do list  Payments  Sign out
25 November 2026 15:47
Mandatory reconsideration notice
We have looked at our decision again. We have not changed the decision of 2 October 2026 about your housing costs.
If you still disagree you can appeal to HM Courts and Tribunals Service (HMCTS). Your appeal must reach them within 1 month of the date of this notice.
Add a note
Back to top`,
    deadlines: { appeal: '2026-12-29', 'late-limit': '2027-12-25' },
  },
  {
    name: 'MRN headed "Decision on your entitlement", 30 Jan: clamp to Sat 28 Feb, rolls to Mon 2 Mar',
    today: '2026-02-02',
    kind: 'mandatory-reconsideration-notice',
    noticeDate: '2026-01-30',
    text: `Journal
Decision on your entitlement
Date: 30 January 2026
We have reconsidered the decision you asked us to look at again. The decision has not been changed.
You are not entitled to the limited capability for work and work-related activity element.
If you want to appeal you must send your appeal to HMCTS with a copy of this notice. Use form SSCS1 or appeal online.
Back to top`,
    deadlines: { appeal: '2026-03-02', 'late-limit': '2027-02-28' },
  },
  {
    name: 'MRN with typo, Good Friday and Easter Monday push appeal to 30 Mar',
    today: '2027-03-01',
    kind: 'mandatory-reconsideration-notice',
    noticeDate: '2027-02-26',
    text: `home  journal  to-do list  payments  sign out
mandatory recondsideration notice
sent 26 feb 2027
we looked again at our decision about your sanctoin and we have not changed it.
you can now appeal to an independent tribunal. your appeal must be received within one month of the date this notice was sent.
add a note
back to top`,
    deadlines: { appeal: '2027-03-30', 'late-limit': '2028-03-26' },
  },
  {
    name: 'MRN 31 Mar 2028: 30 Apr Sunday, 1 May bank holiday, appeal 2 May',
    today: '2028-04-03',
    kind: 'mandatory-reconsideration-notice',
    noticeDate: '2028-03-31',
    text: `Home  Journal  To-do list  Payments  Sign out
Dated Friday 31 March 2028
Mandatory Reconsideration Notice (MRN)
Your request for a mandatory reconsideration was received on 6 March 2028.
We have looked at the decision again. We have not changed the decision.
How to appeal: appeal to the Social Security and Child Support tribunal. Include a copy of this notice.
Back to top`,
    deadlines: { appeal: '2028-05-02', 'late-limit': '2029-04-30' },
  },
  {
    name: 'MRN journal timestamp 30 Nov 2029: 30 Dec Sunday rolls to 31 Dec',
    today: '2029-12-03',
    kind: 'mandatory-reconsideration-notice',
    noticeDate: '2029-11-30',
    text: `Journal
30 November 2029 11:05
We have now reconsidered your overpayment decision. Outcome: decision unchanged.
This is your mandatory reconsideration notice. You can appeal to HMCTS if you still disagree.
Add a note`,
    deadlines: { appeal: '2029-12-31', 'late-limit': '2030-12-30' },
  },
  {
    name: 'MRN 26 Jul 2024: 26 Aug summer bank holiday, appeal 27 Aug',
    today: '2024-07-29',
    kind: 'mandatory-reconsideration-notice',
    noticeDate: '2024-07-26',
    text: `home journal to-do list payments sign out
date of this notice: 26/07/2024
mandatory reconsideration notice
we have changed part of our decision. your childcare costs from 15/05/2024 are still not included.
if you disagree you can appeal to the tribunal (hmcts). you do not need to ask us again.
back to top`,
    deadlines: { appeal: '2024-08-27', 'late-limit': '2025-08-26' },
  },
  {
    name: 'MRN with weekday date, last day a plain Thursday',
    today: '2026-11-04',
    kind: 'mandatory-reconsideration-notice',
    noticeDate: '2026-11-03',
    text: `Home  Journal  To-do list  Payments  Sign out
Sent Tuesday 3 November 2026
Mandatory reconsideration notice
We have looked again at the decision that you are fit for work (work capability assessment of 8 September 2026).
We have not changed the decision. You can appeal to HMCTS.
Back to top`,
    deadlines: { appeal: '2026-12-03', 'late-limit': '2027-12-03' },
  },

  // ---------------- sanction-decision ----------------
  {
    name: 'sanction with typo and a missed-appointment date in the body',
    today: '2026-09-15',
    kind: 'sanction-decision',
    noticeDate: '2026-09-14',
    text: `Home  Journal  To-do list  Payments  Sign out
14 Sep 2026 11:02
sanctoin decision
You did not go to your appointment on 2 September 2026 and you did not give a good reason.
Your Universal Credit will be reduced by £13.19 a day for 7 days.
This is a sanction. If you think this is wrong you can ask for a mandatory reconsideration.
Add a note
Back to top`,
    deadlines: { 'mandatory-reconsideration': '2026-10-14', 'late-limit': '2027-10-14' },
  },
  {
    name: 'sanction dated "20th december" without year, pasted in January',
    today: '2027-01-05',
    kind: 'sanction-decision',
    noticeDate: '2026-12-20',
    text: `journal
sent 20th december
we have decided to reduce your universal credit (a sanction) because you did not do all the work search you agreed to do.
the reduction starts in your next assessment period.
if you cannot afford food, heating or rent you can ask for a hardship payment.
back to top`,
    deadlines: { 'mandatory-reconsideration': '2027-01-20', 'late-limit': '2028-01-20' },
  },

  // ---------------- claimant-commitment ----------------
  {
    name: 'claimant commitment to-do with explicit "by" date',
    today: '2026-10-31',
    kind: 'claimant-commitment',
    noticeDate: '2026-10-30',
    text: `Home  Journal  To-do list  Payments  Sign out
To-do list
30 October 2026 16:20
Accept your claimant commitment
You must accept your claimant commitment by 6 November 2026 or we may close your claim.
Back to top`,
    deadlines: { respond: '2026-11-06' },
  },
  {
    name: 'claimant commitment, journal entry slash date, no "by" date',
    today: '2029-03-12',
    kind: 'claimant-commitment',
    noticeDate: '2029-03-12',
    text: `home  journal  to-do list  payments  sign out
journal entry 12/03/2029
your work coach has updated your claimant commitment. please read it and accept it. if you do not accept it your claim might be closed
add a note`,
    deadlines: { respond: '2029-03-19' },
  },

  // ---------------- verify-identity ----------------
  {
    name: 'verify identity to-do with "by" date',
    today: '2025-06-06',
    kind: 'verify-identity',
    noticeDate: '2025-06-05',
    text: `Home  Journal  To-do list  Payments  Sign out
5 June 2025 08:30
Confirm your identity
You need to verify your identity by 19 June 2025. You can do this online with GOV.UK One Login or at a jobcentre appointment.
Back to top`,
    deadlines: { respond: '2025-06-19' },
  },
  {
    name: 'verify identity, no date at all: one month from today, Feb clamp',
    today: '2030-01-31',
    kind: 'verify-identity',
    noticeDate: null,
    text: `to-do list
prove who you are. we need to check your identity before we can pay you. you can do it online or bring your passport or driving licence to the jobcentre.`,
    deadlines: { respond: '2030-02-28' },
  },

  // ---------------- housing-costs ----------------
  {
    name: 'one-line housing costs not approved, with timestamp',
    today: '2027-04-09',
    kind: 'housing-costs',
    noticeDate: '2027-04-07',
    text: `Journal
7 Apr 2027 14:20
Your housing costs have not been approved.
Add a note  Back to top`,
    deadlines: { 'mandatory-reconsideration': '2027-05-07', 'late-limit': '2028-05-07' },
  },
  {
    name: 'housing costs decision, refused service charges, lower case',
    today: '2026-05-18',
    kind: 'housing-costs',
    noticeDate: '2026-05-15',
    text: `home journal to-do list payments sign out
dated 15 may 2026
decision about your housing costs
we have refused the service charges of £42.00 a month because they are not eligible. your rent of £725.00 a month is included.
if you disagree ask for a mandatory reconsideration.
back to top`,
    deadlines: { 'mandatory-reconsideration': '2026-06-15', 'late-limit': '2027-06-15' },
  },
  {
    name: 'yearly rent-change housing costs to-do (not a decision)',
    today: '2027-03-20',
    kind: 'housing-costs',
    noticeDate: null,
    text: `Home  Journal  To-do list  Payments  Sign out
To-do list
Confirm your housing costs
Your rent may change in April. Tell us your new rent amount and the date it starts. Upload your rent increase letter if you have one.
Back to top`,
  },

  // ---------------- report-change ----------------
  {
    name: 'report a change confirmation',
    today: '2026-08-12',
    kind: 'report-change',
    noticeDate: '2026-08-11',
    text: `Home  Journal  To-do list  Payments  Sign out
11 August 2026 19:03
Thank you for reporting a change of circumstances. You told us your partner moved in on 1 August 2026.
We will look at how this affects your Universal Credit. Your payment may change.
Back to top`,
    deadlines: {},
  },
  {
    name: 'report change reminder, lower case, no date',
    today: '2028-06-01',
    kind: 'report-change',
    noticeDate: null,
    text: `journal
you need to report changes as soon as they happen, for example if you start work, have a baby, move house, or your rent changes. go to report a change on your home page.`,
    deadlines: {},
  },

  // ---------------- work-coach-appointment ----------------
  {
    name: 'work coach appointment with weekday date and time',
    today: '2026-12-02',
    kind: 'work-coach-appointment',
    noticeDate: '2026-12-01',
    text: `Home  Journal  To-do list  Payments  Sign out
1 December 2026 12:11
Appointment with your work coach
Your appointment is on Tuesday 8 December 2026 at 10:30am at Leeds Jobcentre.
If you cannot go you must tell us before the appointment. If you do not go your payment could be reduced.
Add a note
Back to top`,
    deadlines: { attend: '2026-12-08' },
  },
  {
    name: 'work search review with typo "apointment", sent date',
    today: '2027-02-26',
    kind: 'work-coach-appointment',
    noticeDate: '2027-02-25',
    text: `home  journal  to-do list  payments  sign out
sent 25 feb 2027
work search review apointment
your appointment is on thursday 4 march 2027 at 2:15pm by phone. we will call you on the number we have.
bring your work search record. if you miss this apointment without a good reason you may get a sanction.
back to top`,
    deadlines: { attend: '2027-03-04' },
  },

  // ---------------- work-capability-questionnaire ----------------
  {
    name: 'UC50 with return-by date',
    today: '2026-09-11',
    kind: 'work-capability-questionnaire',
    noticeDate: '2026-09-10',
    text: `Home  Journal  To-do list  Payments  Sign out
Dated 10 September 2026
We have sent you a capability for work questionnaire (UC50).
Please fill it in and return it by 8 October 2026 with any medical evidence. Keep proof of posting.
Back to top`,
    deadlines: { respond: '2026-10-08' },
  },
  {
    name: 'UC50 with journal timestamp only, 4 weeks',
    today: '2025-01-16',
    kind: 'work-capability-questionnaire',
    noticeDate: '2025-01-15',
    text: `journal
15/01/2025 10:42
your health questionnaire uc50 is in the post. you need to send it back within 4 weeks. if you cannot return it in time please tell us.
add a note`,
    deadlines: { respond: '2025-02-12' },
  },

  // ---------------- health-assessment ----------------
  {
    name: 'face to face work capability assessment invite',
    today: '2027-04-01',
    kind: 'health-assessment',
    noticeDate: '2027-03-31',
    text: `Home  Journal  To-do list  Payments  Sign out
31 March 2027 09:00
Your work capability assessment
Your appointment is on Wednesday 14 April 2027 at 9:40am at the assessment centre, 2 Park Row.
You can bring someone with you. If you need a home visit or an interpreter, call us before the appointment.
Back to top`,
    deadlines: { attend: '2027-04-14' },
  },
  {
    name: 'phone health assessment, UCD35 code, lower case',
    today: '2026-06-23',
    kind: 'health-assessment',
    noticeDate: '2026-06-22',
    text: `home journal to-do list payments sign out
date: 22/06/2026
ucd35
your health assessment will be by telephone. your appointment is on monday 6 july 2026 at 1:00pm. the health professional will call you.
back to top`,
    deadlines: { attend: '2026-07-06' },
  },

  // ---------------- fit-note ----------------
  {
    name: 'fit note request, no date',
    today: '2026-02-10',
    kind: 'fit-note',
    noticeDate: null,
    text: `To-do list
Add your fit note
Your fit note has run out. Please get a new fit note from your doctor and add it to your account.
Back to top`,
    deadlines: {},
  },
  {
    name: 'fit note note in journal with end date of current note',
    today: '2029-05-03',
    kind: 'fit-note',
    noticeDate: '2029-05-02',
    text: `home  journal  to-do list  payments  sign out
2 may 2029 13:37
hi, your current fit note ends on 16 may 2029. if you are still not fit for work please upload a new fit note (med3) from your gp.
add a note`,
    deadlines: {},
  },

  // ---------------- work-capability-decision ----------------
  {
    name: 'LCWRA decision, dated notice, earlier assessment date in body',
    today: '2026-06-04',
    kind: 'work-capability-decision',
    noticeDate: '2026-06-02',
    text: `Home  Journal  To-do list  Payments  Sign out
Date of this notice: 2 June 2026
Work capability assessment decision
After your assessment on 12 May 2026 we decided you have limited capability for work and work-related activity (LCWRA).
You will get an extra amount each month. You do not have to look for work.
Back to top`,
    deadlines: { 'mandatory-reconsideration': '2026-07-02', 'late-limit': '2027-07-02' },
  },
  {
    name: 'fit for work decision, "Monday" date format',
    today: '2026-11-09',
    kind: 'work-capability-decision',
    noticeDate: '2026-11-02',
    text: `journal
Dated Monday 2 November 2026
we have decided you do not have limited capability for work. this decision was made after your work capability assessment.
this means you are fit for work and need to look for work. if you disagree, ask for a mandatory reconsideration and send any new medical evidence.
back to top`,
    deadlines: { 'mandatory-reconsideration': '2026-12-02', 'late-limit': '2027-12-02' },
  },

  // ---------------- advance-payment ----------------
  {
    name: 'new claim advance approved',
    today: '2025-03-14',
    kind: 'advance-payment',
    noticeDate: '2025-03-13',
    text: `Home  Journal  To-do list  Payments  Sign out
13 March 2025 17:55
Your advance payment
We have approved your advance of £600.00. It will be paid into your bank account within 3 working days.
You will pay it back from your Universal Credit payments over 24 months, starting from your first payment.
Back to top`,
    deadlines: {},
  },
  {
    name: 'budgeting advance, lower case, no date',
    today: '2028-10-10',
    kind: 'advance-payment',
    noticeDate: null,
    text: `payments
budgeting advance
you have been given a budgeting advance of £348. we will take £29 a month from your universal credit to pay it back.`,
    deadlines: {},
  },

  // ---------------- overpayment ----------------
  {
    name: 'overpayment with short-month timestamp, month-end',
    today: '2026-09-02',
    kind: 'overpayment',
    noticeDate: '2026-08-31',
    text: `Home  Journal  To-do list  Payments  Sign out
31 Aug 2026 10:12
Overpayment of Universal Credit
We have paid you too much Universal Credit. You were overpaid £1,204.66 between 10 March 2026 and 9 July 2026 because your earnings were not reported.
We will take this back from your Universal Credit payments. If you disagree with this decision you can ask for a mandatory reconsideration.
Back to top`,
    deadlines: { 'mandatory-reconsideration': '2026-09-30', 'late-limit': '2027-09-30' },
  },
  {
    name: 'overpaymnet typo, Novmber typo in body, new-year MR',
    today: '2029-12-06',
    kind: 'overpayment',
    noticeDate: '2029-12-04',
    text: `home journal to-do list payments sign out
4 december 2029 16:45
overpaymnet decision
you were paid too much for the assessment period ending 14 novmber 2029. you need to pay back £310.20. we will recover it from your payments.
if you think the decision is wrong you can ask us to reconsider it.
add a note`,
    deadlines: { 'mandatory-reconsideration': '2030-01-04', 'late-limit': '2031-01-04' },
  },

  // ---------------- deduction ----------------
  {
    name: 'third party deduction for rent arrears',
    today: '2025-09-05',
    kind: 'deduction',
    noticeDate: '2025-09-04',
    text: `Home  Journal  To-do list  Payments  Sign out
4 September 2025 12:00
Deductions from your payment
Your landlord asked us to pay part of your Universal Credit to them for rent arrears. We will take £26.25 from each payment starting from 12 September 2025.
Back to top`,
    // A deduction that starts is a decision that can be challenged (shared/corpus rn-033, "we are taking
    // money off your UC"): MR within a month. Was {} before issue 10.
    deadlines: { 'mandatory-reconsideration': '2025-10-04', 'late-limit': '2026-10-04' },
  },
  {
    name: 'council tax and fuel deductions, lower case, no date',
    today: '2027-07-21',
    kind: 'deduction',
    noticeDate: null,
    text: `payments
deductions
council tax arrears -£20.11
fuel -£13.40
third party deductions are money taken from your universal credit to pay debts you owe.`,
    deadlines: {},
  },

  // ---------------- hardship-payment ----------------
  {
    name: 'hardship payment paid (UCD157)',
    today: '2026-10-20',
    kind: 'hardship-payment',
    noticeDate: '2026-10-19',
    text: `Home  Journal  To-do list  Payments  Sign out
19 October 2026 14:30
UCD157
Your hardship payment
We have agreed to make you a hardship payment of £186.40. You will usually have to pay this back when your sanction ends and you are working.
Back to top`,
    deadlines: {},
  },
  {
    name: 'hardship payment refused (UCD158), lower case',
    today: '2028-11-15',
    kind: 'hardship-payment',
    noticeDate: '2028-11-14',
    text: `home journal to-do list payments sign out
date: 14 nov 2028
ucd158 hardship payment refused
you asked for a hardship payment. we cannot give you a hardship payment because you have not shown you cannot pay for your basic needs. you can apply again.
back to top`,
    deadlines: {},
  },

  // ---------------- claim-closed ----------------
  {
    name: 'one-line "Your claim has been closed." with no date',
    today: '2026-03-31',
    kind: 'claim-closed',
    noticeDate: null,
    text: `Your claim has been closed.`,
    deadlines: { 'mandatory-reconsideration': '2026-04-30', 'late-limit': '2027-04-30' },
  },
  {
    name: 'claim terminated after missed interview, journal entry date',
    today: '2025-02-19',
    kind: 'claim-closed',
    noticeDate: '2025-02-17',
    text: `Home  Journal  To-do list  Payments  Sign out
Journal entry 17 Feb 2025
Your Universal Credit claim has been terminated because you did not attend your appointment on Monday 10 February 2025.
Your journal is now read only. You can make a new claim.
Back to top`,
    deadlines: { 'mandatory-reconsideration': '2025-03-17', 'late-limit': '2026-03-17' },
  },

  // ---------------- childcare-costs ----------------
  {
    name: 'childcare costs not approved, slash date',
    today: '2027-09-23',
    kind: 'childcare-costs',
    noticeDate: '2027-09-22',
    text: `Home  Journal  To-do list  Payments  Sign out
Date: 22/09/2027
Childcare costs not approved
We have not approved the childcare costs you reported on 15/09/2027 because the provider is not registered with Ofsted.
If you disagree with this decision you can ask for a mandatory reconsideration.
Back to top`,
    deadlines: { 'mandatory-reconsideration': '2027-10-22', 'late-limit': '2028-10-22' },
  },
  {
    name: 'childcare costs to-do (report what you paid)',
    today: '2024-10-02',
    kind: 'childcare-costs',
    noticeDate: null,
    text: `to-do list
report your childcare costs
tell us how much you paid for childcare this month. upload an invoice or receipt from your childcare provider.
back to top`,
  },

  // ---------------- written-reasons ----------------
  {
    name: 'written statement of reasons received',
    today: '2026-05-16',
    kind: 'written-reasons',
    noticeDate: '2026-05-15',
    text: `Home  Journal  To-do list  Payments  Sign out
15 May 2026 11:25
Written statement of reasons
You asked us for written reasons for our decision about your housing costs. Here are the reasons for the decision.
Back to top`,
    deadlines: { respond: '2026-06-15', 'late-limit': '2027-06-15' },
  },
  {
    name: 'written reasons acknowledgement, "16th august" without year',
    today: '2028-09-02',
    kind: 'written-reasons',
    noticeDate: '2028-08-16',
    text: `journal
sent 16th august
thanks for your message asking for written reasons for the decision on your claim. we will send you a written explanation of the decision.
add a note`,
    deadlines: { respond: '2028-09-16', 'late-limit': '2029-09-16' },
  },

  // ---------------- migration-notice ----------------
  {
    name: 'move to Universal Credit migration notice',
    today: '2026-11-14',
    kind: 'migration-notice',
    noticeDate: '2026-11-12',
    text: `Date: 12 November 2026
Universal Credit: you need to move from your existing benefits
Your tax credits are ending. You must claim Universal Credit by 12 March 2027 to keep getting financial support.
If you need more time, contact us before your deadline date.`,
    deadlines: { 'claim-by': '2027-03-12' },
  },
  {
    name: 'migration notice lower case, deadline date label',
    today: '2025-02-05',
    kind: 'migration-notice',
    noticeDate: '2025-02-03',
    text: `dated 3 feb 2025
move to universal credit
your housing benefit and income support will stop. deadline date: you must claim universal credit by 3 june 2025.
if you claim by then you may get transitional protection.`,
    deadlines: { 'claim-by': '2025-06-03' },
  },

  // ---------------- unknown ----------------
  {
    name: 'generic reply from the service centre',
    today: '2026-07-08',
    kind: 'unknown',
    noticeDate: '2026-07-07',
    text: `Home  Journal  To-do list  Payments  Sign out
7 July 2026 15:02
Thank you for your message. We aim to reply within 2 working days.
Add a note
Back to top`,
    deadlines: {},
  },
  {
    name: 'office closure notice, lower case, no date',
    today: '2030-05-20',
    kind: 'unknown',
    noticeDate: null,
    text: `journal
please note the jobcentre will be closed on the bank holiday. you do not need to do anything.`,
    deadlines: {},
  },
];
