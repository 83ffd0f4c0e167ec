// Device keys are signed by the adviser's signing key (see src/shared/protocol/api-types.ts).
// The relay checks every signature before storing it, so a claimant never gets
// a device key that the adviser's signing key did not sign (a relay that is
// itself compromised could still lie; that is why claimants check too).
import { webcrypto } from 'node:crypto';

const CONTEXT = 'uc-companion device key v1\n';

/** The bytes that are signed: UTF-8 of the context line and the device's base64url public key. */
export function deviceKeyMessage(publicKey: string): Uint8Array {
  return new TextEncoder().encode(CONTEXT + publicKey);
}

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
