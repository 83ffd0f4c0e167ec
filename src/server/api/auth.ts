// Credentials: bearer tokens of 256 random bits with a kind prefix
// (a_ adviser device, c_ claimant connection, e_ one-time enrolment, p_ a new
// computer's poll token while it waits to be approved; never a bearer; s_ push
// subscriber). The
// relay stores only their SHA-256; a token is checked by looking up its hash,
// so there is no string comparison of secrets to time.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { CredentialOwner, PushSubscriber, Store } from '../store/store';
import { forbidden, unauthorized } from './errors';

export type TokenPrefix = 'a_' | 'c_' | 'e_' | 'p_' | 's_';

/** `a_`/`c_`/`e_`/`p_`/`s_` + 32 random bytes as base64url (43 characters). */
export function newToken(prefix: TokenPrefix): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

const BEARER = /^Bearer ([ac]_[A-Za-z0-9_-]{43})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

const CLAIMANT_BEARER = /^Bearer (c_[A-Za-z0-9_-]{43})$/;

/** The hash of the request's claimant (c_) bearer token when it has the shape of one (it may still be unknown). */
export function claimantTokenHash(req: IncomingMessage): string | null {
  const match = req.headers.authorization && CLAIMANT_BEARER.exec(req.headers.authorization.trim());
  return match ? hashSecret(match[1]!) : null;
}

/** What checking a credential needs: the store, the clock and how long a computer may go unused. */
export interface AuthDeps {
  store: Store;
  now: () => Date;
  deviceIdleDays: number;
}

export const idleMessage = (days: number) =>
  `This computer has not used the relay for ${days} days, so its access has ended. Add it again from another of your computers, or ask your organisation.`;

/**
 * The owner of the request's bearer token; 401 when missing, malformed or
 * unknown, or a computer's credential unused for `deviceIdleDays`. A
 * computer's last use is written at most once a day, to keep writes down.
 */
export async function authenticate(req: IncomingMessage, deps: AuthDeps): Promise<CredentialOwner> {
  const header = req.headers.authorization;
  if (!header) throw unauthorized('Sign in first: this request has no credentials.');
  const match = BEARER.exec(header.trim());
  if (!match) throw unauthorized();
  const owner = await deps.store.findCredential(hashSecret(match[1]!));
  if (!owner) throw unauthorized();
  if (owner.kind === 'adviser') {
    const now = deps.now();
    const idle = refuseIdle(owner, deps);
    if (idle >= DAY_MS) await deps.store.touchDevice(owner.deviceId, now.toISOString());
  }
  return owner;
}

/** 401 when an adviser computer's credential has gone unused for `deviceIdleDays`; else how long it has been idle (ms). */
export function refuseIdle(owner: Extract<CredentialOwner, { kind: 'adviser' }>, deps: Pick<AuthDeps, 'now' | 'deviceIdleDays'>): number {
  const idle = deps.now().getTime() - Date.parse(owner.lastSeenAt);
  if (idle > deps.deviceIdleDays * DAY_MS) throw unauthorized(idleMessage(deps.deviceIdleDays));
  return idle;
}

/** The time before which an adviser computer's last use makes it idle (its credential no longer works). */
export function deviceActiveSince(deps: Pick<AuthDeps, 'now' | 'deviceIdleDays'>): string {
  return new Date(deps.now().getTime() - deps.deviceIdleDays * DAY_MS).toISOString();
}

export async function requireAdviser(req: IncomingMessage, deps: AuthDeps): Promise<Extract<CredentialOwner, { kind: 'adviser' }>> {
  const owner = await authenticate(req, deps);
  if (owner.kind !== 'adviser') throw forbidden('Only an adviser can do this.');
  return owner;
}

export async function requireClaimant(req: IncomingMessage, deps: AuthDeps): Promise<Extract<CredentialOwner, { kind: 'claimant' }>> {
  const owner = await authenticate(req, deps);
  if (owner.kind !== 'claimant') throw forbidden('Only the person sharing can do this.');
  return owner;
}

const SUBSCRIBER_BEARER = /^Bearer (s_[A-Za-z0-9_-]{43})$/;

/**
 * The push subscriber of the request's s_ bearer token; 401 when missing,
 * malformed or unknown (e.g. deleted), or linked to an adviser computer whose
 * credential has idle-expired (retention removes it within the hour; until
 * then it is refused here).
 */
export async function requireSubscriber(req: IncomingMessage, deps: AuthDeps): Promise<PushSubscriber> {
  const header = req.headers.authorization;
  if (!header) throw unauthorized('Turn reminders on again: this request has no credentials.');
  const match = SUBSCRIBER_BEARER.exec(header.trim());
  if (!match) throw unauthorized('Turn reminders on again: this device is not recognised.');
  const subscriber = await deps.store.findSubscriber(hashSecret(match[1]!), { deviceActiveSince: deviceActiveSince(deps) });
  if (!subscriber) throw unauthorized('Turn reminders on again: this device is not recognised.');
  return subscriber;
}
