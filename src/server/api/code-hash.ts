// Invite and device codes are short (9 characters from 30, about 44 bits),
// so a plain hash of one could be reversed by trying every code. They are
// stored as HMAC-SHA256 under a server key that is not in the database
// (code-secret.ts). Credentials (256 random bits) keep a plain SHA-256.
import { createHmac, randomBytes } from 'node:crypto';

export type CodeHasher = (code: string) => string;

/** HMAC-SHA256 of the normalised code under `secret`, as hex. */
export function codeHasher(secret: Buffer): CodeHasher {
  if (secret.length < 16) throw new Error('The code hash secret is too short.');
  return (code) => createHmac('sha256', secret).update(code, 'utf8').digest('hex');
}

/** A key for one process only (tests, tools): codes hashed with it mean nothing to another process. */
export function ephemeralCodeHasher(): CodeHasher {
  return codeHasher(randomBytes(32));
}
