// Replies from the adviser, and the claimant's view of the connection: what
// they sent (seen or not) and the replies, which count as seen once fetched.
import type { ClaimantStatus } from '../../../shared/protocol/api-types';
import type { Item } from '../../store/store';
import { requireAdviser, requireClaimant } from '../auth';
import { readJsonBody } from '../body';
import { route } from '../context';
import { gone } from '../errors';
import { parse, sendJson } from '../respond';
import { replyRequestSchema } from '../schemas';
import { itemInfo, itemWithEnvelope, newestFirst } from '../views';
import { ownConnection } from './connections';
import { storeItem } from './items';

export const replyRoutes = [
  route('POST', '/api/adviser/connections/:id/replies', async ({ req, res, params }, deps) => {
    const { store, events } = deps;
    const owner = await requireAdviser(req, store);
    const connection = await ownConnection(store, owner.adviserId, params.id);
    const body = parse(replyRequestSchema, await readJsonBody(req));
    if (connection.stoppedAt !== null) throw gone('This client has stopped sharing, so replies cannot be sent.');
    await storeItem(deps, res, connection.id, 'to-claimant', body, () => events.reply(connection.id));
  }),

  route('GET', '/api/claimant/status', async ({ req, res }, { store, now }) => {
    const owner = await requireClaimant(req, store);
    const connection = await store.getConnection(owner.connectionId);
    const adviser = connection ? await store.getAdviser(connection.adviserId) : null;
    if (!connection || !adviser) throw gone('Your adviser is no longer on the relay.');
    const sent = await store.listItems(connection.id, 'to-adviser');
    const replies = await store.listItems(connection.id, 'to-claimant');
    const at = now().toISOString();
    const fetched: Item[] = [];
    for (const reply of replies) {
      fetched.push(reply.seenAt === null ? ((await store.markSeen(reply.id, at)) ?? reply) : reply);
    }
    const response: ClaimantStatus = {
      stopped: connection.stoppedAt !== null,
      sent: newestFirst(sent).map(itemInfo),
      replies: newestFirst(fetched).map(itemWithEnvelope),
    };
    sendJson(res, 200, response);
  }),
];
