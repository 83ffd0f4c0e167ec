// isCanonicalBase64url checks in one pass what the decode-and-re-encode
// round trip it replaced checked: the same answer for every string.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCanonicalBase64url } from '../../../src/server/api/schemas';

/** The old definition: what Buffer writes back is the text itself. */
function roundTrip(text: string): boolean {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return false;
  return Buffer.from(text, 'base64url').toString('base64url') === text;
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('isCanonicalBase64url', () => {
  it('agrees with the decode/encode round trip on encodings, near-encodings and junk', () => {
    const encoded = fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes).toString('base64url'));
    // Any string of the alphabet (non-canonical last characters included), and any with other characters.
    const letters = fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 40 });
    const junk = fc.string({ unit: fc.constantFrom(...alphabet, '=', '+', '/', ' ', '\n', '.', 'é', '€', '\u0000'), maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(encoded, letters, junk), (text) => {
        expect(isCanonicalBase64url(text)).toBe(roundTrip(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('a 100 KB envelope, and the same with one wrong character anywhere', () => {
    const text = randomBytes(100 * 1024 + 1).toString('base64url');
    expect(isCanonicalBase64url(text)).toBe(true);
    for (const at of [0, 1, 5000, text.length - 2, text.length - 1]) {
      for (const bad of ['=', '+', '/', ' ', '.', 'é', '€']) {
        const broken = text.slice(0, at) + bad + text.slice(at + 1);
        expect(isCanonicalBase64url(broken)).toBe(false);
      }
    }
    // A bigger one after it still works (the scratch buffer grows), and a smaller one after that.
    expect(isCanonicalBase64url(randomBytes(300 * 1024).toString('base64url'))).toBe(true);
    expect(isCanonicalBase64url('AQ')).toBe(true);
  });

  it('every last character for each length', () => {
    for (const prefix of ['', 'A', 'AB', 'ABC', 'ABCD', 'ABCDE', 'ABCDEF', 'ABCDEFG']) {
      for (const last of alphabet) expect(isCanonicalBase64url(prefix + last)).toBe(roundTrip(prefix + last));
    }
    expect(isCanonicalBase64url('')).toBe(true);
    expect(isCanonicalBase64url('AA==')).toBe(false);
    expect(isCanonicalBase64url('AQ')).toBe(true);
    expect(isCanonicalBase64url('AR')).toBe(false);
  });

  it('only ASCII: Node reads a character over U+00FF by its low byte (Ł as A)', () => {
    expect(Buffer.from('\u0141AAA', 'base64url')).toEqual(Buffer.from('AAAA', 'base64url'));
    for (const odd of ['\u0141AAA', 'AAA\u0141', 'AB\u0143A', '\u{1F600}AA', 'AAAAAAA\u0141']) expect(isCanonicalBase64url(odd), odd).toBe(false);
    const long = randomBytes(30_000).toString('base64url');
    expect(isCanonicalBase64url(`${long.slice(0, 1000)}\u0141${long.slice(1001)}`)).toBe(false);
  });
});
