// The explainer (src/shared/notices: the recogniser's model, its rules and the
// deadlines) in a worker, so loading the model and reading a message never
// hold up the page's thread: on a cheap phone, parsing the model and compiling
// its patterns took the page 200 ms or more in one go. The page sends the text
// and options and gets back what explainNotice gives (a plain object).
import { explainNotice } from '../shared/notices/explain';
import type { ExplainRequest, ExplainResponse } from './explain-messages';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<ExplainRequest>) => void): void;
  postMessage(message: ExplainResponse): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const { id, text, options } = event.data;
  try {
    scope.postMessage({ id, ok: true, explanation: explainNotice(text, options) });
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
