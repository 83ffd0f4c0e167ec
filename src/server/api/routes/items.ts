// Items from the claimant: sent with an id made on the phone (a resend is
// never a duplicate), listed for the adviser, marked seen by the adviser.
import type { ServerResponse } from 'node:http';
import type { ItemWithEnvelope } from '../../../shared/protocol/api-types';
import type { Direction } from '../../store/store';
import { requireAdviser, requireClaimant } from '../auth';
import { readJsonBody } from '../body';
import { route, type RelayDeps } from '../context';
import { conflict, gone, notFound } from '../errors';
import { parse, sendJson } from '../respond';
import { envelopeSize, idSchema, sendItemRequestSchema } from '../schemas';
import { itemInfo, itemWithEnvelope, newestFirst } from '../views';
import { ownConnection } from './connections';

/**
 * Stores an item (or a reply) and answers 201, or 200 for a resend of the
 * same item; 409 when the id was used for something else. `onCreated` runs
 * once, for a new item.
 */
export async function storeItem(
  { store, now, limit, limits }: RelayDeps,
  res: ServerResponse,
  connectionId: string,
  direction: Direction,
  body: { id: string; envelope: string },
  onCreated: () => Promise<void>,
): Promise<void> {
  await limit(`send:${connectionId}`, limits.sendsPerConnection);
  const result = await store.addItem({
    id: body.id,
    connectionId,
    direction,
    envelope: body.envelope,
    size: envelopeSize(body.envelope),
    createdAt: now().toISOString(),
  });
  // Stop sharing won the race (it checked before this send's own check): gone, never a 500.
  if ('stopped' in result) throw gone('Sharing has stopped for this connection.');
  if ('conflict' in result || result.item.connectionId !== connectionId || result.item.direction !== direction) {
    throw conflict('A different message was already sent with this id.');
  }
  if (result.created) await onCreated();
  sendJson(res, result.created ? 201 : 200, itemInfo(result.item));
}

export const itemRoutes = [
  route('POST', '/api/items', async ({ req, res }, deps) => {
    const { store, events } = deps;
    // The credential is found only while sharing goes on, with its adviser; addItem checks again, atomically.
    const owner = await requireClaimant(req, store);
    const body = parse(sendItemRequestSchema, await readJsonBody(req));
    await storeItem(deps, res, owner.connectionId, 'to-adviser', body, () => events.newItem(owner.adviserId));
  }),

  route('GET', '/api/adviser/connections/:id/items', async ({ req, res, params }, { store }) => {
    const owner = await requireAdviser(req, store);
    const connection = await ownConnection(store, owner.adviserId, params.id);
    const items = await store.listItems(connection.id, 'to-adviser');
    const response: ItemWithEnvelope[] = newestFirst(items).map(itemWithEnvelope);
    sendJson(res, 200, response);
  }),

  route('POST', '/api/adviser/items/:id/seen', async ({ req, res, params }, { store, now }) => {
    const owner = await requireAdviser(req, store);
    const id = parse(idSchema, params.id);
    const item = await store.getItem(id);
    if (!item || item.direction !== 'to-adviser') throw notFound('There is no such message.');
    await ownConnection(store, owner.adviserId, item.connectionId);
    const seen = item.seenAt === null ? await store.markSeen(id, now().toISOString()) : item;
    if (!seen) throw notFound('There is no such message.');
    sendJson(res, 200, itemInfo(seen));
  }),
];
