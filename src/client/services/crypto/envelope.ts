// End-to-end encryption for forwarded notices and replies: a random
// AES-128-GCM content key per item, sealed to each recipient device with HPKE
// (RFC 9180) base mode, DHKEM(P-256, HKDF-SHA256) + HKDF-SHA256 + AES-128-GCM.
// All primitives come from @hpke/core and WebCrypto; nothing here is home-made.
import { Aes128Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256 } from '@hpke/core';
import { fromBase64Url, toBase64Url } from '../../../shared/protocol/base64url';
import { POINT_LENGTH, buf, importPublicKey, sha256Hex, subtle } from './keys';

export interface Payload {
  kind: 'text' | 'image';
  text?: string; // pasted text, or an optional note with an image
  image?: Uint8Array; // compressed image bytes
  mime?: string; // e.g. 'image/webp' or 'image/jpeg'
  name?: string; // file name for download
  sentAt: string; // ISO time on the sender's device
}

const VERSION = 2;
const ENC_LENGTH = POINT_LENGTH; // HPKE's encapsulated key: an uncompressed P-256 point
// Domain separation: an envelope cannot be replayed into another protocol.
const INFO = new TextEncoder().encode('uc-companion v1 item');
// The version byte is also HPKE associated data, so a wrapped key cannot be moved into another version.
const AAD = new Uint8Array([VERSION]);
const OPEN_FAILED = 'This message could not be opened. It may be damaged, or meant for another device.';

let suiteCache: CipherSuite | undefined;
function suite(): CipherSuite {
  suiteCache ??= new CipherSuite({
    kem: new DhkemP256HkdfSha256(),
    kdf: new HkdfSha256(),
    aead: new Aes128Gcm(),
  });
  return suiteCache;
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
