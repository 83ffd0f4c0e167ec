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
 * base64url, held only as the bytes it encodes (the body itself can go). It
 * stands for the string JSON.parse would have given; the schemas accept it
 * where an envelope goes and nowhere else.
 */
export class LongBase64url {
  constructor(
    /** The bytes it encodes. */
    readonly bytes: Buffer,
    /** Characters, as a string's length. */
    readonly length: number,
  ) {}

  /** The characters as a string (canonical, so encoding the bytes gives them back; a long string again: for tests, never on a send). */
  toString(): string {
    return this.bytes.toString('base64url');
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

/** The only key whose value is kept as bytes: what the send and reply requests call their envelope. */
const KEY = Buffer.from('"envelope"');
/** A send with every hint it may carry has about 2,000 quotes; a body with more is parsed as it is. */
const MAX_QUOTES = 8192;

/**
 * JSON.parse of a UTF-8 body, except that each value of an `envelope` key
 * that is at least `minBytes` of canonical unpadded base64url comes back as a
 * LongBase64url. Every other value stays as JSON.parse gives it (a long
 * string elsewhere is refused by the schemas as before). A body JSON.parse
 * refuses is refused: each string replaced is swapped for a short plain
 * string, so the parser meets the same kind of token where it was.
 */
export function parseJsonKeepingLongText(body: Buffer, minBytes = LONG_TEXT_BYTES): unknown {
  // Strings in JSON start and end at unescaped quotes; a quote inside one is
  // always escaped, and nothing outside one is. memchr finds the quotes.
  const kept: LongBase64url[] = [];
  const pieces: Buffer[] = [];
  const marker = `long:${randomUUID()}:`; // no request can guess it
  let copiedTo = 0;
  let open = -1;
  let previous = { open: -1, close: -1 };
  let quotes = 0;
  for (let quote = body.indexOf(QUOTE); quote !== -1; quote = body.indexOf(QUOTE, quote + 1)) {
    if (++quotes > MAX_QUOTES) return JSON.parse(body.toString('utf8'));
    if (open === -1) {
      open = quote;
      continue;
    }
    let slashes = 0;
    while (body[quote - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 1) continue; // an escaped quote, inside the string
    const literal = { open, close: quote };
    open = -1;
    const key = previous;
    previous = literal;
    if (quote - literal.open - 1 < minBytes || !isValueOfKey(body, key, literal.open)) continue;
    const ascii = body.subarray(literal.open + 1, quote);
    // Only the alphabet decodes: no escape, control character or other byte is ever taken out of the parser's sight.
    const bytes = decodeCanonical(ascii);
    if (!bytes) continue;
    pieces.push(body.subarray(copiedTo, literal.open + 1), Buffer.from(`${marker}${kept.length}`));
    kept.push(new LongBase64url(bytes, ascii.length));
    copiedTo = quote;
  }
  if (kept.length === 0) return JSON.parse(body.toString('utf8'));
  pieces.push(body.subarray(copiedTo));
  const value = JSON.parse(Buffer.concat(pieces).toString('utf8')) as unknown;
  putBack(value, marker, kept);
  return value;
}

/** True when the string literal opening at `open` follows `"envelope"` and a colon (white space aside). */
function isValueOfKey(body: Buffer, key: { open: number; close: number }, open: number): boolean {
  if (key.close - key.open + 1 !== KEY.length || !body.subarray(key.open, key.close + 1).equals(KEY)) return false;
  let at = key.close + 1;
  while (isSpace(body[at])) at++;
  if (body[at] !== COLON) return false;
  at++;
  while (isSpace(body[at])) at++;
  return at === open;
}

/**
 * Puts each kept value where its stand-in is (always an `envelope`
 * property). A loop with its own stack, not JSON.parse's reviver: that
 * recurses, and a deeply nested body that JSON.parse takes would overflow it.
 */
function putBack(value: unknown, marker: string, kept: LongBase64url[]): void {
  let left = kept.length;
  const stack = [value];
  while (stack.length > 0 && left > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const name of Object.keys(record)) {
      const item = record[name];
      if (name === 'envelope' && typeof item === 'string' && item.startsWith(marker)) {
        record[name] = kept[Number(item.slice(marker.length))];
        left--;
      } else if (item !== null && typeof item === 'object') stack.push(item);
    }
  }
}
