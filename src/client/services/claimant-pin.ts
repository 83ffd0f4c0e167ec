// The adviser's side of connecting, without the screens: each adviser
// computer pins a client's key the first time it sees the connection, and
// from then on checks every item against that pinned key and seals every reply
// to it. The relay's list is never trusted again: a different key for the same
// connection is refused loudly. Both screens show the same safety code
// (fingerprint of the client's key): the adviser's client screen shows it, the
// client's phone shows its own, and they compare them.
// Adviser-only (vite.config.ts keeps it out of the claimant's download); the
// pins are kept by the caller (adviser-db.ts), so this has no storage of its own.
import type { ConnectionInfo } from '../../shared/protocol/api-types';
import { fingerprint, importPublicKey } from './crypto';
import { safetyCodeMatches } from './safety-code';

/** A client's key as this computer first saw it. */
export interface ClaimantPin {
  connectionId: string;
  claimantPublicKey: string;
  pinnedAt: string;
  /** When the adviser typed the safety code the client read out, and it matched this key's. Replies wait for it. */
  comparedAt?: string;
}

/** Where the pins are kept (IndexedDB on the adviser's computer; a Map in tests). */
export interface PinStore {
  get(connectionId: string): Promise<ClaimantPin | undefined>;
  /** Keeps the first pin for a connection: never replaces one. Returns the pin kept. */
  add(pin: ClaimantPin): Promise<ClaimantPin>;
  /** Marks the pin for this connection and key as compared (nothing if the pin is for another key). */
  compared(connectionId: string, claimantPublicKey: string, at: string): Promise<void>;
}

export type ClaimantKeyCheck =
  /**
   * The key to check items against and seal replies to. `firstSeen`: pinned
   * just now. `compared`: the adviser typed the client's safety code and it
   * matched; until then no reply is sealed (a relay that swapped the key
   * before this computer first saw it would read it).
   */
  | { state: 'pinned'; key: string; safetyCode: string; firstSeen: boolean; compared: boolean }
  /** The relay now lists another key than the one pinned: refuse, and say so. Items are still checked against the pinned key. */
  | { state: 'changed'; key: string; safetyCode: string; listed: string; compared: boolean }
  /** Nothing to pin: the connection stopped before this computer saw a key, or the relay listed something that is not a key. */
  | { state: 'none' };

/**
 * Reads the key the relay lists for a connection against this computer's pin.
 * Pins it the first time (the safety-code comparison is what makes that pin
 * trustworthy); afterwards the pin wins.
 */
export async function checkClaimantKey(connection: ConnectionInfo, pins: PinStore, now: () => Date = () => new Date()): Promise<ClaimantKeyCheck> {
  const listed = typeof connection.claimantPublicKey === 'string' ? connection.claimantPublicKey : '';
  let pin = await pins.get(connection.id);
  if (!pin) {
    // After "stop sharing" the relay keeps no key: nothing to pin.
    if (!listed) return { state: 'none' };
    try {
      await importPublicKey(listed);
    } catch {
      return { state: 'none' };
    }
    pin = await pins.add({ connectionId: connection.id, claimantPublicKey: listed, pinnedAt: now().toISOString() });
    const safetyCode = await fingerprint(pin.claimantPublicKey);
    const compared = pin.comparedAt !== undefined;
    if (pin.claimantPublicKey !== listed) return { state: 'changed', key: pin.claimantPublicKey, safetyCode, listed, compared };
    return { state: 'pinned', key: pin.claimantPublicKey, safetyCode, firstSeen: true, compared };
  }
  const safetyCode = await fingerprint(pin.claimantPublicKey);
  const compared = pin.comparedAt !== undefined;
  // A stopped connection lists no key: the pin still stands (receipts, old items).
  if (listed && listed !== pin.claimantPublicKey) return { state: 'changed', key: pin.claimantPublicKey, safetyCode, listed, compared };
  return { state: 'pinned', key: pin.claimantPublicKey, safetyCode, firstSeen: false, compared };
}

/**
 * The adviser typed the safety code the client read out from their phone:
 * true, and the pin is marked compared, only when all of it matches the
 * pinned key's. A changed key is never marked (compare again on a new invite).
 */
export async function compareClaimantSafetyCode(
  connectionId: string,
  check: ClaimantKeyCheck,
  typed: string,
  pins: PinStore,
  now: () => Date = () => new Date(),
): Promise<boolean> {
  if (check.state !== 'pinned' || !safetyCodeMatches(check.safetyCode, typed)) return false;
  await pins.compared(connectionId, check.key, now().toISOString());
  return true;
}

/** A PinStore in memory, for tests and for a browser that cannot keep one. */
export function memoryPins(): PinStore {
  const pins = new Map<string, ClaimantPin>();
  return {
    get: async (id) => pins.get(id),
    add: async (pin) => {
      const kept = pins.get(pin.connectionId) ?? pin;
      pins.set(pin.connectionId, kept);
      return kept;
    },
    compared: async (id, key, at) => {
      const pin = pins.get(id);
      if (pin && pin.claimantPublicKey === key && !pin.comparedAt) pins.set(id, { ...pin, comparedAt: at });
    },
  };
}

/**
 * May this computer show a client's items as genuine? Only once the adviser
 * has typed the safety code the client read out from their phone and it
 * matched the pinned key (`comparedAt`). Until then a relay that swapped the
 * key before this computer first saw it could be showing its own items, so
 * the screens warn on each one and mark the client in lists. Takes a key
 * check (the client's page) or a stored pin (the inbox, the deadlines board);
 * nothing pinned is not checked.
 */
export function safetyChecked(from: ClaimantKeyCheck | ClaimantPin | null | undefined): boolean {
  if (!from) return false;
  if ('state' in from) return from.state !== 'none' && from.compared;
  return from.comparedAt !== undefined;
}
