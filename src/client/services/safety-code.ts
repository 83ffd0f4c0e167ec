// Safety codes as people type them. A safety code is fingerprint(key): 16
// Crockford base32 characters, 80 bits of SHA-256 ("3EQH-RGNP-…"). Where a
// comparison is part of a protocol (a typed invite code, approving a computer,
// a new computer checking the adviser's signing key) the whole code is typed:
// the last 4 characters are only 20 bits, which a hostile relay can match
// with a key of its own in about a million tries (minutes on one computer).

/** Any case, spaces and dashes; Crockford's look-alikes read as the digits they stand for. */
export function normaliseSafetyCode(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[\s\-–—.]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** 16 characters of Crockford base32 (no I, L, O, U) once normalised. */
export function isSafetyCode(raw: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{16}$/.test(normaliseSafetyCode(raw));
}

/** True only when `typed` is the whole of `expected` (whatever the case and separators). */
export function safetyCodeMatches(expected: string, typed: string): boolean {
  const want = normaliseSafetyCode(expected);
  return isSafetyCode(want) && want === normaliseSafetyCode(typed);
}
