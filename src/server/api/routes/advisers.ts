// An adviser's enrolment with the one-time link, and their own account.
import type { AdviserInfo, EnrolResponse } from '../../../shared/protocol/api-types';
import type { Adviser, Store } from '../../store/store';
import { hashSecret, newToken, requireAdviser } from '../auth';
import { readJsonBody } from '../body';
import { route } from '../context';
import { badRequest, gone, notFound } from '../errors';
import { parse, sendJson } from '../respond';
import { enrolRequestSchema } from '../schemas';
import { verifyDeviceKey } from '../signatures';

export const BAD_SIGNATURE = 'The computer key is not signed by your signing key. Start again on this computer.';

/** The signed-in adviser, once enrolled (with a signing key); 404 otherwise. */
export async function enrolledAdviser(store: Store, adviserId: string): Promise<Adviser & { signingKey: string }> {
  const adviser = await store.getAdviser(adviserId);
  if (!adviser || adviser.signingKey === null) throw notFound('Your adviser account was not found.');
  return { ...adviser, signingKey: adviser.signingKey };
}

export const adviserRoutes = [
  route('POST', '/api/adviser/enrol', async ({ req, res, ip }, { store, now, limit, limits }) => {
    await limit(`enrol-ip:${ip}`, limits.enrolPerIp);
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
  }),

  route('GET', '/api/adviser/me', async ({ req, res }, deps) => {
    const { store } = deps;
    const owner = await requireAdviser(req, deps);
    const adviser = await enrolledAdviser(store, owner.adviserId);
    const response: AdviserInfo = {
      id: adviser.id,
      name: adviser.name,
      org: adviser.org,
      signingKey: adviser.signingKey,
      devices: adviser.devices.map((d) => ({ id: d.id, publicKey: d.publicKey, signature: d.signature, createdAt: d.createdAt })),
    };
    sendJson(res, 200, response);
  }),
];
