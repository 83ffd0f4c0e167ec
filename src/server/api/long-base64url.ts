// Request bodies that carry an envelope (100 KB and more of base64url) are
// parsed without ever making the envelope, or the whole body, a JavaScript
// string. V8 puts every string over 128 KB in a space of its own, with a
// fresh memory mapping for each one: making a 129 KB string costs about 700 µs
// of CPU (most of it the kernel's), a 127 KB one about 10 µs (measured in the
// README, "Long strings"). A 100 KB envelope is a 136 KB body and a 133 KB
// string, so reading one with JSON.parse cost the relay about 1.4 ms: more
// than everything else it does for a send.
import { randomUUID } from 'node:crypto';

/** String values at least this long (in bytes of the body) are kept as bytes. */
export const LONG_TEXT_BYTES = 16 * 1024;
/** Decoded a piece at a time: each piece a string well under V8's 128 KB limit, a multiple of 4 characters. */
const PIECE_CHARS = 64 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A long string value from a request body that is canonical unpadded
 * base64url, held as the body's own ASCII bytes and the bytes they encode. It
 * stands for the string JSON.parse would have given; the schemas accept it
 * where an envelope goes and nowhere else.
 */
export class LongBase64url {
  /** Characters, as a string's length. */
  readonly length: number;

  constructor(
    private readonly ascii: Buffer,
    /** The bytes it encodes. */
    readonly bytes: Buffer,
  ) {
    this.length = ascii.length;
  }

  /** The characters as a string (a long string again: for tests and errors, never on a send). */
  toString(): string {
    return this.ascii.toString('latin1');
  }
}

/** The bytes `ascii` encodes, or null when it is not canonical unpadded base64url (as isCanonicalBase64url). */
export function decodeCanonical(ascii: Buffer): Buffer | null {
  const length = ascii.length;
  const rest = length % 4;
  if (rest === 1) return null;
  const size = Math.floor((length * 3) / 4);
  const out = Buffer.allocUnsafe(size);
  let written = 0;
  for (let at = 0; at < length; at += PIECE_CHARS) {
    const piece = ascii.toString('latin1', at, Math.min(length, at + PIECE_CHARS));
    // Node's decoder reads + and / too, and skips anything else that is not
    // base64: one odd character leaves the output short (checked below).
    if (piece.includes('+') || piece.includes('/')) return null;
    written += out.write(piece, written, 'base64url');
  }
  if (written !== size) return null;
  return rest === 0 || unusedBitsClear(String.fromCharCode(ascii[length - 1]!), rest) ? out : null;
}

/**
 * Canonical base64url leaves the unused bits of its last character at zero:
 * two characters left over (`rest` 2) hold one byte and 4 unused bits; three
 * hold two bytes and 2 unused bits.
 */
export function unusedBitsClear(last: string, rest: number): boolean {
  return (BASE64URL_ALPHABET.indexOf(last) & (rest === 2 ? 0b1111 : 0b11)) === 0;
}

const isSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/**
 * JSON.parse of a UTF-8 body, except that each string value of at least
 * `minBytes` that is canonical unpadded base64url comes back as a
 * LongBase64url. Object keys and every other string stay strings. A body
 * JSON.parse refuses is refused: each string replaced is swapped for a short
 * plain string, so the parser meets the same kind of token where it was.
 */
export function parseJsonKeepingLongText(body: Buffer, minBytes = LONG_TEXT_BYTES): unknown {
  // Strings in JSON start and end at unescaped quotes; a quote inside one is
  // always escaped, and nothing outside one is. memchr finds the quotes.
  const kept: LongBase64url[] = [];
  const pieces: Buffer[] = [];
  const marker = `long:${randomUUID()}:`; // no request can guess it
  let copiedTo = 0;
  let open = -1;
  for (let quote = body.indexOf(QUOTE); quote !== -1; quote = body.indexOf(QUOTE, quote + 1)) {
    if (open === -1) {
      open = quote;
      continue;
    }
    let slashes = 0;
    while (body[quote - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 1) continue; // an escaped quote, inside the string
    const start = open + 1;
    open = -1;
    if (quote - start < minBytes) continue;
    let next = quote + 1;
    while (isSpace(body[next])) next++;
    if (body[next] === COLON) continue; // a key
    const ascii = body.subarray(start, quote);
    // Only the alphabet decodes: no escape, control character or other byte is ever taken out of the parser's sight.
    const bytes = decodeCanonical(ascii);
    if (!bytes) continue;
    pieces.push(body.subarray(copiedTo, start), Buffer.from(`${marker}${kept.length}`));
    kept.push(new LongBase64url(ascii, bytes));
    copiedTo = quote;
  }
  if (kept.length === 0) return JSON.parse(body.toString('utf8'));
  pieces.push(body.subarray(copiedTo));
  return JSON.parse(Buffer.concat(pieces).toString('utf8'), (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(marker) ? kept[Number(value.slice(marker.length))] : value,
  );
}
