// Items from the claimant: sent with an id made on the phone (a resend is
// never a duplicate), listed for the adviser a page at a time without
// envelopes, fetched one at a time with the envelope, marked seen.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { ITEM_PAGE_DEFAULT, ITEM_PAGE_MAX, type ItemPage } from '../../../shared/protocol/api-types';
import type { AddItemCheck, Direction, ItemCursor, PushSubscriber } from '../../store/store';
import { claimantTokenHash, deviceActiveSince, requireAdviser, requireClaimant } from '../auth';
import type { ClaimantHint } from '../claimant-hints';
import { readJsonBody } from '../body';
import { route, type RelayDeps } from '../context';
import { badRequest, conflict, gone, notFound, QuotaError } from '../errors';
import { parse, sendJson } from '../respond';
import { envelopeBytes, envelopeSize, idSchema, sendItemRequestSchema } from '../schemas';
import type { LongBase64url } from '../long-base64url';
import { itemInfo, sendItemWithEnvelope } from '../views';
import { ownConnection } from './connections';

/**
 * Stores an item (or a reply) and answers 201, or 200 for a resend of the
 * same item; 409 when the id was used for something else, 409
 * connection_full when the sender's side of the connection is at its quota.
 * `onCreated` runs once, for a new item. With `check.claimantTokenHash` (a
 * credential the caller has not looked up itself), false and nothing sent
 * when the check fails in the store: the caller then checks the credential
 * in full.
 */
export async function storeItem(
  { store, now, limitFlood, limits, quota }: RelayDeps,
  res: ServerResponse,
  connectionId: string,
  direction: Direction,
  body: { id: string; envelope: string | LongBase64url },
  onCreated: (result: { subscribers?: PushSubscriber[] | undefined }) => Promise<void>,
  check?: AddItemCheck,
): Promise<boolean> {
  await limitFlood(`send:${connectionId}`, limits.sendsPerConnection);
  const result = await store.addItem(
    {
      id: body.id,
      connectionId,
      direction,
      envelope: envelopeBytes(body.envelope),
      size: envelopeSize(body.envelope),
      createdAt: now().toISOString(),
    },
    quota,
    check,
  );
  if (check?.claimantTokenHash !== undefined && 'stopped' in result) return false;
  // Stop sharing won the race (it checked before this send's own check): gone, never a 500.
  if ('stopped' in result) throw gone('Sharing has stopped for this connection.');
  if ('full' in result) throw new QuotaError({ limit: result.full, maxItems: quota.maxItems, maxBytes: quota.maxBytes });
  if ('conflict' in result || result.item.connectionId !== connectionId || result.item.direction !== direction) {
    throw conflict('A different message was already sent with this id.');
  }
  if (result.created) await onCreated(result);
  sendJson(res, result.created ? 201 : 200, itemInfo(result.item));
  return true;
}

/** A page's cursor: the last item's time and id, as base64url (opaque to clients). */
export function encodeCursor(item: ItemCursor): string {
  return Buffer.from(`${item.createdAt}|${item.id}`, 'utf8').toString('base64url');
}

const BAD_PAGE = 'The page asked for is not valid. Load the list again from the start.';

export function decodeCursor(text: string): ItemCursor {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) throw badRequest(BAD_PAGE);
  const [createdAt, id, extra] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (extra !== undefined || !createdAt || !id || !idSchema.safeParse(id).success || Number.isNaN(Date.parse(createdAt))) throw badRequest(BAD_PAGE);
  return { createdAt: new Date(createdAt).toISOString(), id: id.toLowerCase() };
}

/** ?limit (1 to ITEM_PAGE_MAX) and ?before (a cursor) of a list request. */
export function readPage(req: IncomingMessage): { limit: number; before: ItemCursor | undefined } {
  const query = new URL(req.url ?? '/', 'http://relay').searchParams;
  const rawLimit = query.get('limit');
  let limit = ITEM_PAGE_DEFAULT;
  if (rawLimit !== null) {
    limit = Number(rawLimit);
    if (!/^\d{1,4}$/.test(rawLimit) || limit < 1 || limit > ITEM_PAGE_MAX) throw badRequest(`limit must be a whole number from 1 to ${ITEM_PAGE_MAX}.`);
  }
  const before = query.get('before');
  return { limit, before: before === null ? undefined : decodeCursor(before) };
}

