// The one way to read a failed relay call. Services and screens ask
// relayProblem(error) and decide on its kind; each screen then says it in its
// own words (the kinds are never shown as they are).
import { ApiFailure } from './api-client';

export type RelayProblem =
  /** No answer: no signal, or the relay took too long. */
  | { kind: 'offline' }
  /** 429: too many tries from here. Try again after `retryAfterSeconds` when the relay said. */
  | { kind: 'rate-limited'; retryAfterSeconds: number | null }
  /** 401: the relay does not know this device's credential (deleted, stopped, never set up). */
  | { kind: 'revoked' }
  /** 403: a known credential that may not do this. */
  | { kind: 'forbidden' }
  /** 404: no such code, request or item. */
  | { kind: 'not-found' }
  /** 410: it was there, but it is used, expired, refused or stopped. */
  | { kind: 'gone' }
  /** 400: the relay refused what was sent; `message` is its plain-words reason. */
  | { kind: 'invalid'; message: string }
  /** 409 connection_full: this side keeps as much on the connection as the relay allows; nothing more goes until some is deleted. */
  | { kind: 'full' }
  /** 409 code_contested: two computers used one device code; both must start again. */
  | { kind: 'contested' }
  /** Any other answer (5xx, 409, 413 …). */
  | { kind: 'server'; status: number }
  /** Not the relay: this device failed (storage, a key, a bug). */
  | { kind: 'local' };

export type RelayProblemKind = RelayProblem['kind'];

/** What went wrong, from anything a relay call (or the work around it) threw. */
export function relayProblem(error: unknown): RelayProblem {
  if (!(error instanceof ApiFailure)) return { kind: 'local' };
  if (error.code === 'connection_full') return { kind: 'full' };
  if (error.code === 'code_contested') return { kind: 'contested' };
  switch (error.status) {
    case 0:
      return { kind: 'offline' };
    case 400:
      return { kind: 'invalid', message: error.message };
    case 401:
      return { kind: 'revoked' };
    case 403:
      return { kind: 'forbidden' };
    case 404:
      return { kind: 'not-found' };
    case 410:
      return { kind: 'gone' };
    case 429:
      return { kind: 'rate-limited', retryAfterSeconds: error.retryAfterSeconds ?? null };
    default:
      return { kind: 'server', status: error.status };
  }
}

/** The relay no longer knows this connection or subscription: forget it here too. */
export function isGoneFromRelay(problem: RelayProblem): boolean {
  return problem.kind === 'revoked' || problem.kind === 'gone';
}
