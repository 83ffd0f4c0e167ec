// The claimant's outbox. An item is locked (sealed by this phone's key to every
// checked key of the adviser's computers, bound to the connection, the
// direction and its id) and stored as 'waiting' before it is sent, so no
// signal never loses it. Just before locking, the adviser's keys are refreshed
// when there is a signal, so a computer they added since is included: each
// one only if the signing key pinned at connect signed it. A reply is shown
// only when one of those vouched computer keys sealed it for this connection.
// Each item keeps the id made on this device: sending it twice (say after a
// lost response) gives the same item on the relay, never a copy.
//
// This file puts an item in; its neighbours do the rest: outbox-flush.ts
// sends, outbox-status.ts reads what was seen and the replies,
// adviser-keys-refresh.ts fetches the adviser's keys, outbox-sync.ts sends
// again when the signal returns, stop-sharing.ts ends the connection, and
// outbox-events.ts holds the change event and the errors.
import { MAX_ENVELOPE_CHARS, type ItemHint } from '../../shared/protocol/api-types';
import { newId } from '../../shared/protocol/ids';
import { addOutboxItem, getConnection, getIdentity, type OutboxItem } from '../data/claimant-db';
import { sealPayload, type Payload } from './crypto';
import { sealHints, soonestInWords } from './deadline-hints';
import { refreshAdviserKeys } from './adviser-keys-refresh';
import { flushOutbox } from './outbox-flush';
import { changed, NotConnectedError, TooBigError } from './outbox-events';

const SUMMARY_LENGTH = 40;

/** What the list shows: the caller's words for a photo, or the start of the text. */
export function summarise(payload: Payload, photoLabel = 'Photo'): string {
  if (payload.kind === 'image') return photoLabel;
  const text = (payload.text ?? '').replace(/\s+/g, ' ').trim();
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH)}…` : text;
}

/** The steps before an item is safely stored, for a progress bar: a PDF or a photo can take a second or more on a cheap phone. */
export const QUEUE_STEPS = ['checking-keys', 'locking', 'storing'] as const;
export type QueueStep = (typeof QUEUE_STEPS)[number];

export interface QueueOptions {
  summary?: string;
  /** Stops it before it is stored: nothing is kept, and the caller still has what the person added. */
  signal?: AbortSignal;
  onStep?: (step: QueueStep) => void;
}

/**
 * Locks the payload for every checked computer of the adviser, stores it as
 * 'waiting', then tries to send. Resolves once it is safely stored, whether or not it went.
 * Throws TooBigError, keeping nothing, when the locked item is over the relay's limit,
 * and the signal's AbortError, keeping nothing, when stopped before it was stored.
 * Each computer also gets a sealed deadline hint: what the explainer finds
 * in the payload's words (null when nothing).
 */
export async function queueItem(payload: Payload, options: QueueOptions = {}): Promise<OutboxItem> {
  const { signal, onStep } = options;
  const step = (next: QueueStep) => {
    signal?.throwIfAborted();
    onStep?.(next);
    signal?.throwIfAborted();
  };
  step('checking-keys');
  const stored = await getConnection();
  const identity = await getIdentity();
  if (!stored || stored.stoppedAt || !identity) throw new NotConnectedError();
  const connection = await refreshAdviserKeys(stored);
  const recipients = connection.adviser.devices.map((device) => device.publicKey);
  if (recipients.length === 0) throw new NotConnectedError();
  step('locking');
  const id = newId();
  const { envelope, sha256 } = await sealPayload(recipients, payload, {
    sender: identity,
    binding: { connectionId: connection.connectionId, direction: 'to-adviser', itemId: id },
  });
  if (envelope.length > MAX_ENVELOPE_CHARS) throw new TooBigError(envelope.length);
  const hints = await itemHints(payload, recipients, { sender: identity, connectionId: connection.connectionId, itemId: id });
  // The last moment it can be stopped: once stored, it is in "What you sent" and goes when there is a signal.
  step('storing');
  const item: OutboxItem = {
    id,
    kind: payload.kind,
    summary: options.summary ?? summarise(payload),
    envelope,
    ...(hints ? { hints } : {}),
    sha256,
    size: envelope.length,
    createdAt: new Date().toISOString(),
    state: 'waiting',
  };
  await addOutboxItem(item);
  changed();
  void flushOutbox().catch(() => undefined);
  return item;
}

/** The item's deadline hints; none if they could not be sealed (the item still goes, with a generic push). */
async function itemHints(payload: Payload, recipients: string[], context: Parameters<typeof sealHints>[2]): Promise<ItemHint[] | undefined> {
  try {
    return await sealHints(await soonestInWords(payload.text ?? ''), recipients, context);
  } catch {
    return undefined;
  }
}
