// The relay API: every route in src/shared/protocol/api-types.ts, on top of the Store.
// One request: rate limit → route → authenticate → validate → store → JSON.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  AdviserInfo,
  AdviserKeys,
  ClaimantStatus,
  ConnectionInfo,
  ConnectResponse,
  DeviceClaimed,
  DeviceCodeResponse,
  DeviceRequestResponse,
  EnrolResponse,
  InviteInfo,
  InviteResponse,
  ItemInfo,
  ItemWithEnvelope,
  PendingDevice,
} from '../../shared/protocol/api-types';
import type { Config } from '../config';
import type { Adviser, Direction, Item, Store } from '../store/store';
import { hashSecret, newToken, requireAdviser, requireClaimant } from './auth';
import { readJsonBody, wasAbandoned } from './body';
import { ApiError, badRequest, conflict, forbidden, gone, notFound, toApiError, tooManyRequests } from './errors';
import { DEVICE_CODE_TTL_MS, DEVICE_STEP_TTL_MS, formatInviteCode, INVITE_TTL_MS, newInviteCode } from './invite-code';
import { DEFAULT_RATE_LIMITS, RateLimiter, type Rate, type RateLimits } from './rate-limit';
import { addPushRoutes, pushHooks, type PushOptions } from './push-routes';
import { parse, sendJson } from './respond';
import { Router } from './routes';
import {
  connectRequestSchema,
  deviceApprovalSchema,
  deviceClaimSchema,
  deviceRequestSchema,
  enrolRequestSchema,
  envelopeSize,
  idSchema,
  inviteCodeSchema,
  inviteRequestSchema,
  replyRequestSchema,
  sendItemRequestSchema,
} from './schemas';
import { verifyDeviceKey } from './signatures';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  msg: string;
  method?: string;
  route?: string;
  status?: number;
  ms?: number;
  error?: string;
}

export interface ApiOptions {
  store: Store;
  config: Pick<Config, 'publicOrigin'>;
  now?: () => Date;
  rateLimits?: Partial<RateLimits>;
  /** One structured line per request; no ids, tokens, IPs or bodies ever reach it. */
  log?: (entry: LogEntry) => void;
  /** Push reminders (VAPID public key and test switches); without it the push routes answer 404. */
  push?: PushOptions;
}

export type ApiHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  ip: string;
}

export const defaultLog = (entry: LogEntry): void => {
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.level === 'error') console.error(line);
  else console.log(line);
};

function itemInfo(item: Item): ItemInfo {
  return { id: item.id, createdAt: item.createdAt, seenAt: item.seenAt, size: item.size };
}

function itemWithEnvelope(item: Item): ItemWithEnvelope {
  return { ...itemInfo(item), envelope: item.envelope };
}

