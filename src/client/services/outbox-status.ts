// What the adviser has done with the claimant's items, and their replies:
// asks the relay which items were seen and fetches each new reply once. A
// reply is shown only when one of the adviser's vouched computer keys sealed
// it for this connection; otherwise it is kept as refused.
import { relay } from './api-client';
import { relayProblem } from './relay-problem';
import { getConnection, getIdentity, hasReply, markConnectionStopped, saveReply, updateOutboxItem, type Connection } from '../data/claimant-db';
import { EnvelopeRefused, openEnvelope, type Payload } from './crypto';
import { refreshAdviserKeys } from './adviser-keys-refresh';
import { changed, isStopped } from './outbox-events';

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
