// End-to-end encryption for forwarded notices and replies: a random
// AES-128-GCM content key per item, sealed to each recipient device with HPKE
// (RFC 9180) base mode, DHKEM(P-256, HKDF-SHA256) + HKDF-SHA256 + AES-128-GCM;
// and ECDSA P-256 signatures over advisers' device keys. All primitives come
// from @hpke/core and WebCrypto; nothing here is home-made.
import { Aes128Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256 } from '@hpke/core';
import type { SignedDeviceKey } from '../../shared/protocol/api-types';

export interface Payload {
  kind: 'text' | 'image';
  text?: string; // pasted text, or an optional note with an image
  image?: Uint8Array; // compressed image bytes
  mime?: string; // e.g. 'image/webp' or 'image/jpeg'
  name?: string; // file name for download
  sentAt: string; // ISO time on the sender's device
}

const VERSION = 2;
const ENC_LENGTH = 65; // uncompressed P-256 point
// Domain separation: an envelope cannot be replayed into another protocol.
const INFO = new TextEncoder().encode('uc-companion v1 item');
// The version byte is also HPKE associated data, so a wrapped key cannot be moved into another version.
const AAD = new Uint8Array([VERSION]);
const OPEN_FAILED = 'This message could not be opened. It may be damaged, or meant for another device.';
const EC = { name: 'ECDH', namedCurve: 'P-256' } as const;

let suiteCache: CipherSuite | undefined;
function suite(): CipherSuite {
  suiteCache ??= new CipherSuite({
    kem: new DhkemP256HkdfSha256(),
    kdf: new HkdfSha256(),
    aead: new Aes128Gcm(),
  });
  return suiteCache;
}

function subtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}

// TS 6 types Uint8Array<ArrayBufferLike>, which WebCrypto's BufferSource
// rejects; copy only when the caller handed us a view on a shared buffer.
function buf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
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
    if (raw.length === ENC_LENGTH && ((raw[ENC_LENGTH - 1] ?? 1) & 1) === 0) {
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
  if (raw.length !== ENC_LENGTH || raw[0] !== 0x04) throw new TypeError('Not a valid public key');
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

function serialise(payload: Payload): Uint8Array<ArrayBuffer> {
  const header = new TextEncoder().encode(
    JSON.stringify({
      kind: payload.kind,
      text: payload.text,
      mime: payload.mime,
      name: payload.name,
      sentAt: payload.sentAt,
    }),
  );
  const image = payload.image ?? new Uint8Array(0);
  const out = new Uint8Array(4 + header.length + image.length);
  new DataView(out.buffer).setUint32(0, header.length, false);
  out.set(header, 4);
  out.set(image, 4 + header.length); // raw bytes: no base64 bloat
  return out;
}

function deserialise(bytes: Uint8Array): Payload {
  if (bytes.length < 4) throw new Error('short');
  const len = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, false);
  if (len > bytes.length - 4) throw new Error('bad length');
  const h: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(4, 4 + len)));
  if (typeof h !== 'object' || h === null) throw new Error('bad header');
  const r = h as Record<string, unknown>;
  const optional = (k: string): string | undefined => {
    const v = r[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw new Error('bad ' + k);
    return v;
  };
  if ((r.kind !== 'text' && r.kind !== 'image') || typeof r.sentAt !== 'string') throw new Error('bad header');
  const out: Payload = { kind: r.kind, sentAt: r.sentAt };
  const text = optional('text');
  const mime = optional('mime');
  const name = optional('name');
  if (text !== undefined) out.text = text;
  if (mime !== undefined) out.mime = mime;
  if (name !== undefined) out.name = name;
  const image = bytes.slice(4 + len);
  if (r.kind === 'image') {
    if (image.length === 0) throw new Error('missing image');
    out.image = image;
  } else if (image.length !== 0) {
    throw new Error('unexpected bytes');
  }
  return out;
}

/** Envelope layout, version 2 (several recipients):
 *  version(1) | count(1) | count × (enc 65 | wrapped key 32) | iv 12 | ciphertext
 * A fresh AES-128-GCM content key encrypts the payload once; HPKE seals that
 * key to each recipient device. Everything before the ciphertext is AES-GCM
 * additional data, so entries cannot be swapped, dropped or added. */
const CONTENT_KEY_LENGTH = 16;
const WRAPPED_LENGTH = CONTENT_KEY_LENGTH + 16; // + AES-GCM tag
const ENTRY_LENGTH = ENC_LENGTH + WRAPPED_LENGTH;
const IV_LENGTH = 12;
const MAX_RECIPIENTS = 255;

