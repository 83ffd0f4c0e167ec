// Renewing an adviser computer's credential, without the screens. A credential
// that is used never expires (the relay ends only those unused for 90 days),
// so renewing bounds how long a copied one keeps working: the app renews when
// its credential is older than RENEW_AFTER_DAYS, at start.
//
// The relay's route (POST /api/adviser/device/token) revokes the old
// credential at once and is not idempotent, so the order matters: this
// computer makes the new credential and stores it as *pending* first, then
// asks the relay to move to it, then makes it the current one. A crash or a
// lost answer in between leaves the pending one, which the next start tries:
// if the relay knows it, it becomes current; if the relay says it does not
// (401), it is dropped and the old one is still good. Nothing is ever lost
// that the relay holds.
import { toBase64Url } from '../../shared/protocol/base64url';
import { relayProblem } from './relay-problem';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Renew a credential older than this (the relay ends those unused for 90). */
export const RENEW_AFTER_DAYS = 30;

export interface CredentialState {
  deviceToken: string;
  /** When this credential was made: set up, or last renewed. */
  tokenIssuedAt: string;
  /** Made and kept here before the relay was asked to move to it; the relay may or may not have. */
  pendingToken?: string;
}

/** Where the credential is kept (the adviser's IndexedDB; memory in tests). Each write is one transaction. */
export interface CredentialStore {
  read(): Promise<CredentialState | undefined>;
  write(state: CredentialState): Promise<void>;
}

/** The two relay calls this needs. */
export interface CredentialRelay {
  /** Moves this computer to `next`; the relay stops taking `token` at once. */
  renew(token: string, next: string): Promise<unknown>;
  /** Any call that needs the credential (GET /api/adviser/me): does the relay know it? */
  check(token: string): Promise<unknown>;
}

export type RenewOutcome =
  /** No credential on this computer (not set up). */
  | { outcome: 'none' }
  /** Younger than RENEW_AFTER_DAYS: nothing done. */
  | { outcome: 'fresh' }
  /** The relay moved to a new credential, now kept here. */
  | { outcome: 'renewed'; deviceToken: string }
  /** An earlier renewal had reached the relay but not this computer's store: finished now. */
  | { outcome: 'recovered'; deviceToken: string }
  /** The relay said no (this computer removed, say): the old credential is kept; the screens will say what is wrong on their own calls. */
  | { outcome: 'refused' }
  /** No answer (no signal, busy, a server error): the old credential is kept, with the pending one to try at the next start. */
  | { outcome: 'later' };

export interface RenewOptions {
  now?: () => Date;
  /** A new credential: `a_` and 32 random bytes. */
  makeToken?: () => string;
  renewAfterDays?: number;
  /** Runs `work` alone across this computer's tabs (Web Locks), so two tabs never renew at once. */
  lock?: <T>(work: () => Promise<T>) => Promise<T>;
}

/** `a_` and 32 random bytes as base64url: the shape the relay's own credentials have. */
export function makeDeviceToken(): string {
  return `a_${toBase64Url(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/**
 * A 4xx other than 429: the relay refused before changing anything. No
 * answer, 429 and 5xx may or may not have reached it (a 5xx after the change):
 * the pending credential is kept for the next start to try.
 */
function refusedByRelay(error: unknown): boolean {
  const problem = relayProblem(error);
  switch (problem.kind) {
    case 'offline':
    case 'rate-limited':
    case 'local':
      return false;
    case 'server':
      return problem.status >= 400 && problem.status < 500;
    default:
      return true;
  }
}

/** Renews the computer's credential when it is due; finishes one a crash or lost answer left half done. */
export async function keepCredentialFresh(store: CredentialStore, relay: CredentialRelay, options: RenewOptions = {}): Promise<RenewOutcome> {
  const now = options.now ?? (() => new Date());
  const makeToken = options.makeToken ?? makeDeviceToken;
  const renewAfterMs = (options.renewAfterDays ?? RENEW_AFTER_DAYS) * DAY_MS;
  const lock = options.lock ?? ((work) => work());
  return lock(async () => {
    // Read inside the lock: another tab may have just renewed.
    let state = await store.read();
    if (!state) return { outcome: 'none' };
    if (state.pendingToken) {
      const pending = state.pendingToken;
      try {
        await relay.check(pending);
      } catch (error) {
        // 401: the relay never moved to it, so the current one still holds. Anything else: ask again next time.
        if (relayProblem(error).kind !== 'revoked') return { outcome: 'later' };
        state = { deviceToken: state.deviceToken, tokenIssuedAt: state.tokenIssuedAt };
        await store.write(state);
      }
      if (state.pendingToken) {
        await store.write({ deviceToken: pending, tokenIssuedAt: now().toISOString() });
        return { outcome: 'recovered', deviceToken: pending };
      }
    }
    if (now().getTime() - Date.parse(state.tokenIssuedAt) < renewAfterMs) return { outcome: 'fresh' };
    const next = makeToken();
    // Kept before the relay hears of it: from here on, whatever the relay did, this computer holds the key to it.
    await store.write({ ...state, pendingToken: next });
    try {
      await relay.renew(state.deviceToken, next);
    } catch (error) {
      if (!refusedByRelay(error)) return { outcome: 'later' };
      await store.write({ deviceToken: state.deviceToken, tokenIssuedAt: state.tokenIssuedAt });
      return { outcome: 'refused' };
    }
    await store.write({ deviceToken: next, tokenIssuedAt: now().toISOString() });
    return { outcome: 'renewed', deviceToken: next };
  });
}
