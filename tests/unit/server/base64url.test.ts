// isCanonicalBase64url checks in one pass what the decode-and-re-encode
// round trip it replaced checked: the same answer for every string.
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
    const junk = fc.string({ unit: fc.constantFrom(...alphabet, '=', '+', '/', ' ', '\n', '.', 'é'), maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(encoded, letters, junk), (text) => {
        expect(isCanonicalBase64url(text)).toBe(roundTrip(text));
      }),
      { numRuns: 5000 },
    );
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
});
