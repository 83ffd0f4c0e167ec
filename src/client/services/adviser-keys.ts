// Checks the keys the relay hands out for an adviser. The claimant pins the
// adviser's signing key at connect (its safety code is in the invite link,
// or typed from what the adviser reads out); a device key is only ever used
// when that PINNED key signed it, so the relay cannot slip in a key of its
// own, now or on any later refresh.
import type { AdviserKeys, SignedDeviceKey } from '../../shared/protocol/api-types';
import { verifyDeviceKey } from './crypto';

export interface CheckedAdviserKeys {
  /** The same adviser with only the device keys the pinned signing key signed (no repeats). */
  adviser: AdviserKeys;
  /** How many device keys were dropped because their signature did not verify. */
  dropped: number;
}

/**
 * Keeps the device keys signed by `pinnedSigningKey` (by default the key the
 * answer names: only right before pinning it, at connect). An answer naming
 * another signing key keeps none.
 */
export async function checkAdviserKeys(adviser: AdviserKeys, pinnedSigningKey: string = adviser.signingKey): Promise<CheckedAdviserKeys> {
  const list: unknown = adviser.devices;
  const devices = Array.isArray(list) ? (list as SignedDeviceKey[]) : [];
  const seen = new Set<string>();
  const verified: SignedDeviceKey[] = [];
  let dropped = 0;
  for (const device of devices) {
    if (adviser.signingKey === pinnedSigningKey && (await verifyDeviceKey(pinnedSigningKey, device))) {
      if (!seen.has(device.publicKey)) {
        seen.add(device.publicKey);
        verified.push({ publicKey: device.publicKey, signature: device.signature });
      }
    } else {
      dropped++;
    }
  }
  if (dropped > 0) console.warn(`Ignored ${dropped} adviser device key(s) not signed by the pinned signing key.`);
  return {
    adviser: { name: adviser.name, org: adviser.org, signingKey: pinnedSigningKey, devices: verified },
    dropped,
  };
}
