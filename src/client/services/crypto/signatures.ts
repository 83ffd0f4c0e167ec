// Signing keys: one per adviser, made on their first computer. It signs the
// HPKE key of each of their computers, so a claimant who pinned it (by its
// fingerprint) can check every device key the relay hands out.
import type { SignedDeviceKey } from '../../../shared/protocol/api-types';
import { fromBase64Url, toBase64Url } from '../../../shared/protocol/base64url';
import { deviceKeyMessage } from '../../../shared/protocol/device-key';
import { POINT_LENGTH, buf, importPublicKey, subtle } from './keys';

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const SIGNATURE_LENGTH = 64; // IEEE P1363 r | s, which is what WebCrypto gives

/** ECDSA P-256; the private key is non-extractable, the public key raw base64url. */
export async function generateSigningKeyPair(): Promise<{ publicKey: string; privateKey: CryptoKey }> {
  const pair = await subtle().generateKey(ECDSA, false, ['sign', 'verify']);
  const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  return { publicKey: toBase64Url(raw), privateKey: pair.privateKey };
}

/** Signs one computer's HPKE public key; returns the 64-byte P1363 signature, base64url. */
export async function signDeviceKey(signingPrivateKey: CryptoKey, devicePublicKey: string): Promise<string> {
  await importPublicKey(devicePublicKey); // never sign something that is not a key
  const signature = new Uint8Array(await subtle().sign(ECDSA_SIGN, signingPrivateKey, deviceKeyMessage(devicePublicKey)));
  if (signature.length !== SIGNATURE_LENGTH) throw new Error('Unexpected signature length');
  return toBase64Url(signature);
}

/** True only when `signingKey` signed `device.publicKey` and both are valid keys. Never throws. */
export async function verifyDeviceKey(signingKey: string, device: SignedDeviceKey): Promise<boolean> {
  try {
    if (typeof device?.publicKey !== 'string' || typeof device.signature !== 'string') return false;
    const raw = fromBase64Url(signingKey);
    if (raw.length !== POINT_LENGTH || raw[0] !== 0x04) return false;
    const signature = fromBase64Url(device.signature);
    if (signature.length !== SIGNATURE_LENGTH) return false;
    await importPublicKey(device.publicKey);
    const key = await subtle().importKey('raw', buf(raw), ECDSA, false, ['verify']);
    return await subtle().verify(ECDSA_SIGN, key, buf(signature), deviceKeyMessage(device.publicKey));
  } catch {
    return false;
  }
}
