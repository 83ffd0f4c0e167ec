// A deadline hint: what the claimant's phone tells ONE adviser computer about
// an item it sends, so that computer's service worker can say "a deadline
// within 7 days" on the push, before anyone opens the item. It carries only
// the soonest open deadline's date, or null, padded to a fixed length, so
// every hint has the same size whether or not there is a deadline, and the
// phone sends one for every item it sends (the relay learns nothing new).
//
// Sealed like an item envelope's entry: HPKE Auth mode with the one suite
// (hpke-suite.ts), from the claimant's key to that computer's key, with the
// direction, connection id, item id and the computer's own public key in
// HPKE's info and associated data. It opens only on that computer, with the
// client's key the computer pinned, for that connection and item.
import { fromBase64Url, toBase64Url } from './base64url';
import { HINT_BYTES, HINT_PLAINTEXT_BYTES, isHintShaped } from './hint-shape';
import { hpkeSuite } from './hpke-suite';
import type { RecipientContextParams, SenderContextParams } from '@hpke/core';

/** A non-extractable P-256 private key (a WebCrypto CryptoKey: shared/ has no DOM types). */
export type HintPrivateKey = Extract<RecipientContextParams['recipientKey'], { type: string }>;

const PLAINTEXT_LENGTH = HINT_PLAINTEXT_BYTES;
const ENC_LENGTH = 65;
const TAG_LENGTH = 16;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface DeadlineHint {
  /** YYYY-MM-DD: the soonest open deadline the phone found; null when it found none (or could not read the item). */
  soonest: string | null;
}

export interface HintBinding {
  connectionId: string;
  itemId: string;
  /** base64url raw P-256 public key of the computer the hint is for. */
  recipientKey: string;
}

function context(binding: HintBinding): Uint8Array<ArrayBuffer> {
  if (!binding.connectionId || !binding.itemId || !binding.recipientKey) throw new TypeError('A hint needs a connection, an item and a computer');
  return new TextEncoder().encode('uc-companion deadline-hint v1 ' + JSON.stringify(['to-adviser', binding.connectionId, binding.itemId, binding.recipientKey]));
}

function pad(hint: DeadlineHint): Uint8Array<ArrayBuffer> {
  if (hint.soonest !== null && !ISO_DATE.test(hint.soonest)) throw new TypeError('soonest must be YYYY-MM-DD or null');
  const json = new TextEncoder().encode(JSON.stringify({ soonest: hint.soonest }));
  const out = new Uint8Array(PLAINTEXT_LENGTH).fill(0x20); // JSON allows trailing spaces
  out.set(json, 0);
  return out;
}

function unpad(bytes: Uint8Array): DeadlineHint {
  if (bytes.length !== PLAINTEXT_LENGTH) throw new Error('bad hint length');
  const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  const soonest = (value as { soonest?: unknown } | null)?.soonest;
  if (soonest === null) return { soonest: null };
  if (typeof soonest !== 'string' || !ISO_DATE.test(soonest)) throw new Error('bad hint');
  return { soonest };
}

/** Seals a hint for one computer, from the claimant's key pair (its private key may be non-extractable). */
export async function sealDeadlineHint(
  hint: DeadlineHint,
  { sender, binding }: { sender: { publicKey: string; privateKey: HintPrivateKey }; binding: HintBinding },
): Promise<string> {
  const suite = hpkeSuite();
  const info = context(binding);
  const recipientPublicKey = await suite.kem.deserializePublicKey(fromBase64Url(binding.recipientKey).buffer);
  const senderKey: SenderContextParams['senderKey'] = {
    publicKey: await suite.kem.deserializePublicKey(fromBase64Url(sender.publicKey).buffer),
    privateKey: sender.privateKey,
  };
  const { enc, ct } = await suite.seal({ recipientPublicKey, senderKey, info }, pad(hint).buffer, info.buffer);
  const out = new Uint8Array(HINT_BYTES);
  if (enc.byteLength !== ENC_LENGTH || ct.byteLength !== PLAINTEXT_LENGTH + TAG_LENGTH) throw new Error('Unexpected HPKE output length');
  out.set(new Uint8Array(enc), 0);
  out.set(new Uint8Array(ct), ENC_LENGTH);
  return toBase64Url(out);
}

/**
 * Opens a hint on the computer it was sealed for, only when the client's
 * pinned key sealed it for this connection and item. Throws on anything
 * else (another sender, computer, connection or item, or damage).
 */
export async function openDeadlineHint(
  hint: string,
  { recipientPrivateKey, senderKey, binding }: { recipientPrivateKey: HintPrivateKey; senderKey: string; binding: HintBinding },
): Promise<DeadlineHint> {
  if (!isHintShaped(hint)) throw new Error('not a hint');
  const suite = hpkeSuite();
  const info = context(binding);
  const bytes = fromBase64Url(hint);
  const senderPublicKey = await suite.kem.deserializePublicKey(fromBase64Url(senderKey).buffer);
  const plaintext = await suite.open(
    { recipientKey: recipientPrivateKey, senderPublicKey, enc: bytes.slice(0, ENC_LENGTH).buffer, info },
    bytes.slice(ENC_LENGTH).buffer,
    info.buffer,
  );
  return unpad(new Uint8Array(plaintext));
}
