// The size and shape of a deadline hint (deadline-hint.ts), without its
// cryptography: the relay checks it, the service worker reads payloads with
// it, and neither needs @hpke/core for that.
import { fromBase64Url, toBase64Url } from './base64url';

/** The padded plaintext: `{"soonest":"YYYY-MM-DD"}` or `{"soonest":null}`, then spaces. */
export const HINT_PLAINTEXT_BYTES = 32;
/** Bytes of every hint: HPKE's encapsulated key (an uncompressed P-256 point), the padded plaintext, the AES-GCM tag. */
export const HINT_BYTES = 65 + HINT_PLAINTEXT_BYTES + 16;
/** Characters of every hint as base64url (no padding): 151. */
export const HINT_CHARS = Math.ceil((HINT_BYTES * 4) / 3);

/** True when `text` has the shape of a hint: canonical base64url of exactly HINT_BYTES. */
export function isHintShaped(text: unknown): text is string {
  if (typeof text !== 'string' || text.length !== HINT_CHARS) return false;
  try {
    return toBase64Url(fromBase64Url(text)) === text;
  } catch {
    return false;
  }
}
