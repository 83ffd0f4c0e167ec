// Checks the keys the relay hands out for an adviser. The claimant pins the
// adviser's signing key (its fingerprint is in the invite link); a device key
// is only ever used when that signing key signed it, so the relay cannot
// slip in a key of its own.
import type { AdviserKeys, SignedDeviceKey } from '../../shared/protocol/api-types';
import { verifyDeviceKey } from './crypto';

export interface CheckedAdviserKeys {
  /** The same adviser with only the device keys whose signatures verify (no repeats). */
  adviser: AdviserKeys;
  /** How many device keys were dropped because their signature did not verify. */
  dropped: number;
}

export async function checkAdviserKeys(adviser: AdviserKeys): Promise<CheckedAdviserKeys> {
  const list: unknown = adviser.devices;
  const devices = Array.isArray(list) ? (list as SignedDeviceKey[]) : [];
  const seen = new Set<string>();
  const verified: SignedDeviceKey[] = [];
  let dropped = 0;
  for (const device of devices) {
    if (await verifyDeviceKey(adviser.signingKey, device)) {
      if (!seen.has(device.publicKey)) {
        seen.add(device.publicKey);
        verified.push({ publicKey: device.publicKey, signature: device.signature });
      }
    } else {
      dropped++;
    }
  }
  if (dropped > 0) console.warn(`Ignored ${dropped} adviser device key(s) whose signature did not verify.`);
  return {
    adviser: { name: adviser.name, org: adviser.org, signingKey: adviser.signingKey, devices: verified },
    dropped,
  };
}