function newestFirst<T extends { createdAt: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** The adviser's keys as a claimant sees them: the signing key and every signed device key. */
function publicAdviser(adviser: Adviser): AdviserKeys {
  if (adviser.signingKey === null || adviser.devices.length === 0) throw notFound('That adviser has not finished setting up.');
  return {
    name: adviser.name,
    org: adviser.org,
    signingKey: adviser.signingKey,
    devices: adviser.devices.map((d) => ({ publicKey: d.publicKey, signature: d.signature })),
  };
}

const BAD_SIGNATURE = 'The computer key is not signed by your signing key. Start again on this computer.';

export function createApiHandler(options: ApiOptions): ApiHandler {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const limits: RateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const log = options.log ?? defaultLog;
  const limiter = new RateLimiter(() => now().getTime());
  const hooks = pushHooks({ store, now, wake: options.push?.wake });
  /** Push hooks never fail the request: the item or stop has already happened. */
  const hook = async (name: string, run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      log({ level: 'error', msg: `push hook ${name} failed`, error: error instanceof Error ? error.name : typeof error });
    }
  };

  const limit = (key: string, rate: Rate) => {
    const wait = limiter.take(key, rate);
    if (wait > 0) throw tooManyRequests(wait);
  };
  /** All clients together, per code prefix: slows a guessing attack spread over many IPs. */
  const limitPrefix = (code: string) => limit(`invite-prefix:${code.slice(0, 3)}`, limits.invitePerPrefix);
  /** Device codes and claims: the same rates as invites, in buckets of their own. */
  const limitDeviceIp = (ip: string) => limit(`device-ip:${ip}`, limits.invitePerIp);
  const limitDevicePrefix = (code: string) => limit(`device-prefix:${code.slice(0, 3)}`, limits.invitePerPrefix);

  /** The adviser's own connection, or 404/403. */
  async function ownConnection(adviserId: string, rawId: string) {
    const id = parse(idSchema, rawId);
    const connection = await store.getConnection(id);
    if (!connection) throw notFound('There is no such client connection.');
    if (connection.adviserId !== adviserId) throw forbidden('That client is not connected to you.');
    return connection;
  }

  async function addItem(connectionId: string, direction: Direction, body: { id: string; envelope: string }, res: ServerResponse, onCreated: () => Promise<void>) {
    limit(`send:${connectionId}`, limits.sendsPerConnection);
    const result = await store.addItem({
      id: body.id,
      connectionId,
      direction,
      envelope: body.envelope,
      size: envelopeSize(body.envelope),
      createdAt: now().toISOString(),
    });
    if ('conflict' in result || result.item.connectionId !== connectionId || result.item.direction !== direction) {
      throw conflict('A different message was already sent with this id.');
    }
    if (result.created) await onCreated();
    sendJson(res, result.created ? 201 : 200, itemInfo(result.item));
  }

  const router = new Router<Ctx>()
    .add('POST', '/api/adviser/enrol', async ({ req, res, ip }) => {
      limit(`enrol-ip:${ip}`, limits.enrolPerIp);
      const body = parse(enrolRequestSchema, await readJsonBody(req));
      // Checked before the token is used, so a bad signature does not spend it.
      if (!(await verifyDeviceKey(body.signingKey, body.device.publicKey, body.device.signature))) throw badRequest(BAD_SIGNATURE);
      const deviceToken = newToken('a_');
      const adviser = await store.enrolAdviser({
        enrolTokenHash: hashSecret(body.token),
        signingKey: body.signingKey,
        device: { publicKey: body.device.publicKey, signature: body.device.signature },
        deviceTokenHash: hashSecret(deviceToken),
        now: now().toISOString(),
      });
      if (!adviser) throw gone('This enrolment link has been used or has expired. Ask your organisation for a new one.');
      const response: EnrolResponse = { adviserId: adviser.id, name: adviser.name, org: adviser.org, deviceToken };
      sendJson(res, 201, response);
    })
    .add('GET', '/api/adviser/me', async ({ req, res }) => {
      const owner = await requireAdviser(req, store);
      const adviser = await store.getAdviser(owner.adviserId);
      if (!adviser || adviser.signingKey === null) throw notFound('Your adviser account was not found.');
      const response: AdviserInfo = {
        id: adviser.id,
        name: adviser.name,
        org: adviser.org,
        signingKey: adviser.signingKey,
        devices: adviser.devices.map((d) => ({ id: d.id, publicKey: d.publicKey, signature: d.signature, createdAt: d.createdAt })),
      };
      sendJson(res, 200, response);
    })
    .add('POST', '/api/adviser/device-codes', async ({ req, res }) => {
      const owner = await requireAdviser(req, store);
      const adviser = await store.getAdviser(owner.adviserId);
      if (!adviser || adviser.signingKey === null) throw notFound('Your adviser account was not found.');
      const code = newInviteCode();
      const at = now();
      const expiresAt = new Date(at.getTime() + DEVICE_CODE_TTL_MS).toISOString();
      await store.createDeviceCode({ adviserId: owner.adviserId, codeHash: hashSecret(code), expiresAt, now: at.toISOString() });
      const response: DeviceCodeResponse = { code: formatInviteCode(code), expiresAt };
      sendJson(res, 201, response);
    })
    .add('POST', '/api/device-requests', async ({ req, res, ip }) => {
      limitDeviceIp(ip);
      const body = parse(deviceRequestSchema, await readJsonBody(req));
      limitDevicePrefix(body.code);
      const pollToken = newToken('p_');
      const at = now();
      const result = await store.requestDevice({
        codeHash: hashSecret(body.code),
        publicKey: body.publicKey,
        pollTokenHash: hashSecret(pollToken),
        expiresAt: new Date(at.getTime() + DEVICE_STEP_TTL_MS).toISOString(),
        now: at.toISOString(),
      });
      if (result.status === 'not_found') throw notFound('That code was not found. Check it on your other computer.');
      if (result.status === 'gone') throw gone('That code has been used or has expired. Make a new one on your other computer.');
      const response: DeviceRequestResponse = { requestId: result.id, pollToken, expiresAt: result.expiresAt };
      sendJson(res, 201, response);
    })
    .add('GET', '/api/adviser/device-requests', async ({ req, res }) => {
      const owner = await requireAdviser(req, store);
      const list = await store.listPendingDevices(owner.adviserId, now().toISOString());
      const response: PendingDevice[] = newestFirst(list).map((d) => ({ id: d.id, publicKey: d.publicKey, createdAt: d.createdAt }));
      sendJson(res, 200, response);
    })
    .add('POST', '/api/adviser/device-requests/:id/approve', async ({ req, res }, params) => {
      const owner = await requireAdviser(req, store);
      const id = parse(idSchema, params.id);
      const body = parse(deviceApprovalSchema, await readJsonBody(req));
      const at = now();
      // Another adviser's request is "not found", never "forbidden": ids are not confirmed to strangers.
      const request = await store.getDeviceRequest(id, owner.adviserId, at.toISOString());
      if (!request) throw notFound('There is no such request to add a computer.');
      if (request.state !== 'pending' || request.publicKey === null) {
        throw gone('This request is no longer waiting: it was answered or has expired. Start again on the new computer.');
      }
      const adviser = await store.getAdviser(owner.adviserId);
      if (!adviser || adviser.signingKey === null) throw notFound('Your adviser account was not found.');
      if (!(await verifyDeviceKey(adviser.signingKey, request.publicKey, body.signature))) throw badRequest(BAD_SIGNATURE);
      const approved = await store.approveDevice({
        id,
        adviserId: owner.adviserId,
        signature: body.signature,
        expiresAt: new Date(at.getTime() + DEVICE_STEP_TTL_MS).toISOString(),
        now: at.toISOString(),
      });
      if (!approved) throw gone('This request is no longer waiting: it was answered or has expired. Start again on the new computer.');
      sendJson(res, 200, {});
    })
    .add('DELETE', '/api/adviser/device-requests/:id', async ({ req, res }, params) => {
      const owner = await requireAdviser(req, store);
      const id = parse(idSchema, params.id);
      const result = await store.refuseDevice({ id, adviserId: owner.adviserId, now: now().toISOString() });
      if (result === 'not_found') throw notFound('There is no such request to add a computer.');
      if (result === 'gone') throw gone('That computer has already been added.');
      sendJson(res, 204, undefined);
    })
    .add('POST', '/api/device-requests/:id/claim', async ({ req, res, ip }, params) => {
      limitDeviceIp(ip);
      const id = parse(idSchema, params.id);
      const body = parse(deviceClaimSchema, await readJsonBody(req));
      const deviceToken = newToken('a_');
      const result = await store.claimDevice({
        id,
        pollTokenHash: hashSecret(body.pollToken),
        deviceTokenHash: hashSecret(deviceToken),
        now: now().toISOString(),
      });
      if (result.status === 'not_found') throw notFound('There is no such request to add a computer. Start again.');
      if (result.status === 'gone') throw gone('This request was refused, has expired, or was already used. Start again.');
      if (result.status === 'pending') {
        sendJson(res, 202, { state: 'pending' });
        return;
      }
      const { adviser } = result;
      if (adviser.signingKey === null) throw notFound('Your adviser account was not found.');
      const response: DeviceClaimed = {
        state: 'approved',
        deviceToken,
        adviserId: adviser.id,
        name: adviser.name,
        org: adviser.org,
        signingKey: adviser.signingKey,
      };
      sendJson(res, 200, response);
    })
    .add('POST', '/api/adviser/invites', async ({ req, res }) => {
      const owner = await requireAdviser(req, store);
      const body = parse(inviteRequestSchema, await readJsonBody(req));
      const code = newInviteCode();
      const expiresAt = new Date(now().getTime() + INVITE_TTL_MS).toISOString();
      await store.createInvite({ codeHash: hashSecret(code), adviserId: owner.adviserId, label: body.label, expiresAt });
      const response: InviteResponse = { code: formatInviteCode(code), expiresAt };
      sendJson(res, 201, response);
    })
    .add('GET', '/api/invites/:code', async ({ res, ip }, params) => {
      limit(`invite-ip:${ip}`, limits.invitePerIp);
      const code = parse(inviteCodeSchema, params.code);
      limitPrefix(code);
      const invite = await store.findInvite(hashSecret(code), now().toISOString());
      if (!invite) throw notFound('That invite code was not found. Check it with your adviser.');
      if (invite.state === 'used') throw gone('That invite code has already been used. Ask your adviser for a new one.');
      if (invite.state === 'expired') throw gone('That invite code has expired. Ask your adviser for a new one.');
      const response: InviteInfo = { adviser: publicAdviser(invite.adviser), expiresAt: invite.expiresAt };
      sendJson(res, 200, response);
    })
    .add('POST', '/api/connections', async ({ req, res, ip }) => {
      limit(`invite-ip:${ip}`, limits.invitePerIp);
      const body = parse(connectRequestSchema, await readJsonBody(req));
      limitPrefix(body.code);
      const codeHash = hashSecret(body.code);
      const at = now().toISOString();
      const invite = await store.findInvite(codeHash, at);
      if (!invite) throw notFound('That invite code was not found. Check it with your adviser.');
      if (invite.state !== 'open') throw gone('That invite code has been used or has expired. Ask your adviser for a new one.');
      publicAdviser(invite.adviser);
      const claimantToken = newToken('c_');
      const result = await store.connect({
        codeHash,
        connectionId: randomUUID(),
        claimantPublicKey: body.claimantPublicKey,
        claimantTokenHash: hashSecret(claimantToken),
        now: at,
      });
      if (!result) throw gone('That invite code has been used or has expired. Ask your adviser for a new one.');
      const response: ConnectResponse = { connectionId: result.connection.id, claimantToken, adviser: publicAdviser(result.adviser) };
      sendJson(res, 201, response);
    })
    .add('GET', '/api/adviser/connections', async ({ req, res }) => {
      const owner = await requireAdviser(req, store);
      const list = await store.listConnections(owner.adviserId);
      const response: ConnectionInfo[] = newestFirst(list).map((c) => ({
        id: c.id,
        label: c.label,
        createdAt: c.createdAt,
        stoppedAt: c.stoppedAt,
        lastItemAt: c.lastItemAt,
        unseen: c.unseen,
        claimantPublicKey: c.claimantPublicKey,
      }));
      sendJson(res, 200, response);
    })
    .add('POST', '/api/items', async ({ req, res }) => {
      const owner = await requireClaimant(req, store);
      const body = parse(sendItemRequestSchema, await readJsonBody(req));
      const connection = await store.getConnection(owner.connectionId);
      if (!connection || connection.stoppedAt !== null) throw gone('Sharing has stopped for this connection.');
      await addItem(connection.id, 'to-adviser', body, res, () => hook('new-item', () => hooks.newItem(connection.adviserId)));
    })
    .add('GET', '/api/adviser/connections/:id/items', async ({ req, res }, params) => {
      const owner = await requireAdviser(req, store);
      const connection = await ownConnection(owner.adviserId, params.id!);
      const items = await store.listItems(connection.id, 'to-adviser');
      const response: ItemWithEnvelope[] = newestFirst(items).map(itemWithEnvelope);
      sendJson(res, 200, response);
    })
    .add('POST', '/api/adviser/items/:id/seen', async ({ req, res }, params) => {
      const owner = await requireAdviser(req, store);
      const id = parse(idSchema, params.id);
      const item = await store.getItem(id);
      if (!item || item.direction !== 'to-adviser') throw notFound('There is no such message.');
      await ownConnection(owner.adviserId, item.connectionId);
      const seen = item.seenAt === null ? await store.markSeen(id, now().toISOString()) : item;
      if (!seen) throw notFound('There is no such message.');
      sendJson(res, 200, itemInfo(seen));
    })
    .add('POST', '/api/adviser/connections/:id/replies', async ({ req, res }, params) => {
      const owner = await requireAdviser(req, store);
      const connection = await ownConnection(owner.adviserId, params.id!);
      const body = parse(replyRequestSchema, await readJsonBody(req));
      if (connection.stoppedAt !== null) throw gone('This client has stopped sharing, so replies cannot be sent.');
      await addItem(connection.id, 'to-claimant', body, res, () => hook('reply', () => hooks.reply(connection.id)));
    })
    .add('GET', '/api/claimant/status', async ({ req, res }) => {
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
    })
    .add('GET', '/api/claimant/adviser', async ({ req, res }) => {
      const owner = await requireClaimant(req, store);
      const connection = await store.getConnection(owner.connectionId);
      if (!connection || connection.stoppedAt !== null) throw gone('Sharing has stopped for this connection.');
      const adviser = await store.getAdviser(connection.adviserId);
      if (!adviser || adviser.signingKey === null || adviser.devices.length === 0) throw gone('Your adviser is no longer on the relay.');
      const response: AdviserKeys = publicAdviser(adviser);
      sendJson(res, 200, response);
    })
    .add('DELETE', '/api/claimant/connection', async ({ req, res }) => {
      const owner = await requireClaimant(req, store);
      const connection = await store.getConnection(owner.connectionId);
      // Tell the adviser's devices first; stopConnection then deletes the claimant's subscribers and reminders.
      if (connection && connection.stoppedAt === null) await hook('stopped', () => hooks.stopped(connection.adviserId));
      await store.stopConnection(owner.connectionId, now().toISOString());
      sendJson(res, 204, undefined);
    });

  addPushRoutes(router, { store, push: options.push, now, limits, limit });

  return async (req, res) => {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0]!;
    const ip = req.socket.remoteAddress ?? 'unknown';
    let pattern = 'unmatched';
    try {
      limit(`any-ip:${ip}`, limits.anyPerIp);
      const { route, params } = router.match(method, rawPath);
      pattern = route.pattern;
      await route.handle({ req, res, ip }, params);
    } catch (error) {
      const { apiError, unexpected } = toApiError(error);
      if (unexpected) {
        // The error's name only: messages from drivers can quote data.
        log({ level: 'error', msg: 'unexpected error', method, route: pattern, error: error instanceof Error ? error.name : typeof error });
      }
      const headers: Record<string, string> = { ...apiError.headers };
      if (wasAbandoned(req)) headers.Connection = 'close';
      sendJson(res, apiError.status, apiError.toJSON(), headers);
    } finally {
      if (!req.complete && !wasAbandoned(req)) req.resume(); // drain bodies we did not read
      const status = res.statusCode;
      log({ level: status >= 500 ? 'error' : 'info', msg: 'request', method, route: pattern, status, ms: Math.round(performance.now() - started) });
    }
  };
}

export { ApiError };