export const itemRoutes = [
  route('POST', '/api/items', async ({ req, res }, deps) => {
    const { events, claimantHints } = deps;
    // Each computer's push carries the phone's hint for that computer's key, and no other (push-hooks.ts).
    const send = (owner: ClaimantHint, body: z.output<typeof sendItemRequestSchema>, check?: AddItemCheck) =>
      storeItem(
        deps,
        res,
        owner.connectionId,
        'to-adviser',
        body,
        ({ subscribers }) => events.newItem(owner.adviserId, { connectionId: owner.connectionId, itemId: body.id, hints: body.hints }, subscribers),
        // The adviser's push subscribers come back with a new item, from the same statement.
        { ...check, adviserSubscribersSince: deviceActiveSince(deps) },
      );
    const tokenHash = claimantTokenHash(req);
    const hint = tokenHash === null ? undefined : claimantHints.get(tokenHash);
    if (tokenHash !== null && hint) {
      // A credential seen before: its connection is taken from the hint and
      // checked by addItem in the same statement as the insert (one round
      // trip less). Its body is read before that check; only a credential
      // that once worked gets here.
      const body = parse(sendItemRequestSchema, await readJsonBody(req, { keepLongText: true }));
      if (await send(hint, body, { claimantTokenHash: tokenHash })) return;
      // Sharing stopped (or the connection went): the full check answers as it always did.
      claimantHints.delete(tokenHash);
      const owner = await requireClaimant(req, deps);
      await send(owner, body);
      return;
    }
    // The credential is found only while sharing goes on, with its adviser; addItem checks again, atomically.
    const owner = await requireClaimant(req, deps);
    const body = parse(sendItemRequestSchema, await readJsonBody(req, { keepLongText: true }));
    if (tokenHash !== null) claimantHints.set(tokenHash, owner);
    await send(owner, body);
  }),

  route('GET', '/api/adviser/connections/:id/items', async ({ req, res, params }, deps) => {
    const { store } = deps;
    const owner = await requireAdviser(req, deps);
    const connection = await ownConnection(store, owner.adviserId, params.id);
    const page = readPage(req);
    // One more than asked tells whether there is a next page.
    const items = await store.listItems(connection.id, 'to-adviser', { limit: page.limit + 1, before: page.before });
    const shown = items.slice(0, page.limit);
    const last = shown[shown.length - 1];
    const response: ItemPage = { items: shown.map(itemInfo), next: items.length > page.limit && last ? encodeCursor(last) : null };
    sendJson(res, 200, response);
  }),

  route('GET', '/api/adviser/items/:id', async ({ req, res, params }, deps) => {
    const { store } = deps;
    const owner = await requireAdviser(req, deps);
    const id = parse(idSchema, params.id);
    const meta = await store.getItem(id);
    if (!meta || meta.direction !== 'to-adviser') throw notFound('There is no such message.');
    await ownConnection(store, owner.adviserId, meta.connectionId);
    const item = await store.getEnvelopePieces(meta);
    if (!item) throw notFound('There is no such message.');
    sendItemWithEnvelope(res, item);
  }),

  route('POST', '/api/adviser/items/:id/seen', async ({ req, res, params }, deps) => {
    const { store, now } = deps;
    const owner = await requireAdviser(req, deps);
    const id = parse(idSchema, params.id);
    const item = await store.getItem(id);
    if (!item || item.direction !== 'to-adviser') throw notFound('There is no such message.');
    await ownConnection(store, owner.adviserId, item.connectionId);
    const seen = item.seenAt === null ? await store.markSeen(id, now().toISOString()) : item;
    if (!seen) throw notFound('There is no such message.');
    sendJson(res, 200, itemInfo(seen));
  }),
];
