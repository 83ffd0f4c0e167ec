// Main-thread front door to the explainer's worker (src/worker/explain-worker.ts):
// explainNotice's answer, computed off the page's thread. The worker starts on
// first use (or `warmExplainer`) and stays for the visit: the Explain screen
// asks on every key press. Answers are kept for the last few questions, so a
// screen opened again, or a save straight after typing, is answered at once.
import type { ExplainOptions, NoticeExplanation } from '../../shared/notices/types';
import type { ExplainRequest, ExplainResponse } from '../../worker/explain-messages';

const KEEP = 16;

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve(explanation: NoticeExplanation): void; reject(error: Error): void }>();
const answers = new Map<string, Promise<NoticeExplanation>>();
const known = new Map<string, NoticeExplanation>();

function startWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('../../worker/explain-worker.ts', import.meta.url), { type: 'module' });
  started.addEventListener('message', (event: MessageEvent<ExplainResponse>) => {
    const data = event.data;
    const request = waiting.get(data.id);
    if (!request) return;
    waiting.delete(data.id);
    if (data.ok) request.resolve(data.explanation);
    else request.reject(new Error(data.error));
  });
  // A worker that failed to load or crashed: every question waiting fails, and the next one starts a new worker.
  started.addEventListener('error', (event) => {
    event.preventDefault();
    if (worker === started) worker = null;
    started.terminate();
    for (const request of waiting.values()) request.reject(new Error('The explainer stopped.'));
    waiting.clear();
  });
  worker = started;
  return started;
}

/** Starts the worker (and its download) before the first question. */
export function warmExplainer(): void {
  startWorker();
}

/** The same key for the same question. */
function keyOf(text: string, options: ExplainOptions): string {
  return JSON.stringify([text, options.today, options.kind, options.noticeDate, options.challenge]);
}

/** The explanation already worked out for this question, if any (so a screen can show it at once). */
export function knownExplanation(text: string, options: ExplainOptions): NoticeExplanation | undefined {
  return known.get(keyOf(text, options));
}

/** explainNotice(text, options), worked out in the worker. */
export function explain(text: string, options: ExplainOptions): Promise<NoticeExplanation> {
  const key = keyOf(text, options);
  let answer = answers.get(key);
  if (answer) return answer;
  answer = new Promise<NoticeExplanation>((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    const request: ExplainRequest = { id, text, options };
    startWorker().postMessage(request);
  });
  answers.set(key, answer);
  answer.then(
    (explanation) => {
      known.set(key, explanation);
      if (known.size > KEEP) known.delete(known.keys().next().value!);
    },
    () => answers.delete(key),
  );
  if (answers.size > KEEP) answers.delete(answers.keys().next().value!);
  return answer;
}
