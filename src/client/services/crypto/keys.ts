// Keys on this device: P-256 key pairs made non-extractable, public keys as
// raw base64url (checked to be points on the curve), the safety code
// (fingerprint) people compare, and SHA-256. WebCrypto only.
import { fromBase64Url, toBase64Url } from '../../../shared/protocol/base64url';

/** Bytes of an uncompressed P-256 point (0x04 ‖ X ‖ Y). */
export const POINT_LENGTH = 65;
const EC = { name: 'ECDH', namedCurve: 'P-256' } as const;

export function subtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}

// TS 6 types Uint8Array<ArrayBufferLike>, which WebCrypto's BufferSource
// rejects; copy only when the caller handed us a view on a shared buffer.
export function buf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

export async function generateKeyPair(): Promise<{ publicKey: string; privateKey: CryptoKey }> {
  // suite.kem.generateKeyPair() makes extractable private keys, so we make
  // our own non-extractable one. @hpke/core must then rebuild the public key
  // from the private key when opening; for non-extractable keys it recovers
  // x via ECDH with the base point and picks the EVEN y. So we keep only
  // keys whose y is even (about 2 tries, costs 1 bit of key space) — otherwise
  // half of all keys would fail to open their own messages.
  for (let i = 0; i < 64; i++) {
    const pair = await subtle().generateKey(EC, false, ['deriveBits']);
    const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
    if (raw.length === POINT_LENGTH && ((raw[POINT_LENGTH - 1] ?? 1) & 1) === 0) {
      return { publicKey: toBase64Url(raw), privateKey: pair.privateKey };
    }
  }
  throw new Error('Could not generate a key pair');
}

export async function importPublicKey(publicKey: string): Promise<CryptoKey> {
  let raw: Uint8Array;
  try {
    raw = fromBase64Url(publicKey);
  } catch {
    throw new TypeError('Not a valid public key');
  }
  if (raw.length !== POINT_LENGTH || raw[0] !== 0x04) throw new TypeError('Not a valid public key');
  try {
    // WebCrypto rejects points that are not on the curve. Extractable because
    // HPKE serialises the recipient key into its key schedule.
    return await subtle().importKey('raw', buf(raw), EC, true, []);
  } catch {
    throw new TypeError('Not a valid public key');
  }
}

// Crockford base32: no I, L, O, U, so it survives being read aloud.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export async function fingerprint(publicKey: string): Promise<string> {
  const key = await importPublicKey(publicKey); // only fingerprint real keys
  const raw = new Uint8Array(await subtle().exportKey('raw', key));
  const digest = new Uint8Array(await subtle().digest('SHA-256', raw)).subarray(0, 10);
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of digest) {
    acc = ((acc << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += CROCKFORD[(acc >> bits) & 31];
    }
  }
  return out.match(/.{4}/g)!.join('-'); // 80 bits = exactly 16 chars
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await subtle().digest('SHA-256', buf(bytes)));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
