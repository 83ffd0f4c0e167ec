// Adding a computer: a one-time code made on a computer the adviser has, a
// request from the new one with its key, the adviser's approval (a signature
// made on the first computer) or refusal, and the new computer's claim of its
// credential with its poll token.
import type { DeviceClaimed, DeviceCodeResponse, DeviceRequestResponse, PendingDevice } from '../../../shared/protocol/api-types';
import { hashSecret, newToken, requireAdviser } from '../auth';
import { readJsonBody } from '../body';
import { route, type RelayDeps } from '../context';
import { ApiError, badRequest, gone, notFound } from '../errors';
import { DEVICE_CODE_TTL_MS, DEVICE_STEP_TTL_MS, formatInviteCode, newInviteCode } from '../invite-code';
import { parse, sendJson } from '../respond';
import { deviceApprovalSchema, deviceClaimSchema, deviceRequestSchema, idSchema } from '../schemas';
import { verifyDeviceKey } from '../signatures';
import { newestFirst } from '../views';
import { BAD_SIGNATURE, enrolledAdviser } from './advisers';

/** Device codes and claims: the same rates as invites, in buckets of their own. */
const limitIp = ({ limit, limits }: RelayDeps, ip: string) => limit(`device-ip:${ip}`, limits.invitePerIp);
const limitPrefix = ({ limit, limits }: RelayDeps, code: string) => limit(`device-prefix:${code.slice(0, 3)}`, limits.invitePerPrefix);

/** Both computers that used one code hear this: neither is added. */
const contested = () =>
  new ApiError(
    'code_contested',
    'Two computers used this code, so neither was added. Start again: make a new code on your other computer, and type it only on the new one.',
  );

const NOT_WAITING = 'This request is no longer waiting: it was answered or has expired. Start again on the new computer.';

export const deviceRoutes = [
  route('POST', '/api/adviser/device-codes', async ({ req, res }, deps) => {
    const { store, now, codeHash } = deps;
    const owner = await requireAdviser(req, deps);
    await enrolledAdviser(store, owner.adviserId);
    const code = newInviteCode();
    const at = now();
    const expiresAt = new Date(at.getTime() + DEVICE_CODE_TTL_MS).toISOString();
    await store.createDeviceCode({ adviserId: owner.adviserId, codeHash: codeHash(code), expiresAt, now: at.toISOString() });
    const response: DeviceCodeResponse = { code: formatInviteCode(code), expiresAt };
    sendJson(res, 201, response);
  }),

  route('POST', '/api/device-requests', async ({ req, res, ip }, deps) => {
    const { store, now } = deps;
    await limitIp(deps, ip);
    const body = parse(deviceRequestSchema, await readJsonBody(req));
    await limitPrefix(deps, body.code);
    const pollToken = newToken('p_');
    const at = now();
    const result = await store.requestDevice({
      codeHash: deps.codeHash(body.code),
      publicKey: body.publicKey,
      pollTokenHash: hashSecret(pollToken),
      expiresAt: new Date(at.getTime() + DEVICE_STEP_TTL_MS).toISOString(),
      now: at.toISOString(),
    });
    if (result.status === 'not_found') throw notFound('That code was not found. Check it on your other computer.');
    if (result.status === 'gone') throw gone('That code has been used or has expired. Make a new one on your other computer.');
    if (result.status === 'contested') throw contested();
    const response: DeviceRequestResponse = { requestId: result.id, pollToken, expiresAt: result.expiresAt };
    sendJson(res, 201, response);
  }),

  route('GET', '/api/adviser/device-requests', async ({ req, res }, deps) => {
    const { store, now } = deps;
    const owner = await requireAdviser(req, deps);
    const list = await store.listPendingDevices(owner.adviserId, now().toISOString());
    const response: PendingDevice[] = newestFirst(list).map((d) => ({ id: d.id, publicKey: d.publicKey, createdAt: d.createdAt }));
    sendJson(res, 200, response);
  }),

  route('POST', '/api/adviser/device-requests/:id/approve', async ({ req, res, params }, deps) => {
    const { store, now } = deps;
    const owner = await requireAdviser(req, deps);
    const id = parse(idSchema, params.id);
    const body = parse(deviceApprovalSchema, await readJsonBody(req));
    const at = now();
    // Another adviser's request is "not found", never "forbidden": ids are not confirmed to strangers.
    const request = await store.getDeviceRequest(id, owner.adviserId, at.toISOString());
    if (!request) throw notFound('There is no such request to add a computer.');
    if (request.state !== 'pending' || request.publicKey === null) throw gone(NOT_WAITING);
    const adviser = await enrolledAdviser(store, owner.adviserId);
    if (!(await verifyDeviceKey(adviser.signingKey, request.publicKey, body.signature))) throw badRequest(BAD_SIGNATURE);
    const approved = await store.approveDevice({
      id,
      adviserId: owner.adviserId,
      signature: body.signature,
      expiresAt: new Date(at.getTime() + DEVICE_STEP_TTL_MS).toISOString(),
      now: at.toISOString(),
    });
    if (!approved) throw gone(NOT_WAITING);
    sendJson(res, 200, {});
  }),

  route('DELETE', '/api/adviser/device-requests/:id', async ({ req, res, params }, deps) => {
    const { store, now } = deps;
    const owner = await requireAdviser(req, deps);
    const id = parse(idSchema, params.id);
    const result = await store.refuseDevice({ id, adviserId: owner.adviserId, now: now().toISOString() });
    if (result === 'not_found') throw notFound('There is no such request to add a computer.');
    if (result === 'gone') throw gone('That computer has already been added.');
    sendJson(res, 204, undefined);
  }),

  route('POST', '/api/device-requests/:id/claim', async ({ req, res, ip, params }, deps) => {
    const { store, now } = deps;
    await limitIp(deps, ip);
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
    if (result.status === 'contested') throw contested();
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
  }),
];
