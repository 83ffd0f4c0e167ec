// This computer's credential renewal (services/computer-token.ts), wired to the
// adviser's database, the relay and the other open tabs.
import { relay } from '../services/api-client';
import { keepCredentialFresh, type CredentialStore, type RenewOutcome } from '../services/computer-token';
import { getIdentity, writeCredential } from '../data/adviser-db';

/** Tabs tell each other when the credential changed, so none goes on with the old one. */
export const CREDENTIAL_CHANNEL = 'uc-adviser-credential';

const STORE: CredentialStore = {
  async read() {
    const identity = await getIdentity();
    if (!identity) return undefined;
    return {
      deviceToken: identity.deviceToken,
      tokenIssuedAt: identity.tokenIssuedAt ?? identity.enrolledAt,
      ...(identity.pendingToken ? { pendingToken: identity.pendingToken } : {}),
    };
  },
  write: writeCredential,
};

/** One tab at a time (Web Locks where the browser has them). */
function lock<T>(work: () => Promise<T>): Promise<T> {
  return 'locks' in navigator ? navigator.locks.request('uc-adviser-credential', work) : work();
}

/** Renews the credential when due; never throws (a failure leaves the old one, tried again at the next start). */
export async function renewCredential(): Promise<RenewOutcome> {
  try {
    const outcome = await keepCredentialFresh(
      STORE,
      { renew: (token, next) => relay.renewToken(token, { deviceToken: next }), check: (token) => relay.me(token) },
      { lock },
    );
    if (outcome.outcome === 'renewed' || outcome.outcome === 'recovered') {
      const channel = new BroadcastChannel(CREDENTIAL_CHANNEL);
      channel.postMessage('changed');
      channel.close();
    }
    return outcome;
  } catch {
    return { outcome: 'later' };
  }
}
