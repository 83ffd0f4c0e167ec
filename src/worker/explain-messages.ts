// The messages between the page (src/client/services/explainer.ts) and the
// explainer's worker (src/worker/explain-worker.ts). Types only: the page
// imports these, never the worker's code.
import type { ExplainOptions, NoticeExplanation } from '../shared/notices/types';

export interface ExplainRequest {
  id: number;
  text: string;
  options: ExplainOptions;
}

export type ExplainResponse = { id: number; ok: true; explanation: NoticeExplanation } | { id: number; ok: false; error: string };
