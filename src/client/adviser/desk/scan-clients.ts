// Hands every item of every client still sharing to the desk, so the board
// covers them all (items read before are shown from this computer's store).
import type { Identity } from '../../data/adviser-db';
import { relay } from '../../services/api-client';
import type { Desk } from './use-desk';

export async function scanAllClients(identity: Identity, desk: Desk): Promise<void> {
  const connections = await relay.connections(identity.deviceToken);
  for (const connection of connections) {
    if (connection.stoppedAt) continue;
    const items = await relay.items(identity.deviceToken, connection.id);
    desk.add(items.map((item) => ({ item, connectionId: connection.id, label: connection.label })));
  }
}
