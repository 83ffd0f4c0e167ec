// Sending what the outbox holds: every 'waiting' item goes to the relay,
// oldest first, one run at a time. Each keeps the id made on this device, so
// sending it twice (say after a lost response) gives the same item on the
// relay, never a copy. No signal, a full connection or a relay problem: the
// run stops and the rest waits for the next one.
import { relay } from './api-client';
import { relayProblem } from './relay-problem';
import { withoutEnvelope, getConnection, listWaiting, markConnectionStopped, updateOutboxItem } from '../data/claimant-db';
import { changed, isStopped } from './outbox-events';

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
