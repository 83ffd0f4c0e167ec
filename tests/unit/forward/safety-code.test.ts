// Safety codes as people type them: whole codes only, any case and separators.
import { describe, expect, it } from 'vitest';
import { isSafetyCode, normaliseSafetyCode, safetyCodeMatches } from '../../../src/client/services/safety-code';
import { fingerprint, generateKeyPair } from '../../../src/client/services/crypto';

describe('safety codes', () => {
  it('reads any case, spaces, dashes and dots, and Crockford look-alikes', () => {
    expect(normaliseSafetyCode(' 3eqh-rgnp 4k2m.x9vt ')).toBe('3EQHRGNP4K2MX9VT');
    expect(normaliseSafetyCode('O0 Il')).toBe('0011');
  });

  it('is 16 characters of Crockford base32', () => {
    expect(isSafetyCode('3EQH-RGNP-4K2M-X9VT')).toBe(true);
    expect(isSafetyCode('3EQH-RGNP-4K2M-X9V')).toBe(false);
    expect(isSafetyCode('3EQH-RGNP-4K2M-X9VTA')).toBe(false);
    expect(isSafetyCode('3EQH-RGNP-4K2M-X9VU')).toBe(false); // no U
    expect(isSafetyCode('')).toBe(false);
  });

  it('matches only the whole code of the key', async () => {
    const key = await generateKeyPair();
    const code = await fingerprint(key.publicKey);
    expect(safetyCodeMatches(code, code.toLowerCase().replace(/-/g, ' '))).toBe(true);
    expect(safetyCodeMatches(code, code.slice(-4))).toBe(false);
    expect(safetyCodeMatches(code, code.slice(0, -1))).toBe(false);
    expect(safetyCodeMatches(code, '')).toBe(false);
    expect(safetyCodeMatches(code, await fingerprint((await generateKeyPair()).publicKey))).toBe(false);
    // An expected value that is not a safety code never matches, even itself.
    expect(safetyCodeMatches('', '')).toBe(false);
    expect(safetyCodeMatches('ABC', 'ABC')).toBe(false);
  });
});
