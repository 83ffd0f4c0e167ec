// Hands every item of every client still sharing to the desk, so the board
// covers them all (items read before are shown from this computer's store).
// A client's items are fetched again only when they have sent something
// since this screen last looked (`lookedAt`, one per open screen): the relay
// is not asked for every client every 30 seconds. Each item keeps the
// client's label as this computer reads it (the relay holds sealed labels).
import type { ConnectionInfo } from '../../../shared/protocol/api-types';
import type { Identity } from '../../data/adviser-db';
import { relay } from '../../services/api-client';
import { ownComputerKeys, readLabel } from '../../services/client-label';
import { checkClaimantKey, type PinStore } from '../../services/claimant-pin';
import type { Desk } from './use-desk';

export type LookedAt = Map<string, string | null>;

export async function scanAllClients(identity: Identity, desk: Desk, pins: PinStore, lookedAt: LookedAt, known?: readonly ConnectionInfo[]): Promise<void> {
  const connections = known ?? (await relay.connections(identity.deviceToken));
  // The adviser's own computers (the only senders of a sealed label): asked for once a scan, only when needed.
  let senders: Promise<string[]> | undefined;
  const labelOf = async (connection: ConnectionInfo): Promise<string> => {
    if (connection.sealedLabel) senders ??= ownComputerKeys(identity).catch(() => [identity.publicKey]);
    return (await readLabel(identity, (await senders) ?? [], connection)) ?? '';
  };
  for (const connection of connections) {
    if (connection.stoppedAt || lookedAt.get(connection.id) === (connection.lastItemAt ?? null)) continue;
    // Only items sealed by the client's pinned key are read (the client screen says why others are not).
    const check = await checkClaimantKey(connection, pins);
    if (check.state === 'none') continue;
    // The newest page: older items were looked at on earlier scans.
    const { items } = await relay.items(identity.deviceToken, connection.id);
    const label = await labelOf(connection);
    desk.add(items.map((item) => ({ item, claimantKey: check.key, connectionId: connection.id, label })));
    lookedAt.set(connection.id, connection.lastItemAt ?? null);
  }
}
