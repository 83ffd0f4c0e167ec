// Hands every item of every client still sharing to the desk, so the board
// covers them all (items read before are shown from this computer's store).
// A client's items are fetched again only when they have sent something
// since this screen last looked (`lookedAt`, one per open screen): the relay
// is not asked for every client every 30 seconds.
import type { ConnectionInfo } from '../../../shared/protocol/api-types';
import type { Identity } from '../../data/adviser-db';
import { relay } from '../../services/api-client';
import { checkClaimantKey, type PinStore } from '../../services/claimant-pin';
import type { Desk } from './use-desk';

export type LookedAt = Map<string, string | null>;

export async function scanAllClients(identity: Identity, desk: Desk, pins: PinStore, lookedAt: LookedAt, known?: readonly ConnectionInfo[]): Promise<void> {
  const connections = known ?? (await relay.connections(identity.deviceToken));
  for (const connection of connections) {
    if (connection.stoppedAt || lookedAt.get(connection.id) === (connection.lastItemAt ?? null)) continue;
    // Only items sealed by the client's pinned key are read (the client screen says why others are not).
    const check = await checkClaimantKey(connection, pins);
    if (check.state === 'none') continue;
    // The newest page: older items were looked at on earlier scans.
    const { items } = await relay.items(identity.deviceToken, connection.id);
    desk.add(items.map((item) => ({ item, claimantKey: check.key, connectionId: connection.id, label: connection.label })));
    lookedAt.set(connection.id, connection.lastItemAt ?? null);
  }
}
