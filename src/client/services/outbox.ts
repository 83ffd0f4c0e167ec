// The claimant's outbox. An item is locked (sealed by this phone's key to every
// checked key of the adviser's computers, bound to the connection, the
// direction and its id) and stored as 'waiting' before it is sent, so no
// signal never loses it. Just before locking, the adviser's keys are refreshed
// when there is a signal, so a computer they added since is included: each
// one only if the signing key pinned at connect signed it. A reply is shown
// only when one of those vouched computer keys sealed it for this connection.
// Each item keeps the id made on this device: sending it twice (say after a
// lost response) gives the same item on the relay, never a copy.
import { MAX_ENVELOPE_CHARS, type ItemHint } from '../../shared/protocol/api-types';
import { newId } from '../../shared/protocol/ids';
import { checkAdviserKeys } from './adviser-keys';
import { ApiFailure, relay } from './api-client';
import { isGoneFromRelay, relayProblem } from './relay-problem';
import {
  withoutEnvelope,
  addOutboxItem,
  clearAll,
  getConnection,
  getIdentity,
  hasReply,
  listWaiting,
  markConnectionStopped,
  saveConnection,
  saveReply,
  updateOutboxItem,
  type Connection,
  type OutboxItem,
} from '../data/claimant-db';
import { EnvelopeRefused, openEnvelope, sealPayload, type Payload } from './crypto';
import { sealHints, soonestInWords } from './deadline-hints';

/** Fired with 'change' whenever the outbox, replies or connection change. */
export const forwardEvents = new EventTarget();

function changed(): void {
  forwardEvents.dispatchEvent(new Event('change'));
}

export class NotConnectedError extends Error {
  constructor() {
    super('Not connected to an adviser.');
    this.name = 'NotConnectedError';
  }
}

/** Locked, the item is bigger than the relay takes: it is not kept (it could never be sent, and would hold up the rest). */
export class TooBigError extends Error {
  constructor(readonly size: number) {
    super('Too big to send.');
    this.name = 'TooBigError';
  }
}

const SUMMARY_LENGTH = 40;

