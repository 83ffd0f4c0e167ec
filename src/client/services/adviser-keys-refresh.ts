// Fetches the adviser's current computer keys just before the claimant locks
// an item (or when a reply comes from a computer not known yet), so a
// computer they added since is included: each one only if the signing key
// pinned at connect signed it (checkAdviserKeys). No signal or a slow relay:
// the stored keys are used.
import { checkAdviserKeys } from './adviser-keys';
import { ApiFailure, relay } from './api-client';
import { getConnection, markConnectionStopped, saveConnection, type Connection } from '../data/claimant-db';
import { changed, isStopped, NotConnectedError } from './outbox-events';

/** How long to wait for the adviser's keys before locking with the stored ones. */
export const KEY_REFRESH_TIMEOUT_MS = 5000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ApiFailure(0, 'offline', 'Timed out.')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Asks the relay for the adviser's current computers and keeps those signed
 * by the pinned signing key. A different signing key, or no verified device,
 * is ignored: the stored keys stay. No signal: the stored keys stay.
 * Returns the connection to use; throws NotConnectedError if the relay says it has stopped.
 */
export async function refreshAdviserKeys(connection: Connection): Promise<Connection> {
  if (!connection.adviser.signingKey) return connection; // made before signing keys: stays pinned
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return connection;
  let fresh;
  try {
    fresh = await withTimeout(relay.adviserKeys(connection.claimantToken), KEY_REFRESH_TIMEOUT_MS);
  } catch (error) {
    if (isStopped(error)) {
      await markConnectionStopped(new Date().toISOString());
      changed();
      throw new NotConnectedError();
    }
    return connection; // no signal or a relay problem: lock with what we have
  }
  if (!fresh || fresh.signingKey !== connection.adviser.signingKey) {
    console.warn('The relay gave a different signing key for this adviser; it was ignored.');
    return connection;
  }
  // Checked against the PINNED signing key, never the one in the relay's answer.
  const { adviser } = await checkAdviserKeys(fresh, connection.adviser.signingKey);
  if (adviser.devices.length === 0) return connection;
  const same =
    adviser.devices.length === connection.adviser.devices.length && adviser.devices.every((d, i) => d.publicKey === connection.adviser.devices[i]?.publicKey);
  if (same) return connection;
  // Name and organisation stay as the person agreed to; only the keys change.
  const updated: Connection = { ...connection, adviser: { ...connection.adviser, devices: adviser.devices } };
  const current = await getConnection();
  if (!current || current.connectionId !== connection.connectionId || current.stoppedAt) return connection;
  await saveConnection({ ...current, adviser: updated.adviser });
  return updated;
}
