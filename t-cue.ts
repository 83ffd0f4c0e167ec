import { findCue } from './src/shared/notices/cues';
import { explainWith } from './src/shared/notices/explain';
import { MODEL } from './src/shared/notices/model.generated';
const texts = `We have looked again at the decision you asked us to reconsider. We have not changed it.
Your request for a mandatory reconsideration has been looked at. The decision stays the same.
We looked at your claim again as you asked. The decision has not changed.
After looking at everything again, the decision maker has decided not to change the decision.
Outcome of your request to look at the decision again: no change
If you still disagree you can now appeal to HM Courts and Tribunals Service.
Mandatory Reconsideration outcome - decision unchanged
The decision maker has looked at your MR and decided your sanction is correct.
We have reviewed the decision about your work capability and it stays the same.
You asked us to look again at our decision of 3 March. We have now done this.
Following your MR request, we have changed our decision. You will now get the LCWRA element.
We have revised the decision. You are now entitled to the housing element.
Your MR was unsuccessful. You can appeal using form SSCS1.
The decision has been reconsidered but has not been changed.
I've had my MR back, they refused it
MR refused - can appeal now
The original decision stands.
We have not been able to change our decision about your overpayment.
Your reconsideration request: we have decided not to change the decision.
The reconsidered decision is that you are not entitled.
Your claim has been stopped because you have not accepted your claimant commitment.
We have stopped your Universal Credit.
From your next payment we will reduce your Universal Credit by £87.50.
You will not get the housing element because you are under 22.
You have been found fit for work.
You do not have limited capability for work.
The DM has decided you did not have a good reason.
Your payment will be £0 this month because of your earnings.
We cannot pay you Universal Credit because your savings are over £16,000.
We've ended your claim.
Your sanction will last 91 days.
We will recover £1,200 you were overpaid.
You have been overpaid Universal Credit of £540.
Your childcare costs can't be paid because you did not report them in time.
We've removed the child element for Sam.
Your UC has been suspended.
Your award has been cut because of the benefit cap.
Claim disallowed.
Nil award.
The housing costs element has been refused.`.split('\n');
for (const t of texts) {
  const c = findCue(t);
  const e = explainWith(MODEL, t, { today: '2026-12-04' });
  const r = e as any; console.log((c ? `${c.answer}:${c.rule}` : '-').padEnd(30), String(r.kind ?? '').padEnd(34), JSON.stringify(r.challenge ?? r.decision ?? '').slice(0,60).padEnd(40), t.slice(0, 70));
}