/** What the list shows: the caller's words for a photo, or the start of the text. */
export function summarise(payload: Payload, photoLabel = 'Photo'): string {
  if (payload.kind === 'image') return photoLabel;
  const text = (payload.text ?? '').replace(/\s+/g, ' ').trim();
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH)}…` : text;
}

/** True when the relay says this connection no longer exists. */
function isStopped(error: unknown): boolean {
  return isGoneFromRelay(relayProblem(error));
}

/** How long to wait for the adviser's keys before locking with the stored ones. */
export const KEY_REFRESH_TIMEOUT_MS = 5000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ApiFailure(0, 'offline', 'Timed out.')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Asks the relay for the adviser's current computers and keeps those signed
 * by the pinned signing key. A different signing key, or no verified device,
 * is ignored: the stored keys stay. No signal: the stored keys stay.
 * Returns the connection to use; throws NotConnectedError if the relay says it has stopped.
 */
export async function refreshAdviserKeys(connection: Connection): Promise<Connection> {
  if (!connection.adviser.signingKey) return connection; // made before signing keys: stays pinned
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return connection;
  let fresh;
  try {
    fresh = await withTimeout(relay.adviserKeys(connection.claimantToken), KEY_REFRESH_TIMEOUT_MS);
  } catch (error) {
    if (isStopped(error)) {
      await markConnectionStopped(new Date().toISOString());
      changed();
      throw new NotConnectedError();
    }
    return connection; // no signal or a relay problem: lock with what we have
  }
  if (!fresh || fresh.signingKey !== connection.adviser.signingKey) {
    console.warn('The relay gave a different signing key for this adviser; it was ignored.');
    return connection;
  }
  // Checked against the PINNED signing key, never the one in the relay's answer.
  const { adviser } = await checkAdviserKeys(fresh, connection.adviser.signingKey);
  if (adviser.devices.length === 0) return connection;
  const same =
    adviser.devices.length === connection.adviser.devices.length && adviser.devices.every((d, i) => d.publicKey === connection.adviser.devices[i]?.publicKey);
  if (same) return connection;
  // Name and organisation stay as the person agreed to; only the keys change.
  const updated: Connection = { ...connection, adviser: { ...connection.adviser, devices: adviser.devices } };
  const current = await getConnection();
  if (!current || current.connectionId !== connection.connectionId || current.stoppedAt) return connection;
  await saveConnection({ ...current, adviser: updated.adviser });
  return updated;
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

export interface FlushResult {
  sent: number;
  /** Still waiting (no signal, or the relay had a problem). */
  waiting: number;
  offline: boolean;
  /** The connection was stopped: nothing more can be sent. */
  stopped: boolean;
  /** The relay keeps as much from this phone as it allows: the rest waits until the adviser's side has been cleared. */
  full: boolean;
}

let relayFull = false;

/** True after a send was refused because the connection is full, until a send goes through. */
export function isRelayFull(): boolean {
  return relayFull;
}

function setRelayFull(full: boolean): void {
  if (relayFull === full) return;
  relayFull = full;
  changed();
}

let flushing: Promise<FlushResult> | null = null;

/** Sends every waiting item, oldest first. One run at a time. */
export function flushOutbox(): Promise<FlushResult> {
  flushing ??= runFlush().finally(() => {
    flushing = null;
  });
  return flushing;
}

async function runFlush(): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, waiting: 0, offline: false, stopped: false, full: false };
  const connection = await getConnection();
  const waiting = await listWaiting();
  if (!connection || connection.stoppedAt) {
    result.waiting = waiting.length;
    result.stopped = Boolean(connection?.stoppedAt);
    return result;
  }
  for (const [index, item] of waiting.entries()) {
    if (item.envelope === undefined) continue;
    try {
      const info = await relay.send(connection.claimantToken, { id: item.id, envelope: item.envelope, ...(item.hints ? { hints: item.hints } : {}) });
      // The relay has it: the locked copy (up to 2 MB) is not needed again. The receipt keeps its hash and size.
      await updateOutboxItem(item.id, (current) => (current.state === 'waiting' ? { ...withoutEnvelope(current), state: 'sent', sentAt: info.createdAt } : current));
      result.sent++;
      setRelayFull(false);
      changed();
    } catch (error) {
      result.waiting = waiting.length - index;
      if (isStopped(error)) {
        result.stopped = true;
        await markConnectionStopped(new Date().toISOString());
        changed();
      } else if (relayProblem(error).kind === 'offline') {
        result.offline = true;
      } else if (relayProblem(error).kind === 'full') {
        result.full = true;
        setRelayFull(true);
      }
      // Offline or a relay problem: stop here, keep the rest waiting for next time.
      return result;
    }
  }
  return result;
}

export interface StatusResult {
  offline: boolean;
  stopped: boolean;
  newReplies: number;
  newlySeen: number;
}

/** Asks the relay what the adviser has seen, and collects new replies. */
export async function refreshStatus(): Promise<StatusResult> {
  const result: StatusResult = { offline: false, stopped: false, newReplies: 0, newlySeen: 0 };
  const connection = await getConnection();
  if (!connection) return result;
  if (connection.stoppedAt) return { ...result, stopped: true };
  let status;
  try {
    status = await relay.status(connection.claimantToken);
  } catch (error) {
    if (isStopped(error)) {
      await markConnectionStopped(new Date().toISOString());
      changed();
      return { ...result, stopped: true };
    }
    if (relayProblem(error).kind === 'offline') return { ...result, offline: true };
    throw error;
  }

  for (const info of status.sent) {
    const updated = await updateOutboxItem(info.id, (item) => {
      if (info.seenAt && item.state !== 'seen') {
        result.newlySeen++;
        return { ...item, state: 'seen', sentAt: item.sentAt ?? info.createdAt, seenAt: info.seenAt };
      }
      // The relay has it, but the answer to our send was lost on the way back.
      if (item.state === 'waiting') return { ...item, state: 'sent', sentAt: info.createdAt };
      return item;
    });
    if (updated) changed();
  }

  const identity = await getIdentity();
  if (identity) {
    let senders = connection;
    for (const reply of status.replies) {
      if (await hasReply(reply.id)) continue;
      // Status lists no envelopes: each new reply is fetched once (which marks it seen).
      let envelope: string;
      try {
        ({ envelope } = await relay.fetchReply(connection.claimantToken, reply.id));
      } catch (error) {
        if (relayProblem(error).kind === 'offline') break;
        continue; // gone meanwhile, or a relay problem: the next poll tries again
      }
      const fetched = { id: reply.id, envelope };
      let opened = await openReply(identity, senders, fetched);
      // Perhaps from a computer the adviser added since: refresh the keys (checked against the pinned signing key) once, and try again.
      if (opened === 'unknown-sender' && senders === connection) {
        senders = await refreshAdviserKeys(connection).catch(() => connection);
        if (senders !== connection) opened = await openReply(identity, senders, fetched);
      }
      if (typeof opened === 'string') {
        // Not from a computer the adviser vouched for, or not for this connection: never shown as theirs.
        await saveReply({ id: reply.id, text: '', receivedAt: reply.createdAt, refused: true });
      } else {
        await saveReply({ id: reply.id, text: opened.text ?? '', receivedAt: reply.createdAt });
      }
      result.newReplies++;
    }
    if (result.newReplies > 0) changed();
  }

  if (status.stopped) {
    await markConnectionStopped(new Date().toISOString());
    result.stopped = true;
    changed();
  }
  return result;
}

/**
 * A reply, opened only when one of the adviser's vouched computer keys sealed
 * it, for this connection, towards this phone, under its own id. Otherwise why not.
 */
async function openReply(
  identity: { publicKey: string; privateKey: CryptoKey },
  connection: Connection,
  reply: { id: string; envelope: string },
): Promise<Payload | 'unknown-sender' | 'refused'> {
  try {
    return await openEnvelope(identity, reply.envelope, {
      senders: connection.adviser.devices.map((device) => device.publicKey),
      binding: { connectionId: connection.connectionId, direction: 'to-claimant', itemId: reply.id },
    });
  } catch (error) {
    return error instanceof EnvelopeRefused && error.reason === 'unknown-sender' ? 'unknown-sender' : 'refused';
  }
}

/**
 * Stop sharing: the relay deletes everything it holds, then this device
 * forgets the keys and replies (receipts stay). Needs a signal, so the relay
 * is told first; throws (relayProblem: `offline`) when there is none.
 */
export async function stopSharing(): Promise<void> {
  const connection = await getConnection();
  if (connection && !connection.stoppedAt) {
    try {
      await relay.stopSharing(connection.claimantToken);
    } catch (error) {
      // Already gone on the relay: nothing left there to delete.
      if (!isStopped(error)) throw error;
    }
  }
  await clearAll();
  changed();
}

let syncing = false;

function onOnline(): void {
  void flushOutbox()
    .then(() => refreshStatus())
    .catch(() => undefined);
}

/**
 * Sends anything waiting now, and again whenever the signal comes back.
 * Safe to call from every screen: the listener is only added once.
 */
export function startOutboxSync(): void {
  if (!syncing && typeof addEventListener === 'function') {
    syncing = true;
    addEventListener('online', onOnline);
  }
  void flushOutbox().catch(() => undefined);
}

/** For tests. */
export function stopOutboxSync(): void {
  if (syncing) removeEventListener('online', onOnline);
  syncing = false;
}
