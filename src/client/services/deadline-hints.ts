// The sealed deadline hints a sent item carries, one per adviser computer
// (shared/protocol/deadline-hint.ts): the soonest open deadline the phone's
// explainer finds in the item's words, or null. A hint goes for every item
// and every computer, with or without a date, so each has the same size and
// the relay learns nothing from them. The explainer is loaded only here, on send.
import type { ItemHint } from '../../shared/protocol/api-types';
import { sealDeadlineHint, type HintPrivateKey } from '../../shared/protocol/deadline-hint';

/** The soonest deadline still open on `today` (the late limit aside, as on the adviser's desk), or null. */
export function soonestOpen(deadlines: readonly { id: string; date: string }[], today: string): string | null {
  const open = deadlines
    .filter((d) => d.id !== 'late-limit' && d.date >= today)
    .map((d) => d.date)
    .sort();
  return open[0] ?? null;
}

/** What the explainer finds in the words (UK today): the soonest open deadline, or null (no words, nothing found, or it failed). */
export async function soonestInWords(words: string, now: Date = new Date()): Promise<string | null> {
  if (!words.trim()) return null;
  try {
    const { explainNotice, todayInLondon } = await import('../../shared/notices');
    const today = todayInLondon(now);
    return soonestOpen(explainNotice(words, { today }).deadlines, today);
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
