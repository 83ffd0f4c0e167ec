// End-to-end encryption for forwarded notices and replies: a random
// AES-128-GCM content key per item, sealed to each recipient device with HPKE
// (RFC 9180) Auth mode, DHKEM(P-256, HKDF-SHA256) + HKDF-SHA256 + AES-128-GCM,
// so every envelope proves which pinned key sealed it, and bound to its
// connection, direction and item id.
// All primitives come from @hpke/core and WebCrypto; nothing here is home-made.
import { fromBase64Url, toBase64Url } from '../../../shared/protocol/base64url';
import { hpkeSuite as suite } from '../../../shared/protocol/hpke-suite';
import { POINT_LENGTH, buf, importPublicKey, sha256Hex, subtle } from './keys';

export interface Payload {
  kind: 'text' | 'image';
  text?: string; // pasted text, or an optional note with an image
  image?: Uint8Array; // compressed image bytes
  mime?: string; // e.g. 'image/webp' or 'image/jpeg'
  name?: string; // file name for download
  sentAt: string; // ISO time on the sender's device
}

const VERSION = 3;
const ENC_LENGTH = POINT_LENGTH; // HPKE's encapsulated key: an uncompressed P-256 point
const OPEN_FAILED = 'This item could not be checked: it may not be from who it says, or it was meant for another connection or device.';

/** Which way an envelope goes: from the claimant's phone to the adviser's computers, or a reply back. */
export type Direction = 'to-adviser' | 'to-claimant';

/** Where an envelope belongs. It is bound to all three: moved anywhere else, it does not open. */
export interface Binding {
  connectionId: string;
  direction: Direction;
  itemId: string;
}

/** The sealing key pair: the claimant's key, or the adviser computer's own key (both P-256, deriveBits). */
export interface Sender {
  publicKey: string;
  privateKey: CryptoKey;
}

/** Why an envelope was not opened. Only 'not-for-this-key' is innocent for sure (say, sent before this computer joined). */
export type RefusalReason = 'unknown-sender' | 'not-for-this-key' | 'unchecked';

/** An envelope that is not shown: not from a sender we trust, not bound here, damaged, or not for this key. */
export class EnvelopeRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    options?: { cause?: unknown },
  ) {
    super(OPEN_FAILED, options);
    this.name = 'EnvelopeRefused';
  }
}

/**
 * HPKE info (key schedule) and AES-GCM additional data: the protocol, the
 * version, and the binding. JSON makes it unambiguous whatever the ids hold.
 */
function context(binding: Binding): Uint8Array<ArrayBuffer> {
  if (binding.direction !== 'to-adviser' && binding.direction !== 'to-claimant') throw new TypeError('Unknown direction');
  if (!binding.connectionId || !binding.itemId) throw new TypeError('An envelope needs a connection id and an item id');
  return new TextEncoder().encode('uc-companion item v3 ' + JSON.stringify([binding.direction, binding.connectionId, binding.itemId]));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** First 8 bytes of SHA-256 of the raw public key: tells a computer which entry is its own. */
async function keyId(publicKey: string): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', buf(fromBase64Url(publicKey)))).slice(0, KEY_ID_LENGTH);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
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

/** Envelope layout, version 3 (authenticated, bound, several recipients):
 *  version(1) | sender key 65 | count(1) | count × (key id 8 | enc 65 | wrapped key 32) | iv 12 | ciphertext
 * A fresh AES-128-GCM content key encrypts the payload once; HPKE in Auth
 * mode (RFC 9180 §5.1.3) seals that key to each recipient device with the
 * sender's static key, so only the holder of the sender's private key could
 * have made an entry that opens. HPKE's info and the AES-GCM additional data
 * both carry the binding (connection id, direction, item id): an envelope
 * moved to another connection, direction or item id does not open. The whole
 * header is AES-GCM additional data too, so entries cannot be swapped,
 * dropped or added. */
const KEY_ID_LENGTH = 8;
const CONTENT_KEY_LENGTH = 16;
const WRAPPED_LENGTH = CONTENT_KEY_LENGTH + 16; // + AES-GCM tag
const ENTRY_LENGTH = KEY_ID_LENGTH + ENC_LENGTH + WRAPPED_LENGTH;
const PREFIX_LENGTH = 1 + POINT_LENGTH + 1; // version, sender, count
const IV_LENGTH = 12;
const MAX_RECIPIENTS = 255;

export async function sealPayload(
  recipientPublicKeys: string[],
  payload: Payload,
  { sender, binding }: { sender: Sender; binding: Binding },
): Promise<{ envelope: string; sha256: string }> {
  const unique = [...new Set(recipientPublicKeys)];
  if (unique.length === 0 || unique.length > MAX_RECIPIENTS) throw new RangeError('Need between 1 and 255 recipients');
  const recipients = await Promise.all(unique.map(async (key) => ({ key: await importPublicKey(key), id: await keyId(key) })));
  const senderKey: CryptoKeyPair = { publicKey: await importPublicKey(sender.publicKey), privateKey: sender.privateKey };
  const info = context(binding);
  const plaintext = serialise(payload);
  const contentKeyBytes = globalThis.crypto.getRandomValues(new Uint8Array(CONTENT_KEY_LENGTH));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_LENGTH));
  const headerLength = PREFIX_LENGTH + unique.length * ENTRY_LENGTH + IV_LENGTH;
  const header = new Uint8Array(headerLength);
  header[0] = VERSION;
  header.set(fromBase64Url(sender.publicKey), 1);
  header[PREFIX_LENGTH - 1] = unique.length;
  // The version and the sender's key are HPKE associated data as well.
  const hpkeAad = header.slice(0, PREFIX_LENGTH - 1);
  let offset = PREFIX_LENGTH;
  for (const recipient of recipients) {
    // Fresh ephemeral key per recipient, so equal payloads differ; Auth mode adds the sender's static key.
    const { enc, ct } = await suite().seal({ recipientPublicKey: recipient.key, senderKey, info }, contentKeyBytes, hpkeAad);
    const encBytes = new Uint8Array(enc);
    const wrapped = new Uint8Array(ct);
    if (encBytes.length !== ENC_LENGTH || wrapped.length !== WRAPPED_LENGTH) throw new Error('Unexpected HPKE output length');
    header.set(recipient.id, offset);
    header.set(encBytes, offset + KEY_ID_LENGTH);
    header.set(wrapped, offset + KEY_ID_LENGTH + ENC_LENGTH);
    offset += ENTRY_LENGTH;
  }
  header.set(iv, offset);
  const contentKey = await subtle().importKey('raw', contentKeyBytes, 'AES-GCM', false, ['encrypt']);
  contentKeyBytes.fill(0);
  const ct = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: concat(header, info), tagLength: 128 }, contentKey, plaintext));
  const out = new Uint8Array(headerLength + ct.length);
  out.set(header, 0);
  out.set(ct, headerLength);
  return { envelope: toBase64Url(out), sha256: await sha256Hex(plaintext) };
}

