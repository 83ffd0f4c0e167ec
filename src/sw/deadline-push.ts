// Which notification a push shows on an adviser's computer. A new item whose
// sealed deadline hint (shared/protocol/deadline-hint.ts) opens here, from
// the client this computer pinned, with its soonest deadline 7 days away or
// less (or already past), shows the desk's discreet "deadline within 7 days"
// notification; anything else (no hint, a later deadline, none, no pin yet,
// a hint that does not open, any failure) shows the generic one. Every push
// shows one of the two. Pure: the keys come in through `keys`, the time
// through `now`, so Node's WebCrypto runs it in unit tests.
import { daysBetween, todayInLondon } from '../shared/notices/calendar';
import { openDeadlineHint, type HintPrivateKey } from '../shared/protocol/deadline-hint';
import { adviserSoonNotification, notificationFor, type ReminderOptions } from '../shared/protocol/push-routing';
import type { PushPayload } from '../shared/protocol/push-types';

/** The same limit as the desk's board (client/adviser/desk/board.ts SOON_DAYS). */
export const SOON_DAYS = 7;

/** What this computer holds, read from the adviser's database (null: not an adviser's computer, or not readable). */
export interface AdviserKeysForWorker {
  publicKey: string;
  privateKey: HintPrivateKey;
  /** The client's key this computer pinned for the connection, if any. */
  pinnedKey(connectionId: string): Promise<string | undefined>;
}

/** The items whose hint opens here and names a deadline SOON_DAYS away or less (or past), on `today` (YYYY-MM-DD, UK). */
export async function soonItems(payload: PushPayload, keys: AdviserKeysForWorker, today: string): Promise<string[]> {
  const soon: string[] = [];
  for (const { connectionId, itemId, hint } of payload.hints ?? []) {
    try {
      const senderKey = await keys.pinnedKey(connectionId);
      if (!senderKey) continue; // a client this computer has not pinned yet: nothing to check the hint against
      const opened = await openDeadlineHint(hint, {
        recipientPrivateKey: keys.privateKey,
        senderKey,
        binding: { connectionId, itemId, recipientKey: keys.publicKey },
      });
      if (opened.soonest !== null && daysBetween(today, opened.soonest) <= SOON_DAYS) soon.push(itemId);
    } catch {
      /* not for this computer, not from the pinned client, or damaged: this hint says nothing */
    }
  }
  return soon;
}

export async function notificationForPush(
  payload: PushPayload | null,
  cachedTexts: unknown,
  { keys, now }: { keys: () => Promise<AdviserKeysForWorker | null>; now: Date },
): Promise<{ title: string; options: ReminderOptions; soonItemIds: string[] }> {
  const generic = { ...notificationFor(payload, cachedTexts), soonItemIds: [] };
  if (payload?.kind !== 'adviser-new-item' || !payload.hints?.length) return generic;
  try {
    const own = await keys();
    if (!own) return generic;
    const soon = await soonItems(payload, own, todayInLondon(now));
    if (soon.length > 0) return { ...adviserSoonNotification(), soonItemIds: soon };
  } catch {
    /* the generic words then */
  }
  return generic;
}
