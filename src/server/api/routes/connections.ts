// Connections: the claimant connects with an invite code; the adviser lists
// their clients; the claimant reads the adviser's current keys and can stop
// sharing, which deletes everything of the connection on the relay.
import { randomUUID } from 'node:crypto';
import type { AdviserKeys, ConnectionInfo, ConnectResponse } from '../../../shared/protocol/api-types';
import type { Connection, Store } from '../../store/store';
import { hashSecret, newToken, requireAdviser, requireClaimant } from '../auth';
import { readJsonBody } from '../body';
import { route } from '../context';
import { forbidden, gone, notFound } from '../errors';
import { parse, sendJson } from '../respond';
import { connectRequestSchema, idSchema, labelRequestSchema } from '../schemas';
import { newestFirst, publicAdviser } from '../views';
import { limitInviteIp, limitInvitePrefix } from './invites';

/** The adviser's own connection, or 404/403. */
export async function ownConnection(store: Store, adviserId: string, rawId: string | undefined): Promise<Connection> {
  const id = parse(idSchema, rawId);
  const connection = await store.getConnection(id);
  if (!connection) throw notFound('There is no such client connection.');
  if (connection.adviserId !== adviserId) throw forbidden('That client is not connected to you.');
  return connection;
}

const INVITE_USED = 'That invite code has been used or has expired. Ask your adviser for a new one.';

export const connectionRoutes = [
  route('POST', '/api/connections', async ({ req, res, ip }, deps) => {
    const { store, now } = deps;
    await limitInviteIp(deps, ip);
    const body = parse(connectRequestSchema, await readJsonBody(req));
    await limitInvitePrefix(deps, body.code);
    const codeHash = deps.codeHash(body.code);
    const at = now().toISOString();
    const invite = await store.findInvite(codeHash, at);
    if (!invite) throw notFound('That invite code was not found. Check it with your adviser.');
    if (invite.state !== 'open') throw gone(INVITE_USED);
    publicAdviser(invite.adviser);
    const claimantToken = newToken('c_');
    const result = await store.connect({
      codeHash,
      connectionId: randomUUID(),
      claimantPublicKey: body.claimantPublicKey,
      claimantTokenHash: hashSecret(claimantToken),
      now: at,
    });
    if (!result) throw gone(INVITE_USED);
    const response: ConnectResponse = { connectionId: result.connection.id, claimantToken, adviser: publicAdviser(result.adviser) };
    sendJson(res, 201, response);
  }),

  route('GET', '/api/adviser/connections', async ({ req, res }, deps) => {
    const { store } = deps;
    const owner = await requireAdviser(req, deps);
    const list = await store.listConnections(owner.adviserId);
    const response: ConnectionInfo[] = newestFirst(list).map((c) => ({
      id: c.id,
      label: c.label,
      sealedLabel: c.sealedLabel,
      createdAt: c.createdAt,
      stoppedAt: c.stoppedAt,
      lastItemAt: c.lastItemAt,
      unseen: c.unseen,
      claimantPublicKey: c.claimantPublicKey,
    }));
    sendJson(res, 200, response);
  }),

  route('PUT', '/api/adviser/connections/:id/label', async ({ req, res, params }, deps) => {
    const owner = await requireAdviser(req, deps);
    const connection = await ownConnection(deps.store, owner.adviserId, params.id);
    const body = parse(labelRequestSchema, await readJsonBody(req));
    if (connection.stoppedAt !== null || !(await deps.store.setSealedLabel(connection.id, body.sealedLabel))) {
      throw gone('This client has stopped sharing, so there is nothing to rename.');
    }
    sendJson(res, 204, undefined);
  }),

  route('GET', '/api/claimant/adviser', async ({ req, res }, deps) => {
    const { store } = deps;
    const owner = await requireClaimant(req, deps);
    const connection = await store.getConnection(owner.connectionId);
    if (!connection || connection.stoppedAt !== null) throw gone('Sharing has stopped for this connection.');
    const adviser = await store.getAdviser(connection.adviserId);
    if (!adviser || adviser.signingKey === null || adviser.devices.length === 0) throw gone('Your adviser is no longer on the relay.');
    const response: AdviserKeys = publicAdviser(adviser);
    sendJson(res, 200, response);
  }),

  route('DELETE', '/api/claimant/connection', async ({ req, res }, deps) => {
    const { store, now, events } = deps;
    const owner = await requireClaimant(req, deps);
    const connection = await store.getConnection(owner.connectionId);
    // Tell the adviser's devices first; stopConnection then deletes the claimant's subscribers and reminders.
    if (connection && connection.stoppedAt === null) await events.stopped(connection.adviserId);
    await store.stopConnection(owner.connectionId, now().toISOString());
    sendJson(res, 204, undefined);
  }),
];
