// Stop sharing, from the claimant's side: the relay deletes what it holds for
// the connection first, then this device forgets it.
import { relay } from './api-client';
import { clearAll, getConnection } from '../data/claimant-db';
import { changed, isStopped } from './outbox-events';

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
