// The explainer's worker answers with exactly what explainNotice gives, as it
// arrives on the page (a structured clone): the Explain screen and a saved
// notice show the same explanation as before the model left the page's thread.
import { beforeAll, describe, expect, it } from 'vitest';
import { explainNotice } from '../../../src/shared/notices';
import type { ExplainOptions } from '../../../src/shared/notices/types';
import type { ExplainRequest, ExplainResponse } from '../../../src/worker/explain-messages';

const SAMPLE_MRN = `Mandatory reconsideration notice
Date of this notice: 9 November 2026
We have looked again at our decision about your Universal Credit.
We have not changed the decision.
If you disagree you can appeal to an independent tribunal. Use form SSCS1.`;

let listener: ((event: { data: ExplainRequest }) => void) | undefined;
const answers: ExplainResponse[] = [];

beforeAll(async () => {
  (globalThis as { self?: unknown }).self = {
    addEventListener: (_type: string, handler: typeof listener) => (listener = handler),
    postMessage: (message: ExplainResponse) => answers.push(structuredClone(message)),
  };
  await import('../../../src/worker/explain-worker');
});

function ask(text: string, options: ExplainOptions): ExplainResponse {
  const id = answers.length + 1;
  listener!({ data: { id, text, options } });
  const answer = answers.at(-1)!;
  expect(answer.id).toBe(id);
  return answer;
}

describe('the explainer in its worker', () => {
  const cases: [string, string, ExplainOptions][] = [
    ['an MRN', SAMPLE_MRN, { today: '2026-11-20' }],
    ['an MRN with a typed date', SAMPLE_MRN, { today: '2026-11-20', noticeDate: '2026-11-12' }],
    ['a chosen kind and no text', '', { today: '2026-11-20', kind: 'housing-costs' }],
    ['an answer to "is it a decision?"', 'We have changed your housing costs amount.', { today: '2026-11-20', challenge: 'decision' }],
    ['a password pasted by mistake', 'My password is Hunter2!2026 and my payment is late', { today: '2026-11-20' }],
  ];
  for (const [name, text, options] of cases) {
    it(`answers as explainNotice does: ${name}`, () => {
      const answer = ask(text, options);
      expect(answer.ok).toBe(true);
      expect(answer.ok && answer.explanation).toEqual(explainNotice(text, options));
    });
  }
});