export async function sealPayload(recipientPublicKeys: string[], payload: Payload): Promise<{ envelope: string; sha256: string }> {
  const unique = [...new Set(recipientPublicKeys)];
  if (unique.length === 0 || unique.length > MAX_RECIPIENTS) throw new RangeError('Need between 1 and 255 recipients');
  const recipients = await Promise.all(unique.map((key) => importPublicKey(key)));
  const plaintext = serialise(payload);
  const contentKeyBytes = globalThis.crypto.getRandomValues(new Uint8Array(CONTENT_KEY_LENGTH));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_LENGTH));
  const headerLength = 2 + unique.length * ENTRY_LENGTH + IV_LENGTH;
  const header = new Uint8Array(headerLength);
  header[0] = VERSION;
  header[1] = unique.length;
  let offset = 2;
  for (const recipient of recipients) {
    // Fresh ephemeral key per recipient (HPKE base mode), so equal payloads differ.
    const { enc, ct } = await suite().seal({ recipientPublicKey: recipient, info: INFO }, contentKeyBytes, AAD);
    const encBytes = new Uint8Array(enc);
    const wrapped = new Uint8Array(ct);
    if (encBytes.length !== ENC_LENGTH || wrapped.length !== WRAPPED_LENGTH) throw new Error('Unexpected HPKE output length');
    header.set(encBytes, offset);
    header.set(wrapped, offset + ENC_LENGTH);
    offset += ENTRY_LENGTH;
  }
  header.set(iv, offset);
  const contentKey = await subtle().importKey('raw', contentKeyBytes, 'AES-GCM', false, ['encrypt']);
  contentKeyBytes.fill(0);
  const ct = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: header, tagLength: 128 }, contentKey, plaintext));
  const out = new Uint8Array(headerLength + ct.length);
  out.set(header, 0);
  out.set(ct, headerLength);
  return { envelope: toBase64Url(out), sha256: await sha256Hex(plaintext) };
}

export async function openEnvelope(privateKey: CryptoKey, envelope: string): Promise<Payload & { sha256: string }> {
  let plaintext: Uint8Array;
  let payload: Payload;
  try {
    const bytes = fromBase64Url(envelope);
    if (bytes.length < 2 || bytes[0] !== VERSION) throw new Error('bad envelope');
    const count = bytes[1] ?? 0;
    const headerLength = 2 + count * ENTRY_LENGTH + IV_LENGTH;
    // 16 = AES-GCM tag; anything shorter cannot be ours.
    if (count === 0 || bytes.length < headerLength + 16) throw new Error('bad envelope');
    let contentKeyBytes: Uint8Array | undefined;
    // Few recipients (one per adviser computer), so trying each is cheap.
    for (let i = 0, offset = 2; i < count && !contentKeyBytes; i++, offset += ENTRY_LENGTH) {
      try {
        const opened = new Uint8Array(
          await suite().open(
            { recipientKey: privateKey, enc: bytes.slice(offset, offset + ENC_LENGTH), info: INFO },
            bytes.slice(offset + ENC_LENGTH, offset + ENTRY_LENGTH),
            AAD,
          ),
        );
        if (opened.length === CONTENT_KEY_LENGTH) contentKeyBytes = opened;
      } catch {
        // Not ours: try the next entry.
      }
    }
    if (!contentKeyBytes) throw new Error('no entry for this key');
    const header = bytes.slice(0, headerLength);
    const contentKey = await subtle().importKey('raw', buf(contentKeyBytes), 'AES-GCM', false, ['decrypt']);
    contentKeyBytes.fill(0);
    plaintext = new Uint8Array(
      await subtle().decrypt(
        { name: 'AES-GCM', iv: header.slice(headerLength - IV_LENGTH), additionalData: header, tagLength: 128 },
        contentKey,
        bytes.slice(headerLength),
      ),
    );
    payload = deserialise(plaintext);
  } catch (e) {
    // One message for every failure: do not tell an attacker which check failed.
    throw new Error(OPEN_FAILED, { cause: e });
  }
  return { ...payload, sha256: await sha256Hex(plaintext) };
}

// Signing keys: one per adviser, made on their first computer. It signs the
// HPKE key of each of their computers, so a claimant who pinned it (by its
// fingerprint) can check every device key the relay hands out.
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const SIGNATURE_LENGTH = 64; // IEEE P1363 r | s, which is what WebCrypto gives
const DEVICE_KEY_CONTEXT = 'uc-companion device key v1\n';

function deviceKeyMessage(devicePublicKey: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(DEVICE_KEY_CONTEXT + devicePublicKey);
}

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
    if (raw.length !== ENC_LENGTH || raw[0] !== 0x04) return false;
    const signature = fromBase64Url(device.signature);
    if (signature.length !== SIGNATURE_LENGTH) return false;
    await importPublicKey(device.publicKey);
    const key = await subtle().importKey('raw', buf(raw), ECDSA, false, ['verify']);
    return await subtle().verify(ECDSA_SIGN, key, buf(signature), deviceKeyMessage(device.publicKey));
  } catch {
    return false;
  }
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64URL_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64URL.length; i++) B64URL_INDEX[B64URL.charCodeAt(i)] = i;

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64URL[n >> 18]! + B64URL[(n >> 12) & 63]! + B64URL[(n >> 6) & 63]! + B64URL[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += B64URL[n >> 18]! + B64URL[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64URL[n >> 18]! + B64URL[(n >> 12) & 63]! + B64URL[(n >> 6) & 63]!;
  }
  return out;
}

// Strict: no padding, no whitespace, no '+/' and no non-zero trailing bits,
// so each byte string has exactly one accepted encoding.
export function fromBase64Url(text: string): Uint8Array {
  if (typeof text !== 'string' || text.length % 4 === 1) throw new TypeError('Invalid base64url');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? B64URL_INDEX[c]! : -1;
    if (v < 0) throw new TypeError('Invalid base64url');
    acc = ((acc << 6) | v) & 0xfff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) throw new TypeError('Invalid base64url');
  return out;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await subtle().digest('SHA-256', buf(bytes)));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
