// Families of decision wording (issue 10): each phrase rule stands for several ways DWP writes the same
// decision, so each family is tested with wordings written for this test (none is a corpus text), next to the
// warnings, explanations and repayments that look like it and are not decisions.
import { describe, expect, it } from 'vitest';
import { findCue } from '../../../src/shared/notices/cues';

const answer = (text: string) => findCue(text)?.answer ?? 'neither';
const rule = (text: string) => findCue(text)?.rule ?? null;

describe('decision families', () => {
  it.each([
    // Overpayments: the decision is that there is one.
    ["There's an overpayment of £212.40 on your claim for the period ending 3 March.", 'overpayment-found'],
    ['We have identified an overpayment because your earnings were reported late.', 'overpayment-found'],
    ['An overpayment of £96.10 has been found on your Universal Credit.', 'overpayment-found'],
    ['OP of £318.00 raised and referred for recovery', 'overpayment-found'],
    ['Between June and August we paid you £431.55 more than you were entitled to.', 'paid-more-than-entitled'],
    ['You were paid more Universal Credit than you should have been.', 'paid-more-than-entitled'],
    ['This means you have been paid £77.20 too much.', 'paid-too-much'],
    ['We will recover it from your future payments.', 'recover'],
    // Deductions set up or changed.
    ['£15.90 a month will be deducted from your Universal Credit for your gas arrears.', 'deducted-from'],
    ['From 2 May, £31.22 will be taken from each payment to pay your landlord.', 'deducted-from'],
    ['Your deduction for council tax arrears will go up to £28.40 from your next payment.', 'deduction-changed'],
    ['Third party deduction set up for water charges.', 'deduction-changed'],
    // Entitlement, either way.
    ["You're entitled to Universal Credit from 14 March.", 'entitled'],
    ['You are now entitled to the child element for Maya.', 'entitled'],
    ['You have been awarded the enhanced rate of the mobility component.', 'awarded'],
    ['You are not entiteld to UC while you are studying full time.', 'not-entitled'],
    ['Your application has not been successful because your capital is over £16,000.', 'claim-not-successful'],
    ['Your claim has been refused, so you cannot get an advance.', 'refused'],
    ['Your claim will not be paid as you are not habitually resident.', 'claim-not-successful'],
    ['We are unable to accept your claim because you already get income-related ESA.', 'cannot-accept-claim'],
    ['Your EU settled status application is still pending, which does not give you a right to reside.', 'no-right-to-reside'],
    ['You no longer have a right to reside as a jobseeker.', 'no-right-to-reside'],
    ['We accept that you have a right to reside as a family member of an EEA worker.', 'right-to-reside-accepted'],
    // Claims ending.
    ['Your joint award ends on 9 October because your partner has moved out.', 'award-ends-on'],
    ['your claim has been clsoed as you did not accept your commitments', 'claim-has-closed'],
    ['We&#39;ve closed your claim as you told us you have started full-time work.', 'claim-closed'],
    ['You did not send your bank statements or tell us why, so we have ended your award.', 'claim-closed'],
    // Sanctions and work capability.
    ['You will lose £14.07 a day until you take part in an interview.', 'you-will-lose'],
    ['The decision maker has agreed to lift the sanction after seeing your hospital letter.', 'agreed-to-change'],
    ['Hedidnotshowgoodreason formissingtheappointment.', 'no-good-reason-run-on'],
    ['Outcome: limited capability for work from 12 January.', 'wca-outcome'],
    ['Your WCA result has been added to your account. View the letter.', 'wca-outcome'],
    ['Total points: 6. You need 15 points for limited capability for work.', 'wca-points'],
    ['LCWRA applied from the end of the relevant period.', 'lcw-outcome'],
    // Money added or taken off, with the amount instead of "your".
    ['We have included £403.75 for childcare in this assessment period.', 'we-changed-award'],
    ['Because you have a spare bedroom we have reduced housing costs by 14%.', 'we-changed-award'],
    ['We cannot include the severe disability addition for your daughter yet.', 'cannot-pay-costs'],
    ['Your single Universal Credit payment will be nil this month because of your earnings.', 'payment-reduced'],
    // Said by a decision maker, a claimant or an adviser, not in DWP's usual words.
    ['I made my decision using the information from your health questionnaire.', 'made-decision'],
    ['The decision maker has reached a decision on your housing costs.', 'made-decision'],
    ['A decision has been made about your claim. Read the letter in your journal.', 'made-decision'],
    ["They've stopped my money and I don't know why.", 'they-stopped-my'],
    ['DWP have cut my UC by £80 this month.', 'they-stopped-my'],
    ['They took my housing element off in October.', 'they-stopped-my'],
    ['UC removed his LCWRA after the reassessment.', 'they-stopped-my'],
    ["They've taken my child element away.", 'they-stopped-my'],
    ["DWP says I'm fit for work.", 'they-say-fit'],
    ["They've found me fit for work again.", 'they-say-fit'],
    ['Decision letter uploaded to your journal.', 'decision-letter'],
    ["We've added a new decision letter about your housing costs.", 'decision-letter'],
    ['My claim was shut down after I missed the appointment.', 'claim-has-closed'],
    ['His award got cancelled last week.', 'claim-has-closed'],
    ['No contact was made, so a sanction has been applied from 3 March.', 'sanction-applied'],
    // "so" starts what happened, whatever came before it.
    ['Your earnings were more than you can earn before Universal Credit stops, so you will not get a payment on 6 June.', 'no-payment'],
  ])('"%s" is a decision (%s)', (text, id) => {
    expect(answer(text)).toBe('decision');
    expect(rule(text)).toBe(id);
  });

  it.each([
    ['We have completed your mandatory reconsideration and the decision stays the same.', 'mrn-completed'],
    ['I have now carried out the reconsideration you asked for.', 'mrn-completed'],
    ['We have considered your request for mandatory reconsideration of the sanction.', 'mrn-request-considered'],
    ['This is the result of your request for a reconsideration dated 4 April.', 'mrn-request-considered'],
    ['Following your request for a reconsideration, the original decision is correct.', 'mrn-decision-correct'],
    ['Mandatory reconsideration outcome: not changed.', 'mrn-reconsideration-outcome'],
    ['I asked them to look at it again but the 13 week sanction was upheld.', 'mrn-upheld'],
    ['We have upheld the original decision about your housing costs.', 'mrn-upheld'],
    ['The decision has been upheld. You can now ask a tribunal to look at it.', 'mrn-upheld'],
    ['We have been unable to change the decision about your housing costs.', 'mrn-cannot-change'],
    ["After looking at everything again, I'm not able to change our decision.", 'mrn-cannot-change'],
    ['We have not been able to change our decision about your sanction.', 'mrn-cannot-change'],
    ['The decision made on 2 May about your sanction has been reconsidered.', 'mrn-decision-reconsidered'],
    ['The reconsideration did not change the decision.', 'mrn-decision-reconsidered'],
    ['Reconsideration decision: not revised.', 'mrn-decision-stands'],
    ['The original decision remains unchanged.', 'mrn-decision-stands'],
    ['Your request for a mandatory reconsideration was unsuccessful.', 'mrn-mr-done'],
    ['The DM has reconsidered and revised the decision in your favour.', 'mrn-looked-again'],
    ["Result of 'Mandatory Reconsideration' came today. No change.", 'mrn-outcome'],
    ['Got the outcome of my mandatory reconsideration this morning: they kept the decision.', 'mrn-outcome'],
    ['They wrote to me with the result of my MR and nothing has changed.', 'mrn-outcome'],
    ['We are writing to tell you the outcome of your mandatory reconsideration.', 'mrn-outcome'],
    ['This letter is to let you know the result of your MR.', 'mrn-outcome'],
    ['My MR came back unchanged so I am going to appeal.', 'mrn-came-back'],
    ['The mandatory reconsideration has come back and the sanction stays.', 'mrn-came-back'],
    ['MR result: no change', 'mrn-result-line'],
    ['Mandatory reconsideration decision - not revised', 'mrn-result-line'],
    ['my mandatory reconsideration got turned down so now its the tribunal', 'mrn-mr-done'],
    ['His MR was rejected last week.', 'mrn-mr-done'],
    ['They refused my MR even with the letter from my consultant.', 'mrn-they-refused-mr'],
    ['DWP have rejected her mandatory reconsideration.', 'mrn-they-refused-mr'],
    ["I've had my MR back, they refused it.", 'mrn-had-back'],
    ['Got the mandatory reconsideration letter back today and nothing changed.', 'mrn-had-back'],
    ["Got my MRN today, they haven't changed anything", 'mrn-received'],
    ['Just had my MRN back - they refused.', 'mrn-received'],
    ['My MRN arrived this morning. No change.', 'mrn-received'],
    ['I got the MRN on 2 December, so I am appealing.', 'mrn-received'],
    ['Her MRN finally came, decision upheld.', 'mrn-received'],
    ['The reconsidered decision is that you are not entitled to the housing element.', 'mrn-reconsidered-decision'],
    ['We have reviewed the decision about your work capability and it stays the same.', 'mrn-reviewed-unchanged'],
    ['The decision maker has looked at the decision again, and it remains the same.', 'mrn-looked-at-decision-again'],
    ['I have checked the decision about your sanction and it has not changed.', 'mrn-reviewed-unchanged'],
    ['The decision stays the same.', 'mrn-decision-stays'],
    ['Following your MR request, we have changed our decision.', 'mrn-following'],
  ])('"%s" is an MRN (%s)', (text, id) => {
    expect(answer(text)).toBe('mrn');
    expect(rule(text)).toBe(id);
  });
});