/**
 * Whether an envelope is sealed to exactly these public keys (by key id, no
 * more and no fewer). It opens nothing and proves nothing: only for deciding
 * whether to seal something again, say once another computer has joined.
 */
export async function sealedToExactly(envelope: string, publicKeys: readonly string[]): Promise<boolean> {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(envelope);
  } catch {
    return false;
  }
  if (bytes.length < PREFIX_LENGTH || bytes[0] !== VERSION) return false;
  const count = bytes[PREFIX_LENGTH - 1] ?? 0;
  if (bytes.length < PREFIX_LENGTH + count * ENTRY_LENGTH) return false;
  const wanted = await Promise.all([...new Set(publicKeys)].map(keyId));
  if (wanted.length !== count) return false;
  const present = (id: Uint8Array) => {
    for (let offset = PREFIX_LENGTH; offset < PREFIX_LENGTH + count * ENTRY_LENGTH; offset += ENTRY_LENGTH) {
      if (sameBytes(bytes.subarray(offset, offset + KEY_ID_LENGTH), id)) return true;
    }
    return false;
  };
  return wanted.every(present);
}

/**
 * Opens an envelope only when it was sealed by one of `senders` (pinned
 * keys, never the relay's word), for this binding, to this recipient.
 * Anything else throws EnvelopeRefused, with one message whatever failed.
 */
export async function openEnvelope(
  recipient: { publicKey: string; privateKey: CryptoKey },
  envelope: string,
  { senders, binding }: { senders: readonly string[]; binding: Binding },
): Promise<Payload & { sha256: string; sender: string }> {
  let plaintext: Uint8Array;
  let payload: Payload;
  let sender: string;
  try {
    const info = context(binding);
    const bytes = fromBase64Url(envelope);
    // Version 2 and older had no sender and no binding: never shown as genuine.
    if (bytes.length < PREFIX_LENGTH || bytes[0] !== VERSION) throw new EnvelopeRefused('unchecked');
    sender = toBase64Url(bytes.slice(1, 1 + POINT_LENGTH));
    if (!senders.includes(sender)) throw new EnvelopeRefused('unknown-sender');
    const count = bytes[PREFIX_LENGTH - 1] ?? 0;
    const headerLength = PREFIX_LENGTH + count * ENTRY_LENGTH + IV_LENGTH;
    // 16 = AES-GCM tag; anything shorter cannot be ours.
    if (count === 0 || bytes.length < headerLength + 16) throw new EnvelopeRefused('unchecked');
    const own = await keyId(recipient.publicKey);
    let offset = PREFIX_LENGTH;
    while (offset < PREFIX_LENGTH + count * ENTRY_LENGTH && !sameBytes(bytes.subarray(offset, offset + KEY_ID_LENGTH), own)) offset += ENTRY_LENGTH;
    if (offset >= PREFIX_LENGTH + count * ENTRY_LENGTH) throw new EnvelopeRefused('not-for-this-key');
    const senderPublicKey = await importPublicKey(sender);
    const contentKeyBytes = new Uint8Array(
      await suite().open(
        {
          recipientKey: recipient.privateKey,
          senderPublicKey,
          enc: bytes.slice(offset + KEY_ID_LENGTH, offset + KEY_ID_LENGTH + ENC_LENGTH),
          info,
        },
        bytes.slice(offset + KEY_ID_LENGTH + ENC_LENGTH, offset + ENTRY_LENGTH),
        bytes.slice(0, PREFIX_LENGTH - 1),
      ),
    );
    if (contentKeyBytes.length !== CONTENT_KEY_LENGTH) throw new EnvelopeRefused('unchecked');
    const header = bytes.slice(0, headerLength);
    const contentKey = await subtle().importKey('raw', buf(contentKeyBytes), 'AES-GCM', false, ['decrypt']);
    contentKeyBytes.fill(0);
    plaintext = new Uint8Array(
      await subtle().decrypt(
        { name: 'AES-GCM', iv: header.slice(headerLength - IV_LENGTH), additionalData: concat(header, info), tagLength: 128 },
        contentKey,
        bytes.slice(headerLength),
      ),
    );
    payload = deserialise(plaintext);
  } catch (e) {
    // One message for every failure: do not tell an attacker which check failed.
    if (e instanceof EnvelopeRefused) throw e;
    throw new EnvelopeRefused('unchecked', { cause: e });
  }
  return { ...payload, sha256: await sha256Hex(plaintext), sender };
}
