// An adviser's computers: the list (name, added, last seen), removing one (a
// lost laptop), naming this one, and renewing this one's credential.
import type { ComputerInfo, RenewedToken } from '../../../shared/protocol/api-types';
import type { Computer } from '../../store/store';
import { hashSecret, newToken, requireAdviser } from '../auth';
import { readJsonBody } from '../body';
import { route } from '../context';
import { conflict, notFound } from '../errors';
import { parse, sendJson } from '../respond';
import { computerNameSchema, idSchema, renewTokenSchema } from '../schemas';

function computerInfo(computer: Computer, currentId: string): ComputerInfo {
  return { id: computer.id, name: computer.name, createdAt: computer.createdAt, lastSeenAt: computer.lastSeenAt, current: computer.id === currentId };
}

export const computerRoutes = [
  route('GET', '/api/adviser/devices', async ({ req, res }, deps) => {
    const owner = await requireAdviser(req, deps);
    const response: ComputerInfo[] = (await deps.store.listComputers(owner.adviserId)).map((c) => computerInfo(c, owner.deviceId));
    sendJson(res, 200, response);
  }),

  route('DELETE', '/api/adviser/devices/:id', async ({ req, res, params }, deps) => {
    const owner = await requireAdviser(req, deps);
    const id = parse(idSchema, params.id);
    // Another adviser's computer is "not found": ids are not confirmed to strangers.
    if (!(await deps.store.removeDevice(id, owner.adviserId))) throw notFound('There is no such computer on your account.');
    sendJson(res, 204, undefined);
  }),

  route('PUT', '/api/adviser/device', async ({ req, res }, deps) => {
    const owner = await requireAdviser(req, deps);
    const body = parse(computerNameSchema, await readJsonBody(req));
    const computer = await deps.store.renameDevice(owner.deviceId, body.name);
    if (!computer) throw notFound('This computer is no longer on your account.');
    sendJson(res, 200, computerInfo(computer, owner.deviceId));
  }),

  route('POST', '/api/adviser/device/token', async ({ req, res }, deps) => {
    const owner = await requireAdviser(req, deps);
    // The adviser's app makes the new credential and keeps it before asking, so
    // a crash or a lost answer leaves a credential it can still try; a body-less
    // call (scripts, older apps) gets one made here.
    const deviceToken = req.headers['content-type'] === undefined ? newToken('a_') : parse(renewTokenSchema, await readJsonBody(req)).deviceToken;
    const tokenHash = hashSecret(deviceToken);
    // Asking again with the credential it already moved to changes nothing; another's is never taken over.
    const holder = await deps.store.findCredential(tokenHash);
    if (holder && !(holder.kind === 'adviser' && holder.deviceId === owner.deviceId)) throw conflict('Make a new credential and try again.');
    if (!(await deps.store.rotateDeviceToken(owner.deviceId, tokenHash, deps.now().toISOString()))) {
      throw notFound('This computer is no longer on your account.');
    }
    const response: RenewedToken = { deviceToken };
    sendJson(res, 200, response);
  }),
];
