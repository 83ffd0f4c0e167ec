// Invite codes: 9 characters from a 30-character alphabet with no look-alikes
// (no 0/O, 1/I/L, U), shown in threes as K7M-2QX-9PD. guessingFigures()
// works out what the README says about guessing, from this alphabet and the
// real rate limits. Only a keyed hash (HMAC-SHA256, code-hash.ts) of the
// normalised code is stored.
import { randomInt } from 'node:crypto';

export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITE_LENGTH = 9;
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Device codes (adding a computer) use the same alphabet, and last 10 minutes. */
export const DEVICE_CODE_TTL_MS = 10 * 60 * 1000;
/** Each later step of adding a computer (approval, then the claim) has another 10 minutes. */
export const DEVICE_STEP_TTL_MS = 10 * 60 * 1000;

const VALID = new RegExp(`^[${INVITE_ALPHABET}]{${INVITE_LENGTH}}$`);

/** A new random code, normalised (9 characters, no dashes). */
export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

/** K7M2QX9PD → K7M-2QX-9PD */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6, 9)}`;
}

/** Accepts any case, with or without dashes and spaces; null when it cannot be a code. */
export function normaliseInviteCode(input: string): string | null {
  if (input.length > 40) return null;
  const code = input.replace(/[\s-]+/g, '').toUpperCase();
  return VALID.test(code) ? code : null;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * The best a guesser can do against the limits: per address, and in total
 * (every 3-character prefix has its own hourly bucket, shared by everyone).
 */
export function guessingFigures(limits: { perIpPerMinute: number; perPrefixPerHour: number }) {
  const alphabet = INVITE_ALPHABET.length;
  const codes = alphabet ** INVITE_LENGTH;
  const prefixes = alphabet ** 3;
  const ceilingPerHour = prefixes * limits.perPrefixPerHour;
  const inviteHours = INVITE_TTL_MS / HOUR_MS;
  const deviceHours = DEVICE_CODE_TTL_MS / HOUR_MS;
  return {
    alphabet,
    codes,
    bits: Math.log2(codes),
    prefixes,
    /** Look-ups an hour, all addresses together. */
    ceilingPerHour,
    /** Addresses needed to reach the ceiling. */
    addressesForCeiling: ceilingPerHour / (limits.perIpPerMinute * 60),
    /** Chance that one open invite is found in its 7 days, at the ceiling. */
    perInvite: (ceilingPerHour * inviteHours) / codes,
    /** The same, from one address. */
    perInviteOneAddress: (limits.perIpPerMinute * 60 * inviteHours) / codes,
    /** Chance that one device code is found in its 10 minutes, at the ceiling. */
    perDeviceCode: (ceilingPerHour * deviceHours) / codes,
  };
}
