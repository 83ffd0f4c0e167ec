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

/** A client's key as this computer first saw it. */
export interface ClaimantPin {
  connectionId: string;
  claimantPublicKey: string;
  pinnedAt: string;
}

/** Where the pins are kept (IndexedDB on the adviser's computer; a Map in tests). */
export interface PinStore {
  get(connectionId: string): Promise<ClaimantPin | undefined>;
  /** Keeps the first pin for a connection: never replaces one. Returns the pin kept. */
  add(pin: ClaimantPin): Promise<ClaimantPin>;
}

export type ClaimantKeyCheck =
  /** The key to check items against and seal replies to. `firstSeen`: pinned just now. */
  | { state: 'pinned'; key: string; safetyCode: string; firstSeen: boolean }
  /** The relay now lists another key than the one pinned: refuse, and say so. Items are still checked against the pinned key. */
  | { state: 'changed'; key: string; safetyCode: string; listed: string }
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
    if (pin.claimantPublicKey !== listed) return { state: 'changed', key: pin.claimantPublicKey, safetyCode, listed };
    return { state: 'pinned', key: pin.claimantPublicKey, safetyCode, firstSeen: true };
  }
  const safetyCode = await fingerprint(pin.claimantPublicKey);
  // A stopped connection lists no key: the pin still stands (receipts, old items).
  if (listed && listed !== pin.claimantPublicKey) return { state: 'changed', key: pin.claimantPublicKey, safetyCode, listed };
  return { state: 'pinned', key: pin.claimantPublicKey, safetyCode, firstSeen: false };
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
  };
}
