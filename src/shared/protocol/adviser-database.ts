// The adviser's IndexedDB database, as far as the service worker reads it.
// Apart from databases.ts (the push database, which claimants' pages use)
// so that its name goes only into the adviser's part of the build.
import type { DBSchema } from 'idb';
import type { HintPrivateKey } from './deadline-hint';

/**
 * The adviser's database (src/client/data/adviser-db.ts owns it: migrations
 * and every write). The service worker only reads this computer's key pair
 * and the clients' pinned keys, to open the deadline hint of a push
 * (deadline-hint.ts). It never creates, upgrades or writes it.
 */
export const ADVISER_DB_NAME = 'uc-adviser';
/** The one identity record's key in the `identity` store. */
export const ADVISER_IDENTITY_KEY = 'self';

/** The parts of the adviser's records the service worker reads. */
export interface AdviserDbForWorker extends DBSchema {
  identity: { key: string; value: { publicKey: string; privateKey: HintPrivateKey } };
  pins: { key: string; value: { connectionId: string; claimantPublicKey: string } };
}
