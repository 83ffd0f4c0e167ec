// The explanation of a message as the screen's inputs change (Explain and a
// saved message), worked out by `explain` (the explainer's worker) so typing
// never waits for it. Until the answer for the current inputs arrives, the
// last one stays on the screen and `settled` is false.
import { useEffect, useState } from 'preact/hooks';
import type { ExplainOptions, NoticeExplanation } from '../../shared/notices/types';

export interface Explainer {
  explain(text: string, options: ExplainOptions): Promise<NoticeExplanation>;
  knownExplanation(text: string, options: ExplainOptions): NoticeExplanation | undefined;
}

export interface Explained {
  /** The explanation on screen: of the current inputs once `settled`, until then of the last ones. */
  explanation: NoticeExplanation | null;
  /** The explanation is of the current inputs. */
  settled: boolean;
  /** The explainer could not answer (its worker did not load): the screen says so. */
  failed: boolean;
  /** The explanation of the current inputs (for Save: never one of older inputs). */
  current(): Promise<NoticeExplanation | null>;
}

/** `text` null: nothing to explain. */
export function useExplanation(explainer: Explainer, text: string | null, options: ExplainOptions): Explained {
  const key = JSON.stringify([text, options.today, options.kind, options.noticeDate, options.challenge]);
  const [failed, setFailed] = useState(false);
  const [shown, setShown] = useState<{ key: string; explanation: NoticeExplanation | null }>(() => ({
    key,
    explanation: text === null ? null : (explainer.knownExplanation(text, options) ?? null),
  }));
  const ready = text === null ? null : explainer.knownExplanation(text, options);
  const settled = shown.key === key && (text === null || shown.explanation !== null);

  useEffect(() => {
    if (text === null) {
      setShown({ key, explanation: null });
      return;
    }
    if (ready) {
      setShown({ key, explanation: ready });
      return;
    }
    let live = true;
    explainer.explain(text, options).then(
      (explanation) => {
        if (!live) return;
        setShown({ key, explanation });
        setFailed(false);
      },
      () => live && setFailed(true),
    );
    return () => void (live = false);
  }, [key]);

  return {
    // An answer already worked out for these inputs shows at once.
    explanation: text === null ? null : (ready ?? shown.explanation),
    settled: settled || text === null || ready !== undefined,
    failed,
    current: () => (text === null ? Promise.resolve(null) : explainer.explain(text, options)),
  };
}