describe('lookalikes stay undecided by the phrases', () => {
  it.each([
    // Repaying an advance or a hardship payment is not a decision that can be challenged.
    'Your budgeting advance of £250.00 is on its way. We will take back £20.83 from each payment for 12 months.',
    'You asked for an advance. £29.17 a month will be taken from your Universal Credit to pay it back.',
    'We have made you a hardship payment. We will recover it from your Universal Credit once the sanction ends.',
    // Warnings, guidance and explanations.
    'If there is an overpayment we will write to you and explain how it will be recovered.',
    'You may be entitled to Universal Credit if you are on a low income.',
    'Check what you are entitled to before you claim.',
    'Accept your claimant commitment by 20 May or your award ends on that day.',
    'Tell us why you missed your appointment, otherwise you will lose £14.07 a day.',
    'When we get your work capability assessment result we will update your payments.',
    'You are waiting for your WCA outcome. We will let you know.',
    'After we have completed the mandatory reconsideration you will get a letter.',
    "You'll get a letter with your mandatory reconsideration outcome.",
    'We cannot accept your claim until you have verified your identity.',
    'If your deductions have gone up, this is why.',
    'You can ask us to look at it again if you think we should have paid you more than you were entitled to.',
    'We have agreed to give you more time to send your fit note.',
    'If you have been awarded PIP, tell us so we can add it to your claim.',
    "I have asked the DM why my deduction went up, I don't think it's right.",
    'We will tell you when we have made a decision.',
    'Once a decision has been made, you will get a message in your journal.',
    'We have not made a decision yet.',
    'If they cut my payments I cannot pay the rent.',
    'Can they stop my money if I miss the appointment?',
    'Contact made and good reason given: no sanction imposed.',
    'The case was closed without a sanction being applied.',
    'If the decision is upheld you can appeal to a tribunal.',
    'We cannot change the decision until you send us your bank statements.',
    'If we cannot change the decision, we will tell you why.',
    'Ask us to look at it again if you think the decision is wrong.',
    'We will write to you with the result of your mandatory reconsideration.',
    "We'll let you know the outcome of your MR as soon as we can.",
    'We aim to tell you the outcome of your mandatory reconsideration within 14 days.',
    'Still waiting for the outcome of my mandatory reconsideration.',
    'When my MR comes back I will let you know.',
    "I'm waiting for my mandatory reconsideration to come back.",
    'If your mandatory reconsideration is refused, you can appeal to a tribunal.',
    'What happens if they refuse my MR?',
    'If they reject the mandatory reconsideration I will appeal.',
    "I haven't got my MR back yet, it's been 6 weeks.",
    'Have you got your MR back?',
    'The decision stays the same unless you send us new evidence.',
    'The decision stays the same while we look at it again.',
    'Following your MRI scan, we have looked at your fit note.',
    "Following Mrs Patel's call we have decided to look at your claim.",
    'I have checked the decision and the amount paid is correct.',
    "We have looked at the decision and your situation hasn't changed since.",
    'I have not yet had my MR back.',
    'Has your mum had her MR back yet?',
    'Have they rejected my MR yet?',
    // An advance or a hardship payment refused: no MR right (ask again instead).
    'Your budgeting advance application was unsuccessful.',
    'We have refused your request for a hardship payment.',
    'Your application for a hardship payment has been refused because you did not accept your commitments.',
    'Your advance request has not been approved.',
    // People's words that are not a decision.
    "What if they say I'm fit for work?",
    'They took my payslips and my tenancy agreement.',
    'They took my advice and applied for the LCWRA element.',
    'Your decision letter will be sent to your journal.',
    'When you get your decision letter, check the dates.',
    "I haven't got my MRN yet.",
    'Have you got your MRN?',
    'Has he had the MRN back yet?',
    'When the MRN arrives, send me a photo of it.',
    'You need to wait until you have had the MRN before you appeal.',
    'Once my MRN comes I will appeal.',
    'The reconsidered decision will be sent to you.',
    'We will review the decision when we get your fit note.',
    'We have reviewed your claim and you need to send your payslips.',
  ])('"%s"', (text) => {
    expect(answer(text)).toBe('neither');
  });
});
