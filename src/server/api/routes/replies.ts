// Replies from the adviser, and the claimant's view of the connection: what
// they sent (seen or not) and the replies, which count as seen once fetched.
import type { ClaimantStatus } from '../../../shared/protocol/api-types';
import { requireAdviser, requireClaimant } from '../auth';
import { readJsonBody } from '../body';
import { route } from '../context';
import { gone, notFound } from '../errors';
import { parse, sendJson } from '../respond';
import { idSchema, replyRequestSchema } from '../schemas';
import { itemInfo, newestFirst, sendItemWithEnvelope } from '../views';
import { ownConnection } from './connections';
import { storeItem } from './items';

export const replyRoutes = [
  route('POST', '/api/adviser/connections/:id/replies', async ({ req, res, params }, deps) => {
    const { store, events } = deps;
    const owner = await requireAdviser(req, deps);
    const connection = await ownConnection(store, owner.adviserId, params.id);
    const body = parse(replyRequestSchema, await readJsonBody(req, { keepLongText: true }));
    if (connection.stoppedAt !== null) throw gone('This client has stopped sharing, so replies cannot be sent.');
    await storeItem(deps, res, connection.id, 'to-claimant', body, () => events.reply(connection.id));
  }),

  route('GET', '/api/claimant/status', async ({ req, res }, deps) => {
    const { store } = deps;
    const owner = await requireClaimant(req, deps);
    const connection = await store.getConnection(owner.connectionId);
    const adviser = connection ? await store.getAdviser(connection.adviserId) : null;
    if (!connection || !adviser) throw gone('Your adviser is no longer on the relay.');
    // No envelopes here (a poll every 30 s): the phone fetches each new reply once.
    const sent = await store.listItems(connection.id, 'to-adviser');
    const replies = await store.listItems(connection.id, 'to-claimant');
    const response: ClaimantStatus = {
      stopped: connection.stoppedAt !== null,
      sent: newestFirst(sent).map(itemInfo),
      replies: newestFirst(replies).map(itemInfo),
    };
    sendJson(res, 200, response);
  }),

  route('GET', '/api/claimant/replies/:id', async ({ req, res, params }, deps) => {
    const { store, now } = deps;
    const owner = await requireClaimant(req, deps);
    const id = parse(idSchema, params.id);
    const meta = await store.getItem(id);
    // Another connection's reply is "not found", never "forbidden".
    if (!meta || meta.direction !== 'to-claimant' || meta.connectionId !== owner.connectionId) throw notFound('There is no such reply.');
    const item = await store.getEnvelopePieces(meta);
    if (!item) throw notFound('There is no such reply.');
    // Fetched is seen: the adviser's screen shows it as read.
    const seenAt = item.seenAt ?? (await store.markSeen(id, now().toISOString()))?.seenAt ?? null;
    sendItemWithEnvelope(res, { ...item, seenAt });
  }),
];
