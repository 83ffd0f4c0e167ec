// Invite codes: 9 characters from a 29-letter alphabet with no look-alikes
// (no 0/O, 1/I/L, U), shown in threes as K7M-2QX-9PD.
//
// 29^9 ≈ 1.45e13 codes. With invites single use, expiring after 7 days, and
// look-ups rate limited per IP and per code prefix, guessing one is hopeless.
// Only a SHA-256 of the normalised code is stored.
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
