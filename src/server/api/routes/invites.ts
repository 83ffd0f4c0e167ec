// Invites: an adviser makes a single-use code for a client; the client's
// phone looks it up (who will see what) before connecting with it.
import type { InviteInfo, InviteResponse } from '../../../shared/protocol/api-types';
import { requireAdviser } from '../auth';
import { readJsonBody } from '../body';
import { route, type RelayDeps } from '../context';
import { gone, notFound } from '../errors';
import { formatInviteCode, INVITE_TTL_MS, newInviteCode } from '../invite-code';
import { parse, sendJson } from '../respond';
import { inviteLookupRequestSchema, inviteRequestSchema } from '../schemas';
import { publicAdviser } from '../views';

/** Invite look-ups and connects: per IP, then per code prefix for all clients together (slows a guessing attack spread over many IPs). */
export const limitInviteIp = ({ limit, limits }: RelayDeps, ip: string) => limit(`invite-ip:${ip}`, limits.invitePerIp);
export const limitInvitePrefix = ({ limit, limits }: RelayDeps, code: string) => limit(`invite-prefix:${code.slice(0, 3)}`, limits.invitePerPrefix);

export const inviteRoutes = [
  route('POST', '/api/adviser/invites', async ({ req, res }, deps) => {
    const { store, now, codeHash } = deps;
    const owner = await requireAdviser(req, deps);
    const body = parse(inviteRequestSchema, await readJsonBody(req));
    const code = newInviteCode();
    const expiresAt = new Date(now().getTime() + INVITE_TTL_MS).toISOString();
    await store.createInvite({ codeHash: codeHash(code), adviserId: owner.adviserId, label: '', sealedLabel: body.sealedLabel, expiresAt });
    const response: InviteResponse = { code: formatInviteCode(code), expiresAt };
    sendJson(res, 201, response);
  }),

  // The code in the body, not the address (which proxies log).
  route('POST', '/api/invites/lookup', async ({ req, res, ip }, deps) => {
    await limitInviteIp(deps, ip);
    const { code } = parse(inviteLookupRequestSchema, await readJsonBody(req));
    await limitInvitePrefix(deps, code);
    const invite = await deps.store.findInvite(deps.codeHash(code), deps.now().toISOString());
    if (!invite) throw notFound('That invite code was not found. Check it with your adviser.');
    if (invite.state === 'used') throw gone('That invite code has already been used. Ask your adviser for a new one.');
    if (invite.state === 'expired') throw gone('That invite code has expired. Ask your adviser for a new one.');
    const response: InviteInfo = { adviser: publicAdviser(invite.adviser), expiresAt: invite.expiresAt };
    sendJson(res, 200, response);
  }),
];
