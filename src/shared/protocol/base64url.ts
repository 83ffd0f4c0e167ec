// Binary data travels as base64url text (RFC 4648 §5, no padding): keys,
// signatures, envelopes. One codec for the page and the service worker; the
// relay uses Node's Buffer, which writes the same text.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

/** Bytes per btoa call: a multiple of 3 (no padding mid-way), small enough for String.fromCharCode's argument list. */
const CHUNK = 3 * 8192;

// A 1.5 MB PDF is a 2 MB envelope: built one character at a time that took
// about half a second on this machine, all on the page's main thread. The
// browser's own encoder (Chromium 140+, Firefox 133+, Safari 18.2+) or btoa
// in chunks does the same in a few milliseconds.
export function toBase64Url(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: (options: { alphabet: 'base64url'; omitPadding: boolean }) => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes, { alphabet: 'base64url', omitPadding: true });
  return toBase64UrlWithBtoa(bytes);
}

/** The same text, where Uint8Array has no toBase64 (Node 20, older browsers). */
export function toBase64UrlWithBtoa(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(start, start + CHUNK))));
  }
  return parts.join('').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// Strict: no padding, no whitespace, no '+/' and no non-zero trailing bits,
// so each byte string has exactly one accepted encoding.
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (typeof text !== 'string' || text.length % 4 === 1) throw new TypeError('Invalid base64url');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? INDEX[c]! : -1;
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
