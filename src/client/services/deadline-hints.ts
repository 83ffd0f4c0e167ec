// The sealed deadline hints a sent item carries, one per adviser computer
// (shared/protocol/deadline-hint.ts): the soonest open deadline the phone's
// explainer finds in the item's words, or null. A hint goes for every item
// and every computer, with or without a date, so each has the same size and
// the relay learns nothing from them. The explainer's worker is asked on send.
import type { ItemHint } from '../../shared/protocol/api-types';
import { todayInLondon } from '../../shared/notices/calendar';
import type { ExplainOptions, NoticeExplanation } from '../../shared/notices/types';
import { explain as explainInWorker } from './explainer';
import { sealDeadlineHint, type HintPrivateKey } from '../../shared/protocol/deadline-hint';

/** The soonest deadline still open on `today` (the late limit aside, as on the adviser's desk), or null. */
export function soonestOpen(deadlines: readonly { id: string; date: string }[], today: string): string | null {
  const open = deadlines
    .filter((d) => d.id !== 'late-limit' && d.date >= today)
    .map((d) => d.date)
    .sort();
  return open[0] ?? null;
}

type Explain = (text: string, options: ExplainOptions) => Promise<Pick<NoticeExplanation, 'deadlines'>>;

/**
 * What the explainer finds in the words (UK today): the soonest open deadline,
 * or null (no words, nothing found, or it failed). It asks the explainer's
 * Web Worker, as Explain does, so the page never holds a second copy of the model.
 */
export async function soonestInWords(words: string, now: Date = new Date(), explainWith: Explain = explainInWorker): Promise<string | null> {
  if (!words.trim()) return null;
  try {
    const today = todayInLondon(now);
    return soonestOpen((await explainWith(words, { today })).deadlines, today);
  } catch {
    return null;
  }
}

/** One hint per computer key, from the claimant's key, bound to the connection and the item. */
export function sealHints(
  soonest: string | null,
  recipients: readonly string[],
  { sender, connectionId, itemId }: { sender: { publicKey: string; privateKey: HintPrivateKey }; connectionId: string; itemId: string },
): Promise<ItemHint[]> {
  return Promise.all(
    [...new Set(recipients)].map(async (key) => ({
      key,
      hint: await sealDeadlineHint({ soonest }, { sender, binding: { connectionId, itemId, recipientKey: key } }),
    })),
  );
}
