// The explainer on the worst pastes we know: about 130 KB of one phrase's trigger words repeated, so
// that every rule's expression runs over a long text with many near-matches. Wall time of one
// explanation each (it runs in the explainer's worker, never on the main thread):
//   npx tsx tests/bench/explain-pastes-bench.ts
import { explainNotice } from '../../src/shared/notices/explain';

const PASTES: Record<string, string> = {
  'assessment period lines': 'Assessment period 3 May to 2 June. '.repeat(4000),
  'assessment period, no full stops': 'assessment period standard allowance is '.repeat(3300),
  'hedged and told phrases mixed': 'your claim has been accepted once we get it and they say i was overpaid '.repeat(1800),
  'housing costs not paid': 'we have not paid the housing costs to your landlord '.repeat(2600),
  'OCR "rn" for "m"': 'rnrnrnrn rrnrrn rnent '.repeat(6000),
  'they say I owe': 'they say i owe them '.repeat(6500),
  'amount went from': 'payment went from £1 to '.repeat(5500),
  'fifty quid short': 'my payment was about fifty quid '.repeat(4000),
  "a friend's sanction": 'my friend got sanctioned and '.repeat(4500),
  'looked again': 'they looked again and '.repeat(6000),
  'following your request': 'following your request of 2 may: '.repeat(4000),
  'a PIP letter': 'got my pip letter '.repeat(7000),
  'post titles': 'UC stopped - what now?\n'.repeat(5500),
  'a message that came today': 'today i get a message saying '.repeat(4400),
  '"why have they"': 'why have they why has my why was '.repeat(3800),
  'statement lines': 'your payment for 9 august to 8 september 2025 '.repeat(2800),
  'MR verdicts': "mr result's mr verdict recon answer is ".repeat(3300),
  'part of my money': 'they will take part of my money they will take '.repeat(2700),
  'received more than due': 'you received £1,000 of universal credit you were '.repeat(2600),
  "a tribunal's notice": 'the decision made by the secretary of state on 3 may '.repeat(2500),
  "a hardship payment's reason": 'hardship payment because your universal credit has been reduced because '.repeat(1800),
  'only this time, usually': 'only £388 this time, usually only £388 this month '.repeat(2600),
};

// Once each first, so that no row pays for compiling the expressions or warming the JIT.
for (const text of Object.values(PASTES)) explainNotice(text, { today: '2026-12-05' });
for (const [name, text] of Object.entries(PASTES)) {
  const start = performance.now();
  explainNotice(text, { today: '2026-12-05' });
  const ms = performance.now() - start;
  console.log(`  ${name.padEnd(36)} ${(text.length / 1024).toFixed(0).padStart(4)} KB ${ms.toFixed(0).padStart(5)} ms`);
}
