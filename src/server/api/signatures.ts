// Device keys are signed by the adviser's signing key (see src/shared/protocol/api-types.ts).
// The relay checks every signature before storing it, so a claimant never gets
// a device key that the adviser's signing key did not sign (a relay that is
// itself compromised could still lie; that is why claimants check too).
import { webcrypto } from 'node:crypto';
import { deviceKeyMessage } from '../../shared/protocol/device-key';

/** True when `signature` (base64url, P1363, 64 bytes) is the signing key's ECDSA P-256 SHA-256 signature of the device key. */
export async function verifyDeviceKey(signingKey: string, publicKey: string, signature: string): Promise<boolean> {
  const sig = Buffer.from(signature, 'base64url');
  if (sig.length !== 64) return false;
  try {
    const key = await webcrypto.subtle.importKey('raw', Buffer.from(signingKey, 'base64url'), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    return await webcrypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, sig, deviceKeyMessage(publicKey));
  } catch {
    return false;
  }
}
